// Plans laid out differently from the five real ones (fixtures/layouts/): one
// small plan per layout. The figures below were counted by hand from each
// fixture with the definitions of ../shared/spec/seed-expectations.md.
//
// The layout_nesting suite at the end pins readings that once went wrong:
// numbering ladders that skip a rung in one part of a plan and not in another,
// and stage names in paragraph timelines.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "planlint/outline.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct Layout {
  std::string file;  // fixtures/layouts/<file>.txt
  std::string kind, title;
  unsigned tasks, tasks_with_units, targets, measured, stages;
  bool acceptance;
};
std::ostream& operator<<(std::ostream& out, const Layout& l) { return out << l.file; }

const std::vector<Layout> kLayouts = {
    // 5 tasks: （一）1–2, （二）1–2, （三）; （二）2 has no unit line. Targets: the two
    // paragraphs of 二、工作目标; the first is measured (1个工作日, 98%以上).
    {"no-blank-lines", "实施方案", "滨河区2023年优化营商环境工作实施方案", 5, 4, 2, 1, 0, false},
    // Every task has a （责任单位：…） line; （二）'s line sits under the group heading,
    // so （二）1 and （二）2 inherit it. First target measured (90%以上, 60%以上).
    {"unit-line-own-line", "实施方案", "清河县生活垃圾分类工作实施方案", 5, 5, 2, 1, 0, false},
    // Every task has units: two 责任单位 lines, two 牵头单位：…；配合单位：… lines, one
    // inline group. One target (12%, 50家, 1500个).
    {"unit-list-mixed-separators", "行动方案", "东湖区数字经济高质量发展行动方案", 5, 5, 1, 1, 0, false},
    // The notice is not body; the plan after 附件1 has 4 tasks with inline units,
    // 2 target paragraphs (first: 100%, 90%以上), 3 stages ending in 总结评估阶段.
    {"plan-in-attachment", "实施方案", "南山市居家和社区养老服务提升实施方案", 4, 4, 2, 1, 3, true},
    // Tasks: （一）1–2, （二）1–3, （三）. Targets: 1.–3. of 一、总体目标 (the lead-in
    // ending in ： is not one); 1. is measured (30个工作日, 90%以上).
    {"action-plan-kind", "计划", "西江市知识产权保护能力提升三年行动计划", 6, 0, 3, 1, 0, false},
    // Tasks （一）–（三）, units on （一） and （二） (牵头/配合 lines). First target measured
    // (5个社区). Stages under 三、工作步骤; 总结评估阶段 is the acceptance stage.
    {"pilot-scheme-kind", "方案", "北湖区社区嵌入式养老服务试点方案", 3, 2, 2, 1, 3, true},
    // The 准备/施工/管理 "阶段" headings under 二、重点任务 are task groups, not stages:
    // tasks （一）1–2, （二）1–2, （三). Stages only from 三、实施步骤.
    {"stage-headings-outside-timeline", "工作方案", "红星区老旧小区改造工作方案", 5, 5, 1, 1, 3, true},
    // Tasks 第四条–第八条 (第五条 has no units). Targets 第二条 (8件, 20亿元) and 第三条.
    {"chapters", "实施方案", "南岭市知识产权强市建设试点实施方案", 5, 4, 2, 1, 0, false},
    // Tasks: 1.（1）, 1.（2）, 2.（1）①, 2.（1）②, 2.（2）, 3.; ① and ② inherit （1）'s units.
    // Targets: 1.（1） (12件), 1.（2） (3万件), 2. (unmeasured).
    {"circled-and-paren-arabic", "工作方案", "临川区知识产权运营服务体系建设工作方案", 6, 6, 3, 2, 0, false},
    // BOM, CRLF, U+3000 indents. Tasks （一）1–2, （二）, （三）1–2; （三）1 has no units.
    // First target measured (95%以上, 40%以上); last stage 考核验收阶段.
    {"crlf-bom", "工作方案", "平安县农村人居环境整治提升工作方案", 5, 4, 2, 1, 3, true},
    // Targets: 一是–四是 in one paragraph (its lead-in clause is not one) and four ——
    // bullets (the 在…方面： lead-in is not one). Measured: 14%, 50家, 30%以上, 1.2万件.
    {"statements-and-bullets", "工作方案", "江城市知识产权运用促进工作方案", 3, 2, 8, 4, 0, false},
    // Stages are paragraphs “（一）…阶段（2023年3月）：…”; the last is 总结验收阶段.
    {"timeline-paragraphs", "工作方案", "河西区校园周边环境综合治理工作方案", 3, 3, 1, 1, 3, true},
    // Stages are plain paragraphs starting with a month range; their names are
    // 宣传发动/集中推进/巩固提升阶段 (总结 appears only in the text of the last).
    {"no-acceptance", "工作方案", "柳林镇农村集体经济组织规范化管理工作方案", 4, 3, 1, 1, 3, false},
    // Units in unlabelled brackets: 11 tasks, 9 with units (（区商务局指导） names no
    // responsibility, （技工院校内由…负责） is a sentence that describes).
    {"unit-parentheticals", "工作方案", "东湖区营商环境优化提升工作方案", 11, 9, 1, 1, 0, false},
    // 第一部分： and 第二部分 (space) as the top level, 1﹒ (U+FE52) and 1、 under （一）:
    // 4 tasks, 2 with units; no target (发展基础 is background).
    {"division-and-small-stop", "规划", "西江市数字经济发展规划", 4, 2, 0, 0, 0, false},
    // Goals as labelled paragraphs: 总体要求与目标： in the preamble and 具体指标： in
    // the guiding section are targets; the background's result (20%) is none.
    {"labelled-goal-paragraphs", "行动方案", "临江市生态环境质量提升行动方案", 2, 2, 2, 2, 0, false},
    // A notice listing its attachments (附件：1.… 2.…), then 附件1, the plan's
    // title and its text, then 附件2: the plan is the first attachment.
    {"notice-with-attachment-list", "实施方案", "南湖区数字乡村建设实施方案", 2, 2, 1, 1, 3, true},
    // 指标评估分析阶段 stands in the middle of the timeline, before 形成体检报告阶段:
    // it evaluates the indicators, it does not close the timeline.
    {"timeline-mid-evaluation", "工作方案", "滨江区城市体检工作方案", 2, 2, 1, 1, 3, false},
    // Sections no role word claims, read by what they hold: scopes (other), work
    // (tasks: 3), undated 阶段 steps (other), dated stages (timeline: 3 stages),
    // and a section with no items whose heading is work (itself a task).
    {"sections-by-content", "工作方案", "西城区老旧厂房更新利用试点工作方案", 4, 1, 1, 1, 3, true},
    // Bare numbers (1突破…, 2加快…) under （一） and （二）: 5 tasks, each with units
    // in brackets; 3号文件… and 15家… open with numbers that are no headings.
    {"bare-numbers", "行动方案", "青山区科技创新能力提升行动方案", 5, 5, 2, 2, 0, false},
    // No unit in the text: every task's units come from the 重点任务分工表 in the
    // attachment after the trailer (merged cells, a number alone, the header
    // repeated after a page break, a row naming a group that is itself a task).
    {"division-table", "工作方案", "东阳市数字乡村建设工作方案", 5, 5, 1, 1, 0, false},
    // A 责任单位 table in the body: its first name leads; （三）'s own bracket
    // keeps the lead, the table's name is support.
    {"division-table-in-body", "工作方案", "西塘镇人居环境整治工作方案", 3, 3, 0, 0, 0, false},
};

