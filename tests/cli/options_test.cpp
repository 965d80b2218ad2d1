// The command line: each command takes its own options, has its own
// --help, and dispatches from the table.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include "options.hpp"

namespace {

struct Parsed {
  std::optional<planlint::Options> options;
  std::string out, err;
};

Parsed parse(std::vector<std::string> args) {
  args.insert(args.begin(), "planlint");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  Parsed p;
  p.options = planlint::cli::parse_options(static_cast<int>(argv.size()), argv.data(), out, err);
  p.out = out.str();
  p.err = err.str();
  return p;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_options)

BOOST_AUTO_TEST_CASE(every_command_of_the_table_is_found_by_its_name_and_runs) {
  BOOST_TEST(planlint::cli::commands().size() == 7u);
  for (const auto& c : planlint::cli::commands()) {
    BOOST_TEST(planlint::cli::find_command(c.name) == &c);
    BOOST_TEST(c.run != nullptr);
  }
  BOOST_TEST(!planlint::cli::find_command("lint"));
}

BOOST_AUTO_TEST_CASE(the_general_help_lists_every_command) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    const auto p = parse(args);
    BOOST_TEST_REQUIRE(p.options.has_value());
    BOOST_TEST(p.options->command == "help");
    for (const auto& c : planlint::cli::commands()) BOOST_TEST(contains(p.out, "  " + std::string(c.name)));
    BOOST_TEST(contains(p.out, "planlint COMMAND --help"));
  }
}

BOOST_AUTO_TEST_CASE(each_command_has_its_own_help_with_only_its_options) {
  const auto check = parse({"check", "--help"});
  BOOST_TEST_REQUIRE(check.options.has_value());
  BOOST_TEST(check.options->command == "help");
  BOOST_TEST(contains(check.out, "usage: planlint check [options] FILE|DIR|-..."));
  BOOST_TEST(contains(check.out, "--max-warnings"));
  BOOST_TEST(!contains(check.out, "--explain"));
  BOOST_TEST(!contains(check.out, "--prune"));

  const auto rules = parse({"help", "rules"});
  BOOST_TEST_REQUIRE(rules.options.has_value());
  BOOST_TEST(contains(rules.out, "usage: planlint rules [options]\n"));
  BOOST_TEST(contains(rules.out, "--explain"));
  BOOST_TEST(!contains(rules.out, "--max-warnings"));

  const auto graph = parse({"graph", "-h"});
  BOOST_TEST(contains(graph.out, "dot (default) or graphml"));
}

BOOST_AUTO_TEST_CASE(an_option_of_another_command_is_a_usage_error_naming_the_command) {
  const std::vector<std::vector<std::string>> wrong = {
      {"outline", "--max-warnings", "3", "a.txt"}, {"check", "--explain", "x", "a.txt"},
      {"config", "--rules", "r.rules", "a.txt"},   {"extract", "--prune", "a.txt"},
      {"rules", "--format", "xml"},
  };
  for (const auto& args : wrong) {
    const auto p = parse(args);
    BOOST_TEST_CONTEXT(args[0] << ' ' << args[1]) {
      BOOST_TEST(!p.options.has_value());
      BOOST_TEST(contains(p.err, "planlint " + args[0] + ": "));
      BOOST_TEST(contains(p.err, "(see planlint " + args[0] + " --help)"));
    }
  }
}

BOOST_AUTO_TEST_CASE(no_command_or_an_unknown_one_is_one_line) {
  BOOST_TEST(!parse({}).options.has_value());
  const auto unknown = parse({"lint", "a.txt"});
  BOOST_TEST(!unknown.options.has_value());
  BOOST_TEST(unknown.err == "planlint: unknown command 'lint' (see planlint --help)\n");
  const auto option_first = parse({"--rules", "x.rules", "check", "a.txt"});
  BOOST_TEST(!option_first.options.has_value());
  BOOST_TEST(contains(option_first.err, "give a command first"));
}

