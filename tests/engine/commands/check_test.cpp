// planlint check at its boundary: exit codes, --fail-on, unreadable inputs,
// malformed rule files, standard input, directories, atomic --output, user
// rule files that add, override and disable rules, and -jN giving the report
// of -j1.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "planlint/commands.hpp"
#include "planlint/report.hpp"
#include <unistd.h>
#include "support/golden.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run check(std::vector<std::string> inputs, std::vector<std::string> extra = {}, const std::string& stdin_text = "") {
  planlint::Options o;
  o.command = "check";
  o.inputs = std::move(inputs);
  o.color = planlint::ColorMode::never;
  for (std::size_t i = 0; i < extra.size(); ++i) {
    const std::string& a = extra[i];
    if (a == "--xml") o.reports = {{"xml", ""}};
    if (a == "--rules") o.rule_files.push_back(extra[++i]);
    if (a == "--disable") o.switches.emplace_back(extra[++i], false);
    if (a == "--enable") o.switches.emplace_back(extra[++i], true);
    if (a == "--output") o.output = extra[++i];
    if (a == "-j") o.jobs = static_cast<unsigned>(std::stoul(extra[++i]));
    if (a == "--fail-on") {
      const std::string v = extra[++i];
      if (v == "never") o.fail_on.reset();
      if (v == "warning") o.fail_on = planlint::Severity::warning;
      if (v == "info") o.fail_on = planlint::Severity::info;
    }
  }
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  Run r;
  r.status = planlint::run_check(o, in, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

const std::string kMentougou = "fixtures/plans/mentougou-ip-pilot-2020.txt";
const std::string kBeichen = "fixtures/plans/beichen-ip-pilot-2022.txt";

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("planlint-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check_command)

BOOST_AUTO_TEST_CASE(exit_codes_follow_fail_on) {
  // beichen: 4 target.unmeasured warnings, 1 timeline.missing warning, no errors.
  BOOST_TEST(check({kBeichen}).status == planlint::kExitOk);
  BOOST_TEST(check({kBeichen}, {"--fail-on", "warning"}).status == planlint::kExitFindings);
  BOOST_TEST(check({kBeichen}, {"--fail-on", "info"}).status == planlint::kExitFindings);
  // mentougou: goals.no-indicator is an error.
  BOOST_TEST(check({kMentougou}).status == planlint::kExitFindings);
  BOOST_TEST(check({kMentougou}, {"--fail-on", "never"}).status == planlint::kExitOk);
}

BOOST_AUTO_TEST_CASE(summary_line_counts_the_run) {
  const Run r = check({kBeichen, kMentougou});
  BOOST_TEST(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1) == "2 files, 1 error, 13 warnings, 0 infos\n");
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_does_not_hide_the_others) {
  const Run r = check({"fixtures/bad/latin1.txt", kBeichen});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == "fixtures/bad/latin1.txt:3:3: error: not UTF-8 text: invalid byte 0xD6 at line 3, column 3; if it is GBK/GB18030 or UTF-16 text, pass --encoding NAME\n");
  BOOST_TEST(count(r.out, "[target.unmeasured]") == 4u);
  const Run x = check({"fixtures/bad/latin1.txt", kBeichen}, {"--xml"});
  BOOST_TEST(x.out.find("<file path=\"fixtures/bad/latin1.txt\" error=\"not UTF-8 text") != std::string::npos);
  BOOST_TEST(x.out.find("<summary files=\"2\" failed-files=\"1\" errors=\"0\" warnings=\"5\" infos=\"0\" verdict=\"error\" fail-on=\"error\"/>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_malformed_rule_file_is_a_usage_error) {
  const fs::path dir = temp_dir();
  std::ofstream(dir / "bad.rules") << "rule x {\n  severity error\n  applies-to task\n  require count(units) >\n}\n";
  const Run r = check({kBeichen}, {"--rules", (dir / "bad.rules").string()});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err == (dir / "bad.rules").string() +
                          ":5:1: error: expected a value (a number, \"text\", [list], true, false, an "
                          "attribute or a function call), found “}” [rule-syntax]\n");
  const Run missing = check({kBeichen}, {"--rules", "no-such.rules"});
  BOOST_TEST(missing.status == planlint::kExitError);
  BOOST_TEST(missing.err == "no-such.rules: error: no such file [rule-file]\n");
}

BOOST_AUTO_TEST_CASE(unknown_rule_to_disable_is_a_usage_error) {
  const Run r = check({kBeichen}, {"--disable", "no.such-rule"});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == "planlint: no rule “no.such-rule” to disable (see planlint rules)\n");
}