// Figures left out of the table test (none at present).
const std::map<std::string, std::set<std::string>> kDisputed = {};

bool disputed(const std::string& file, const std::string& figure) {
  const auto it = kDisputed.find(file);
  return it != kDisputed.end() && it->second.count(figure) != 0;
}

const Layout& layout(const std::string& file) {
  for (const auto& l : kLayouts)
    if (l.file == file) return l;
  throw std::runtime_error("no layout row " + file);
}

planlint::testing::OwnedPlan load(const std::string& file) {
  return planlint::testing::plan_from_fixture("fixtures/layouts/" + file + ".txt");
}

std::vector<const planlint::Section*> tasks_of(const planlint::Plan& plan) {
  std::vector<const planlint::Section*> tasks;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    if (s.task) tasks.push_back(&s);
  });
  return tasks;
}

std::vector<std::string> task_titles(const planlint::Plan& plan) {
  std::vector<std::string> titles;
  for (const auto* t : tasks_of(plan)) titles.emplace_back(t->title);
  return titles;
}

const planlint::Section* task_titled(const planlint::Plan& plan, const std::string& title) {
  for (const auto* t : tasks_of(plan))
    if (t->title == title) return t;
  return nullptr;
}

std::vector<planlint::Stage> stages_of(const planlint::Plan& plan) {
  std::vector<planlint::Stage> stages;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    stages.insert(stages.end(), s.stages().begin(), s.stages().end());
  });
  return stages;
}

std::vector<planlint::Target> targets_of(const planlint::Plan& plan) {
  std::vector<planlint::Target> targets;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    targets.insert(targets.end(), s.targets().begin(), s.targets().end());
  });
  // A section holds the targets of its own paragraphs and leaf items; put
  // them back in the order they stand in the text.
  std::stable_sort(targets.begin(), targets.end(),
                   [](const planlint::Target& a, const planlint::Target& b) { return a.where < b.where; });
  return targets;
}

std::vector<std::string> unit_names(const planlint::Section& task) {
  std::vector<std::string> names;
  for (const auto& u : task.task_units()) names.emplace_back(u.name);
  return names;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layouts)

BOOST_DATA_TEST_CASE(figures_of_each_layout, data::make(kLayouts), l) {
  const auto plan = load(l.file);
  BOOST_TEST(plan.kind == l.kind);
  BOOST_TEST(plan.title == l.title);
  const auto f = planlint::figures_of(plan);
  if (!disputed(l.file, "tasks")) BOOST_TEST(f.tasks == l.tasks);
  if (!disputed(l.file, "tasks_with_units")) BOOST_TEST(f.tasks_with_units == l.tasks_with_units);
  if (!disputed(l.file, "targets")) BOOST_TEST(f.targets == l.targets);
  if (!disputed(l.file, "measured")) BOOST_TEST(f.measured == l.measured);
  if (!disputed(l.file, "stages")) BOOST_TEST(f.stages == l.stages);
  if (!disputed(l.file, "acceptance")) BOOST_TEST(f.acceptance == l.acceptance);
}

// --- no blank lines -------------------------------------------------------

BOOST_AUTO_TEST_CASE(no_blank_lines_keeps_paragraphs_apart) {
  const auto plan = load("no-blank-lines");
  const auto targets = targets_of(plan);
  BOOST_TEST_REQUIRE(targets.size() == 2u);
  BOOST_TEST(targets[0].where.line == 6u);
  BOOST_TEST(targets[1].where.line == 7u);
  BOOST_TEST(targets[0].measured);
  BOOST_TEST(!targets[1].measured);

  const auto* fee = task_titled(plan, "开展涉企违规收费专项治理");
  BOOST_TEST_REQUIRE(fee != nullptr);
  BOOST_TEST(fee->where.line == 17u);
  BOOST_TEST(fee->task_units().empty());  // the next line is a new group heading

  const auto* first = task_titled(plan, "推进企业开办“一网通办”");
  BOOST_TEST_REQUIRE(first != nullptr);
  const std::vector<std::string> expected{"区市场监管局", "区政务服务中心", "区税务局"};
  BOOST_TEST(unit_names(*first) == expected, boost::test_tools::per_element());
  BOOST_TEST(first->task_units().at(0).where.line == 11u);
}

