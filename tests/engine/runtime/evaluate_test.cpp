// Rule files: what the loader rejects (with positions) and how conditions
// evaluate over the graph of a plan.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "planlint/graph.hpp"
#include "planlint/rule_set.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct CheckCase {
  std::string rule_text;
  unsigned line, column;
  std::string message;
};
std::ostream& operator<<(std::ostream& out, const CheckCase& c) { return out << c.rule_text; }

std::string rule(const std::string& applies_to, const std::string& require,
                 const std::string& message = "m") {
  return "rule my.rule {\n  severity warning\n  applies-to " + applies_to + "\n  require " + require +
         "\n  message \"" + message + "\"\n}\n";
}

const CheckCase kRejected[] = {
    {rule("task", "count(unitz) > 0"), 4, 17,
     "unknown relation “unitz” of a task (known: lead-units, own-units, parent, plan, units)"},
    {rule("task", "titel == \"x\""), 4, 11,
     "unknown attribute “titel” of a task (known: line, number, role, text, title)"},
    {rule("target", "text matches lexicon no-such-words"), 4, 11,
     "unknown lexicon “no-such-words” (known: acceptance-stage, action-adverbs, action-openers, "
     "attachment-labels, follow-up-stages, goal-labels, issuer-suffixes, list-closers, notice-markers, number-words, plan-kinds, quantity-units, quantity-units-cn, "
     "role-background, role-goals, role-guiding, role-qualifiers, role-safeguards, role-tasks, role-timeline, "
     "serial-columns, stage-words, trailer-labels, unit-labels, unit-labels-lead, unit-labels-support, unit-name-trailers, "
     "unit-sentence-words, unit-verbs, unit-verbs-lead)"},
    {rule("task", "title > 3"), 4, 11, "cannot compare text with number in “title > 3”"},
    {rule("task", "count(units)"), 4, 11, "rule my.rule: require must be a condition (true or false), not a number"},
    {rule("target", "text matches /([/"), 4, 11,
     "invalid regular expression /([/: missing ]: ["},
    {rule("stage", "measured"), 4, 11,
     "unknown attribute “measured” of a stage (known: acceptance, from, line, name, role, text, title, to)"},
    {rule("task", "units > 0"), 4, 11,
     "“units” is a relation; use it in count(units), any(units, …) or all(units, …)"},
    {rule("task", "true", "任务{titel}"), 5, 11,
     "unknown placeholder {titel} for a task (known: excerpt, line, number, role, text, title, "
     "count(lead-units, own-units, parent, plan, units))"},
    {"rule my.rule {\n  severity fatal\n  applies-to task\n  require true\n  message \"m\"\n}\n", 2, 12,
     "rule my.rule: unknown severity “fatal” (error, warning or info)"},
    {"rule my.rule {\n  severity error\n  applies-to chapter\n  require true\n  message \"m\"\n}\n", 3, 14,
     "rule my.rule: unknown node kind “chapter” (plan, section, task, target, stage, timeline, unit, attachment)"},
    {"rule my.rule {\n  severity error\n  applies-to task\n  message \"m\"\n}\n", 1, 1,
     "rule my.rule: has no require condition"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_checks)

BOOST_DATA_TEST_CASE(unknown_names_and_wrong_types_are_caught_at_load, data::make(kRejected), c) {
  planlint::RuleSet rules = planlint::testing::builtin_rules();
  const std::size_t before = rules.rules.size();
  planlint::DiagnosticList sink;
  BOOST_TEST(!planlint::load_rule_file(planlint::SourceFile("my.rules", c.rule_text), rules, sink));
  BOOST_TEST_REQUIRE(sink.items.size() >= 1u);
  const auto& d = sink.items[0];
  BOOST_TEST(d.file == "my.rules");
  BOOST_TEST(d.where.line == c.line);
  BOOST_TEST(d.where.column == c.column);
  BOOST_TEST(d.message == c.message);
  BOOST_TEST(rules.rules.size() == before);  // nothing of a bad file is added
}

BOOST_AUTO_TEST_CASE(a_later_file_replaces_a_rule_and_a_lexicon_of_the_same_name) {
  planlint::RuleSet rules = planlint::testing::builtin_rules();
  planlint::DiagnosticList sink;
  const std::string text =
      "lexicon acceptance-stage { 验收 复盘 }\n" + rule("target", "measured") +
      "rule target.unmeasured {\n severity info\n applies-to target\n require measured\n message \"x\"\n}\n";
  BOOST_TEST_REQUIRE(planlint::load_rule_file(planlint::SourceFile("user.rules", text), rules, sink));
  BOOST_TEST(rules.lexicons.get("acceptance-stage").contains("复盘"));
  BOOST_TEST(!rules.lexicons.get("acceptance-stage").contains("总结"));
  BOOST_TEST_REQUIRE(rules.find("target.unmeasured") != nullptr);
  BOOST_TEST(rules.find("target.unmeasured")->severity == planlint::Severity::info);
  BOOST_TEST(rules.find("my.rule") != nullptr);
  BOOST_TEST(rules.rules.size() == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rule_evaluation)

namespace {

/// Findings of `rule_text` alone on the plan in `plan_text`.
std::vector<planlint::Diagnostic> run(const std::string& rule_text, const std::string& plan_text) {
  planlint::RuleSet rules = planlint::testing::builtin_rules();
  for (auto& r : rules.rules) r.enabled = false;
  planlint::DiagnosticList problems;
  BOOST_TEST_REQUIRE(planlint::load_rule_file(planlint::SourceFile("t.rules", rule_text), rules, problems),
                     (problems.items.empty() ? "" : problems.items[0].message));
  const auto plan = planlint::testing::plan_from_text("p.txt", plan_text);
  const auto graph = planlint::build_graph(plan);
  planlint::DiagnosticList findings;
  planlint::evaluate_rules(rules.rules, graph, planlint::RuleEnvironment{rules.lexicons, rules.regexes},
                           findings);
  return findings.items;
}

const std::string kPlan =
    "XX区知识产权工作实施方案\n"
    "一、工作目标\n到2025年，发明专利达到15件。知识产权保护明显加强。\n"
    "二、重点任务\n"
    "（一）加强创造\n1.培育企业\n正文。\n责任单位：区科委、区商务局\n2.建设平台\n正文。\n"
    "（二）加强保护\n（责任单位：区市场监管局）\n1.开展执法\n正文。\n"
    "三、实施步骤\n（一）准备阶段（2023年1月—3月）：部署。\n（二）实施阶段：推进。\n";

}  // namespace

BOOST_AUTO_TEST_CASE(counts_neighbours_and_reads_attributes) {
  const auto f = run(rule("task", "count(units) > 1", "任务{title}只有{line}行"), kPlan);
  // 2.建设平台 has no units; 1.开展执法 inherits one unit from （二）.
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "任务建设平台只有9行");
  BOOST_TEST(f[1].where.line == 13u);
  BOOST_TEST(f[0].rule == "my.rule");
  BOOST_TEST(f[0].severity == planlint::Severity::warning);
}

BOOST_AUTO_TEST_CASE(placeholders_read_attributes_paths_and_counts) {
  const auto f = run(rule("plan", "count(tasks) < 3", "{kind}“{title}”有{count(tasks)}项任务、{count(units)}个责任单位"), kPlan);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "实施方案“XX区知识产权工作实施方案”有3项任务、3个责任单位");
}

