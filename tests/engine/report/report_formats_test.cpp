// The machine report formats (JSON, SARIF, JUnit, Checkstyle, GitHub,
// GitLab): each writer on reports made here, whose texts try to break the
// format (CJK, control characters, a line break followed by a workflow
// command, bytes that are not UTF-8, a path with a comma and a colon), read
// back with a parser; and each format of the five real plans as golden files.
// tests/validate_formats.sh validates the same outputs against the schemas.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

#include <algorithm>
#include <functional>
#include <sstream>

#include "planlint/commands.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"
#include "report_support.hpp"
#include "checksum.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;
using nlohmann::json;
using planlint::Diagnostic;
using planlint::FileResult;
using planlint::ReportContext;
using planlint::Severity;

namespace {

using Make = std::function<std::unique_ptr<planlint::ReportWriter>(std::ostream&, const ReportContext&)>;

const std::string kPath = "plans/计划,v1:final.txt";
const std::string kHostile = "第一行\n::set-output name=x::pwned\r\x1b[31m红\x07\f\xff";

Diagnostic finding(std::string rule, Severity severity, unsigned line, unsigned column, std::string message,
                   std::string hint = {}) {
  Diagnostic d;
  d.file = kPath;
  d.where.line = line;
  d.where.column = column;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::vector<FileResult> sample_reports() {
  FileResult plan;
  plan.path = kPath;
  plan.title = "柳林镇工作方案";
  plan.kind = "工作方案";
  plan.format = "text";
  plan.encoding = "UTF-8";
  plan.findings = {
      finding("task.unit-missing", Severity::error, 3, 2, "任务“拓宽集体经济增收渠道”未明确责任单位",
              "在任务末尾写明“责任单位：…”"),
      finding("target.unmeasured", Severity::warning, 5, 1, kHostile, "hint\nwith a line break"),
      finding("numbering-slip", Severity::info, 9, 4, "“（2）” breaks the sequence"),
  };
  FileResult missing;
  missing.path = "missing, one:two.txt";
  missing.error = "no such file";
  return {plan, missing};
}

ReportContext sample_context() {
  ReportContext context;
  context.rules = {
      {"task.unit-missing", Severity::error, "a task names no responsible unit",
       "# task.unit-missing\n\n## What it checks\n\nThe rule is `require count(units) > 0`.\nOne finding per task.\n\n## More\n",
       {}},
      {"target.unmeasured", Severity::warning, "a target has no number", "", {}},
  };
  return context;
}

std::string render(const Make& make, const std::vector<FileResult>& reports, const ReportContext& context) {
  std::ostringstream out;
  const auto writer = make(out, context);
  writer->begin();
  for (const auto& r : reports) writer->file(r);
  writer->end(planlint::totals_of(reports));
  return out.str();
}

/// No C0 control but line feed and tab, no DEL, no C1 control: nothing that
/// drives a terminal.
bool no_raw_controls(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      return false;
    }
  }
  return true;
}

std::vector<const tinyxml2::XMLElement*> children(const tinyxml2::XMLElement* parent, const char* name) {
  std::vector<const tinyxml2::XMLElement*> out;
  for (auto* e = parent->FirstChildElement(name); e; e = e->NextSiblingElement(name)) out.push_back(e);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_formats)