BOOST_AUTO_TEST_CASE(standard_input) {
  const std::string plan = planlint::testing::read_file(planlint::testing::source_path(kBeichen));
  const Run r = check({"-"}, {}, plan);
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.out.find("-:36:1: warning: 目标") != std::string::npos);
  BOOST_TEST(count(r.out, "[target.unmeasured]") == 4u);
}

BOOST_AUTO_TEST_CASE(directories_are_walked_in_sorted_order) {
  const Run r = check({"fixtures/plans"}, {"--xml", "--fail-on", "never"});
  std::vector<std::size_t> at;
  for (const char* name : {"beichen", "beijing", "mentougou", "sancheng", "tongzhou"}) {
    at.push_back(r.out.find(std::string("<file path=\"fixtures/plans/") + name));
  }
  BOOST_TEST(std::is_sorted(at.begin(), at.end()));
  BOOST_TEST(at.front() != std::string::npos);
  BOOST_TEST(count(r.out, "<file ") == 5u);
}

BOOST_AUTO_TEST_CASE(output_is_written_whole_or_not_at_all) {
  const fs::path dir = temp_dir();
  const fs::path report = dir / "report.xml";
  std::ofstream(report) << "old report";
  const Run r = check({kBeichen}, {"--xml", "--output", report.string()});
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.out.empty());
  const std::string written = planlint::testing::read_file(report.string());
  BOOST_TEST(written.rfind("<?xml", 0) == 0u);
  BOOST_TEST(written.find("</planlint-report>") != std::string::npos);
  // The old report is gone: no temporary file (.report.xml.XXXXXX) is left.
  const auto leftovers = [&dir] {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().filename().string().rfind(".report.xml", 0) == 0) names.push_back(e.path().filename().string());
    }
    return names;
  };
  BOOST_TEST(leftovers().empty());
  // A second run replaces the first one's report the same way.
  const Run again = check({kBeichen}, {"--xml", "--output", report.string()});
  BOOST_TEST(again.status == planlint::kExitOk);
  BOOST_TEST(planlint::testing::read_file(report.string()) == written);
  BOOST_TEST(leftovers().empty());
  // A folder where the report should go is not replaced.
  fs::create_directories(dir / "folder.xml");
  const Run onto_folder = check({kBeichen}, {"--xml", "--output", (dir / "folder.xml").string()});
  BOOST_TEST(onto_folder.status == planlint::kExitError);
  BOOST_TEST(fs::is_directory(dir / "folder.xml"));
  fs::remove(dir / "folder.xml");
  // A symbolic link at the path is replaced by the report, as a rename
  // replaces it; the file it pointed to stays as it was.
  std::ofstream(dir / "target.xml") << "old report";
  fs::create_symlink(dir / "target.xml", dir / "link.xml");
  const Run onto_link = check({kBeichen}, {"--xml", "--output", (dir / "link.xml").string()});
  BOOST_TEST(onto_link.status == planlint::kExitOk);
  BOOST_TEST(!fs::is_symlink(dir / "link.xml"));
  BOOST_TEST(planlint::testing::read_file((dir / "link.xml").string()) == written);
  BOOST_TEST(planlint::testing::read_file((dir / "target.xml").string()) == "old report");
  fs::remove(dir / "link.xml");
  fs::remove(dir / "target.xml");
  // Where the report cannot be written, the old file stays as it was and no
  // temporary file is left behind.
  fs::create_directories(dir / "locked");
  std::ofstream(dir / "locked" / "report.xml") << "old report";
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const bool can_lock = ::geteuid() != 0;  // root writes anyway
  const Run failed = check({kBeichen}, {"--xml", "--output", (dir / "locked" / "report.xml").string()});
  if (can_lock) {
    BOOST_TEST(failed.status == planlint::kExitError);
    BOOST_TEST(planlint::testing::read_file((dir / "locked" / "report.xml").string()) == "old report");
  }
  fs::permissions(dir / "locked", fs::perms::owner_all);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "locked")) ++files;
  BOOST_TEST(files == 1u);
  const Run no_dir = check({kBeichen}, {"--output", (dir / "no-such-dir" / "r.txt").string()});
  BOOST_TEST(no_dir.status == planlint::kExitError);
  BOOST_TEST(no_dir.err.find("cannot") != std::string::npos);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_user_rule_file_adds_overrides_and_disables) {
  const fs::path dir = temp_dir();
  std::ofstream(dir / "user.rules")
      << "# a rule of our own, and target.unmeasured as information only\n"
         "rule plan.issuer-missing {\n  severity error\n  applies-to plan\n  require issuer != \"\"\n"
         "  message \"“{title}”没有写明发文单位\"\n}\n"
         "rule target.unmeasured {\n  severity info\n  applies-to target\n  require measured\n"
         "  message \"目标未量化\"\n}\n";
  const fs::path plan = dir / "plan.txt";
  std::ofstream(plan) << "XX区工作方案\n一、工作目标\n知识产权保护明显加强。\n二、重点任务\n（一）加强保护\n"
                         "责任单位：区市场监管局\n三、实施步骤\n（一）准备阶段\n（二）总结验收阶段\n";
  const Run before = check({plan.string()});
  BOOST_TEST(count(before.out, "[target.unmeasured]") == 1u);
  BOOST_TEST(count(before.out, "warning: 目标") == 1u);
  BOOST_TEST(count(before.out, "[plan.issuer-missing]") == 0u);

  const Run after = check({plan.string()}, {"--rules", (dir / "user.rules").string(), "--disable", "goals.no-indicator"});
  BOOST_TEST(count(after.out, "error: “XX区工作方案”没有写明发文单位 [plan.issuer-missing]") == 1u);
  BOOST_TEST(count(after.out, "info: 目标未量化 [target.unmeasured]") == 1u);
  BOOST_TEST(count(after.out, "[goals.no-indicator]") == 0u);
  BOOST_TEST(after.status == planlint::kExitFindings);

  const Run enabled = check({plan.string()}, {"--disable", "goals.no-indicator", "--enable", "goals.no-indicator"});
  BOOST_TEST(count(enabled.out, "[goals.no-indicator]") == 1u);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_text_that_is_not_a_plan_gets_a_warning_not_plan_findings) {
  // The reader's warning is a finding: in the report and its counts, and
  // --fail-on warning fails on it.
  const Run r = check({"fixtures/bad/not-a-plan.txt"});
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.err.empty(), r.err);
  BOOST_TEST(r.out.find("fixtures/bad/not-a-plan.txt:1:1: warning: no numbered sections: this text does not read as "
                        "a plan [plan-structure]") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("1 file, 0 errors, 1 warning, 0 infos\n") != std::string::npos);
  const Run strict = check({"fixtures/bad/not-a-plan.txt"}, {"--fail-on", "warning"});
  BOOST_TEST(strict.status == planlint::kExitFindings);
  const Run off = check({"fixtures/bad/not-a-plan.txt"}, {"--disable", "plan-structure"});
  BOOST_TEST(off.out == "1 file, 0 errors, 0 warnings, 0 infos\n");
}