// --- unit lines -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(unit_line_own_line_and_inherited) {
  const auto plan = load("unit-line-own-line");
  const auto* first = task_titled(plan, "规范设置分类投放设施");
  BOOST_TEST_REQUIRE(first != nullptr);
  BOOST_TEST(first->where.line == 15u);
  BOOST_TEST_REQUIRE(first->task_units().size() == 2u);
  BOOST_TEST(first->task_units()[0].name == "县住房城乡建设局");
  BOOST_TEST(planlint::to_string(first->task_units()[0].role) == "lead");
  BOOST_TEST(first->task_units()[1].name == "各乡镇人民政府");
  BOOST_TEST(planlint::to_string(first->task_units()[1].role) == "support");
  BOOST_TEST(first->task_units()[0].where.line == 17u);
  BOOST_TEST(!first->task_units()[0].inherited);

  // （二）'s （责任单位：县城市管理局） stands under the group heading (line 25).
  for (const std::string title : {"配齐分类收运车辆", "建设厨余垃圾处理设施"}) {
    const auto* t = task_titled(plan, title);
    BOOST_TEST_REQUIRE(t != nullptr);
    BOOST_TEST_REQUIRE(t->task_units().size() == 1u);
    BOOST_TEST(t->task_units()[0].name == "县城市管理局");
    BOOST_TEST(t->task_units()[0].inherited);
    BOOST_TEST(t->task_units()[0].where.line == 25u);
  }
}

