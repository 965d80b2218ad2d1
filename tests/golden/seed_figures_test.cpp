// The acceptance figures of ../shared/spec/seed-expectations.md, asserted
// exactly for each of the five real plans.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct Seed {
  std::string file;
  std::string kind, title, issuer, date;
  unsigned period_start, period_end;
  unsigned tasks, tasks_with_units, targets, measured, stages;
  bool acceptance;
};
std::ostream& operator<<(std::ostream& out, const Seed& s) { return out << s.file; }

const Seed kSeeds[] = {
    {"mentougou-ip-pilot-2020", "实施方案", "门头沟区国家知识产权试点城区工作实施方案",
     "北京市门头沟区人民政府办公室", "2020-02-26", 0, 0, 18, 18, 8, 0, 3, true},
    {"tongzhou-ip-pilot-2024", "工作方案", "通州区国家知识产权强市建设试点城市工作方案",
     "北京市通州区人民政府", "2024-03-26", 0, 0, 17, 0, 1, 0, 0, false},
    {"sancheng-yiqu-ip-action-2020", "行动方案", "“三城一区”知识产权行动方案", "北京市知识产权局",
     "2020-03-03", 2020, 2022, 15, 0, 1, 0, 0, false},
    {"beijing-ip-14th-fyp-2021", "规划", "北京市“十四五”时期知识产权发展规划", "北京市知识产权局",
     "2021-07", 0, 0, 33, 0, 10, 4, 0, false},
    {"beichen-ip-pilot-2022", "工作方案", "北辰区国家知识产权强市建设试点城市工作方案",
     "天津市北辰区人民政府", "2022-09-29", 0, 0, 8, 8, 6, 2, 0, false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(seed_expectations)

BOOST_DATA_TEST_CASE(figures_of_each_real_plan, data::make(kSeeds), s) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/" + s.file + ".txt");
  BOOST_TEST(plan.kind == s.kind);
  BOOST_TEST(plan.title == s.title);
  BOOST_TEST(plan.issuer == s.issuer);
  BOOST_TEST(plan.date == s.date);
  BOOST_TEST(plan.period_start == s.period_start);
  BOOST_TEST(plan.period_end == s.period_end);
  const auto f = planlint::figures_of(plan);
  BOOST_TEST(f.tasks == s.tasks);
  BOOST_TEST(f.tasks_with_units == s.tasks_with_units);
  BOOST_TEST(f.targets == s.targets);
  BOOST_TEST(f.measured == s.measured);
  BOOST_TEST(f.stages == s.stages);
  BOOST_TEST(f.acceptance == s.acceptance);
}

BOOST_AUTO_TEST_CASE(mentougou_first_task_and_stages) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/mentougou-ip-pilot-2020.txt");
  const planlint::Section* first = nullptr;
  std::vector<planlint::Stage> stages;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    if (s.task && !first) first = &s;
    stages.insert(stages.end(), s.stages().begin(), s.stages().end());
  });
  BOOST_TEST_REQUIRE(first != nullptr);
  BOOST_TEST(first->title == "培育知识产权优势企业");
  BOOST_TEST(first->where.line == 68u);
  const std::vector<std::string> expected{"区市场监督管理局", "区科学技术和信息化局", "石龙管委",
                                          "区发展改革委", "区商务局", "区科协"};
  std::vector<std::string> names;
  for (const auto& u : first->task_units()) {
    names.emplace_back(u.name);
    BOOST_TEST(u.where.line == 76u);
  }
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  BOOST_TEST(first->task_units().at(0).role == planlint::UnitRole::lead);
  BOOST_TEST(first->task_units().at(1).role == planlint::UnitRole::support);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[0].name == "准备阶段");
  BOOST_TEST(stages[0].from == "2019-12");
  BOOST_TEST(stages[0].to == "2020-01");
  BOOST_TEST(stages[1].from == "2020-01");
  BOOST_TEST(stages[1].to == "2021-12");
  BOOST_TEST(stages[2].name == "总结验收阶段");
  BOOST_TEST(stages[2].from == "2021-12");
  BOOST_TEST(stages[2].to.empty());
  BOOST_TEST(stages[2].acceptance);
  BOOST_TEST(!stages[0].acceptance);
}

