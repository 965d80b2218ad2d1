// Baselines: subjects and their fingerprints, the JSON file and its errors,
// counts, stale entries and pruning; and, on a real plan, that inserting
// lines above its findings, renumbering its tasks and editing another
// section keep every finding baselined.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "planlint/graph.hpp"
#include "planlint/rule.hpp"
#include "support/golden.hpp"

namespace fs = std::filesystem;

namespace {

planlint::Finding finding(std::string file, std::uint32_t line, std::string rule, std::string subject) {
  return planlint::Finding{planlint::Diagnostic{std::move(file), {line, 1}, std::move(rule),
                                                planlint::Severity::error, "m", ""},
                           std::move(subject)};
}

/// The built-in rules' findings on a plan, in report order, with subjects.
std::vector<planlint::Finding> findings_of(const std::string& path, const std::string& text) {
  const planlint::RuleSet rules = planlint::testing::builtin_rules();
  const auto plan = planlint::testing::plan_from_text(path, text);
  const auto graph = planlint::build_graph(plan);
  planlint::DiagnosticList list;
  planlint::evaluate_rules(rules.rules, graph, planlint::RuleEnvironment{rules.lexicons, rules.regexes}, list);
  std::stable_sort(list.items.begin(), list.items.end());
  std::vector<planlint::Finding> out;
  for (auto& d : list.items) {
    std::string subject = planlint::subject_of(d, *plan.source);
    out.push_back(planlint::Finding{std::move(d), std::move(subject)});
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

struct SubjectCase {
  std::string line, subject;
};
std::ostream& operator<<(std::ostream& out, const SubjectCase& c) { return out << c.line; }

const SubjectCase kSubjects[] = {
    {"（三）加强组织领导", "加强组织领导"},  // a heading's number is its place, not its text
    {"1.实施专利质量提升行动。推动专利提质。", "实施专利质量提升行动。推动专利提质。"},
    {"12．完善政策", "完善政策"},
    {"一、总体要求", "总体要求"},
    {"① 建立制度", "建立制度"},
    {"（2） 加强经费保障", "加强经费保障"},
    {"第一章 总则", "总则"},
    {"  到2025年，发明专利达到15件。 ", "到2025年，发明专利达到15件。"},  // digits kept
    {"2025年底前完成验收", "2025年底前完成验收"},  // a year is not a heading number
    {"统筹　部署  和\t推进", "统筹 部署 和 推进"},  // U+3000, spaces and tabs: one space
    {"\u3000\u3000各单位要高度重视。\r", "各单位要高度重视。"},
    {"Target A", "Target A"},  // case kept
    {"", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(baseline)

BOOST_DATA_TEST_CASE(the_subject_is_the_line_normalised, boost::unit_test::data::make(kSubjects), c) {
  const planlint::SourceFile source("p.txt", "标题\n" + c.line + "\n结尾\n");
  const planlint::Diagnostic d{"p.txt", {2, 3}, "r", planlint::Severity::error, "m", ""};
  BOOST_TEST(planlint::subject_of(d, source) == c.subject);
}

BOOST_AUTO_TEST_CASE(a_finding_on_no_line_has_the_empty_subject) {
  const planlint::SourceFile source("p.txt", "标题\n正文\n");
  planlint::Diagnostic d{"p.txt", {0, 0}, "r", planlint::Severity::error, "m", ""};
  BOOST_TEST(planlint::subject_of(d, source).empty());
  d.where.line = 99;
  BOOST_TEST(planlint::subject_of(d, source).empty());
}

BOOST_AUTO_TEST_CASE(fingerprints_are_xxh3_64_in_hex) {
  // XXH3_64bits of the empty input, the value the xxHash spec publishes:
  // pins the algorithm, so that baselines stay valid across planlint versions.
  BOOST_TEST(planlint::fingerprint("") == "2d06800538d394c2");
  BOOST_TEST(planlint::fingerprint("加强组织领导").size() == 16u);
  BOOST_TEST(planlint::fingerprint("加强组织领导") != planlint::fingerprint("加强组织领导。"));
}

BOOST_AUTO_TEST_CASE(written_sorted_and_read_back) {
  const fs::path dir = "/project";
  const auto b = planlint::make_baseline(
      {finding("/project/plans/b.txt", 9, "task.unit-missing", "培育企业"),
       finding("/project/plans/a.txt", 3, "target.unmeasured", "目标明显提高"),
       finding("/project/plans/b.txt", 12, "task.unit-missing", "培育企业"),  // the same text again
       finding("/elsewhere/c.txt", 1, "timeline.missing", "")},
      dir);
  std::ostringstream out;
  planlint::write_baseline(out, b);
  const std::string expected = "{\n"
                               "  \"files\": {\n"
                               "    \"../elsewhere/c.txt\": {\n"
                               "      \"timeline.missing\": [\n"
                               "        {\n"
                               "          \"count\": 1,\n"
                               "          \"fingerprint\": \"" + planlint::fingerprint("") + "\",\n"
                               "          \"subject\": \"\"\n"
                               "        }\n"
                               "      ]\n"
                               "    },\n"
                               "    \"plans/a.txt\": {\n"
                               "      \"target.unmeasured\": [\n"
                               "        {\n"
                               "          \"count\": 1,\n"
                               "          \"fingerprint\": \"" + planlint::fingerprint("目标明显提高") + "\",\n"
                               "          \"subject\": \"目标明显提高\"\n"
                               "        }\n"
                               "      ]\n"
                               "    },\n"
                               "    \"plans/b.txt\": {\n"
                               "      \"task.unit-missing\": [\n"
                               "        {\n"
                               "          \"count\": 2,\n"
                               "          \"fingerprint\": \"" + planlint::fingerprint("培育企业") + "\",\n"
                               "          \"subject\": \"培育企业\"\n"
                               "        }\n"
                               "      ]\n"
                               "    }\n"
                               "  },\n"
                               "  \"version\": 1\n"
                               "}\n";
  BOOST_TEST(out.str() == expected);

  planlint::LoadError error;
  const auto back = planlint::parse_baseline(out.str(), "/project/.planlint-baseline.json", error);
  BOOST_TEST_REQUIRE(back.has_value(), error.message);
  BOOST_TEST(back->dir == fs::path("/project"));
  std::ostringstream again;
  planlint::write_baseline(again, *back);
  BOOST_TEST(again.str() == out.str());
}

BOOST_AUTO_TEST_CASE(a_file_is_read_from_disk_relative_to_its_directory) {
  const fs::path dir = fs::temp_directory_path() / "planlint-baseline-test";
  fs::create_directories(dir);
  const auto findings = std::vector{finding((dir / "a.txt").string(), 4, "task.unit-missing", "培育企业")};
  {
    std::ofstream out(dir / planlint::kBaselineFileName);
    planlint::write_baseline(out, planlint::make_baseline(findings, dir));
  }
  planlint::LoadError error;
  const auto b = planlint::read_baseline(dir / planlint::kBaselineFileName, error);
  BOOST_TEST_REQUIRE(b.has_value(), error.message);
  BOOST_TEST(b->files.contains("a.txt"));
  const auto m = planlint::apply_baseline(*b, findings, {(dir / "a.txt").string()});
  BOOST_TEST(m.matched == 1u);
  BOOST_TEST(m.fresh.empty());
  BOOST_TEST(!planlint::read_baseline(dir / "missing.json", error));
  BOOST_TEST(!error.message.empty());
  fs::remove_all(dir);
}

namespace {

struct BadBaseline {
  std::string json, message;
};
std::ostream& operator<<(std::ostream& out, const BadBaseline& c) { return out << c.json; }

const std::string kPrint = "0123456789abcdef";
const BadBaseline kBad[] = {
    {"{", "not a baseline: parse error at line 1, column 2"},
    {"[]", "not a baseline: an object with \"version\" and \"files\" was expected"},
    {R"({"version": 2, "files": {}})", "baseline version 2 is not one this planlint reads (1)"},
    {R"({"version": 1, "files": []})", "\"files\" must be an object"},
    {R"({"version": 1, "files": {"a.txt": []}})", "files[\"a.txt\"] must be an object of rule ids"},
    {R"({"version": 1, "files": {"a.txt": {"r": {}}}})", "files[\"a.txt\"][\"r\"] must be an array of entries"},
    {R"({"version": 1, "files": {"a.txt": {"r": [{"fingerprint": "XYZ", "count": 1}]}}})",
     "files[\"a.txt\"][\"r\"][0] needs a \"fingerprint\" of 16 lowercase hex digits"},
    {R"({"version": 1, "files": {"a.txt": {"r": [{"fingerprint": ")" + kPrint + R"(", "count": 0}]}}})",
     "files[\"a.txt\"][\"r\"][0] needs a \"count\" of 1 or more"},
    {R"({"version": 1, "files": {"a.txt": {"r": [{"fingerprint": ")" + kPrint + R"(", "count": -1}]}}})",
     "files[\"a.txt\"][\"r\"][0] needs a \"count\" of 1 or more"},
};

}  // namespace

BOOST_DATA_TEST_CASE(a_bad_baseline_is_named, boost::unit_test::data::make(kBad), c) {
  planlint::LoadError error;
  BOOST_TEST(!planlint::parse_baseline(c.json, "/p/b.json", error));
  BOOST_TEST(error.message.rfind(c.message, 0) == 0u, error.message << " does not start with " << c.message);
}

BOOST_AUTO_TEST_CASE(an_entry_holds_as_many_findings_as_its_count) {
  const auto b = planlint::make_baseline({finding("/p/a.txt", 3, "r", "同一句"), finding("/p/a.txt", 8, "r", "同一句")},
                                         "/p");
  const auto m = planlint::apply_baseline(
      b, {finding("/p/a.txt", 4, "r", "同一句"), finding("/p/a.txt", 9, "r", "同一句"), finding("/p/a.txt", 20, "r", "同一句")},
      {"/p/a.txt"});
  BOOST_TEST(m.matched == 2u);
  BOOST_TEST_REQUIRE(m.fresh.size() == 1u);
  BOOST_TEST(m.fresh[0].diagnostic.where.line == 20u);  // the last one is new
  BOOST_TEST(m.stale.empty());
}

BOOST_AUTO_TEST_CASE(a_rule_or_a_file_of_its_own_is_not_matched_by_another) {
  const auto b = planlint::make_baseline({finding("/p/a.txt", 3, "r", "句")}, "/p");
  const auto m = planlint::apply_baseline(b, {finding("/p/a.txt", 3, "other", "句"), finding("/p/b.txt", 3, "r", "句")},
                                          {"/p/a.txt", "/p/b.txt"});
  BOOST_TEST(m.matched == 0u);
  BOOST_TEST(m.fresh.size() == 2u);
  BOOST_TEST(m.stale.size() == 1u);
}

BOOST_AUTO_TEST_CASE(entries_of_checked_files_that_match_nothing_are_stale_and_pruned) {
  auto b = planlint::make_baseline({finding("/p/a.txt", 3, "r", "已修正"), finding("/p/a.txt", 5, "r", "两次"),
                                    finding("/p/a.txt", 6, "r", "两次"), finding("/p/b.txt", 1, "r", "未检查")},
                                   "/p");
  // a.txt checked, "已修正" fixed and one "两次" gone; b.txt not in this run.
  const auto m = planlint::apply_baseline(b, {finding("/p/a.txt", 5, "r", "两次")}, {"/p/a.txt"});
  BOOST_TEST(m.matched == 1u);
  BOOST_TEST(m.fresh.empty());
  const std::vector<planlint::StaleEntry> expected{
      {"a.txt", "r", planlint::fingerprint("两次"), 1, "两次"},
      {"a.txt", "r", planlint::fingerprint("已修正"), 1, "已修正"},
  };
  std::vector<planlint::StaleEntry> stale = m.stale;
  std::sort(stale.begin(), stale.end(), [](const auto& x, const auto& y) { return x.subject < y.subject; });
  std::vector<planlint::StaleEntry> want = expected;
  std::sort(want.begin(), want.end(), [](const auto& x, const auto& y) { return x.subject < y.subject; });
  BOOST_TEST_REQUIRE(stale.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) BOOST_TEST((stale[i] == want[i]));

  planlint::prune(b, m.stale);
  BOOST_TEST(b.files.at("a.txt").at("r").size() == 1u);
  BOOST_TEST(b.files.at("a.txt").at("r").at(planlint::fingerprint("两次")).count == 1u);
  BOOST_TEST(b.files.contains("b.txt"));  // not checked, kept
  const auto again = planlint::apply_baseline(b, {finding("/p/a.txt", 5, "r", "两次")}, {"/p/a.txt"});
  BOOST_TEST(again.stale.empty());
  planlint::prune(b, {{"b.txt", "r", planlint::fingerprint("未检查"), 1, ""}});
  BOOST_TEST(!b.files.contains("b.txt"));  // emptied, removed
}

BOOST_AUTO_TEST_CASE(a_real_plan_stays_baselined_through_edits_elsewhere) {
  const std::string path = "/project/plans/tongzhou-ip-pilot-2024.txt";
  const std::string original = planlint::testing::read_file(
      planlint::testing::source_path("fixtures/plans/tongzhou-ip-pilot-2024.txt"));
  const auto before = findings_of(path, original);
  BOOST_TEST_REQUIRE(before.size() >= 20u);
  const auto baseline = planlint::make_baseline(before, "/project");

  auto lines = lines_of(original);
  BOOST_TEST_REQUIRE(lines[36 - 1].starts_with("5.培育与建设"));
  BOOST_TEST_REQUIRE(lines[54 - 1].starts_with("统筹部署"));
  BOOST_TEST_REQUIRE(lines[24 - 1].starts_with("为认真贯彻落实"));
  // Another section edited: a word added to the body of 保障措施（一）.
  lines[54 - 1].insert(0, "切实");
  // A task inserted at the start of （二）, and the tasks after it renumbered
  // (5. … 17. become 6. … 18.), as an editor would.
  for (std::size_t i = 36 - 1; i < 51; ++i) {
    const std::size_t dot = lines[i].find('.');
    if (dot == std::string::npos || dot > 2 || !std::isdigit(static_cast<unsigned char>(lines[i][0]))) continue;
    lines[i] = std::to_string(std::stoi(lines[i].substr(0, dot)) + 1) + lines[i].substr(dot);
  }
  lines.insert(lines.begin() + (36 - 1), "5.强化专利导航。开展重点产业专利导航，为产业决策提供支撑。");
  // Lines inserted above every finding, in the preamble.
  lines.insert(lines.begin() + 24, {"", "各部门要结合实际，认真抓好落实。"});
  const auto after = findings_of(path, joined(lines));

  // Every finding moved down, and the inserted task is the one new finding.
  BOOST_TEST(after.size() == before.size() + 1);
  BOOST_TEST(after.back().diagnostic.where.line == before.back().diagnostic.where.line + 3);
  const auto m = planlint::apply_baseline(baseline, after, {path});
  BOOST_TEST(m.matched == before.size());
  BOOST_TEST(m.stale.empty());
  BOOST_TEST_REQUIRE(m.fresh.size() == 1u);
  BOOST_TEST(m.fresh[0].diagnostic.rule == "task.unit-missing");
  BOOST_TEST(m.fresh[0].subject.starts_with("强化专利导航"));

  // Editing a finding's own line is a new finding, and its entry is stale.
  lines[36 - 1 + 3] += "加快推进。";
  const auto edited = planlint::apply_baseline(baseline, findings_of(path, joined(lines)), {path});
  BOOST_TEST(edited.fresh.size() == 2u);
  BOOST_TEST(edited.stale.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