BOOST_AUTO_TEST_CASE(unit_list_mixed_separators_in_unit_lines) {
  const auto plan = load("unit-list-mixed-separators");
  const auto* software = task_titled(plan, "壮大软件和信息技术服务业");
  BOOST_TEST_REQUIRE(software != nullptr);
  const std::vector<std::string> software_units{"区科技局", "区经济和信息化局", "区商务局"};
  BOOST_TEST(unit_names(*software) == software_units, boost::test_tools::per_element());

  const auto* commerce = task_titled(plan, "发展智慧商贸");
  BOOST_TEST_REQUIRE(commerce != nullptr);
  const std::vector<std::string> commerce_units{"区商务局", "区市场监管局", "各街道办事处"};
  BOOST_TEST(unit_names(*commerce) == commerce_units, boost::test_tools::per_element());

  // Inline （牵头单位：…；配合单位：…） with 、 and ， in the support list.
  const auto* infra = task_titled(plan, "夯实数字基础设施");
  BOOST_TEST_REQUIRE(infra != nullptr);
  const std::vector<std::string> infra_units{"区经济和信息化局", "区住房城乡建设局", "区城市管理局",
                                             "各街道办事处"};
  BOOST_TEST(unit_names(*infra) == infra_units, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(infra->task_units().size() == 4u);
  BOOST_TEST(planlint::to_string(infra->task_units()[0].role) == "lead");
  for (std::size_t i = 1; i < infra->task_units().size(); ++i)
    BOOST_TEST(planlint::to_string(infra->task_units()[i].role) == "support");
}

// 牵头单位：…；配合单位：… lines of their own (not in brackets), with 、 and ，
// mixed in the support list.
BOOST_AUTO_TEST_CASE(unit_list_lead_support_line) {
  const auto plan = load("unit-list-mixed-separators");
  const auto* data_market = task_titled(plan, "培育数据要素市场");
  BOOST_TEST_REQUIRE(data_market != nullptr);
  const std::vector<std::string> expected{"区数据资源局", "区发展改革委", "区市场监管局", "区财政局"};
  BOOST_TEST(unit_names(*data_market) == expected, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(data_market->task_units().size() == 4u);
  BOOST_TEST(planlint::to_string(data_market->task_units()[0].role) == "lead");
  for (std::size_t i = 1; i < data_market->task_units().size(); ++i)
    BOOST_TEST(planlint::to_string(data_market->task_units()[i].role) == "support");
  BOOST_TEST(data_market->task_units()[0].where.line == 19u);
  BOOST_TEST(!data_market->task_units()[0].inherited);

  const auto* manufacturing = task_titled(plan, "实施制造业数字化转型行动");
  BOOST_TEST_REQUIRE(manufacturing != nullptr);
  const std::vector<std::string> expected2{"区经济和信息化局", "区科技局", "区财政局"};
  BOOST_TEST(unit_names(*manufacturing) == expected2, boost::test_tools::per_element());
}

// --- units in unlabelled brackets -------------------------------------------

struct BracketCase {
  std::string task;                // the task's title
  std::vector<std::string> units;  // "lead 名称" / "support 名称", in order
};
std::ostream& operator<<(std::ostream& out, const BracketCase& c) { return out << c.task; }

const BracketCase kBrackets[] = {
    {"优化审批流程", {"lead 区政务服务局", "support 区发展改革委", "support 区住房城乡建设委"}},  // A牵头，B、C配合
    {"加强执法监管", {"lead 区市场监管局"}},                                                  // A负责
    {"提升农业服务水平", {"lead 区农业农村局", "support 区畜牧站"}},                          // A、B按职责分工负责
    {"强化要素保障", {"lead 区财政局", "lead 区人力社保局", "support 区税务局"}},            // in the heading
    // Two brackets in one task; 等 is no part of a name; the remark after 。 is none.
    {"完善政策体系", {"lead 区工业和信息化局", "support 区商务局", "lead 区财政局", "support 区审计局"}},
    {"扩大对外合作", {}},  // 指导 assigns nothing
    {"加强技能培训", {}},  // a sentence that describes
    {"营造良好氛围", {"lead 区委宣传部（区文明办、区政府新闻办）", "support 各街道"}},  // a bracket in a name
    // Labelled groups separated by ，: the second label is no part of a name.
    {"推进片区更新", {"lead 经开区", "lead 九里亭街道", "support 区规划资源局", "support 区建设管理委"}},
    // In a labelled list: （牵头） after a name makes it a lead; trailing words are no part of a name.
    {"完善配套服务", {"lead 区民政局", "lead 区卫生健康委", "support 各街道"}},
    // 等和 ends one list and opens another: 各街道 is a name of its own.
    {"推进消费帮扶", {"lead 区商务局", "support 区农业农村局", "support 各街道"}},
};

BOOST_DATA_TEST_CASE(units_in_unlabelled_brackets, data::make(kBrackets), c) {
  const auto plan = load("unit-parentheticals");
  const auto* task = task_titled(plan, c.task);
  BOOST_TEST_REQUIRE(task != nullptr);
  std::vector<std::string> units;
  for (const auto& u : task->task_units()) units.push_back(std::string(planlint::to_string(u.role)) + " " + std::string(u.name));
  BOOST_TEST(units == c.units, boost::test_tools::per_element());
  // Each unit is placed where its name is written.
  for (const auto& u : task->task_units()) {
    std::string_view line = plan.source->line(u.where.line);
    for (std::uint32_t k = 1; k < u.where.column && !line.empty(); ++k) {
      line.remove_prefix(1);
      while (!line.empty() && (static_cast<unsigned char>(line[0]) & 0xC0) == 0x80) line.remove_prefix(1);
    }
    BOOST_TEST(line.substr(0, u.name.size()) == u.name);
  }
}

BOOST_AUTO_TEST_CASE(a_unit_bracket_in_a_heading_is_cut_from_the_title) {
  const auto plan = load("unit-parentheticals");
  const auto* task = task_titled(plan, "强化要素保障");
  BOOST_TEST_REQUIRE(task != nullptr);
  BOOST_TEST(std::string(task->title) == "强化要素保障");
  // The column of a unit is where its name starts, after the 9 code points of 4.强化要素保障（.
  BOOST_TEST(task->task_units().at(0).where.column == 10u);
}

// --- the acceptance stage by its place --------------------------------------

BOOST_AUTO_TEST_CASE(an_acceptance_stage_closes_its_timeline) {
  // Only follow-up stages may come after it: 巩固提升 after 总结验收 keeps it.
  const auto plan = planlint::testing::plan_from_text(
      "t.txt",
      "某区工作方案\n\n一、实施步骤\n（一）准备阶段（2024年3月）\n（二）评估分析阶段（2024年5月）\n"
      "（三）总结验收阶段（2024年10月）\n（四）巩固提升阶段（2024年12月）\n");
  const auto& stages = plan.sections.at(0).stages();
  BOOST_TEST_REQUIRE(stages.size() == 4u);
  const std::vector<bool> acceptance{stages[0].acceptance, stages[1].acceptance, stages[2].acceptance,
                                     stages[3].acceptance};
  BOOST_TEST(acceptance == (std::vector<bool>{false, false, true, false}), boost::test_tools::per_element());
  // A mid-timeline evaluation followed by other work closes nothing.
  const auto mid = load("timeline-mid-evaluation");
  for (const auto& st : mid.sections.at(2).stages()) BOOST_TEST(!st.acceptance, st.name);
}

// --- numbering: 第一部分, 1﹒ ----------------------------------------------------

BOOST_AUTO_TEST_CASE(divisions_and_small_full_stops_nest_as_written) {
  const auto plan = load("division-and-small-stop");
  std::vector<std::string> top;
  for (const auto& s : plan.sections) top.push_back(std::string(s.number) + " " + std::string(s.title));
  const std::vector<std::string> expected{"一 发展基础", "二 主要任务", "三 保障措施"};
  BOOST_TEST(top == expected, boost::test_tools::per_element());
  const auto& tasks = plan.sections.at(1);
  BOOST_TEST_REQUIRE(tasks.children.size() == 2u);
  BOOST_TEST(tasks.children[0].level == 2u);
  BOOST_TEST_REQUIRE(tasks.children[0].children.size() == 2u);
  BOOST_TEST(tasks.children[0].children[1].value == 2u);
  BOOST_TEST(std::string(tasks.children[0].children[1].title) == "加快5G基站部署");
}

BOOST_AUTO_TEST_CASE(bare_numbers_in_a_sequence_are_headings) {
  const auto plan = load("bare-numbers");
  const auto& tasks = plan.sections.at(1);
  BOOST_TEST_REQUIRE(tasks.children.size() == 2u);
  std::vector<std::string> first;
  for (const auto& t : tasks.children[0].children)
    first.push_back(std::string(t.number) + " " + std::string(t.title) + " @" + std::to_string(t.where.line));
  // 3号文件… (line 13) continues no sequence: it is text of task 2, and the
  // sequence goes on with 3 on line 14. 15家… is inside task 2's paragraph.
  const std::vector<std::string> expected{"1 突破关键核心技术 @11", "2 加快培育科技企业 @12",
                                          "3 强化企业创新主体地位 @14"};
  BOOST_TEST(first == expected, boost::test_tools::per_element());
  for (const auto& t : tasks.children[0].children) {
    BOOST_TEST(static_cast<int>(t.style) == static_cast<int>(planlint::ast::NumberStyle::bare));
    BOOST_TEST(t.level == 3u);
  }
  BOOST_TEST(tasks.children[0].children[1].paragraphs.size() == 2u);
  // The second run starts again at 1 under （二）.
  BOOST_TEST_REQUIRE(tasks.children[1].children.size() == 2u);
  BOOST_TEST(tasks.children[1].children[0].value == 1u);
  BOOST_TEST(std::string(tasks.children[1].children[1].title) == "完善科技金融服务");
}

// --- task-division tables ----------------------------------------------------

struct TableCase {
  std::string file, task;  // the task, by its title
  std::vector<std::string> units;  // "lead 市经信局 @29"
};
std::ostream& operator<<(std::ostream& out, const TableCase& c) { return out << c.file << " " << c.task; }

const std::vector<TableCase> kTables = {
    {"division-table", "推进农村网络提档升级", {"lead 市经信局 @29", "support 市农业农村局 @29", "support 各镇人民政府 @29"}},
    // Its 重点任务 cell is merged into the row above: the row names the task by title.
    {"division-table", "加快农业设施数字化改造", {"lead 市农业农村局 @30"}},
    // 等 is not part of a name.
    {"division-table", "培育农村电商主体", {"lead 市商务局 @31", "support 市供销社 @31", "support 市邮政公司 @31"}},
    // After the page break (- 2 - and the header again) the row names “2.”
    // alone: task 2 of the group the rows above stood in, （二）.
    {"division-table", "推进数字普惠金融", {"lead 市金融办 @34", "support 人行东阳支行 @34"}},
    // A group with no numbered items is itself a task; two lead units.
    {"division-table", "提升乡村数字治理水平",
     {"lead 市政务服务中心 @35", "lead 市大数据局 @35", "support 各镇人民政府 @35"}},
    // A 责任单位 column alone: its first name leads.
    {"division-table-in-body", "开展村庄清洁行动", {"lead 镇环卫所 @10", "support 各村委会 @10"}},
    {"division-table-in-body", "治理生活污水", {"lead 镇农业服务中心 @6", "support 镇城建办 @12"}},
};

BOOST_DATA_TEST_CASE(division_tables_give_the_tasks_they_name_their_units, data::make(kTables), c) {
  const auto plan = load(c.file);
  const planlint::Section* task = task_titled(plan, c.task);
  BOOST_TEST_REQUIRE(task != nullptr);
  std::vector<std::string> units;
  for (const auto& u : task->task_units())
    units.push_back(std::string(planlint::to_string(u.role)) + " " + std::string(u.name) + " @" +
                    std::to_string(u.where.line));
  BOOST_TEST(units == c.units, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_table_row_opening_with_its_serial_is_no_heading) {
  // 1<TAB>开展村庄清洁行动<TAB>… is a row, not a heading numbered “1 ”.
  const auto plan = load("division-table-in-body");
  BOOST_TEST_REQUIRE(plan.sections.size() == 2u);
  BOOST_TEST(plan.sections[1].children.empty());
  BOOST_TEST_REQUIRE(plan.sections[1].tables().size() == 1u);
  BOOST_TEST(plan.sections[1].tables()[0].rows.size() == 4u);
}

// --- goals in labelled paragraphs ------------------------------------------

BOOST_AUTO_TEST_CASE(labelled_goal_paragraphs_are_targets_wherever_they_stand) {
  const auto plan = load("labelled-goal-paragraphs");
  BOOST_TEST_REQUIRE(plan.targets.size() == 1u);  // the preamble's
  BOOST_TEST(plan.targets[0].where.line == 4u);
  BOOST_TEST(plan.targets[0].measured);
  BOOST_TEST(plan.targets[0].deadline == 2025u);
  const auto& guiding = plan.sections.at(0);
  BOOST_TEST(planlint::to_string(guiding.role) == "guiding");
  BOOST_TEST_REQUIRE(guiding.targets().size() == 1u);
  BOOST_TEST(guiding.targets()[0].where.line == 8u);
  BOOST_TEST(plan.sections.at(2).targets().empty());  // 发展基础: results, not targets
  // The outline shows the preamble's target before the sections.
  std::ostringstream xml;
  std::vector<planlint::OutlineEntry> entries;
  auto owned = planlint::testing::plan_from_fixture("fixtures/layouts/labelled-goal-paragraphs.txt");  // keeps the source alive
  entries.push_back(planlint::OutlineEntry{"t.txt", std::move(static_cast<planlint::Plan&>(owned))});
  planlint::write_outline_xml(xml, entries);
  BOOST_TEST(xml.str().find("<target line=\"4\"") < xml.str().find("<section"));
}

// --- a plan carried as the notice's attachment -------------------------------

BOOST_AUTO_TEST_CASE(a_plan_carried_as_an_attachment_is_read_from_its_title) {
  const auto plan = load("notice-with-attachment-list");
  BOOST_TEST(plan.title_at.line == 14u);
  BOOST_TEST(plan.issuer == "南湖区人民政府办公室");
  BOOST_TEST(plan.date == "2023-05-12");
  BOOST_TEST_REQUIRE(plan.sections.size() == 3u);  // 附件2's table is not body
  BOOST_TEST(plan.sections[0].where.line == 16u);
  BOOST_TEST_REQUIRE(plan.attachments.size() == 2u);  // the notice's numbered list
  BOOST_TEST(plan.attachments[0].title == "南湖区数字乡村建设实施方案");
  BOOST_TEST(plan.attachments[0].present);
  BOOST_TEST(plan.attachments[1].title == "南湖区数字乡村建设任务清单");
  BOOST_TEST(plan.attachments[1].where.line == 7u);
}

// --- sections read by what they hold ----------------------------------------

BOOST_AUTO_TEST_CASE(sections_no_role_word_claims_are_read_by_what_they_hold) {
  const auto plan = load("sections-by-content");
  std::vector<std::string> roles;
  for (const auto& s : plan.sections) roles.push_back(std::string(s.title) + " " + std::string(planlint::to_string(s.role)));
  const std::vector<std::string> expected{"工作目标 goals",   "试点范围 other",         "更新路径 tasks",
                                          "审批流程 other",   "推进安排 timeline",      "强化组织保障 safeguards",
                                          "鼓励社会资本参与 tasks"};
  BOOST_TEST(plan.sections.back().task);
  BOOST_TEST(roles == expected, boost::test_tools::per_element());
  // The dated stages, each named without its dates; the last closes the timeline.
  const auto& stages = plan.sections.at(4).stages();
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[1].name == "实施阶段");
  BOOST_TEST(stages[1].from == "2024-05");  // from its first sentence
  BOOST_TEST(stages[2].acceptance);
  // The outline shows a section that is itself a task as a task, in text and XML.
  std::ostringstream text, xml;
  planlint::write_outline_text(text, plan);
  BOOST_TEST(text.str().find("task 七、鼓励社会资本参与") != std::string::npos);
  std::vector<planlint::OutlineEntry> entries;
  auto owned = planlint::testing::plan_from_fixture("fixtures/layouts/sections-by-content.txt");  // keeps the source alive
  entries.push_back(planlint::OutlineEntry{"t.txt", std::move(static_cast<planlint::Plan&>(owned))});
  planlint::write_outline_xml(xml, entries);
  BOOST_TEST(xml.str().find("<task line=\"33\" column=\"1\" number=\"七\" title=\"鼓励社会资本参与\"/>") != std::string::npos, xml.str());
}

// --- cover notice and attachment -------------------------------------------

BOOST_AUTO_TEST_CASE(plan_in_attachment) {
  const auto plan = load("plan-in-attachment");
  BOOST_TEST(plan.title == "南山市居家和社区养老服务提升实施方案");
  BOOST_TEST(plan.title_at.line == 17u);  // under 附件1, not the notice's title
  BOOST_TEST(plan.issuer == "南山市人民政府办公室");
  BOOST_TEST(plan.date == "2023-04-12");  // signed; the trailer's 4月13日 is the printing date
  BOOST_TEST(plan.document_number == "南政办发〔2023〕15号");
  BOOST_TEST_REQUIRE(plan.attachments.size() == 1u);
  BOOST_TEST(plan.attachments[0].title == "南山市居家和社区养老服务提升实施方案");
  BOOST_TEST(plan.attachments[0].present);
  // The notice's paragraphs are not the plan's preamble.
  BOOST_TEST_REQUIRE(!plan.preamble.empty());
  BOOST_TEST(starts_with(plan.preamble[0].text, "为积极应对人口老龄化"));
  BOOST_TEST_REQUIRE(!plan.sections.empty());
  BOOST_TEST(plan.sections[0].where.line == 21u);

  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[0].from == "2023-04");
  BOOST_TEST(stages[0].to == "2023-05");
  BOOST_TEST(stages[1].from == "2023-06");
  BOOST_TEST(stages[1].to == "2025-06");
  BOOST_TEST(stages[2].from == "2025-07");
  BOOST_TEST(stages[2].to == "2025-12");
  BOOST_TEST(!stages[0].acceptance);
  BOOST_TEST(!stages[1].acceptance);
  BOOST_TEST(stages[2].acceptance);
}

// --- kinds and periods -----------------------------------------------------

BOOST_AUTO_TEST_CASE(action_plan_kind_and_period) {
  const auto plan = load("action-plan-kind");
  BOOST_TEST(plan.kind == "计划");
  BOOST_TEST(plan.title == "西江市知识产权保护能力提升三年行动计划");
  BOOST_TEST(plan.title_at.line == 1u);
  BOOST_TEST(plan.period_start == 2023u);
  BOOST_TEST(plan.period_end == 2025u);
  const auto targets = targets_of(plan);
  BOOST_TEST_REQUIRE(targets.size() == 3u);
  BOOST_TEST(targets[0].where.line == 10u);
  BOOST_TEST(targets[0].measured);
  BOOST_TEST(!targets[1].measured);
  BOOST_TEST(!targets[2].measured);
}

BOOST_AUTO_TEST_CASE(pilot_scheme_kind) {
  const auto plan = load("pilot-scheme-kind");
  BOOST_TEST(plan.kind == "方案");
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[1].from == "2023-07");
  BOOST_TEST(stages[1].to == "2024-03");
  BOOST_TEST(!stages[0].acceptance);
  BOOST_TEST(!stages[1].acceptance);
  BOOST_TEST(stages[2].acceptance);
  const auto* rating = task_titled(plan, "建立服务质量评价制度");
  BOOST_TEST_REQUIRE(rating != nullptr);
  BOOST_TEST(rating->task_units().empty());
  // 牵头单位：区民政局；配合单位：… on the line under the task.
  const auto* facilities = task_titled(plan, "建设嵌入式服务设施");
  BOOST_TEST_REQUIRE(facilities != nullptr);
  const std::vector<std::string> expected{"区民政局", "区住房城乡建设局", "各街道办事处"};
  BOOST_TEST(unit_names(*facilities) == expected, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(!facilities->task_units().empty());
  BOOST_TEST(planlint::to_string(facilities->task_units()[0].role) == "lead");
  BOOST_TEST(facilities->task_units()[0].where.line == 14u);
}

// --- stages ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stage_headings_outside_timeline_are_tasks) {
  const auto plan = load("stage-headings-outside-timeline");
  const std::vector<std::string> expected{"开展摸底调查", "编制改造方案", "实施基础类改造", "实施完善类改造",
                                          "长效管理阶段"};
  BOOST_TEST(task_titles(plan) == expected, boost::test_tools::per_element());
  bool seen = false;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    if (s.title == "前期准备阶段") {
      seen = true;
      BOOST_TEST((s.role == planlint::Role::tasks));
      BOOST_TEST(s.stages().empty());
    }
  });
  BOOST_TEST(seen);
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[0].where.line == 34u);
  BOOST_TEST(starts_with(stages[0].name, "动员部署阶段"));
  BOOST_TEST(starts_with(stages[1].name, "组织实施阶段"));
  BOOST_TEST(stages[1].from == "2023-04");
  BOOST_TEST(stages[1].to == "2023-11");
  BOOST_TEST(starts_with(stages[2].name, "检查验收阶段"));
  BOOST_TEST(stages[2].from == "2023-12");
  BOOST_TEST(stages[2].acceptance);
  BOOST_TEST(!stages[0].acceptance);
  BOOST_TEST(!stages[1].acceptance);
}

