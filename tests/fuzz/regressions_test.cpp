// Every input a fuzzer found a fault with (a crash, a hang, a leak, a broken
// output), kept under fixtures/fuzz/<harness>/ and replayed through the same
// harness body: a fault once fixed stays fixed. The hostile inputs of
// docs/reliability.md that reach these paths are kept there too.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/harness.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const std::string& harness) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path("fixtures/fuzz") / harness)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fuzz_regressions)

BOOST_AUTO_TEST_CASE(check_harness_replays_every_kept_input) {
  const auto files = inputs_of("check");
  BOOST_TEST_REQUIRE(!files.empty());
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      planlint::fuzz::check_plan(bytes_of(f));  // aborts on a broken output
      BOOST_TEST(true);
    }
  }
}

BOOST_AUTO_TEST_CASE(rules_harness_replays_every_kept_input) {
  const auto files = inputs_of("rules");
  BOOST_TEST_REQUIRE(!files.empty());
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      planlint::fuzz::check_rule_file(bytes_of(f));
      BOOST_TEST(true);
    }
  }
}

BOOST_AUTO_TEST_CASE(docx_harness_replays_every_kept_input) {
  const auto files = inputs_of("docx");
  BOOST_TEST_REQUIRE(!files.empty());
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      planlint::fuzz::check_docx(bytes_of(f));
      BOOST_TEST(true);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_output_checks_catch_what_they_guard_against) {
  // The harness's own checks, so that a replay that passes means something.
  BOOST_CHECK_NO_THROW(planlint::fuzz::require_well_formed_xml("<a b=\"&lt;\">x</a>", "ok"));
  BOOST_CHECK_NO_THROW(planlint::fuzz::require_terminal_safe("a\tb\n", "ok"));
}

BOOST_AUTO_TEST_SUITE_END()
