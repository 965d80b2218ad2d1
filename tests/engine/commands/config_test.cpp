// .planlint.toml: every bad configuration in fixtures/config/bad named at its
// line and column; the tree in fixtures/config/tree resolved per file,
// nearer files overriding farther ones, each value with its source; a
// directory's file read once per run; include, exclude and hidden folders.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "commands/config.hpp"
#include "support/golden.hpp"

namespace fs = std::filesystem;

namespace {

fs::path tree(const std::string& relative = "") {
  return fs::path(planlint::testing::source_path("fixtures/config/tree")) / relative;
}

std::string config_of(const std::string& relative) { return (tree(relative) / ".planlint.toml").string(); }

/// The settings of a file of the tree, which must resolve.
planlint::Settings settings(const std::string& relative, planlint::ConfigCache& cache) {
  planlint::ConfigError error;
  auto s = planlint::settings_for(tree(relative), cache, error);
  BOOST_TEST_REQUIRE(s.has_value(), planlint::to_string(error));
  return *s;
}

/// The bad configurations, each saying in its first line what it must get:
/// `# expect: LINE:COLUMN: part of the message`.
std::vector<std::string> bad_configs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(planlint::testing::source_path("fixtures/config/bad"))) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_DATA_TEST_CASE(bad_configurations_are_named_at_their_line_and_column,
                     boost::unit_test::data::make(bad_configs()), name) {
  const std::string path = planlint::testing::source_path("fixtures/config/bad/" + name);
  const std::string text = planlint::testing::read_file(path);
  const std::string prefix = "# expect: ";
  BOOST_TEST_REQUIRE(text.starts_with(prefix));
  const std::string expected = text.substr(prefix.size(), text.find('\n') - prefix.size());

  planlint::ConfigError error;
  BOOST_TEST_REQUIRE(!planlint::read_config(path, error).has_value());
  BOOST_TEST(error.path == path);
  const std::string place = std::to_string(error.line) + ':' + std::to_string(error.column);
  const std::size_t colon = expected.find(": ");
  BOOST_TEST(place == expected.substr(0, colon));
  BOOST_TEST(error.message.find(expected.substr(colon + 2)) != std::string::npos,
             error.message << " does not hold " << expected.substr(colon + 2));
}