BOOST_AUTO_TEST_CASE(timeline_paragraphs) {
  const auto plan = load("timeline-paragraphs");
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[0].where.line == 19u);
  BOOST_TEST(starts_with(stages[0].name, "动员部署阶段"));
  BOOST_TEST(stages[0].from == "2023-03");
  BOOST_TEST(stages[1].from == "2023-04");
  BOOST_TEST(stages[1].to == "2023-09");
  BOOST_TEST(stages[2].from == "2023-10");
  BOOST_TEST(stages[2].to == "2023-11");
  BOOST_TEST(starts_with(stages[2].name, "总结验收阶段"));
  BOOST_TEST(stages[2].acceptance);
  BOOST_TEST(!stages[0].acceptance);
}

BOOST_AUTO_TEST_CASE(no_acceptance_stage) {
  const auto plan = load("no-acceptance");
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[0].where.line == 21u);
  BOOST_TEST(stages[0].from == "2023-05");
  BOOST_TEST(stages[0].to == "2023-06");
  BOOST_TEST(stages[1].from == "2023-07");
  BOOST_TEST(stages[1].to == "2023-10");
  BOOST_TEST(stages[2].from == "2023-11");
  BOOST_TEST(stages[2].to == "2023-12");
  for (const auto& s : stages) BOOST_TEST(!s.acceptance);
  BOOST_TEST(!planlint::figures_of(plan).acceptance);
}

