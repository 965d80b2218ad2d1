// The facts of a plan, one function at a time: what a stage, a target, a
// unit verb and a name are. Whole sections are read by the layouts suite.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "facts.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;
namespace facts = planlint::facts;

namespace {

/// The built-in lexicons and a source to place things in.
struct Context {
  planlint::RuleSet rules = planlint::testing::builtin_rules();
  planlint::detail::PlanLexicons words{rules.lexicons};
  planlint::SourceFile source{"facts.txt", "x\n"};
  planlint::DiagnosticList sink;
  planlint::detail::BuildContext ctx{source, words, sink};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(facts_of_a_plan)

struct StagesCase {
  std::vector<std::string> names;
  std::vector<bool> closing;
};
inline std::ostream& operator<<(std::ostream& out, const StagesCase& c) {
  for (const auto& n : c.names) out << n << " ";
  return out;
}

const StagesCase kStages[] = {
    {{"动员部署阶段", "组织实施阶段", "总结验收阶段"}, {false, false, true}},
    // Follow-up stages may come after the one that closes the timeline.
    {{"部署阶段", "考核评估阶段", "巩固提升阶段"}, {false, true, false}},
    // An evaluation in the middle closes nothing.
    {{"资料收集阶段", "指标评估分析阶段", "形成体检报告阶段"}, {false, false, false}},
    {{"宣传发动阶段", "集中推进阶段", "巩固提升阶段"}, {false, false, false}},
    {{}, {}},
};

BOOST_DATA_TEST_CASE(the_acceptance_stage_is_decided_by_its_place, data::make(kStages), c) {
  Context x;
  std::vector<planlint::Stage> stages;
  for (const auto& n : c.names) stages.push_back(planlint::Stage{{}, n, "", "", false});
  BOOST_TEST(facts::closing_stages(x.ctx, stages) == c.closing, boost::test_tools::per_element());
}

struct TargetCase {
  std::string text;
  bool measured;
  unsigned deadline;
  std::vector<std::string> quantities;  // value + unit
};
inline std::ostream& operator<<(std::ostream& out, const TargetCase& c) { return out << c.text; }

const TargetCase kTargets[] = {
    {"到2025年，全区高新技术企业达到300家，研发投入强度达到3%以上。", true, 2025, {"300家", "3%"}},
    {"培育1.9万人次专业人才。", true, 0, {"1.9万人次"}},
    // A year is a deadline, a span of time a duration: neither is a quantity.
    {"利用2-3年时间，基本建成服务体系。", false, 0, {}},
    {"2025年底前，形成三大产业集群和两个中心。", false, 2025, {}},
    {"2021—2023年，知识产权保护明显加强。", false, 2023, {}},
};

BOOST_DATA_TEST_CASE(a_target_is_measured_when_it_states_a_quantity, data::make(kTargets), c) {
  Context x;
  planlint::Spans spans;
  spans.push_back(c.text);
  const planlint::Target t = facts::target_of(x.ctx, {1, 1}, c.text, spans);
  BOOST_TEST(t.measured == c.measured);
  BOOST_TEST(t.deadline == c.deadline);
  std::vector<std::string> quantities;
  for (const auto& q : t.quantities) quantities.push_back(q.value + q.unit);
  BOOST_TEST(quantities == c.quantities, boost::test_tools::per_element());
}

struct VerbCase {
  std::string clause;
  bool verb, lead;
  std::string name;  // the clause without its verb, as a name
};
inline std::ostream& operator<<(std::ostream& out, const VerbCase& c) { return out << c.clause; }

const VerbCase kVerbs[] = {
    {"区科技局牵头", true, true, "区科技局"},
    {"区科技局牵头负责", true, true, "区科技局"},
    {"区教育局配合", true, false, "区教育局"},
    {"各街道按职责分工负责", true, false, "各街道"},
    {"省有关部门具体实施", true, false, "省有关部门"},
    {"商务部指导", false, false, ""},
};

BOOST_DATA_TEST_CASE(a_unit_clause_names_its_role_by_its_verb, data::make(kVerbs), c) {
  Context x;
  const auto verb = facts::unit_verb(x.ctx, c.clause);
  BOOST_TEST(verb.has_value() == c.verb);
  if (!verb) return;
  BOOST_TEST(verb->lead == c.lead);
  std::string_view name = c.clause;
  name.remove_suffix(verb->size);
  BOOST_TEST(std::string(facts::unit_name(x.ctx, name)) == c.name);
}

BOOST_AUTO_TEST_CASE(labels_give_roles_in_a_list) {
  Context x;
  using facts::LabelRoles;
  BOOST_TEST((facts::label_roles(x.ctx, "牵头单位") == LabelRoles::all_lead));
  BOOST_TEST((facts::label_roles(x.ctx, "配合部门") == LabelRoles::all_support));
  BOOST_TEST((facts::label_roles(x.ctx, "责任单位") == LabelRoles::first_leads));
  BOOST_TEST(!facts::label_roles(x.ctx, "附件").has_value());
  BOOST_TEST((facts::role_in_list(LabelRoles::first_leads, true) == planlint::UnitRole::lead));
  BOOST_TEST((facts::role_in_list(LabelRoles::first_leads, false) == planlint::UnitRole::support));
  // Trailers that are not part of a name: 等, and a final 。.
  BOOST_TEST(std::string(facts::unit_name(x.ctx, "市邮政公司等")) == "市邮政公司");
  BOOST_TEST(std::string(facts::unit_name(x.ctx, "区科委。")) == "区科委");
}

BOOST_AUTO_TEST_CASE(top_level_roles_by_words_and_by_content) {
  Context x;
  planlint::Section s;
  s.title = "保障措施和实施步骤";  // two roles: timeline comes first
  auto r = facts::role_of(x.ctx, s, nullptr);
  BOOST_TEST((r.role == planlint::Role::timeline));
  BOOST_TEST(r.heading);
  // No role word and no items: the heading itself must read as work.
  s.title = "打造一流营商环境";
  r = facts::role_of(x.ctx, s, nullptr);
  BOOST_TEST((r.role == planlint::Role::tasks));
  BOOST_TEST(!r.heading);
  s.title = "参加企业";
  BOOST_TEST((facts::role_of(x.ctx, s, nullptr).role == planlint::Role::other));
  // Nested: a mere mention keeps the parent's role, a role heading has its own.
  planlint::Section parent;
  parent.role = planlint::Role::tasks;
  s.title = "加强目标管理";
  BOOST_TEST((facts::role_of(x.ctx, s, &parent).role == planlint::Role::tasks));
  s.title = "主要目标";
  BOOST_TEST((facts::role_of(x.ctx, s, &parent).role == planlint::Role::goals));
}

BOOST_AUTO_TEST_CASE(a_timeline_opens_once) {
  planlint::Section top, nested, other;
  top.role = planlint::Role::timeline;
  nested.role = planlint::Role::timeline;
  other.role = planlint::Role::tasks;
  BOOST_TEST(planlint::opens_timeline(top, nullptr));
  BOOST_TEST(!planlint::opens_timeline(nested, &top));
  BOOST_TEST(planlint::opens_timeline(nested, &other));
  BOOST_TEST(!planlint::opens_timeline(other, nullptr));
}

BOOST_AUTO_TEST_SUITE_END()