BOOST_AUTO_TEST_CASE(sha256_known_answers) {
  using planlint::sha256_hex;
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  BOOST_TEST(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

BOOST_AUTO_TEST_CASE(paths_as_uris) {
  using planlint::report::relative_path;
  using planlint::report::uri_of_relative;
  BOOST_TEST(uri_of_relative("a b/计,x:y%.txt") == "a%20b/%E8%AE%A1%2Cx%3Ay%25.txt");
  BOOST_TEST(relative_path("/src/plans/a.txt", "/src") == "plans/a.txt");
  BOOST_TEST(relative_path("/src/plans/a.txt", "/src/") == "plans/a.txt");
  BOOST_TEST(relative_path("/srcx/a.txt", "/src") == "");
  BOOST_TEST(relative_path("plans/a.txt", "/src") == "plans/a.txt");
  BOOST_TEST(planlint::report::normalised("  a\n　b  c ") == "a b c");
}

BOOST_AUTO_TEST_CASE(json_reads_back) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_json_writer, reports, sample_context());
  const json doc = json::parse(text);
  BOOST_TEST(doc["version"] == 1);
  BOOST_TEST(doc["tool"]["name"] == "planlint");
  BOOST_REQUIRE(doc["files"].size() == 2u);
  const json& plan = doc["files"][0];
  BOOST_TEST(plan["path"] == kPath);
  BOOST_TEST(!plan.contains("path_encoding"));
  BOOST_TEST(plan["title"] == "柳林镇工作方案");
  BOOST_REQUIRE(plan["findings"].size() == 3u);
  BOOST_TEST(plan["findings"][0]["rule"] == "task.unit-missing");
  BOOST_TEST(plan["findings"][0]["severity"] == "error");
  BOOST_TEST(plan["findings"][0]["line"] == 3);
  BOOST_TEST(plan["findings"][0]["column"] == 2);
  BOOST_TEST(plan["findings"][0]["hint"] == "在任务末尾写明“责任单位：…”");
  // Every character comes back, but the byte that is not UTF-8 (U+FFFD).
  BOOST_TEST(plan["findings"][1]["message"] == "第一行\n::set-output name=x::pwned\r\x1b[31m红\x07\f\xEF\xBF\xBD");
  BOOST_TEST(!plan["findings"][2].contains("hint"));
  const json& missing = doc["files"][1];
  BOOST_TEST(missing["error"] == "no such file");
  BOOST_TEST(!missing.contains("title"));
  BOOST_TEST(missing["findings"].empty());
  BOOST_TEST(doc["summary"]["files"] == 2);
  BOOST_TEST(doc["summary"]["failed_files"] == 1);
  BOOST_TEST(doc["summary"]["errors"] == 1);
  BOOST_TEST(doc["summary"]["warnings"] == 1);
  BOOST_TEST(doc["summary"]["infos"] == 1);
  BOOST_TEST(no_raw_controls(text));
}