// --- numbering styles ------------------------------------------------------

BOOST_AUTO_TEST_CASE(circled_under_paren_arabic_inherit_units) {
  const auto plan = load("circled-and-paren-arabic");
  BOOST_TEST(tasks_of(plan).size() == 6u);
  for (const std::string title : {"提升专利申请质量", "培育商标品牌", "推进知识产权质押融资", "强化知识产权保护"})
    BOOST_TEST(task_titled(plan, title) != nullptr, title);

  // ① and ② under （1）开展专利导航 inherit its inline 牵头/配合 units (line 27).
  unsigned circled = 0;
  for (const auto* t : tasks_of(plan)) {
    if (!starts_with(std::string(t->marker), "①") && !starts_with(std::string(t->marker), "②")) continue;
    ++circled;
    BOOST_TEST_REQUIRE(t->task_units().size() == 3u);
    BOOST_TEST(t->task_units()[0].name == "区市场监管局");
    BOOST_TEST(planlint::to_string(t->task_units()[0].role) == "lead");
    BOOST_TEST(t->task_units()[0].inherited);
    BOOST_TEST(t->task_units()[0].where.line == 27u);
    BOOST_TEST(t->task_units()[2].name == "区经济和信息化局");
    BOOST_TEST(planlint::to_string(t->task_units()[2].role) == "support");
  }
  BOOST_TEST(circled == 2u);

  const auto targets = targets_of(plan);
  BOOST_TEST_REQUIRE(targets.size() == 3u);
  BOOST_TEST(targets[0].where.line == 11u);
  BOOST_TEST(targets[1].where.line == 13u);
  BOOST_TEST(targets[2].where.line == 15u);
  // One-sentence numbered items: （1） 12件, （2） 3万件; 2. states no quantity.
  BOOST_TEST(targets[0].measured);
  BOOST_TEST(targets[1].measured);
  BOOST_TEST(!targets[2].measured);
  BOOST_TEST_REQUIRE(targets[1].quantities.size() == 1u);
  BOOST_TEST(targets[1].quantities[0].value == "3");
  BOOST_TEST(targets[1].quantities[0].unit == "万件");
}

