// The default rules on the five real plans: the findings table of
// seed-expectations.md asserted exactly, and the reports (text and XML) as
// golden files.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>

#include "planlint/commands.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct Expected {
  std::string plan;
  std::map<std::string, unsigned> findings;
};
std::ostream& operator<<(std::ostream& out, const Expected& e) { return out << e.plan; }

// The default rules' findings of seed-expectations.md, and what the reader
// itself finds (tongzhou's （2） among （一）…（三）).
const Expected kTable[] = {
    {"mentougou-ip-pilot-2020", {{"task.unit-missing", 0}, {"target.unmeasured", 8}, {"goals.no-indicator", 1},
                                 {"timeline.missing", 0}, {"timeline.no-acceptance", 0}}},
    {"tongzhou-ip-pilot-2024", {{"task.unit-missing", 17}, {"target.unmeasured", 1}, {"goals.no-indicator", 1},
                                {"timeline.missing", 1}, {"timeline.no-acceptance", 0},
                                {"numbering-slip", 1}}},
    {"sancheng-yiqu-ip-action-2020", {{"task.unit-missing", 15}, {"target.unmeasured", 1}, {"goals.no-indicator", 1},
                                      {"timeline.missing", 1}, {"timeline.no-acceptance", 0}}},
    {"beijing-ip-14th-fyp-2021", {{"task.unit-missing", 33}, {"target.unmeasured", 6}, {"goals.no-indicator", 0},
                                  {"timeline.missing", 0}, {"timeline.no-acceptance", 0}}},
    {"beichen-ip-pilot-2022", {{"task.unit-missing", 0}, {"target.unmeasured", 4}, {"goals.no-indicator", 0},
                               {"timeline.missing", 1}, {"timeline.no-acceptance", 0}}},
};

std::string report(const std::string& path, planlint::Format format) {
  planlint::Options o;
  o.command = "check";
  o.inputs = {path};
  o.reports = {{format == planlint::Format::xml ? "xml" : "text", ""}};
  o.color = planlint::ColorMode::never;
  std::istringstream in;
  std::ostringstream out, err;
  planlint::run_check(o, in, out, err, false);
  return out.str();
}

unsigned count(const std::string& xml, const std::string& rule) {
  const std::string what = "rule=\"" + rule + "\"";
  unsigned n = 0;
  for (std::size_t at = 0; (at = xml.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_check)

BOOST_DATA_TEST_CASE(default_rule_findings_match_the_table, data::make(kTable), e) {
  const std::string path = "fixtures/plans/" + e.plan + ".txt";
  const std::string xml = report(path, planlint::Format::xml);
  unsigned total = 0;
  for (const auto& [rule, n] : e.findings) {
    BOOST_TEST(count(xml, rule) == n, e.plan << " " << rule);
    total += n;
  }
  // No other rule fires.
  std::size_t findings = 0;
  for (std::size_t at = 0; (at = xml.find("<finding ", at)) != std::string::npos; ++at) ++findings;
  BOOST_TEST(findings == total);
  const std::string text = report(path, planlint::Format::text);
  const std::string text_diff = planlint::testing::compare_golden("fixtures/golden/" + e.plan + ".check.txt", text);
  BOOST_TEST(text_diff.empty(), text_diff);
  const std::string xml_diff = planlint::testing::compare_golden("fixtures/golden/" + e.plan + ".check.xml", xml);
  BOOST_TEST(xml_diff.empty(), xml_diff);
}

BOOST_AUTO_TEST_SUITE_END()