BOOST_AUTO_TEST_CASE(caret_counts_wide_characters_twice) {
  const Run r = check({"fixtures/plans/tongzhou-ip-pilot-2024.txt"});
  // tongzhou line 21: [bookmark: _GoBack]通州区… — the title starts at column 20,
  // after 19 one-cell characters.
  BOOST_TEST(r.out.find("tongzhou-ip-pilot-2024.txt:21:20: error:") != std::string::npos);
  BOOST_TEST(r.out.find("\n  [bookmark: _GoBack]通州区国家知识产权\n                     ^\n") != std::string::npos);
  BOOST_TEST(planlint::display_width("通州区") == 6u);
  BOOST_TEST(planlint::display_width("a（1）") == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

// Whatever the number of threads, the report, the messages on standard error
// and the exit code are those of -j1, byte for byte: files are reported in
// the order given, whichever finishes first. The fixture plans and layouts,
// a file that cannot be read and one that is not text among them, the whole
// list three times over: more files than threads, finishing at different
// times.
BOOST_AUTO_TEST_SUITE(parallel_check)

BOOST_AUTO_TEST_CASE(reports_do_not_depend_on_the_number_of_threads) {
  const std::vector<std::string> once{"fixtures/plans", "fixtures/bad/no-such-file.txt", "fixtures/layouts",
                                      "fixtures/bad/binary.bin", kBeichen};
  std::vector<std::string> inputs;
  for (int i = 0; i < 3; ++i) inputs.insert(inputs.end(), once.begin(), once.end());
  for (const std::string format : {"--xml", "--text"}) {
    const Run one = check(inputs, {format, "-j", "1"});
    BOOST_TEST_REQUIRE(one.status == planlint::kExitError);  // the unreadable files
    BOOST_TEST(one.out.find("fixtures/layouts/chapters.txt") != std::string::npos);
    BOOST_TEST(one.err.find("no-such-file.txt: error: no such file") != std::string::npos);
    for (const std::string jobs : {"2", "3", "8"}) {
      const Run many = check(inputs, {format, "-j", jobs});
      BOOST_TEST(many.status == one.status, "-j" << jobs);
      BOOST_TEST(many.out == one.out, "-j" << jobs << ": the report differs from -j1");
      BOOST_TEST(many.err == one.err, "-j" << jobs << ": standard error differs from -j1");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// What a CI gate needs besides --fail-on: a warning budget, errors only, a
// list of changed files, and walks that leave hidden folders alone.
BOOST_AUTO_TEST_SUITE(ci_gate_options)

namespace {

Run run_with(planlint::Options o, const std::string& stdin_text = "") {
  o.command = "check";
  o.color = planlint::ColorMode::never;
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  Run r;
  r.status = planlint::run_check(o, in, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

const std::string kTongzhou = "fixtures/plans/tongzhou-ip-pilot-2024.txt";  // 18 errors, 3 warnings

}  // namespace

BOOST_AUTO_TEST_CASE(max_warnings_fails_a_run_with_more_warnings) {
  planlint::Options o;
  o.inputs = {kTongzhou};
  o.fail_on.reset();
  o.max_warnings = 3;
  BOOST_TEST(run_with(o).status == planlint::kExitOk);
  o.max_warnings = 2;
  const Run r = run_with(o);
  BOOST_TEST(r.status == planlint::kExitFindings);
  BOOST_TEST(r.err == "planlint: 3 warnings, more than --max-warnings 2\n");
}

BOOST_AUTO_TEST_CASE(quiet_reports_errors_only) {
  planlint::Options o;
  o.inputs = {kTongzhou};
  o.quiet = true;
  const Run r = run_with(o);
  BOOST_TEST(r.out.find("warning:") == std::string::npos);
  BOOST_TEST(r.out.find("1 file, 18 errors, 0 warnings, 0 infos") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(files_from_reads_a_list_of_inputs) {
  planlint::Options o;
  o.files_from = "-";
  o.fail_on.reset();
  const Run r = run_with(o, kTongzhou + "\n\n  fixtures/plans/beichen-ip-pilot-2022.txt  \n");
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.out.find("2 files, 18 errors, 8 warnings, 0 infos") != std::string::npos, r.out);
  o.inputs = {"-"};
  BOOST_TEST(run_with(o, kTongzhou).status == planlint::kExitError);
}

BOOST_AUTO_TEST_CASE(a_walk_leaves_hidden_folders_alone) {
  const fs::path dir = fs::temp_directory_path() / ("planlint-hidden-" + std::to_string(::getpid()));
  fs::create_directories(dir / ".git");
  fs::copy_file(kTongzhou, dir / ".git" / "plan.txt");
  fs::copy_file(kTongzhou, dir / ".draft.txt");
  fs::copy_file(kTongzhou, dir / "plan.txt");
  const auto files = planlint::expand_inputs({dir.string()});
  fs::remove_all(dir);
  BOOST_TEST_REQUIRE(files.size() == 1u);
  BOOST_TEST(fs::path(files[0].path).filename() == "plan.txt");
}

BOOST_AUTO_TEST_SUITE_END()

// A repository that already has findings adopts the gate with a baseline:
// lines inserted above a finding keep it baselined, a new finding fails the
// run, a fixed one passes and its entry is named stale, and --prune drops it.
BOOST_AUTO_TEST_SUITE(baseline_gate)

namespace {

Run gate(const fs::path& dir, const std::string& command, std::vector<std::string> extra = {}) {
  planlint::Options o;
  o.command = command;
  o.color = planlint::ColorMode::never;
  o.inputs = {(dir / "plan.txt").string()};
  o.baseline = (dir / ".planlint-baseline.json").string();
  for (const auto& e : extra) {
    if (e == "--prune") o.prune = true;
  }
  std::istringstream in;
  std::ostringstream out, err;
  Run r;
  r.status = planlint::run_check(o, in, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

BOOST_AUTO_TEST_CASE(a_repository_with_findings_adopts_the_gate) {
  const fs::path dir = fs::temp_directory_path() / ("planlint-gate-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string plan = slurp("fixtures/plans/tongzhou-ip-pilot-2024.txt");  // 18 errors, 3 warnings
  write(dir / "plan.txt", plan);
  const Run made = gate(dir, "baseline");
  BOOST_TEST(made.status == planlint::kExitOk, made.err);
  BOOST_TEST(made.err.find("21 findings written") != std::string::npos, made.err);

  // Lines inserted near the top, and another section edited: still baselined.
  std::string edited = plan;
  edited.insert(edited.find('\n') + 1, "\n（此件公开发布）\n");
  const std::string safeguard = "区财政局要根据知识产权工作的推进及财力状况";
  edited.replace(edited.find(safeguard), safeguard.size(), "区财政局要根据工作推进情况");
  write(dir / "plan.txt", edited);
  Run r = gate(dir, "check");
  BOOST_TEST(r.status == planlint::kExitOk, r.out);
  BOOST_TEST(r.out == "1 file, 0 errors, 0 warnings, 0 infos\n");
  BOOST_TEST(r.err == "planlint: the baseline " + (dir / ".planlint-baseline.json").string() + " held 21 findings\n");

  // A new task with no unit: one new error, and the gate fails.
  const std::string task17 = "17.加强知识产权人才培养。";
  std::string added = edited;
  added.insert(added.find(task17), "18.加强知识产权国际合作。推动企业参与国际标准制定。\n");
  write(dir / "plan.txt", added);
  r = gate(dir, "check");
  BOOST_TEST(r.status == planlint::kExitFindings);
  BOOST_TEST(r.out.find("任务“加强知识产权国际合作”未明确责任单位 [task.unit-missing]") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("1 file, 1 error, 0 warnings, 0 infos") != std::string::npos, r.out);

  // Task 17 given its unit: the gate passes and its entry is stale.
  std::string fixed = edited;
  const std::size_t end = fixed.find('\n', fixed.find(task17));
  fixed.insert(end, "（区人力社保局负责）");
  write(dir / "plan.txt", fixed);
  r = gate(dir, "check");
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.err.find("held 20 findings; 1 of its entries match nothing") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("note: stale baseline entry [task.unit-missing] 加强知识产权人才培养") != std::string::npos, r.err);

  // --prune drops it; the baseline then matches everything it holds.
  BOOST_TEST(gate(dir, "baseline", {"--prune"}).status == planlint::kExitOk);
  r = gate(dir, "check");
  BOOST_TEST(r.err == "planlint: the baseline " + (dir / ".planlint-baseline.json").string() + " held 20 findings\n");
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_baseline_that_cannot_be_read_is_one_line_and_exit_2) {
  planlint::Options o;
  o.command = "check";
  o.inputs = {"fixtures/plans/tongzhou-ip-pilot-2024.txt"};
  o.baseline = "fixtures/bad/not-a-plan.txt";
  std::istringstream in;
  std::ostringstream out, err;
  BOOST_TEST(planlint::run_check(o, in, out, err, false) == planlint::kExitError);
  BOOST_TEST(err.str().rfind("planlint: fixtures/bad/not-a-plan.txt: error: not a baseline", 0) == 0u, err.str());
}

BOOST_AUTO_TEST_SUITE_END()

// .planlint.toml, found upward from the current directory, sets what the
// command line leaves unsaid; a walk checks what the files' own
// configurations include.
BOOST_AUTO_TEST_SUITE(config_file)

BOOST_AUTO_TEST_CASE(a_run_takes_its_settings_from_planlint_toml) {
  const fs::path source_dir = fs::current_path();
  const fs::path dir = fs::temp_directory_path() / ("planlint-config-" + std::to_string(::getpid()));
  fs::create_directories(dir / "plans" / "archive");
  fs::copy_file("fixtures/plans/tongzhou-ip-pilot-2024.txt", dir / "plans" / "tongzhou.txt");
  fs::copy_file("fixtures/plans/tongzhou-ip-pilot-2024.txt", dir / "plans" / "archive" / "old.txt");
  std::ofstream(dir / ".planlint.toml") << "root = true\n"
                                           "disable = [\"task.*\"]\n"
                                           "fail-on = \"warning\"\n"
                                           "exclude = [\"plans/archive\"]\n"
                                           "[severity]\n"
                                           "\"numbering-slip\" = \"error\"\n";
  fs::current_path(dir);
  planlint::Options o;
  o.command = "check";
  o.color = planlint::ColorMode::never;
  o.inputs = {"plans"};
  std::istringstream in;
  std::ostringstream out, err;
  const int status = planlint::run_check(o, in, out, err, false);
  // The command line wins where it speaks.
  o.given = {"fail-on"};
  o.fail_on.reset();
  std::ostringstream out2, err2;
  const int status2 = planlint::run_check(o, in, out2, err2, false);
  fs::current_path(source_dir);
  fs::remove_all(dir);
  // task.unit-missing (17 errors) is off; the numbering slip is an error; the
  // archive is not walked; fail-on warning.
  BOOST_TEST(out.str().find("[task.unit-missing]") == std::string::npos);
  BOOST_TEST(out.str().find("error: “（2）” breaks the sequence") != std::string::npos, out.str());
  BOOST_TEST(out.str().find("1 file, 2 errors, 2 warnings, 0 infos") != std::string::npos, out.str());
  BOOST_TEST(status == planlint::kExitFindings);
  BOOST_TEST(status2 == planlint::kExitOk);
}

BOOST_AUTO_TEST_SUITE_END()

// [[suppress]] entries of .planlint.toml: a finding the team has accepted is
// not reported; an expired entry or one that matches nothing is a finding of
// the configuration file, at its line.
BOOST_AUTO_TEST_SUITE(suppressions_in_a_run)

BOOST_AUTO_TEST_CASE(accepted_findings_are_not_reported_and_stale_entries_are) {
  const fs::path source_dir = fs::current_path();
  const fs::path dir = fs::temp_directory_path() / ("planlint-suppress-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file("fixtures/plans/tongzhou-ip-pilot-2024.txt", dir / "plan.txt");
  std::ofstream(dir / ".planlint.toml") << "root = true\n\n"
                                           "[[suppress]]\nrule = \"task.unit-missing\"\nfile = \"plan.txt\"\n"
                                           "reason = \"units are assigned in the annual work points\"\n\n"
                                           "[[suppress]]\nrule = \"timeline.*\"\nreason = \"dated tasks\"\nexpires = 2020-01-01\n\n"
                                           "[[suppress]]\nrule = \"goals.no-indicator\"\nfile = \"other/**\"\nreason = \"unused\"\n";
  fs::current_path(dir);
  planlint::Options o;
  o.command = "check";
  o.color = planlint::ColorMode::never;
  o.inputs = {"plan.txt"};
  o.fail_on.reset();
  std::istringstream in;
  std::ostringstream out, err;
  const int status = planlint::run_check(o, in, out, err, false);
  fs::current_path(source_dir);
  const std::string config = ".planlint.toml";  // named from the current directory, as the plans are
  fs::remove_all(dir);
  BOOST_TEST(status == planlint::kExitOk);
  BOOST_TEST(out.str().find("[task.unit-missing]") == std::string::npos, out.str());
  BOOST_TEST(out.str().find("[timeline.missing]") != std::string::npos);  // its suppression expired
  BOOST_TEST(out.str().find(config + ":8:1: warning: suppression of rule “timeline.*” expired on 2020-01-01") !=
             std::string::npos, out.str());
  BOOST_TEST(out.str().find(config + ":13:1: warning: suppression of rule “goals.no-indicator”, file “other/**” "
                                     "matched no finding [suppression.unused]") != std::string::npos, out.str());
  BOOST_TEST(out.str().find("1 file, 1 error, 5 warnings, 0 infos") != std::string::npos, out.str());
}

BOOST_AUTO_TEST_SUITE_END()

// Each checked file has the rules its own .planlint.toml files set: a folder
// nearer the file overrides the configuration above it, within one run.
BOOST_AUTO_TEST_SUITE(rules_per_folder)

BOOST_AUTO_TEST_CASE(a_folder_configuration_sets_the_rules_of_its_files_only) {
  const fs::path dir = fs::temp_directory_path() / ("planlint-folders-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "strict");
  fs::create_directories(dir / "lenient");
  fs::create_directories(dir / "own-rules");
  for (const char* folder : {"strict", "lenient", "own-rules"}) {
    fs::copy_file(kBeichen, dir / folder / "plan.txt");
  }
  // The top: timeline checks off, unmeasured targets infos.
  std::ofstream(dir / ".planlint.toml") << "root = true\ndisable = [\"timeline.*\"]\n\n[severity]\n"
                                           "target.unmeasured = \"info\"\n";
  // strict/: the timeline checks on again, unmeasured targets errors.
  std::ofstream(dir / "strict" / ".planlint.toml") << "enable = [\"timeline.*\"]\n\n[severity]\n"
                                                      "target.unmeasured = \"error\"\n";
  // own-rules/: a rule file of its own, which only its plans get.
  std::ofstream(dir / "own-rules" / "local.rules")
      << "rule local.title-names-year {\n  severity info\n  applies-to plan\n"
         "  require title matches /20[0-9][0-9]/\n  message \"标题没有写明年份\"\n"
         "  hint \"在标题中写明年份\"\n  summary \"the title names no year\"\n}\n";
  std::ofstream(dir / "own-rules" / ".planlint.toml") << "rules = [\"local.rules\"]\n";
  const Run r = check({(dir / "lenient").string(), (dir / "strict").string(), (dir / "own-rules").string()},
                      {"--fail-on", "never"});
  const Run xml = check({(dir / "own-rules").string()}, {"--xml"});
  fs::remove_all(dir);
  BOOST_TEST(r.status == planlint::kExitOk, r.err);
  // The finding lines of one folder's plan.
  const auto part = [&](const std::string& folder) {
    std::istringstream lines(r.out);
    std::string found;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("/" + folder + "/plan.txt:") != std::string::npos) found += line + '\n';
    }
    return found;
  };
  const std::string lenient = part("lenient");
  const std::string strict = part("strict");
  BOOST_TEST(lenient.find("[timeline.missing]") == std::string::npos, lenient);
  BOOST_TEST(lenient.find("info: ") != std::string::npos, lenient);
  BOOST_TEST(strict.find("warning: 工作方案没有实施步骤或时间安排 [timeline.missing]") != std::string::npos, strict);
  BOOST_TEST(strict.find("error: ") != std::string::npos, strict);
  BOOST_TEST(strict.find("[target.unmeasured]") != std::string::npos, strict);
  BOOST_TEST(strict.find("info: ") == std::string::npos, strict);
  BOOST_TEST(r.out.find("[local.title-names-year]") != std::string::npos, r.out);
  BOOST_TEST(count(lenient + strict, "[local.title-names-year]") == 0u);
  // The folder's own rule is described in the XML report's rule table.
  BOOST_TEST(xml.out.find("<rule id=\"local.title-names-year\" severity=\"info\" summary=\"the title names no year\"/>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