BOOST_AUTO_TEST_CASE(json_of_no_files_and_of_a_path_that_is_not_utf8) {
  const json empty = json::parse(render(planlint::make_json_writer, {}, {}));
  BOOST_TEST(empty["files"].empty());
  FileResult bad;
  bad.path = "bad\xff\x1b[31m.txt";
  bad.error = "no such file";
  const json doc = json::parse(render(planlint::make_json_writer, {bad}, {}));
  BOOST_TEST(doc["files"][0]["path"] == "bad%FF%1B[31m.txt");
  BOOST_TEST(doc["files"][0]["path_encoding"] == "percent");
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_gives_where_it_goes_wrong_in_every_format) {
  FileResult bad;
  bad.path = "latin1.txt";
  bad.error = "not UTF-8 text: invalid byte 0xD6 at line 3, column 7";
  bad.error_at = {3, 7};
  const auto in = [&](const Make& make) { return render(make, {bad}, sample_context()); };
  const auto text_writer = [](std::ostream& out, const ReportContext&) {
    return planlint::make_text_writer(out, planlint::TextStyle{});
  };
  BOOST_TEST(in(text_writer).find("latin1.txt:3:7: error: not UTF-8 text") != std::string::npos);
  BOOST_TEST(in(planlint::make_xml_writer).find("error-line=\"3\" error-column=\"7\"") != std::string::npos);
  const json doc = json::parse(in(planlint::make_json_writer));
  BOOST_TEST(doc["files"][0]["error_location"]["line"] == 3);
  BOOST_TEST(doc["files"][0]["error_location"]["column"] == 7);
  const json sarif = json::parse(in(planlint::make_sarif_writer));
  const json& note = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
  BOOST_TEST(note["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
  BOOST_TEST(note["locations"][0]["physicalLocation"]["region"]["startColumn"] == 7);
  BOOST_TEST(in(planlint::make_checkstyle_writer).find("<error line=\"3\" column=\"7\"") != std::string::npos);
  BOOST_TEST(in(planlint::make_github_writer).find("::error file=latin1.txt,line=3,col=7,title=planlint::") !=
             std::string::npos);
  const json gitlab = json::parse(in(planlint::make_gitlab_writer));
  BOOST_TEST(gitlab[0]["location"]["lines"]["begin"] == 3);
}

BOOST_AUTO_TEST_CASE(sarif_reads_back) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_sarif_writer, reports, sample_context());
  const json doc = json::parse(text);
  BOOST_TEST(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  BOOST_TEST(doc["version"] == "2.1.0");
  BOOST_REQUIRE(doc["runs"].size() == 1u);
  const json& run = doc["runs"][0];
  BOOST_TEST(run["columnKind"] == "unicodeCodePoints");
  BOOST_TEST(run["originalUriBaseIds"].contains("%SRCROOT%"));
  const json& driver = run["tool"]["driver"];
  BOOST_TEST(driver["name"] == "planlint");
  BOOST_TEST(driver["version"] == PLANLINT_VERSION);
  BOOST_REQUIRE(driver["rules"].size() == 2u);
  BOOST_TEST(driver["rules"][0]["id"] == "task.unit-missing");
  BOOST_TEST(driver["rules"][0]["name"] == "TaskUnitMissing");
  BOOST_TEST(driver["rules"][0]["shortDescription"]["text"] == "a task names no responsible unit");
  BOOST_TEST(driver["rules"][0]["fullDescription"]["text"] ==
             "The rule is `require count(units) > 0`. One finding per task.");
  BOOST_TEST(driver["rules"][0]["defaultConfiguration"]["level"] == "error");
  BOOST_TEST(driver["rules"][1]["fullDescription"]["text"] == "a target has no number");
  BOOST_TEST(!driver["rules"][1].contains("help"));

  const json& results = run["results"];
  BOOST_REQUIRE(results.size() == 3u);
  BOOST_TEST(results[0]["ruleId"] == "task.unit-missing");
  BOOST_TEST(results[0]["ruleIndex"] == 0);
  BOOST_TEST(results[0]["level"] == "error");
  BOOST_TEST(results[1]["level"] == "warning");
  BOOST_TEST(results[1]["ruleIndex"] == 1);
  BOOST_TEST(results[2]["level"] == "note");
  BOOST_TEST(!results[2].contains("ruleIndex"));  // not a rule of the context
  const json& location = results[0]["locations"][0]["physicalLocation"];
  BOOST_TEST(location["artifactLocation"]["uri"] == "plans/%E8%AE%A1%E5%88%92%2Cv1%3Afinal.txt");
  BOOST_TEST(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  BOOST_TEST(location["region"]["startLine"] == 3);
  BOOST_TEST(location["region"]["startColumn"] == 2);
  BOOST_TEST(results[1]["message"]["text"] == "第一行\n::set-output name=x::pwned\r\x1b[31m红\x07\f\xEF\xBF\xBD");
  BOOST_TEST(results[0]["partialFingerprints"]["planlint/v1"].get<std::string>().size() == 64u);

  const json& invocation = run["invocations"][0];
  BOOST_TEST(invocation["executionSuccessful"] == false);
  BOOST_REQUIRE(invocation["toolExecutionNotifications"].size() == 1u);
  const json& note = invocation["toolExecutionNotifications"][0];
  BOOST_TEST(note["level"] == "error");
  BOOST_TEST(note["message"]["text"] == "no such file");
  BOOST_TEST(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing%2C%20one%3Atwo.txt");
  BOOST_TEST(!invocation.contains("startTimeUtc"));
  BOOST_TEST(no_raw_controls(text));
}

BOOST_AUTO_TEST_CASE(sarif_paths_against_a_base_directory) {
  FileResult inside, outside;
  inside.path = "/work/repo/plans/a.txt";
  outside.path = "/elsewhere/b.txt";
  inside.findings = {finding("task.unit-missing", Severity::error, 1, 1, "m")};
  outside.findings = inside.findings;
  ReportContext context = sample_context();
  context.base_directory = "/work/repo";
  const json run = json::parse(render(planlint::make_sarif_writer, {inside, outside}, context))["runs"][0];
  BOOST_TEST(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/repo/");
  BOOST_TEST(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/a.txt");
  const json& far = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
  BOOST_TEST(far["uri"] == "file:///elsewhere/b.txt");
  BOOST_TEST(!far.contains("uriBaseId"));
  BOOST_TEST(run["invocations"][0]["executionSuccessful"] == true);
}

BOOST_AUTO_TEST_CASE(fingerprints_follow_the_subject_not_the_line) {
  FileResult before, after;
  before.path = after.path = "p.txt";
  const Diagnostic a = finding("target.unmeasured", Severity::warning, 10, 1, "目标“A”没有可量化的指标");
  Diagnostic moved = a;
  moved.where.line = 14;
  Diagnostic rewrapped = moved;
  rewrapped.message = "目标“A”没有可量化的指标 ";
  before.findings = {a, a};  // the same subject twice: told apart by rank
  after.findings = {rewrapped, moved};
  const auto sarif = [](const FileResult& r) {
    return json::parse(render(planlint::make_sarif_writer, {r}, sample_context()))["runs"][0]["results"];
  };
  const json x = sarif(before), y = sarif(after);
  BOOST_TEST(x[0]["partialFingerprints"] == y[0]["partialFingerprints"]);
  BOOST_TEST(x[1]["partialFingerprints"] == y[1]["partialFingerprints"]);
  BOOST_TEST(x[0]["partialFingerprints"] != x[1]["partialFingerprints"]);
  // planlint/v1 is sha256 of "RULE\nMESSAGE" (and "\nRANK" from the second on).
  BOOST_TEST(x[0]["partialFingerprints"]["planlint/v1"] ==
             planlint::sha256_hex("target.unmeasured\n目标“A”没有可量化的指标"));
  BOOST_TEST(x[1]["partialFingerprints"]["planlint/v1"] ==
             planlint::sha256_hex("target.unmeasured\n目标“A”没有可量化的指标\n2"));

  const auto gitlab = [](const FileResult& r) {
    return json::parse(render(planlint::make_gitlab_writer, {r}, sample_context()));
  };
  const json g = gitlab(before), h = gitlab(after);
  BOOST_TEST(g[0]["fingerprint"] == h[0]["fingerprint"]);
  BOOST_TEST(g[0]["fingerprint"] != g[1]["fingerprint"]);
  BOOST_TEST(g[0]["fingerprint"] == planlint::sha256_hex("p.txt\ntarget.unmeasured\n目标“A”没有可量化的指标"));
  FileResult elsewhere = before;
  elsewhere.path = "q.txt";
  BOOST_TEST(gitlab(elsewhere)[0]["fingerprint"] != g[0]["fingerprint"]);
}

BOOST_AUTO_TEST_CASE(junit_reads_back) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_junit_writer, reports, sample_context());
  tinyxml2::XMLDocument doc;
  BOOST_REQUIRE(doc.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS);
  const auto* root = doc.FirstChildElement("testsuites");
  BOOST_REQUIRE(root);
  const auto suites = children(root, "testsuite");
  BOOST_REQUIRE(suites.size() == 2u);
  const auto* plan = suites[0];
  BOOST_TEST(plan->Attribute("name") == kPath);
  // The two rules of the context, then numbering-slip, which a finding names.
  BOOST_TEST(plan->Attribute("tests") == std::string("3"));
  BOOST_TEST(plan->Attribute("failures") == std::string("3"));
  BOOST_TEST(plan->Attribute("errors") == std::string("0"));
  const auto cases = children(plan, "testcase");
  BOOST_REQUIRE(cases.size() == 3u);
  BOOST_TEST(cases[0]->Attribute("classname") == kPath);
  BOOST_TEST(cases[0]->Attribute("name") == std::string("task.unit-missing"));
  BOOST_TEST(cases[2]->Attribute("name") == std::string("numbering-slip"));
  const auto* failure = cases[0]->FirstChildElement("failure");
  BOOST_REQUIRE(failure);
  BOOST_TEST(failure->Attribute("message") == std::string("任务“拓宽集体经济增收渠道”未明确责任单位"));
  BOOST_TEST(std::string(failure->GetText()).find(kPath + ":3:2: error: ") == 0u);
  // XML forbids the form feed and BEL: U+FFFD in their place; the escape
  // character is forbidden too.
  const std::string hostile = cases[1]->FirstChildElement("failure")->Attribute("message");
  BOOST_TEST(hostile.find('\f') == std::string::npos);
  BOOST_TEST(hostile.find("::set-output") != std::string::npos);
  const auto* error = suites[1]->FirstChildElement("testcase")->FirstChildElement("error");
  BOOST_REQUIRE(error);
  BOOST_TEST(error->Attribute("message") == std::string("no such file"));
  BOOST_TEST(suites[1]->Attribute("errors") == std::string("1"));
}

BOOST_AUTO_TEST_CASE(junit_file_without_findings_passes_every_rule) {
  FileResult clean;
  clean.path = "clean.txt";
  clean.format = "text";
  const std::string text = render(planlint::make_junit_writer, {clean}, sample_context());
  tinyxml2::XMLDocument doc;
  BOOST_REQUIRE(doc.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS);
  const auto* suite = doc.FirstChildElement("testsuites")->FirstChildElement("testsuite");
  BOOST_TEST(suite->Attribute("tests") == std::string("2"));
  BOOST_TEST(suite->Attribute("failures") == std::string("0"));
  for (const auto* c : children(suite, "testcase")) BOOST_TEST(c->FirstChildElement() == nullptr);
}

BOOST_AUTO_TEST_CASE(checkstyle_reads_back) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_checkstyle_writer, reports, sample_context());
  tinyxml2::XMLDocument doc;
  BOOST_REQUIRE(doc.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS);
  const auto* root = doc.FirstChildElement("checkstyle");
  BOOST_REQUIRE(root);
  BOOST_TEST(root->Attribute("version") == std::string("4.3"));
  const auto files = children(root, "file");
  BOOST_REQUIRE(files.size() == 2u);
  BOOST_TEST(files[0]->Attribute("name") == kPath);
  const auto errors = children(files[0], "error");
  BOOST_REQUIRE(errors.size() == 3u);
  BOOST_TEST(errors[0]->Attribute("line") == std::string("3"));
  BOOST_TEST(errors[0]->Attribute("column") == std::string("2"));
  BOOST_TEST(errors[0]->Attribute("severity") == std::string("error"));
  BOOST_TEST(errors[0]->Attribute("source") == std::string("planlint.task.unit-missing"));
  BOOST_TEST(errors[2]->Attribute("severity") == std::string("info"));
  const auto* unreadable = files[1]->FirstChildElement("error");
  BOOST_REQUIRE(unreadable);
  BOOST_TEST(unreadable->Attribute("message") == std::string("no such file"));
  BOOST_TEST(unreadable->Attribute("source") == std::string("planlint.unreadable"));
}

BOOST_AUTO_TEST_CASE(github_commands_stay_on_their_line) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_github_writer, reports, sample_context());
  BOOST_TEST(no_raw_controls(text));
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  BOOST_REQUIRE(lines.size() == 4u);  // three findings, one unreadable file
  for (const auto& line : lines) BOOST_TEST(line.starts_with("::"));
  BOOST_TEST(lines[0] ==
             "::error file=plans/计划%2Cv1%3Afinal.txt,line=3,col=2,title=task.unit-missing::"
             "任务“拓宽集体经济增收渠道”未明确责任单位%0Ahint: 在任务末尾写明“责任单位：…”");
  BOOST_TEST(lines[1].starts_with("::warning file=plans/计划%2Cv1%3Afinal.txt,line=5,col=1,title=target.unmeasured::"
                                  "第一行%0A::set-output name=x::pwned%0D\\x1b[31m红\\x07\\x0c\\xff"));
  BOOST_TEST(lines[2].starts_with("::notice "));
  BOOST_TEST(lines[3] == "::error file=missing%2C one%3Atwo.txt,title=planlint::no such file");
}