BOOST_AUTO_TEST_CASE(chapters_roles_and_goals) {
  const auto plan = load("chapters");
  BOOST_TEST_REQUIRE(plan.sections.size() == 4u);
  BOOST_TEST((plan.sections[0].role == planlint::Role::guiding));
  BOOST_TEST((plan.sections[1].role == planlint::Role::goals));
  BOOST_TEST((plan.sections[2].role == planlint::Role::tasks));
  BOOST_TEST((plan.sections[3].role == planlint::Role::safeguards));
  const auto targets = targets_of(plan);
  BOOST_TEST_REQUIRE(targets.size() == 2u);
  BOOST_TEST(targets[0].where.line == 9u);
  BOOST_TEST(targets[1].where.line == 11u);
  BOOST_TEST(targets[0].measured);  // 第二条: 8件, 20亿元
  BOOST_TEST(!targets[1].measured);
}

// --- bytes: BOM, CRLF, U+3000 ----------------------------------------------

BOOST_AUTO_TEST_CASE(crlf_bom_same_as_lf_twin) {
  const std::string relative = "fixtures/layouts/crlf-bom.txt";
  const std::string raw = planlint::testing::read_file(planlint::testing::source_path(relative));
  BOOST_TEST_REQUIRE(starts_with(raw, "\xEF\xBB\xBF"));
  BOOST_TEST_REQUIRE(raw.find("\r\n") != std::string::npos);
  BOOST_TEST_REQUIRE(raw.find("\xE3\x80\x80") != std::string::npos);

  // The twin: no BOM, LF line endings, no full-width spaces.
  std::string twin_text = raw.substr(3);
  twin_text = replace_all(twin_text, "\r\n", "\n");
  twin_text = replace_all(twin_text, "\xE3\x80\x80", "");
  BOOST_TEST_REQUIRE(twin_text.find('\r') == std::string::npos);

  const auto plan = planlint::testing::plan_from_fixture(relative);
  const auto twin = planlint::testing::plan_from_text("crlf-bom-lf.txt", twin_text);
  BOOST_TEST(plan.title == twin.title);
  BOOST_TEST(plan.title == "平安县农村人居环境整治提升工作方案");
  BOOST_TEST(plan.kind == twin.kind);
  BOOST_TEST(plan.title_at.line == twin.title_at.line);

  const auto a = planlint::figures_of(plan);
  const auto b = planlint::figures_of(twin);
  BOOST_TEST(a.tasks == b.tasks);
  BOOST_TEST(a.tasks_with_units == b.tasks_with_units);
  BOOST_TEST(a.targets == b.targets);
  BOOST_TEST(a.measured == b.measured);
  BOOST_TEST(a.stages == b.stages);
  BOOST_TEST(a.acceptance == b.acceptance);

  // Same outline: every section's line, marker, title, role and task flag.
  using Row = std::tuple<unsigned, std::string, std::string, std::string, bool>;
  const auto outline = [](const planlint::Plan& p) {
    std::vector<Row> rows;
    planlint::for_each_section(p.sections, [&](const planlint::Section& s, const planlint::Section*) {
      rows.emplace_back(s.where.line, std::string(s.marker), s.title, std::string(planlint::to_string(s.role)), s.task);
    });
    return rows;
  };
  const auto rows_a = outline(plan);
  const auto rows_b = outline(twin);
  BOOST_TEST_REQUIRE(rows_a.size() == rows_b.size());
  for (std::size_t i = 0; i < rows_a.size(); ++i) {
    BOOST_TEST(std::get<0>(rows_a[i]) == std::get<0>(rows_b[i]));
    BOOST_TEST(std::get<1>(rows_a[i]) == std::get<1>(rows_b[i]));
    BOOST_TEST(std::get<2>(rows_a[i]) == std::get<2>(rows_b[i]));
    BOOST_TEST(std::get<3>(rows_a[i]) == std::get<3>(rows_b[i]));
    BOOST_TEST(std::get<4>(rows_a[i]) == std::get<4>(rows_b[i]));
  }

  // Unit names carry no full-width space or carriage return.
  const auto* first = task_titled(plan, "因地制宜推进户厕改造");
  BOOST_TEST_REQUIRE(first != nullptr);
  BOOST_TEST(first->where.line == 15u);
  const std::vector<std::string> expected{"县农业农村局", "县卫生健康局", "各乡镇人民政府"};
  BOOST_TEST(unit_names(*first) == expected, boost::test_tools::per_element());
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(stages[2].from == "2025-10");
  BOOST_TEST(stages[2].to == "2025-12");
  BOOST_TEST(stages[2].acceptance);
}

