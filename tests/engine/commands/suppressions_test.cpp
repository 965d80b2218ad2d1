// Suppressions: which findings an entry covers (rule, file, subject), that
// an expired entry covers nothing and is itself a finding, and that an entry
// covering nothing in the whole run is one too, at its line; and that those
// two findings are declared checks, listed, explained, switched and graded
// like rules.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "planlint/commands.hpp"
#include "planlint/rule_set.hpp"
#include "suppressions.hpp"
#include "support/golden.hpp"

namespace fs = std::filesystem;

namespace {

planlint::SuppressionSpec spec(std::string rule, std::string file, std::string subject = "",
                               std::optional<planlint::Date> expires = std::nullopt, std::uint32_t line = 3) {
  planlint::SuppressionSpec s;
  s.rule = std::move(rule);
  s.file = std::move(file);
  s.subject = std::move(subject);
  s.reason = "accepted";
  s.expires = expires;
  s.source = "/p/.planlint.toml";
  s.base = "/p";
  s.where = {line, 1};
  return s;
}

planlint::Finding finding(std::string file, std::string rule, std::string subject) {
  return planlint::Finding{planlint::Diagnostic{std::move(file), {7, 1}, std::move(rule), planlint::Severity::error,
                                                "m", ""},
                           std::move(subject)};
}

constexpr planlint::Date kToday{2025, 6, 15};

struct CoverCase {
  std::string rule, file, subject;  // of the suppression
  std::string finding_file, finding_rule;
  bool covered;
};
std::ostream& operator<<(std::ostream& out, const CoverCase& c) {
  return out << c.rule << " " << c.file << " “" << c.subject << "” ~ " << c.finding_file << " " << c.finding_rule;
}

const CoverCase kCovers[] = {
    {"task.unit-missing", "**", "", "/p/plans/a.txt", "task.unit-missing", true},
    {"task.unit-missing", "**", "", "/p/plans/a.txt", "target.unmeasured", false},
    {"task.*", "**", "", "/p/plans/a.txt", "task.unit-missing", true},
    {"*", "plans/*.txt", "", "/p/plans/a.txt", "goals.no-indicator", true},
    {"*", "plans/*.txt", "", "/p/plans/sub/a.txt", "goals.no-indicator", false},
    {"*", "plans", "", "/p/plans/sub/a.txt", "goals.no-indicator", true},  // a folder holds its files
    {"*", "**", "", "/elsewhere/a.txt", "goals.no-indicator", false},     // outside the config's folder
    {"*", "**", "", "/p/../p/plans/./a.txt", "goals.no-indicator", true},  // paths made normal
    {"*", "**", "专利导航", "/p/a.txt", "task.unit-missing", true},       // the subject holds it
    {"*", "**", "商标", "/p/a.txt", "task.unit-missing", false},
    {"*", "方案?.txt", "", "/p/方案一.txt", "task.unit-missing", true},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(suppressions)

BOOST_DATA_TEST_CASE(what_an_entry_covers, boost::unit_test::data::make(kCovers), c) {
  const auto s = spec(c.rule, c.file, c.subject);
  BOOST_TEST(planlint::covers(s, finding(c.finding_file, c.finding_rule, "强化专利导航。开展导航。")) == c.covered);
}

BOOST_AUTO_TEST_CASE(covered_findings_are_dropped_and_counted_per_entry) {
  const std::vector<planlint::SuppressionSpec> in_force{spec("task.*", "**", "", std::nullopt, 3),
                                                         spec("task.unit-missing", "a.txt", "", std::nullopt, 9),
                                                         spec("timeline.*", "**", "", std::nullopt, 14)};
  const auto r = planlint::apply_suppressions(
      in_force,
      {finding("/p/a.txt", "task.unit-missing", "x"), finding("/p/b.txt", "task.unit-missing", "y"),
       finding("/p/a.txt", "target.unmeasured", "z")},
      kToday);
  BOOST_TEST_REQUIRE(r.kept.size() == 1u);
  BOOST_TEST(r.kept[0].diagnostic.rule == "target.unmeasured");
  // A finding two entries cover counts for both: neither is unused.
  BOOST_TEST(r.counts == (std::vector<std::size_t>{2, 1, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_entry_is_in_force_through_its_expiry_day) {
  const std::vector<planlint::SuppressionSpec> on_the_day{spec("*", "**", "", kToday)};
  BOOST_TEST(planlint::apply_suppressions(on_the_day, {finding("/p/a.txt", "r", "")}, kToday).kept.empty());
  const std::vector<planlint::SuppressionSpec> day_before{spec("*", "**", "", planlint::Date{2025, 6, 14})};
  const auto r = planlint::apply_suppressions(day_before, {finding("/p/a.txt", "r", "")}, kToday);
  BOOST_TEST(r.kept.size() == 1u);  // expired: the finding is back
  BOOST_TEST(r.counts[0] == 0u);
}

BOOST_AUTO_TEST_CASE(expired_and_unused_entries_of_a_run_are_findings_at_their_line) {
  // Two files of a run, each with the same entries in force (one
  // configuration above both), and a nearer entry for b.txt only.
  const std::vector<planlint::SuppressionSpec> top{
      spec("task.unit-missing", "**", "", std::nullopt, 3),      // used by a.txt only
      spec("target.*", "**", "", std::nullopt, 8),               // used by nothing
      spec("goals.*", "**", "", planlint::Date{2024, 12, 31}, 13),  // expired
  };
  auto for_b = top;
  planlint::SuppressionSpec nearer = spec("timeline.*", "**", "", std::nullopt, 2);
  nearer.source = "/p/sub/.planlint.toml";
  nearer.base = "/p/sub";
  for_b.push_back(nearer);

  planlint::SuppressionTally tally;
  const auto a = planlint::apply_suppressions(
      top, {finding("/p/a.txt", "task.unit-missing", ""), finding("/p/a.txt", "goals.no-indicator", "")}, kToday);
  planlint::tally(tally, top, a.counts);
  BOOST_TEST(a.kept.size() == 1u);  // the goals finding, its entry expired
  const auto b = planlint::apply_suppressions(for_b, {finding("/p/sub/b.txt", "timeline.missing", "")}, kToday);
  planlint::tally(tally, for_b, b.counts);
  BOOST_TEST(b.kept.empty());

  const auto problems = planlint::suppression_findings(tally, kToday);
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[0].file == "/p/.planlint.toml");
  BOOST_TEST(problems[0].where.line == 8u);
  BOOST_TEST(problems[0].rule == "suppression.unused");
  BOOST_TEST((problems[0].severity == planlint::Severity::warning));
  BOOST_TEST(problems[0].message == "suppression of rule “target.*” matched no finding");
  BOOST_TEST(problems[1].where.line == 13u);
  BOOST_TEST(problems[1].rule == "suppression.expired");
  BOOST_TEST(problems[1].message ==
             "suppression of rule “goals.*” expired on 2024-12-31; its findings are reported again");
  BOOST_TEST(!problems[1].hint.empty());
}

BOOST_AUTO_TEST_CASE(suppressions_read_from_a_configuration) {
  // The tree's plans folder suppresses targets whose subject holds 力争, and
  // the top the plans' task.unit-missing findings until 2030.
  planlint::ConfigCache cache;
  planlint::ConfigError error;
  const fs::path file = planlint::testing::source_path("fixtures/config/tree/plans/a.txt");
  const auto s = planlint::settings_for(file, cache, error);
  BOOST_TEST_REQUIRE(s.has_value(), planlint::to_string(error));
  const auto r = planlint::apply_suppressions(
      s->suppressions,
      {finding(file.string(), "task.unit-missing", "培育企业"), finding(file.string(), "target.unmeasured", "力争达到先进水平"),
       finding(file.string(), "target.unmeasured", "明显提高")},
      kToday);
  BOOST_TEST_REQUIRE(r.kept.size() == 1u);
  BOOST_TEST(r.kept[0].subject == "明显提高");
  BOOST_TEST(r.counts == (std::vector<std::size_t>{1, 1}), boost::test_tools::per_element());
  planlint::SuppressionTally tally;
  planlint::tally(tally, s->suppressions, r.counts);
  BOOST_TEST(planlint::suppression_findings(tally, planlint::Date{2031, 1, 1}).size() == 1u);  // the top's expired
  BOOST_TEST(planlint::suppression_findings(tally, kToday).empty());
}

BOOST_AUTO_TEST_CASE(today_is_a_real_date) {
  const auto d = planlint::local_today();
  BOOST_TEST(planlint::parse_date(planlint::to_string(d)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

/// planlint check (or rules) in the current directory, its findings reported
/// whatever their severity.
Run run(const std::string& command, std::vector<std::string> inputs, std::vector<std::pair<std::string, bool>> switches = {},
        const std::string& format = "text", const std::string& explain = "") {
  planlint::Options o;
  o.command = command;
  o.inputs = std::move(inputs);
  o.switches = std::move(switches);
  o.reports = {planlint::ReportRequest{format, ""}};
  o.explain = explain;
  o.color = planlint::ColorMode::never;
  o.fail_on.reset();
  std::istringstream in;
  std::ostringstream out, err;
  Run r;
  r.status = command == "rules" ? planlint::run_rules(o, out, err) : planlint::run_check(o, in, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// A folder of its own with a plan (a clean one: no finding) and the
/// .planlint.toml given, made the current directory while it lives.
class Project {
 public:
  explicit Project(const std::string& config)
      : top_(fs::current_path()),
        dir_(fs::temp_directory_path() / ("planlint-suppression-checks-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy_file(top_ / "fixtures/rules/suppression.unused/fails/plan.txt", dir_ / "plan.txt");
    std::ofstream(dir_ / ".planlint.toml") << config;
    fs::current_path(dir_);
  }
  ~Project() {
    fs::current_path(top_);
    fs::remove_all(dir_);
  }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

 private:
  fs::path top_, dir_;
};

/// An entry that covers nothing in the clean plan, after `settings`.
std::string with_unused_entry(const std::string& settings) {
  return "root = true\n" + settings + "[[suppress]]\nrule = \"task.*\"\nreason = \"covers nothing\"\n";
}

}  // namespace

// Every finding id planlint reports is declared, as the reader's checks are:
// a page, a default severity, a switch. These two are about the
// configuration, not a plan.
BOOST_AUTO_TEST_SUITE(suppression_checks)

BOOST_AUTO_TEST_CASE(both_ids_are_declared_checks_of_the_configuration) {
  const auto& checks = planlint::reader_check_declarations();
  const auto& pages = planlint::builtin_rule_pages();
  for (const std::string_view id : {planlint::kSuppressionExpired, planlint::kSuppressionUnused}) {
    BOOST_TEST_CONTEXT(id) {
      const auto check =
          std::find_if(checks.begin(), checks.end(), [&](const planlint::ReaderCheck& c) { return c.id == id; });
      BOOST_TEST_REQUIRE((check != checks.end()));
      BOOST_TEST((check->severity == planlint::Severity::warning));
      BOOST_TEST(check->enabled);
      BOOST_TEST(check->scope == "config");
      BOOST_TEST(!check->summary.empty());
      BOOST_TEST(std::any_of(pages.begin(), pages.end(), [&](const auto& p) { return p.name == id; }));
    }
  }
  // The reader's own checks keep their scope.
  BOOST_TEST(checks.front().scope == "reading");
}

BOOST_AUTO_TEST_CASE(a_rule_set_switches_and_grades_them) {
  planlint::RuleSet rules;
  BOOST_TEST(rules.set_enabled("suppression.unused", false));
  BOOST_TEST(rules.set_severity("suppression.expired", planlint::Severity::error));
  BOOST_TEST(!rules.find_reader_check("suppression.unused")->enabled);
  BOOST_TEST((rules.find_reader_check("suppression.expired")->severity == planlint::Severity::error));
}

BOOST_AUTO_TEST_CASE(rules_lists_and_explains_them) {
  const Run listed = run("rules", {});
  BOOST_TEST(listed.status == planlint::kExitOk);
  BOOST_TEST(listed.out.find("\nsuppression.expired ") != std::string::npos, listed.out);
  BOOST_TEST(listed.out.find("\nsuppression.unused ") != std::string::npos, listed.out);
  const Run explained = run("rules", {}, {}, "text", "suppression.unused");
  BOOST_TEST(explained.status == planlint::kExitOk, explained.err);
  BOOST_TEST(explained.out == planlint::testing::read_file(planlint::testing::source_path("docs/rules/suppression.unused.md")));
}

BOOST_AUTO_TEST_CASE(disable_on_the_command_line) {
  const std::string fixture = "fixtures/rules/suppression.unused/fails";
  BOOST_TEST(run("check", {fixture}).out.find("[suppression.unused]") != std::string::npos);
  const Run off = run("check", {fixture}, {{"suppression.unused", false}});
  BOOST_TEST(off.status == planlint::kExitOk, off.err);
  BOOST_TEST(off.out.find("suppression") == std::string::npos, off.out);
  BOOST_TEST(off.out.find("1 file, 0 errors, 0 warnings, 0 infos") != std::string::npos, off.out);
}

BOOST_AUTO_TEST_CASE(switching_off_the_expiry_finding_does_not_revive_the_entry) {
  const Run off = run("check", {"fixtures/rules/suppression.expired/fails"}, {{"suppression.expired", false}});
  BOOST_TEST(off.out.find("[suppression.expired]") == std::string::npos, off.out);
  BOOST_TEST(off.out.find("[numbering-slip]") != std::string::npos, off.out);  // still not suppressed
}

BOOST_AUTO_TEST_CASE(graded_and_switched_by_planlint_toml) {
  {
    Project p(with_unused_entry("[severity]\n\"suppression.unused\" = \"error\"\n"));
    const Run r = run("check", {"plan.txt"});
    BOOST_TEST(r.out.find(".planlint.toml:4:1: error: suppression of rule “task.*” matched no finding "
                          "[suppression.unused]") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("1 file, 1 error, 0 warnings, 0 infos") != std::string::npos, r.out);
  }
  for (const std::string settings :
       {"[severity]\n\"suppression.unused\" = \"off\"\n", "disable = [\"suppression.*\"]\n"}) {
    BOOST_TEST_CONTEXT(settings) {
      Project p(with_unused_entry(settings));
      const Run r = run("check", {"plan.txt"});
      BOOST_TEST(r.out.find("suppression") == std::string::npos, r.out);
      BOOST_TEST(r.status == planlint::kExitOk);
    }
  }
}

BOOST_AUTO_TEST_CASE(junit_gives_the_configuration_file_its_own_checks) {
  const Run r = run("check", {"fixtures/rules/suppression.unused/fails"}, {}, "junit");
  const auto config = r.out.find(".planlint.toml\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">");
  BOOST_TEST_REQUIRE(config != std::string::npos, r.out);
  const std::string suite = r.out.substr(config, r.out.find("</testsuite>", config) - config);
  BOOST_TEST(suite.find("<properties>") == std::string::npos, suite);  // not a plan: no title, kind, …
  BOOST_TEST(suite.find("name=\"suppression.expired\"/>") != std::string::npos, suite);
  BOOST_TEST(suite.find("name=\"suppression.unused\">") != std::string::npos, suite);
  BOOST_TEST(suite.find("name=\"task.unit-missing\"") == std::string::npos, suite);
  // The plan's suite has the plan's checks, not the configuration's.
  const std::string plan = r.out.substr(0, config);
  BOOST_TEST(plan.find("tests=\"8\"") != std::string::npos, plan);
  BOOST_TEST(plan.find("name=\"suppression.") == std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()
