// Suppressions: which findings an entry covers (rule, file, subject), that
// an expired entry covers nothing and is itself a finding, and that an entry
// covering nothing in the whole run is one too, at its line.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

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
  planlint::tally(tally, top, a);
  BOOST_TEST(a.kept.size() == 1u);  // the goals finding, its entry expired
  const auto b = planlint::apply_suppressions(for_b, {finding("/p/sub/b.txt", "timeline.missing", "")}, kToday);
  planlint::tally(tally, for_b, b);
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
  planlint::tally(tally, s->suppressions, r);
  BOOST_TEST(planlint::suppression_findings(tally, planlint::Date{2031, 1, 1}).size() == 1u);  // the top's expired
  BOOST_TEST(planlint::suppression_findings(tally, kToday).empty());
}

BOOST_AUTO_TEST_CASE(today_is_a_real_date) {
  const auto d = planlint::local_today();
  BOOST_TEST(planlint::parse_date(planlint::to_string(d)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