BOOST_AUTO_TEST_CASE(github_escapes_percent_first) {
  FileResult r;
  r.path = "100%.txt";
  r.findings = {finding("x", Severity::error, 1, 1, "%0A is not a line break")};
  const std::string text = render(planlint::make_github_writer, {r}, {});
  BOOST_TEST(text == "::error file=100%25.txt,line=1,col=1,title=x::%250A is not a line break\n");
}

BOOST_AUTO_TEST_CASE(gitlab_reads_back) {
  const auto reports = sample_reports();
  const std::string text = render(planlint::make_gitlab_writer, reports, sample_context());
  const json doc = json::parse(text);
  BOOST_REQUIRE(doc.is_array());
  BOOST_REQUIRE(doc.size() == 4u);
  BOOST_TEST(doc[0]["check_name"] == "task.unit-missing");
  BOOST_TEST(doc[0]["severity"] == "major");
  BOOST_TEST(doc[1]["severity"] == "minor");
  BOOST_TEST(doc[2]["severity"] == "info");
  BOOST_TEST(doc[0]["location"]["path"] == kPath);
  BOOST_TEST(doc[0]["location"]["lines"]["begin"] == 3);
  BOOST_TEST(doc[0]["description"] == "任务“拓宽集体经济增收渠道”未明确责任单位");
  BOOST_TEST(doc[3]["check_name"] == "unreadable-file");
  BOOST_TEST(doc[3]["description"] == "no such file");
  std::vector<std::string> prints;
  for (const auto& issue : doc) prints.push_back(issue["fingerprint"]);
  std::sort(prints.begin(), prints.end());
  BOOST_TEST((std::adjacent_find(prints.begin(), prints.end()) == prints.end()));
  BOOST_TEST(json::parse(render(planlint::make_gitlab_writer, {}, {})).empty());
}