BOOST_AUTO_TEST_CASE(templates_split_once_into_text_and_placeholders) {
  using Kind = planlint::Template::Piece::Kind;
  struct Case {
    std::string text;
    std::vector<std::string> texts;  // each piece's literal text
    std::vector<Kind> kinds;
  };
  const Case cases[] = {
      {"", {""}, {Kind::none}},
      {"没有占位符", {"没有占位符"}, {Kind::none}},
      {"任务“{title}”", {"任务“", "”"}, {Kind::value, Kind::none}},
      {"{excerpt}{count(units)}个", {"", "", "个"}, {Kind::excerpt, Kind::value, Kind::none}},
      {"未闭合{title", {"未闭合{title"}, {Kind::none}},  // no closing brace: all text
  };
  for (const auto& c : cases) {
    const auto t = planlint::make_template(c.text);
    BOOST_TEST(t.text == c.text);
    BOOST_TEST_REQUIRE(t.pieces.size() == c.texts.size(), c.text);
    for (std::size_t i = 0; i < t.pieces.size(); ++i) {
      BOOST_TEST(t.pieces[i].text == c.texts[i], c.text << " piece " << i);
      BOOST_TEST(static_cast<int>(t.pieces[i].kind) == static_cast<int>(c.kinds[i]), c.text << " piece " << i);
    }
    BOOST_TEST(t.constant() == (c.kinds.size() == 1), c.text);
  }
  // A placeholder is parsed and compiled when the template is made.
  using C = planlint::Condition::Op;
  const auto count = planlint::make_template("{count(units)}");
  BOOST_TEST((count.pieces[0].expr.op == planlint::ast::Expr::Op::call));
  BOOST_TEST(count.pieces[0].expr.args.at(0).words.at(0) == "units");
  BOOST_TEST((count.pieces[0].value.op == C::count));
  const auto path = planlint::make_template("{plan.kind}");
  BOOST_TEST(path.pieces[0].expr.words == (std::vector<std::string>{"plan", "kind"}), boost::test_tools::per_element());
  BOOST_TEST((path.pieces[0].value.op == C::path));
}

