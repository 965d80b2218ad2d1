// One rule id = one declaration, one doc page, one failing and one passing
// fixture (fixtures/rules/<id>/), each with its expected report. A fixture is
// a plan, fails.txt and passes.txt, or, for a check of the configuration
// (suppression.unused), a folder, fails/ and passes/, holding a plan and the
// .planlint.toml it is checked with.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "planlint/commands.hpp"
#include "planlint/rule_set.hpp"
#include "support/golden.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> default_rule_ids() {
  std::vector<std::string> ids;
  const auto rules = planlint::testing::builtin_rules();
  for (const auto& r : rules.rules) ids.push_back(r.id);
  // The reader's checks: pages and fixtures like every rule's.
  for (const auto& c : rules.reader_checks) ids.push_back(c.id);
  return ids;
}

/// The fixture `name` (fails or passes) of a rule: NAME.txt, or the folder
/// NAME/ when there is one, checked as a walk so that its .planlint.toml
/// applies to its plan.
std::string fixture(const std::string& dir, const std::string& name) {
  return fs::is_directory(dir + name) ? dir + name : dir + name + ".txt";
}

std::string report(const std::string& path) {
  planlint::Options o;
  o.command = "check";
  o.inputs = {path};
  o.color = planlint::ColorMode::never;
  o.fail_on.reset();
  std::istringstream in;
  std::ostringstream out, err;
  planlint::run_check(o, in, out, err, false);
  // A configuration file is named by its absolute path; the expected reports
  // name it from the top of the source tree, where the tests run.
  std::string text = out.str();
  const std::string top = fs::current_path().string() + '/';
  for (auto at = text.find(top); at != std::string::npos; at = text.find(top, at)) text.erase(at, top.size());
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_fixtures)

// The ids come from the loaded rule set at run time (not at registration:
// the grammar objects are initialised with their translation units).
BOOST_AUTO_TEST_CASE(every_rule_has_a_page_and_two_fixtures) {
  for (const std::string& id : default_rule_ids()) {
  BOOST_TEST_CONTEXT("rule " << id) {
  BOOST_TEST(fs::exists(planlint::testing::source_path("docs/rules/" + id + ".md")), id);
  const auto& pages = planlint::builtin_rule_pages();
  BOOST_TEST(std::any_of(pages.begin(), pages.end(), [&](const auto& p) { return p.name == id; }),
             id << " page is compiled into the binary");
  const std::string dir = "fixtures/rules/" + id + "/";
  const std::string tag = "[" + id + "]";
  const std::string fails_input = fixture(dir, "fails");
  const std::string fails = report(fails_input);
  BOOST_TEST(fails.find(tag) != std::string::npos, id << " does not fire on " << fails_input);
  const std::string passes_input = fixture(dir, "passes");
  const std::string passes = report(passes_input);
  BOOST_TEST(passes.find(tag) == std::string::npos, id << " fires on " << passes_input);
  const std::string fails_diff = planlint::testing::compare_golden(dir + "fails.expected.txt", fails);
  BOOST_TEST(fails_diff.empty(), fails_diff);
  const std::string passes_diff = planlint::testing::compare_golden(dir + "passes.expected.txt", passes);
  BOOST_TEST(passes_diff.empty(), passes_diff);
  }
  }
}

BOOST_AUTO_TEST_CASE(every_rule_page_belongs_to_a_rule) {
  const auto ids = default_rule_ids();
  for (const auto& entry : fs::directory_iterator(planlint::testing::source_path("docs/rules"))) {
    const std::string id = entry.path().stem().string();
    const bool known = std::find(ids.begin(), ids.end(), id) != ids.end();
    BOOST_TEST(known, "docs/rules/" << id << ".md has no rule");
  }
}

BOOST_AUTO_TEST_SUITE_END()