BOOST_AUTO_TEST_CASE(context_of_the_builtin_rules) {
  planlint::RuleSet rules;
  planlint::DiagnosticList sink;
  BOOST_REQUIRE(planlint::load_rules({}, rules, sink));
  const ReportContext context = planlint::report_context(rules, "/base");
  BOOST_TEST(context.base_directory == "/base");
  BOOST_TEST(context.tool_version == PLANLINT_VERSION);
  BOOST_TEST(!context.include_timestamp);
  const auto at = std::find_if(context.rules.begin(), context.rules.end(),
                               [](const planlint::RuleInfo& r) { return r.id == "task.unit-missing"; });
  BOOST_REQUIRE(at != context.rules.end());
  BOOST_TEST(at->severity == Severity::error);
  BOOST_TEST(at->help.starts_with("# task.unit-missing"));
  BOOST_TEST(!at->summary.empty());
  BOOST_REQUIRE(rules.set_enabled("task.unit-missing", false));
  const ReportContext fewer = planlint::report_context(rules);
  BOOST_TEST(fewer.rules.size() == context.rules.size() - 1);
}

BOOST_AUTO_TEST_SUITE_END()

// ----------------------------------------------------------------- goldens

namespace {

const char* const kPlans[] = {"mentougou-ip-pilot-2020", "tongzhou-ip-pilot-2024", "sancheng-yiqu-ip-action-2020",
                              "beijing-ip-14th-fyp-2021", "beichen-ip-pilot-2022"};

/// The plan checked as `planlint check --format xml` checks it, read back
/// into FileReports: the XML report carries all that these writers show.
std::vector<FileResult> checked(const std::string& path) {
  planlint::Options o;
  o.command = "check";
  o.inputs = {path};
  o.reports = {{"xml", ""}};
  o.color = planlint::ColorMode::never;
  std::istringstream in;
  std::ostringstream out, err;
  planlint::run_check(o, in, out, err, false);
  const std::string xml = out.str();
  tinyxml2::XMLDocument doc;
  BOOST_REQUIRE(doc.Parse(xml.c_str(), xml.size()) == tinyxml2::XML_SUCCESS);
  std::vector<FileResult> reports;
  for (const auto* f : children(doc.FirstChildElement("planlint-report"), "file")) {
    FileResult r;
    const auto attribute = [](const tinyxml2::XMLElement* e, const char* name) {
      const char* value = e->Attribute(name);
      return std::string(value ? value : "");
    };
    r.path = attribute(f, "path");
    r.title = attribute(f, "title");
    r.kind = attribute(f, "kind");
    r.format = attribute(f, "format");
    r.encoding = attribute(f, "encoding");
    r.issuer = attribute(f, "issuer");
    r.document_number = attribute(f, "document-number");
    r.sha256 = attribute(f, "sha256");
    r.error = attribute(f, "error");
    for (const auto* e : children(f, "finding")) {
      Diagnostic d;
      d.file = r.path;
      d.rule = attribute(e, "rule");
      const std::string severity = attribute(e, "severity");
      d.severity = severity == "error" ? Severity::error : severity == "warning" ? Severity::warning : Severity::info;
      d.where.line = e->UnsignedAttribute("line");
      d.where.column = e->UnsignedAttribute("column");
      d.message = e->FirstChildElement("message")->GetText();
      if (const auto* hint = e->FirstChildElement("hint")) d.hint = hint->GetText();
      r.findings.push_back(std::move(d));
    }
    reports.push_back(std::move(r));
  }
  return reports;
}

struct Format {
  const char* ext;
  Make make;
};
const Format kFormats[] = {
    {"json", planlint::make_json_writer},   {"sarif", planlint::make_sarif_writer},
    {"junit.xml", planlint::make_junit_writer}, {"checkstyle.xml", planlint::make_checkstyle_writer},
    {"github", planlint::make_github_writer}, {"gitlab.json", planlint::make_gitlab_writer},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_formats)

BOOST_DATA_TEST_CASE(each_format_of_each_plan, data::make(kPlans), plan) {
  planlint::RuleSet rules;
  planlint::DiagnosticList sink;
  BOOST_REQUIRE(planlint::load_rules({}, rules, sink));
  const ReportContext context = planlint::report_context(rules);
  const auto reports = checked(std::string("fixtures/plans/") + plan + ".txt");
  BOOST_REQUIRE(reports.size() == 1u);
  BOOST_TEST(!reports[0].findings.empty());
  for (const auto& format : kFormats) {
    const std::string out = render(format.make, reports, context);
    const std::string diff =
        planlint::testing::compare_golden(std::string("fixtures/golden/") + plan + ".check." + format.ext, out);
    BOOST_TEST(diff.empty(), format.ext << ": " << diff);
  }
}

// The reports made here, whose texts try to break each format, kept as
// golden files too: tests/validate_formats.sh validates them with the rest.
BOOST_AUTO_TEST_CASE(each_format_of_hostile_texts) {
  for (const auto& format : kFormats) {
    const std::string out = render(format.make, sample_reports(), sample_context());
    const std::string diff =
        planlint::testing::compare_golden(std::string("fixtures/golden/hostile-texts.check.") + format.ext, out);
    BOOST_TEST(diff.empty(), format.ext << ": " << diff);
  }
}

BOOST_AUTO_TEST_SUITE_END()