BOOST_AUTO_TEST_CASE(an_unreadable_configuration_is_named_without_a_line) {
  planlint::ConfigError error;
  BOOST_TEST(!planlint::read_config(tree("no-such-dir/.planlint.toml"), error));
  BOOST_TEST(error.line == 0u);
  BOOST_TEST(planlint::to_string(error).find("no-such-dir/.planlint.toml: ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_key_read) {
  const std::string text =
      "root = true\n"
      "rules = [\"r/a.rules\", \"../b.rules\"]\n"
      "enable = [\"task.unit-missing\", \"timeline.*\"]\n"
      "disable = [\"*\", \"timeline.missing\"]\n"
      "include = [\"**/*.txt\"]\n"
      "exclude = [\"old\"]\n"
      "fail-on = \"never\"\n"
      "max-warnings = 0\n"
      "baseline = \"b.json\"\n"
      "formats = [\"xml\", \"text=out/report.txt\"]\n"
      "[severity]\n"
      "\"task.unit-missing\" = \"warning\"\n"
      "timeline.missing = \"off\"\n"
      "[[suppress]]\n"
      "rule = \"target.*\"\n"
      "file = \"plans/*.txt\"\n"
      "subject = \"力争\"\n"
      "reason = \"aspirational\"\n"
      "expires = \"2026-01-31\"\n"
      "[[suppress]]\n"
      "rule = \"goals.no-indicator\"\n"
      "reason = \"r\"\n"
      "expires = 2026-02-01\n";
  planlint::ConfigError error;
  const auto c = planlint::parse_config(text, "/p/q/.planlint.toml", error);
  BOOST_TEST_REQUIRE(c.has_value(), planlint::to_string(error));
  BOOST_TEST(c->root);
  BOOST_TEST(*c->rules == (std::vector<std::string>{"/p/q/r/a.rules", "/p/b.rules"}), boost::test_tools::per_element());
  // Within a file: globs before ids, disabling before enabling.
  std::vector<std::string> order;
  for (const auto& s : c->switches) order.push_back((s.enabled ? "+" : "-") + s.pattern);
  BOOST_TEST(order == (std::vector<std::string>{"-*", "+timeline.*", "-timeline.missing", "+task.unit-missing"}),
             boost::test_tools::per_element());
  BOOST_TEST(*c->include == std::vector<std::string>{"**/*.txt"}, boost::test_tools::per_element());
  BOOST_TEST(*c->exclude == std::vector<std::string>{"old"}, boost::test_tools::per_element());
  BOOST_TEST(c->fail_on.has_value());
  BOOST_TEST(!c->fail_on->has_value());  // never
  BOOST_TEST(*c->max_warnings == 0);
  BOOST_TEST(*c->baseline == "/p/q/b.json");
  BOOST_TEST(c->formats->size() == 2u);
  BOOST_TEST((c->formats->at(0) == planlint::FormatSpec{"xml", ""}));
  BOOST_TEST((c->formats->at(1) == planlint::FormatSpec{"text", "/p/q/out/report.txt"}));
  BOOST_TEST(c->severity.size() == 2u);
  BOOST_TEST((c->severity.at("task.unit-missing") == planlint::Severity::warning));
  BOOST_TEST(!c->severity.at("timeline.missing").has_value());  // dotted key, read back as the id; off
  BOOST_TEST_REQUIRE(c->suppressions.size() == 2u);
  const auto& s = c->suppressions[0];
  BOOST_TEST(s.rule == "target.*");
  BOOST_TEST(s.file == "plans/*.txt");
  BOOST_TEST(s.subject == "力争");
  BOOST_TEST(s.reason == "aspirational");
  BOOST_TEST((s.expires == planlint::Date{2026, 1, 31}));
  BOOST_TEST(s.where.line == 14u);
  BOOST_TEST(s.where.column == 1u);
  BOOST_TEST(s.base == fs::path("/p/q"));
  BOOST_TEST(c->suppressions[1].file == "**");  // no file: every file under the configuration
  BOOST_TEST((c->suppressions[1].expires == planlint::Date{2026, 2, 1}));  // a TOML date
}

BOOST_AUTO_TEST_CASE(an_empty_configuration_is_valid) {
  planlint::ConfigError error;
  const auto c = planlint::parse_config("# nothing yet\n", "/p/.planlint.toml", error);
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(!c->root);
  BOOST_TEST(!c->fail_on.has_value());
  BOOST_TEST(c->suppressions.empty());
}

BOOST_AUTO_TEST_CASE(dates) {
  BOOST_TEST((planlint::parse_date("2024-02-29") == planlint::Date{2024, 2, 29}));
  BOOST_TEST(!planlint::parse_date("2023-02-29"));
  BOOST_TEST(!planlint::parse_date("2023-13-01"));
  BOOST_TEST(!planlint::parse_date("2023-1-01"));
  BOOST_TEST(!planlint::parse_date("2023-01-01x"));
  BOOST_TEST(planlint::to_string(planlint::Date{2030, 1, 5}) == "2030-01-05");
}

BOOST_AUTO_TEST_CASE(nearer_files_override_farther_ones_and_say_so) {
  planlint::ConfigCache cache;
  const auto s = settings("plans/sub/b.md", cache);
  const std::string top = config_of(""), plans = config_of("plans");
  BOOST_TEST(s.files == (std::vector<std::string>{top, plans}), boost::test_tools::per_element());

  // Scalars: the nearest file that sets them.
  BOOST_TEST((s.fail_on.value == planlint::Severity::error));
  BOOST_TEST(s.fail_on.source == plans);
  BOOST_TEST(*s.max_warnings.value == 5);
  BOOST_TEST(s.max_warnings.source == top);
  BOOST_TEST(s.baseline.value == tree(".planlint-baseline.json").lexically_normal().string());
  BOOST_TEST(s.baseline.source == top);
  BOOST_TEST(s.formats.value.size() == 2u);
  BOOST_TEST(s.formats.value[1].file == tree("plans/reports/plans.xml").lexically_normal().string());
  BOOST_TEST(s.formats.source == plans);

  // Lists that add up, farthest first.
  BOOST_TEST_REQUIRE(s.rules.size() == 2u);
  BOOST_TEST(s.rules[0].value == tree("rules/org.rules").lexically_normal().string());
  BOOST_TEST(s.rules[0].source == top);
  BOOST_TEST(s.rules[1].value == tree("plans/local.rules").lexically_normal().string());
  BOOST_TEST(s.suppressions.size() == 2u);
  BOOST_TEST(s.exclude.size() == 1u);

  // Switches: the top disables timeline.*, the plans folder enables one back.
  BOOST_TEST(planlint::rule_switch(s, "timeline.missing").value());
  BOOST_TEST(!planlint::rule_switch(s, "timeline.no-acceptance").value());
  BOOST_TEST(!planlint::rule_switch(s, "task.unit-missing").has_value());

  // [severity]: per rule id, the nearest file.
  const auto* unmeasured = planlint::severity_override(s, "target.unmeasured");
  BOOST_TEST_REQUIRE(unmeasured);
  BOOST_TEST(!unmeasured->value.has_value());  // off, from plans
  BOOST_TEST(unmeasured->source == plans);
  const auto* goals = planlint::severity_override(s, "goals.no-indicator");
  BOOST_TEST_REQUIRE(goals);
  BOOST_TEST((goals->value == planlint::Severity::error));
  BOOST_TEST(goals->source == top);
  BOOST_TEST(!planlint::severity_override(s, "task.unit-missing"));
}

BOOST_AUTO_TEST_CASE(root_true_stops_the_search) {
  planlint::ConfigCache cache;
  const auto s = settings("other/f.txt", cache);
  BOOST_TEST(s.files == std::vector<std::string>{config_of("other")}, boost::test_tools::per_element());
  BOOST_TEST(!s.fail_on.value.has_value());  // never
  BOOST_TEST(s.rules.empty());
  BOOST_TEST(s.max_warnings.source.empty());  // planlint's default
}

BOOST_AUTO_TEST_CASE(a_file_with_no_configuration_above_gets_the_defaults) {
  const fs::path dir = fs::temp_directory_path() / "planlint-config-test-none";
  fs::create_directories(dir);
  planlint::ConfigCache cache;
  planlint::ConfigError error;
  const auto s = planlint::settings_for(dir / "plan.txt", cache, error);
  BOOST_TEST_REQUIRE(s.has_value());
  BOOST_TEST(s->files.empty());
  BOOST_TEST((s->fail_on.value == planlint::Severity::error));
  BOOST_TEST(s->fail_on.source.empty());
  BOOST_TEST(planlint::included(*s, dir / ".hidden" / "plan.txt"));  // no configuration, no filter
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(each_directory_is_read_once_per_run) {
  planlint::ConfigCache cache;
  for (const char* f : {"plans/a.txt", "plans/sub/b.md", "plans/x.bak.txt", "top.txt", "plans/sub/c.txt"}) {
    settings(f, cache);
  }
  BOOST_TEST(cache.files_read() == 2u);  // tree and tree/plans
  settings("other/f.txt", cache);
  BOOST_TEST(cache.files_read() == 3u);
  settings("plans/a.txt", cache);
  BOOST_TEST(cache.files_read() == 3u);
}

BOOST_AUTO_TEST_CASE(a_bad_configuration_fails_every_file_below_it) {
  const fs::path dir = fs::temp_directory_path() / "planlint-config-test-bad";
  fs::create_directories(dir / "sub");
  {
    std::ofstream(dir / ".planlint.toml") << "root = true\nfail-on = \"sometimes\"\n";
  }
  planlint::ConfigCache cache;
  for (const char* f : {"a.txt", "sub/b.txt"}) {
    planlint::ConfigError error;
    BOOST_TEST(!planlint::settings_for(dir / f, cache, error));
    BOOST_TEST(error.path == (dir / ".planlint.toml").string());
    BOOST_TEST(error.line == 2u);
    BOOST_TEST(error.column == 11u);
  }
  BOOST_TEST(cache.files_read() == 1u);
  fs::remove_all(dir);
}

namespace {

struct Inclusion {
  std::string file;
  bool included;
};
std::ostream& operator<<(std::ostream& out, const Inclusion& c) { return out << c.file << " → " << c.included; }

const Inclusion kInclusions[] = {
    {"plans/a.txt", true},
    {"plans/sub/b.md", true},
    {"plans/x.bak.txt", false},     // excluded by the top's **/*.bak.txt
    {"plans/.drafts/d.txt", false},  // a hidden folder, reached by ** only
    {"plans/notes.docx", false},    // not in the plans folder's include
    {"archive/old.txt", false},     // excluded by the top's "archive", a folder
    {".cache/e.txt", false},        // hidden
    {"top.txt", true},
};

}  // namespace

BOOST_DATA_TEST_CASE(include_exclude_and_hidden_folders, boost::unit_test::data::make(kInclusions), c) {
  planlint::ConfigCache cache;
  const auto s = settings(c.file, cache);
  BOOST_TEST(planlint::included(s, tree(c.file)) == c.included);
}

BOOST_AUTO_TEST_CASE(an_include_that_names_a_hidden_folder_reaches_it) {
  planlint::ConfigError error;
  auto c = planlint::parse_config("include = [\".drafts/**\"]\n", tree("plans/.planlint.toml"), error);
  BOOST_TEST_REQUIRE(c.has_value());
  const auto s = planlint::merge({std::make_shared<const planlint::ConfigFile>(std::move(*c))});
  BOOST_TEST(planlint::included(s, tree("plans/.drafts/d.txt")));
  BOOST_TEST(!planlint::included(s, tree("plans/a.txt")));
}

BOOST_AUTO_TEST_CASE(describe_names_the_source_of_every_setting) {
  planlint::ConfigCache cache;
  std::string text = planlint::describe(settings("plans/a.txt", cache));
  // The tree's absolute path as <tree>.
  const std::string root = tree().lexically_normal().string();
  for (std::size_t at; (at = text.find(root)) != std::string::npos;) text.replace(at, root.size(), "<tree>/");
  const std::string expected =
      "# configuration files, farthest first\n"
      "#   <tree>/.planlint.toml\n"
      "#   <tree>/plans/.planlint.toml\n"
      "fail-on = \"error\"  # <tree>/plans/.planlint.toml\n"
      "max-warnings = 5  # <tree>/.planlint.toml\n"
      "baseline = \"<tree>/.planlint-baseline.json\"  # <tree>/.planlint.toml\n"
      "formats = [\"text\", \"xml=<tree>/plans/reports/plans.xml\"]  # <tree>/plans/.planlint.toml\n"
      "rules += \"<tree>/rules/org.rules\"  # <tree>/.planlint.toml\n"
      "rules += \"<tree>/plans/local.rules\"  # <tree>/plans/.planlint.toml\n"
      "disable += \"timeline.*\"  # <tree>/.planlint.toml\n"
      "enable += \"timeline.missing\"  # <tree>/plans/.planlint.toml\n"
      "severity.\"goals.no-indicator\" = \"error\"  # <tree>/.planlint.toml\n"
      "severity.\"target.unmeasured\" = \"off\"  # <tree>/plans/.planlint.toml\n"
      "include = [\"**/*.txt\", \"**/*.md\"]  # <tree>/plans/.planlint.toml\n"
      "exclude += [\"archive\", \"**/*.bak.txt\"]  # <tree>/.planlint.toml\n"
      "suppress += { rule = \"task.unit-missing\", file = \"plans/**\", expires = 2030-12-31, reason = \"units are "
      "assigned in the annual work points, not in the plan\" }  # <tree>/.planlint.toml:15\n"
      "suppress += { rule = \"target.*\", file = \"**\", subject = \"力争\", reason = \"aspirational targets are "
      "worded so on purpose\" }  # <tree>/plans/.planlint.toml:11\n";
  BOOST_TEST(text == expected);
}

BOOST_AUTO_TEST_SUITE_END()
