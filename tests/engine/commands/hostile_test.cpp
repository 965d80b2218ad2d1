// planlint against hostile inputs, in process: outputs that would destroy an
// input or a special file, writes that fail, directory walks through bad
// entries, unbounded inputs, control characters in plans and paths, and
// thread counts out of range. tests/hostile_inputs.sh runs the same table
// through the real binary (as another user too, and with /dev/full).
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tinyxml2.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "fuzz/harness.hpp"
#include "planlint/commands.hpp"
#include "planlint/graph.hpp"
#include "planlint/outline.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"
#include "planlint/source.hpp"
#include "support/golden.hpp"
#include "text_util.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kPlan = "fixtures/plans/tongzhou-ip-pilot-2024.txt";
const std::string kControl = "fixtures/bad/control-characters.txt";

/// A stream buffer that fails every write, like a full disk or /dev/full.
struct FullDisk : std::streambuf {
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

struct Run {
  int status = 0;
  std::string out, err;
};

planlint::Options options(const std::string& command, std::vector<std::string> inputs) {
  planlint::Options o;
  o.command = command;
  o.inputs = std::move(inputs);
  o.color = planlint::ColorMode::never;
  return o;
}

Run run(const planlint::Options& o, std::ostream* out_override = nullptr, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  std::ostream& sink = out_override ? *out_override : out;
  Run r;
  if (o.command == "check") r.status = planlint::run_check(o, in, sink, err, false);
  if (o.command == "outline") r.status = planlint::run_outline(o, sink, err);
  if (o.command == "graph") r.status = planlint::run_graph(o, sink, err);
  if (o.command == "rules") r.status = planlint::run_rules(o, sink, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("planlint-hostile-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

bool has_raw_control(const std::string& s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_inputs)

// 1. `check P --output P` replaced the plan with its own report.
BOOST_AUTO_TEST_CASE(an_output_that_is_an_input_is_refused_before_anything_is_written) {
  Scratch s;
  const fs::path plan = s.dir / "p.txt";
  fs::copy_file(kPlan, plan);
  const std::string original = planlint::testing::read_file(plan.string());
  fs::create_symlink("p.txt", s.dir / "link.txt");
  fs::create_hard_link(plan, s.dir / "hard.txt");
  fs::create_directories(s.dir / "walked");
  fs::copy_file(kPlan, s.dir / "walked" / "q.txt");
  const std::vector<std::pair<std::vector<std::string>, fs::path>> cases = {
      {{plan.string()}, plan},
      {{plan.string()}, s.dir / "link.txt"},
      {{plan.string()}, s.dir / "hard.txt"},
      {{(s.dir / "walked").string()}, s.dir / "walked" / "q.txt"},
  };
  for (const auto& [inputs, output] : cases) {
    for (const std::string command : {"check", "outline", "graph"}) {
      auto o = options(command, inputs.size() == 1 && command == "graph" ? inputs : inputs);
      if (command != "check" && fs::is_directory(inputs[0])) continue;
      o.output = output.string();
      const Run r = run(o);
      BOOST_TEST_CONTEXT(command << " -o " << output) {
        BOOST_TEST(r.status == planlint::kExitError);
        BOOST_TEST(r.err.find("would replace the input") != std::string::npos);
      }
    }
  }
  BOOST_TEST(planlint::testing::read_file(plan.string()) == original);
  BOOST_TEST(fs::is_symlink(s.dir / "link.txt"));
  BOOST_TEST(planlint::testing::read_file((s.dir / "walked" / "q.txt").string()) == original);
  // A rule file is an input too.
  auto o = options("check", {kPlan});
  fs::copy_file("fixtures/user-rules/combined.rules", s.dir / "mine.rules");
  o.rule_files = {(s.dir / "mine.rules").string()};
  o.output = (s.dir / "mine.rules").string();
  BOOST_TEST(run(o).status == planlint::kExitError);
}

// 2. --output onto a device node or a FIFO replaced the node with a file.
BOOST_AUTO_TEST_CASE(a_special_file_at_the_output_is_written_into_not_replaced) {
  Scratch s;
  auto o = options("check", {kPlan});
  o.fail_on.reset();
  o.output = "/dev/null";
  BOOST_TEST(run(o).status == planlint::kExitOk);
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat("/dev/null", &st) == 0);
  BOOST_TEST(S_ISCHR(st.st_mode));

  const fs::path fifo = s.dir / "fifo";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A reader on the other end: opened non-blocking, so that opening does not
  // wait for the writer, and drained after the run.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  BOOST_TEST_REQUIRE(reader >= 0);
  o.output = fifo.string();
  o.reports = {{"xml", ""}};
  BOOST_TEST(run(o).status == planlint::kExitOk);
  std::string got(1 << 20, '\0');
  const ssize_t n = ::read(reader, got.data(), got.size());
  ::close(reader);
  BOOST_TEST_REQUIRE(n > 0);
  got.resize(static_cast<std::size_t>(n));
  BOOST_TEST(got.find("<planlint-report") != std::string::npos);
  BOOST_TEST(fs::is_fifo(fifo));
}

// 3. A failed write on standard output was ignored (exit 0, truncated report).
BOOST_AUTO_TEST_CASE(a_failed_write_is_one_line_and_exit_2_for_every_command) {
  for (const std::string command : {"check", "outline", "graph", "rules"}) {
    FullDisk full;
    std::ostream out(&full);
    auto o = options(command, command == "rules" ? std::vector<std::string>{} : std::vector<std::string>{kPlan});
    o.fail_on.reset();
    const Run r = run(o, &out);
    BOOST_TEST_CONTEXT(command) {
      BOOST_TEST(r.status == planlint::kExitError);
      BOOST_TEST(r.err.find("planlint: cannot write to standard output") != std::string::npos);
    }
  }
}

// 4. The walk stopped at the first bad entry and passed over broken links.
BOOST_AUTO_TEST_CASE(a_walk_names_every_entry_it_cannot_read_and_goes_on) {
  Scratch s;
  // e.TXT: extensions are matched whatever their case.
  for (const char* name : {"a.txt", "c.txt", "e.TXT"}) fs::copy_file(kPlan, s.dir / name);
  fs::create_symlink("nowhere.txt", s.dir / "b-dangling.txt");
  fs::create_symlink("d-loop", s.dir / "d-loop");
  fs::create_directories(s.dir / "sub");
  fs::copy_file(kPlan, s.dir / "sub" / "f.txt");
  fs::create_directory_symlink("..", s.dir / "sub" / "up");
  const auto files = planlint::expand_inputs({s.dir.string()});
  std::vector<std::string> paths, errors;
  for (const auto& f : files) {
    paths.push_back(fs::path(f.path).lexically_relative(s.dir).string());
    errors.push_back(f.error);
  }
  const std::vector<std::string> want = {"a.txt", "b-dangling.txt", "c.txt", "d-loop", "e.TXT", "sub/f.txt",
                                         "sub/up"};
  BOOST_TEST(paths == want, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(errors.size() == want.size());
  BOOST_TEST(errors[0].empty());
  BOOST_TEST(errors[1] == "broken symbolic link (its target does not exist)");
  BOOST_TEST(errors[3] == "symbolic link loop");
  BOOST_TEST(errors[6] == "symbolic link to a directory, not followed (name it to check it)");
  BOOST_TEST(files[6].skipped);

  auto o = options("check", {s.dir.string()});
  o.fail_on.reset();
  const Run r = run(o);
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.out.find("6 files (2 unreadable), 72 errors") != std::string::npos);
  BOOST_TEST(r.err.find("b-dangling.txt: error: broken symbolic link") != std::string::npos);
  BOOST_TEST(r.err.find("sub/up: note: symbolic link to a directory, not followed") != std::string::npos);
}

// 5. -j 100000 with two files aborted the process.
BOOST_AUTO_TEST_CASE(more_jobs_than_files_starts_no_more_threads_than_files) {
  auto o = options("check", {kPlan, kPlan});
  o.fail_on.reset();
  o.jobs = 4294967295u;
  const Run r = run(o);
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.out.find("2 files, 36 errors") != std::string::npos);
}

// 8. /dev/zero, an endless pipe and a FIFO with no writer hung and grew.
BOOST_AUTO_TEST_CASE(inputs_are_bounded_in_size_and_in_waiting) {
  planlint::ReadLimits limits;
  limits.max_bytes = 1 << 20;
  limits.idle_seconds = 1;
  planlint::LoadError error;
  BOOST_TEST(!planlint::load_source("/dev/zero", error, limits).has_value());
  BOOST_TEST(error.message == "larger than the 1 MiB an input may be (see --max-input-size)");
  BOOST_TEST(!planlint::load_source(kPlan, error, planlint::ReadLimits{1000, 1}).has_value());
  BOOST_TEST(error.message == "larger than the 1000 bytes an input may be (see --max-input-size)");

  Scratch s;
  const fs::path fifo = s.dir / "fifo";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  BOOST_TEST(!planlint::load_source(fifo.string(), error, limits).has_value());
  BOOST_TEST(error.message.find("nothing to read for 1 s") == 0u);

  std::istringstream endless(std::string(limits.max_bytes + 1, 'a'));
  BOOST_TEST(!planlint::read_stream_bytes(endless, error, limits).has_value());
  std::istringstream small("一、总体要求\n");
  BOOST_TEST(planlint::read_stream_bytes(small, error, limits).value() == "一、总体要求\n");

  // Through check: the bad inputs are named, the good one still reported.
  auto o = options("check", {"/dev/zero", "-", fifo.string(), kPlan});
  o.limits = limits;
  o.fail_on.reset();
  const Run r = run(o, nullptr, std::string(limits.max_bytes + 10, 'x'));
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.out.find("4 files (3 unreadable), 18 errors") != std::string::npos);
  BOOST_TEST(r.err.find("/dev/zero: error: larger than") != std::string::npos);
  BOOST_TEST(r.err.find("-: error: larger than") != std::string::npos);
  // A rule file is bounded the same way.
  auto with_rules = options("check", {kPlan});
  with_rules.rule_files = {"/dev/zero"};
  with_rules.limits = limits;
  const Run bad_rules = run(with_rules);
  BOOST_TEST(bad_rules.status == planlint::kExitError);
  BOOST_TEST(bad_rules.err.find("/dev/zero: error: larger than") != std::string::npos);
}

// 7. Control characters and non-characters in a plan made every XML output
// ill-formed; a path that is not UTF-8 did too.
BOOST_AUTO_TEST_CASE(every_xml_output_is_well_formed_whatever_the_plan_and_path) {
  const auto plan = planlint::testing::plan_from_fixture(kControl);
  std::ostringstream outline, graphml, dot;
  planlint::write_graphml(graphml, planlint::build_graph(plan));
  planlint::write_dot(dot, planlint::build_graph(plan));
  planlint::fuzz::require_well_formed_xml(graphml.str(), "GraphML");
  BOOST_TEST(graphml.str().find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD in place of each

  Scratch s;
  const std::string odd_name = (s.dir / "bad\xff\x1b[31m%name.txt").string();
  fs::copy_file(kControl, odd_name);
  {
    auto o = options("check", {kControl, odd_name});
    o.reports = {{"xml", ""}};
    const Run r = run(o);
    BOOST_TEST(r.status == planlint::kExitFindings);
    planlint::fuzz::require_well_formed_xml(r.out, "report");
    tinyxml2::XMLDocument doc;
    BOOST_TEST_REQUIRE(doc.Parse(r.out.data(), r.out.size()) == tinyxml2::XML_SUCCESS);
    const auto* second = doc.RootElement()->FirstChildElement("file")->NextSiblingElement("file");
    BOOST_TEST_REQUIRE(second != nullptr);
    BOOST_TEST(std::string(second->Attribute("path-encoding")) == "percent");
    // The encoding is reversible: %XX decodes to the bytes of the name.
    std::string decoded;
    for (const char* p = second->Attribute("path"); *p; ++p) {
      if (*p == '%') {
        decoded += static_cast<char>(std::stoi(std::string(p + 1, 2), nullptr, 16));
        p += 2;
      } else {
        decoded += *p;
      }
    }
    BOOST_TEST(decoded == odd_name);
    BOOST_TEST(doc.RootElement()->FirstChildElement("file")->Attribute("path-encoding") == nullptr);
  }
  auto o = options("outline", {kControl, odd_name});
  o.format = planlint::Format::xml;
  const Run r = run(o);
  BOOST_TEST(r.status == planlint::kExitOk);
  planlint::fuzz::require_well_formed_xml(r.out, "outline");
}

// 9. Escape sequences in a plan reached the terminal raw.
BOOST_AUTO_TEST_CASE(text_outputs_show_control_characters_escaped) {
  for (const std::string command : {"check", "outline"}) {
    const Run r = run(options(command, {kControl}));
    BOOST_TEST_CONTEXT(command) {
      BOOST_TEST(!has_raw_control(r.out));
      BOOST_TEST(!has_raw_control(r.err));
      BOOST_TEST(r.out.find("\\x1b[31m") != std::string::npos);
    }
  }
  BOOST_TEST(planlint::text::terminal_safe("a\x1b]0;t\x07z\tb") == "a\\x1b]0;t\\x07z\tb");
  BOOST_TEST(planlint::text::terminal_safe("\xC2\x9B" "31m") == "\\u009b31m");  // C1 CSI
  BOOST_TEST(planlint::text::terminal_safe("\xff\xfe") == "\\xff\\xfe");
  BOOST_TEST(planlint::text::terminal_safe("一、总体要求") == "一、总体要求");
}

// 10. A backslash in plan text broke the DOT file.
BOOST_AUTO_TEST_CASE(dot_labels_escape_backslashes_and_quotes) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "关于\\开展试点的工作方案\n\n一、重点任务\n1.加强\\\"统筹\\。推动落实。\n");
  std::ostringstream dot;
  planlint::write_dot(dot, planlint::build_graph(plan));
  const std::string s = dot.str();
  BOOST_TEST(s.find(R"(label="关于\\开展试点的工作方案")") != std::string::npos);
  // A final backslash no longer escapes the closing quote.
  BOOST_TEST(s.find(R"(label="1. 加强\\\"统筹\\")") != std::string::npos, s);
}

// 11. Loading N rules compared each id with every rule so far (33,794 rules:
// 7.7 s). The figures are in docs/performance.md; here, that the hashed
// lookups keep what the linear ones did.
BOOST_AUTO_TEST_CASE(many_rules_load_with_repeats_refused_and_replacements_in_place) {
  planlint::RuleSet rules;
  planlint::DiagnosticList problems;
  BOOST_TEST_REQUIRE(planlint::load_rules({}, rules, problems));
  const std::size_t builtin = rules.rules.size();
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += "rule r." + std::to_string(i) + " { severity info applies-to task require true message \"m\" }\n";
  }
  BOOST_TEST_REQUIRE(planlint::load_rule_file(planlint::SourceFile("many.rules", many), rules, problems));
  BOOST_TEST(rules.rules.size() == builtin + 20000);
  const std::string replace =
      "rule r.7 { severity error applies-to task require false message \"again\" }\n"
      "rule task.unit-missing { severity info applies-to task require true message \"m\" }\n";
  BOOST_TEST_REQUIRE(planlint::load_rule_file(planlint::SourceFile("replace.rules", replace), rules, problems));
  BOOST_TEST(rules.rules.size() == builtin + 20000);
  BOOST_TEST(rules.rules[builtin + 7].id == "r.7");
  BOOST_TEST(rules.rules[builtin + 7].message.text == "again");
  BOOST_TEST(rules.find("task.unit-missing")->severity == planlint::Severity::info);
  const std::string twice = many.substr(0, many.find('\n') + 1) + many.substr(0, many.find('\n') + 1);
  planlint::DiagnosticList repeat;
  BOOST_TEST(!planlint::load_rule_file(planlint::SourceFile("twice.rules", twice), rules, repeat));
  BOOST_TEST_REQUIRE(repeat.items.size() == 1u);
  BOOST_TEST(repeat.items[0].message == "rule r.0 is declared twice in this file");
  BOOST_TEST(repeat.items[0].where.line == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