// --- targets: statements and bullets ----------------------------------------

BOOST_AUTO_TEST_CASE(statements_and_bullets) {
  const auto plan = load("statements-and-bullets");
  const auto targets = targets_of(plan);
  BOOST_TEST_REQUIRE(targets.size() == 8u);
  // 一是 14%, 二是 50家, 三是, 四是, then —— 30%以上, 1.2万件, 全覆盖, 更加丰富.
  const std::vector<bool> measured{true, true, false, false, true, true, false, false};
  for (std::size_t i = 0; i < targets.size(); ++i) BOOST_TEST(targets[i].measured == measured[i], "target " << i);
  for (std::size_t i = 0; i < 4; ++i) BOOST_TEST(targets[i].where.line == 11u);  // one paragraph
  BOOST_TEST(targets[4].where.line == 15u);
  BOOST_TEST(targets[7].where.line == 21u);
  BOOST_TEST_REQUIRE(targets[1].quantities.size() == 1u);
  BOOST_TEST(targets[1].quantities[0].value == "50");
  BOOST_TEST(targets[1].quantities[0].unit == "家");
  BOOST_TEST_REQUIRE(targets[5].quantities.size() == 1u);
  BOOST_TEST(targets[5].quantities[0].value == "1.2");
  BOOST_TEST(targets[5].quantities[0].unit == "万件");
  for (const auto& t : targets) BOOST_TEST(t.text.find("在知识产权金融服务方面") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// Nesting and naming that depend on the open path of numbering styles.
BOOST_AUTO_TEST_SUITE(layout_nesting)

// 一、总体目标 numbers its items 1.–3. directly under 一、, while 二、重点行动 puts
// 1. items under （一）/（二）. A ladder fixed by first appearance would keep 1.
// above （一） and nest （二） under 2.; by the plan's own nesting the tasks are
// the 1./2./3. items under （一）/（二） and （三）.
BOOST_AUTO_TEST_CASE(action_plan_task_nesting) {
  const auto plan = load("action-plan-kind");
  const std::vector<std::string> expected{"开展商标侵权专项整治",           "加强展会知识产权保护",
                                          "完善行政执法与刑事司法衔接机制", "推进知识产权纠纷多元化解",
                                          "探索技术调查官制度",             "维权援助服务行动"};
  BOOST_TEST(task_titles(plan) == expected, boost::test_tools::per_element());
}

// In a paragraph “（二）集中整治阶段（2023年4月—9月）：…” the stage is named
// 集中整治阶段; the text after ： describes it, so the 总结 in it
// (每月总结通报整治进展情况) does not make it an acceptance stage.
BOOST_AUTO_TEST_CASE(timeline_paragraph_stage_names) {
  const auto plan = load("timeline-paragraphs");
  const auto stages = stages_of(plan);
  BOOST_TEST_REQUIRE(stages.size() == 3u);
  BOOST_TEST(!stages[1].acceptance);
  for (const auto& s : stages) BOOST_TEST(s.name.find("：") == std::string::npos, s.name);
  BOOST_TEST(stages[1].name.find("每月总结") == std::string::npos);
}

// 第X条 first appears directly under 第一章 and 第二章, but in 第三章 第X节 stands
// between 章 and 条. The tasks are 第四条–第八条, 5 of them, of which 第五条 has
// no units; 第X节 are groups, not tasks.
BOOST_AUTO_TEST_CASE(chapters_tasks) {
  const auto plan = load("chapters");
  BOOST_TEST(planlint::figures_of(plan).tasks == layout("chapters").tasks);
  const std::vector<std::string> expected{"实施高价值专利培育工程", "实施商标品牌战略", "推进专利转化专项计划",
                                          "深化知识产权金融服务", "健全快速协同保护机制"};
  BOOST_TEST(task_titles(plan) == expected, boost::test_tools::per_element());
  const auto* trademarks = task_titled(plan, "实施商标品牌战略");
  BOOST_TEST_REQUIRE(trademarks != nullptr);
  BOOST_TEST(trademarks->task_units().empty());
  const auto* third = task_titled(plan, "深化知识产权金融服务");
  BOOST_TEST_REQUIRE(third != nullptr);
  const std::vector<std::string> units{"市地方金融监管局", "市财政局"};
  BOOST_TEST(unit_names(*third) == units, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