BOOST_AUTO_TEST_CASE(check_takes_formats_with_files) {
  const auto p = parse({"check", "--format", "text", "--format", "sarif=out.sarif", "-f", "xml=r.xml", "plans"});
  BOOST_TEST_REQUIRE(p.options.has_value());
  BOOST_TEST(p.options->command == "check");
  BOOST_TEST_REQUIRE(p.options->reports.size() == 3u);
  BOOST_TEST(p.options->reports[1].name == "sarif");
  BOOST_TEST(p.options->reports[1].file == "out.sarif");
  BOOST_TEST(p.options->inputs == std::vector<std::string>{"plans"});
  BOOST_TEST(!parse({"check", "--format", "text", "--format", "xml", "a.txt"}).options.has_value());
  BOOST_TEST(!parse({"check", "--format", "pdf", "a.txt"}).options.has_value());
}

BOOST_AUTO_TEST_CASE(outline_and_graph_take_their_own_formats_once) {
  BOOST_TEST((parse({"outline", "--format", "xml", "a.txt"}).options->format == planlint::Format::xml));
  BOOST_TEST((parse({"graph", "a.txt"}).options->format == planlint::Format::dot));
  BOOST_TEST((parse({"graph", "-f", "graphml", "a.txt"}).options->format == planlint::Format::graphml));
  const auto bad = parse({"graph", "--format", "xml", "a.txt"});
  BOOST_TEST(!bad.options.has_value());
  BOOST_TEST(bad.err == "planlint: --format for graph must be dot or graphml, not 'xml'\n");
}

BOOST_AUTO_TEST_CASE(every_command_that_writes_takes_output) {
  for (const auto& c : planlint::cli::commands()) {
    if (c.name == "baseline") continue;  // it writes the baseline file, named by --baseline
    std::vector<std::string> args{std::string(c.name), "-o", "out.txt"};
    if (!c.operands.empty()) args.push_back("a.txt");
    const auto p = parse(args);
    BOOST_TEST_CONTEXT(c.name) {
      BOOST_TEST_REQUIRE(p.options.has_value());
      BOOST_TEST(p.options->output == "out.txt");
    }
  }
}

BOOST_AUTO_TEST_CASE(switches_keep_their_order_and_given_options_are_named) {
  const auto p = parse({"check", "--disable", "a", "--enable", "b", "--disable", "c", "--fail-on", "warning", "x"});
  BOOST_TEST_REQUIRE(p.options.has_value());
  const std::vector<std::pair<std::string, bool>> expected{{"a", false}, {"b", true}, {"c", false}};
  BOOST_TEST((p.options->switches == expected));
  BOOST_TEST((p.options->fail_on == planlint::Severity::warning));
  const auto& given = p.options->given;
  BOOST_TEST((std::find(given.begin(), given.end(), "fail-on") != given.end()));
  BOOST_TEST((std::find(given.begin(), given.end(), "max-warnings") == given.end()));
}

BOOST_AUTO_TEST_CASE(bad_values_are_one_line_each) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"check", "-j", "0", "a"}, "planlint: -j must be a whole number of at least 1, not '0'\n"},
      {{"check", "--fail-on", "bad", "a"}, "planlint: --fail-on must be error, warning, info or never, not 'bad'\n"},
      {{"check", "--color", "red", "a"}, "planlint: --color must be auto, always or never, not 'red'\n"},
      {{"check", "--max-warnings", "many", "a"}, "planlint: --max-warnings must be a whole number, not 'many'\n"},
      {{"outline", "--max-input-size", "12X", "a"},
       "planlint: --max-input-size must be a number of bytes with an optional K, M or G, not '12X'\n"},
  };
  for (const auto& [args, message] : cases) {
    const auto p = parse(args);
    BOOST_TEST(!p.options.has_value());
    BOOST_TEST(p.err == message);
  }
}

BOOST_AUTO_TEST_SUITE_END()
