// What reviewers actually have: each seed plan as a Word document with
// automatic numbering, as GB18030 and as UTF-16 text gives exactly the
// findings of its .txt; a Markdown plan gives the outline of its text; other
// formats are refused with the conversion that works; standard input can be
// named; extensions are matched whatever their case.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "planlint/commands.hpp"
#include "planlint/outline.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run run(const std::string& command, std::vector<std::string> inputs, const std::string& stdin_text = "",
        const std::string& stdin_filename = "") {
  planlint::Options o;
  o.command = command;
  o.inputs = std::move(inputs);
  o.color = planlint::ColorMode::never;
  o.fail_on.reset();
  o.stdin_filename = stdin_filename;
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  Run r;
  r.status = command == "check"     ? planlint::run_check(o, in, out, err, false)
             : command == "extract" ? planlint::run_extract(o, out, err)
                                    : planlint::run_outline(o, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// The findings of a text report with the file's name taken out, and
/// without the notes that say how the file was read.
std::string findings_of(const std::string& report, const std::string& path) {
  std::istringstream in(report);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.rfind(path + ": note: ", 0) == 0) continue;
    for (std::size_t at; (at = line.find(path)) != std::string::npos;) line.replace(at, path.size(), "PLAN");
    out += line + '\n';
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kSeeds[] = {"beichen-ip-pilot-2022", "beijing-ip-14th-fyp-2021", "mentougou-ip-pilot-2020",
                              "sancheng-yiqu-ip-action-2020", "tongzhou-ip-pilot-2024"};

struct Variant {
  std::string seed, path, note;  // the note the report adds ("" for none)
};
std::ostream& operator<<(std::ostream& out, const Variant& v) { return out << v.path; }

std::vector<Variant> variants() {
  std::vector<Variant> out;
  for (const auto& seed : kSeeds) {
    out.push_back({seed, "fixtures/docx/seeds/" + seed + ".docx", "read from a Word document"});
    // The same, saved again by LibreOffice with its own numbering part.
    out.push_back({seed, "fixtures/docx/seeds/libreoffice/" + seed + ".docx", "read from a Word document"});
    out.push_back({seed, "fixtures/encodings/" + seed + ".gb18030.txt", "read as GB18030 text"});
    out.push_back({seed, "fixtures/encodings/" + seed + ".utf16le.txt", "read as UTF-16LE text"});
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(input_formats)

BOOST_DATA_TEST_CASE(each_seed_in_each_format_gives_the_findings_of_its_text, data::make(variants()), v) {
  const std::string text_path = "fixtures/plans/" + v.seed + ".txt";
  const Run text = run("check", {text_path});
  const Run other = run("check", {v.path});
  BOOST_TEST(other.status == text.status);
  BOOST_TEST(findings_of(other.out, v.path) == findings_of(text.out, text_path));
  // The report says how the file was read.
  BOOST_TEST(other.out.find(v.path + ": note: " + v.note) != std::string::npos, other.out);
}

BOOST_AUTO_TEST_CASE(the_xml_report_names_the_format_and_the_encoding) {
  planlint::Options o;
  o.command = "check";
  o.inputs = {"fixtures/encodings/tongzhou-ip-pilot-2024.gb18030.txt", "fixtures/docx/seeds/tongzhou-ip-pilot-2024.docx"};
  o.reports = {{"xml", ""}};
  o.fail_on.reset();
  std::istringstream in;
  std::ostringstream out, err;
  BOOST_TEST(planlint::run_check(o, in, out, err, false) == planlint::kExitOk);
  BOOST_TEST(out.str().find("format=\"text\" encoding=\"GB18030\"") != std::string::npos);
  BOOST_TEST(out.str().find("format=\"docx\" encoding=\"UTF-8\"") != std::string::npos);
}

// The .md files of fixtures/markdown: one keeps the typed numbers, one lets
// the headings' levels number them (counted afresh under each parent, as
// Word and Markdown renderers do, where the text numbers （一）… across
// parts). Both read as their text: the same sections, roles, tasks, units,
// targets and stages; only the numbers that were not written may differ.
BOOST_DATA_TEST_CASE(a_markdown_plan_reads_as_its_text,
                     data::make(std::vector<std::string>{"tongzhou-ip-pilot-2024", "sancheng-yiqu-ip-action-2020"}),
                     seed) {
  const auto text = planlint::testing::plan_from_fixture("fixtures/plans/" + seed + ".txt");
  const auto markdown = planlint::testing::plan_from_fixture("fixtures/markdown/" + seed + ".md");
  BOOST_TEST(markdown.title == text.title);
  BOOST_TEST(markdown.kind == text.kind);
  const auto shape = [](const planlint::Plan& plan) {
    std::vector<std::string> rows;
    planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
      std::string row = std::to_string(s.level) + " " + std::string(planlint::to_string(s.role)) + " " +
                        std::string(s.title) + (s.task ? " task" : "");
      for (const auto& u : s.task_units()) row += " " + std::string(planlint::to_string(u.role)) + ":" + std::string(u.name);
      for (const auto& t : s.targets()) row += " target:" + t.text + (t.measured ? " measured" : "");
      for (const auto& st : s.stages()) row += " stage:" + st.name + st.from + st.to + (st.acceptance ? " closes" : "");
      rows.push_back(std::move(row));
    });
    return rows;
  };
  BOOST_TEST(shape(markdown) == shape(text), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(markdown_positions_are_those_of_the_markdown_source) {
  const Run r = run("check", {"fixtures/markdown/tongzhou-ip-pilot-2024.md"});
  // tongzhou's numbering slip, （2）, stands on line 87 of the Markdown, at
  // column 7 (after "#### ").
  BOOST_TEST(r.out.find("fixtures/markdown/tongzhou-ip-pilot-2024.md:87:7: warning: “（2）” breaks the sequence") !=
             std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(standard_input_goes_by_its_given_name_and_format) {
  const std::string markdown = slurp("fixtures/markdown/tongzhou-ip-pilot-2024.md");
  const Run named = run("check", {"-"}, markdown, "draft/plan.MD");
  const Run file = run("check", {"fixtures/markdown/tongzhou-ip-pilot-2024.md"});
  BOOST_TEST(named.status == file.status);
  BOOST_TEST(findings_of(named.out, "draft/plan.MD") ==
             findings_of(file.out, "fixtures/markdown/tongzhou-ip-pilot-2024.md"));
  BOOST_TEST(named.out.find("draft/plan.MD:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(extract_prints_the_text_read_numbering_included) {
  const Run r = run("extract", {"fixtures/docx/seeds/tongzhou-ip-pilot-2024.docx"});
  BOOST_TEST(r.status == planlint::kExitOk);
  // Headings numbered by Word, read as typed ones.
  BOOST_TEST(r.out.find("\n（一）完善知识产权创造机制\n") != std::string::npos);
  BOOST_TEST(r.out.find("\n12.完善全区知识产权行政管理体系。") != std::string::npos);
  const Run gb = run("extract", {"fixtures/encodings/tongzhou-ip-pilot-2024.gb18030.txt"});
  // The seed has no line end after its last line; extract ends it.
  BOOST_TEST(gb.out == slurp("fixtures/plans/tongzhou-ip-pilot-2024.txt") + "\n");
}

struct Refused {
  std::string name, bytes, says;
};
std::ostream& operator<<(std::ostream& out, const Refused& r) { return out << r.name; }

const Refused kRefused[] = {
    {"old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "soffice --headless --convert-to docx"},
    {"scan.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "pdftotext"},
};

BOOST_DATA_TEST_CASE(other_formats_are_refused_with_the_conversion_that_works, data::make(kRefused), c) {
  const fs::path dir = fs::temp_directory_path() / ("planlint-formats-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / c.name).string();
  std::ofstream(path, std::ios::binary) << c.bytes;
  const Run r = run("check", {path});
  fs::remove_all(dir);
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err.find(c.says) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("NUL") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(a_walk_reads_plan_files_of_every_case_and_names_the_rest_when_asked) {
  const fs::path dir = fs::temp_directory_path() / ("planlint-walk-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file("fixtures/plans/tongzhou-ip-pilot-2024.txt", dir / "A.TXT");
  fs::copy_file("fixtures/docx/seeds/tongzhou-ip-pilot-2024.docx", dir / "B.Docx");
  std::ofstream(dir / "notes.pdf") << "%PDF-1.4\n";
  const auto files = planlint::expand_inputs({dir.string()});
  fs::remove_all(dir);
  BOOST_TEST_REQUIRE(files.size() == 3u);
  BOOST_TEST(fs::path(files[0].path).filename() == "A.TXT");
  BOOST_TEST(!files[0].ignored);
  BOOST_TEST(fs::path(files[1].path).filename() == "B.Docx");
  BOOST_TEST(!files[1].ignored);
  BOOST_TEST(fs::path(files[2].path).filename() == "notes.pdf");
  BOOST_TEST(files[2].ignored);
}

BOOST_AUTO_TEST_SUITE_END()