BOOST_AUTO_TEST_CASE(a_hint_with_placeholders_is_expanded_for_each_finding) {
  const std::string r =
      "rule k {\n severity error\n applies-to task\n require count(units) > 1\n message \"m\"\n"
      " hint \"给“{title}”写明单位\"\n}\n";
  const auto f = run(r, kPlan);
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].hint == "给“建设平台”写明单位");
  BOOST_TEST(f[1].hint == "给“开展执法”写明单位");
}

BOOST_AUTO_TEST_CASE(conditions_are_resolved_for_every_scope_when_compiled) {
  // `parent.title` from a task: one relation (parent, to a section), then
  // the section's title; from a plan there is no parent, so it reads empty.
  planlint::ast::Expr path;
  path.op = planlint::ast::Expr::Op::path;
  path.words = {"parent", "title"};
  const auto c = planlint::compile_condition(path);
  const auto& from_task = c.paths[static_cast<std::size_t>(planlint::Scope::task)];
  BOOST_TEST_REQUIRE(from_task.relations.size() == 1u);
  BOOST_TEST(from_task.relations[0]->name == "parent");
  BOOST_TEST_REQUIRE(from_task.attribute != nullptr);
  BOOST_TEST(from_task.attribute->name == "title");
  BOOST_TEST(c.paths[static_cast<std::size_t>(planlint::Scope::plan)].attribute == nullptr);
  // count(stages) from a timeline uses the relation of a section.
  planlint::ast::Expr relation;
  relation.op = planlint::ast::Expr::Op::path;
  relation.words = {"stages"};
  planlint::ast::Expr call;
  call.op = planlint::ast::Expr::Op::call;
  call.text = "count";
  call.args = {relation};
  const auto count = planlint::compile_condition(call);
  BOOST_TEST(count.relations[static_cast<std::size_t>(planlint::Scope::timeline)] != nullptr);
  BOOST_TEST(count.relations[static_cast<std::size_t>(planlint::Scope::unit)] == nullptr);
}

BOOST_AUTO_TEST_CASE(own_units_are_not_inherited_ones) {
  const auto f = run(rule("task", "count(own-units) > 0"), kPlan);
  BOOST_TEST(f.size() == 2u);  // 2.建设平台 and 1.开展执法
}

BOOST_AUTO_TEST_CASE(when_filters_by_plan_kind) {
  const std::string r = "rule k {\n severity error\n applies-to plan\n when kind in [规划]\n require false\n message \"m\"\n}\n";
  BOOST_TEST(run(r, kPlan).empty());
  const std::string r2 = "rule k {\n severity error\n applies-to task\n when plan.kind in [实施方案]\n require false\n message \"{plan.kind}\"\n}\n";
  const auto f = run(r2, kPlan);
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].message == "实施方案");
}

BOOST_AUTO_TEST_CASE(any_all_none_and_lexicons) {
  BOOST_TEST(run(rule("plan", "any(targets, measured)"), kPlan).empty());
  BOOST_TEST(run(rule("plan", "all(targets, measured)"), kPlan).empty());
  BOOST_TEST(run(rule("plan", "all(targets, deadline == 2030)"), kPlan).size() == 1u);
  BOOST_TEST(run(rule("plan", "none(targets, deadline == 2030)"), kPlan).empty());
  BOOST_TEST(run(rule("timeline", "any(stages, name matches lexicon acceptance-stage)"), kPlan).size() == 1u);
  BOOST_TEST(run(rule("stage", "from != \"\""), kPlan).size() == 1u);  // 实施阶段 has no date
}

BOOST_AUTO_TEST_CASE(regular_expressions_are_utf8) {
  // 培育企业 is 培育 and two characters (code points, not bytes): a finding.
  const auto f = run(rule("task", "not (title matches /^培育.{2}$/)"), kPlan);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].where.line == 6u);
}

BOOST_AUTO_TEST_CASE(parent_and_plan_paths) {
  BOOST_TEST(run(rule("task", "parent.role == \"tasks\""), kPlan).empty());
  BOOST_TEST(run(rule("section", "level < 3 and plan.kind != \"\""), kPlan).empty());
  BOOST_TEST(run(rule("task", "parent.level == 2"), kPlan).empty());
}

BOOST_AUTO_TEST_SUITE_END()