BOOST_AUTO_TEST_CASE(tongzhou_attachment_is_named_but_absent) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/tongzhou-ip-pilot-2024.txt");
  BOOST_TEST_REQUIRE(plan.attachments.size() == 1u);
  BOOST_TEST(plan.attachments[0].where.line == 60u);
  BOOST_TEST(plan.attachments[0].title == "《通州区国家知识产权强市建设试点城市工作方案》任务分工表");
  BOOST_TEST(!plan.attachments[0].present);
}

BOOST_AUTO_TEST_CASE(page_break_targets_are_one_paragraph) {
  const auto sancheng = planlint::testing::plan_from_fixture("fixtures/plans/sancheng-yiqu-ip-action-2020.txt");
  BOOST_TEST_REQUIRE(sancheng.sections.size() >= 1u);
  const auto& goals = sancheng.sections[0];
  BOOST_TEST(goals.role == planlint::Role::goals);
  BOOST_TEST_REQUIRE(goals.targets().size() == 1u);
  BOOST_TEST(goals.targets()[0].where.line == 25u);
  BOOST_TEST(goals.targets()[0].deadline == 2022u);
  BOOST_TEST(goals.targets()[0].text.find("能力明显增强") != std::string::npos);

  const auto beijing = planlint::testing::plan_from_fixture("fixtures/plans/beijing-ip-14th-fyp-2021.txt");
  bool found = false;
  planlint::for_each_section(beijing.sections, [&](const planlint::Section& s, const planlint::Section*) {
    if (s.title == "二〇三五年远景目标") {
      BOOST_TEST(s.role == planlint::Role::goals);
      BOOST_TEST_REQUIRE(s.targets().size() == 1u);
      BOOST_TEST(s.targets()[0].where.line == 114u);
      BOOST_TEST(s.targets()[0].text.find("权市场机制更加健全") != std::string::npos);
      found = true;
    }
  });
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(beijing_toc_yields_nothing) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/beijing-ip-14th-fyp-2021.txt");
  BOOST_TEST_REQUIRE(plan.sections.size() == 4u);
  BOOST_TEST(plan.sections[0].where.line == 72u);  // not the TOC entry on line 11
}

BOOST_AUTO_TEST_CASE(beichen_inline_units_and_measured_statements) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/beichen-ip-pilot-2022.txt");
  const planlint::Section* eighth = nullptr;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    if (s.task && s.value == 8) eighth = &s;
  });
  BOOST_TEST_REQUIRE(eighth != nullptr);
  std::vector<std::string> names;
  for (const auto& u : eighth->task_units()) names.emplace_back(u.name);
  const std::vector<std::string> expected{"区市场监管局", "区教育局", "区知识产权战略领导小组成员单位"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());

  const auto& goals = plan.sections.at(2);
  BOOST_TEST(goals.role == planlint::Role::goals);
  BOOST_TEST_REQUIRE(goals.targets().size() == 6u);
  BOOST_TEST(!goals.targets()[0].measured);
  BOOST_TEST(goals.targets()[1].measured);  // 一是: 15件, 23000件
  BOOST_TEST_REQUIRE(goals.targets()[1].quantities.size() == 2u);
  BOOST_TEST(goals.targets()[1].quantities[0].value == "15");
  BOOST_TEST(goals.targets()[1].quantities[0].unit == "件");
  BOOST_TEST(goals.targets()[1].deadline == 2025u);
  BOOST_TEST(goals.targets()[3].measured);  // 三是: 95%以上
  BOOST_TEST(goals.targets()[3].quantities.at(0).unit == "%");
}

BOOST_AUTO_TEST_SUITE_END()
