// Bad input at the boundary: each case gives one clear line naming the file,
// exit code 2, and never hides the other files' output.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "planlint/commands.hpp"
#include "support/golden.hpp"

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run outline(std::vector<std::string> inputs, planlint::Format format = planlint::Format::text) {
  planlint::Options options;
  options.command = "outline";
  options.inputs = std::move(inputs);
  options.format = format;
  std::ostringstream out, err;
  Run r;
  r.status = planlint::run_outline(options, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::size_t lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

const std::string kGood = "fixtures/plans/mentougou-ip-pilot-2020.txt";

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(missing_path) {
  const Run r = outline({"fixtures/bad/no-such-file.txt", kGood});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == "fixtures/bad/no-such-file.txt: error: no such file\n");
  BOOST_TEST(r.out.find("门头沟区国家知识产权试点城区工作实施方案") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(directory) {
  const Run r = outline({"fixtures/plans"});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == "fixtures/plans: error: is a directory, not a plan file\n");
}

BOOST_AUTO_TEST_CASE(empty_file) {
  const Run r = outline({"fixtures/bad/empty.txt"});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == "fixtures/bad/empty.txt: error: empty file\n");
}

BOOST_AUTO_TEST_CASE(a_file_of_only_a_byte_order_mark_is_empty) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = (dir / "planlint-bom-only.txt").string();
  std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF\r\n";
  const Run r = outline({path});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err == path + ": error: empty file\n");
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(binary_file) {
  const Run r = outline({"fixtures/bad/binary.bin"});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(lines(r.err) == 1u);
  BOOST_TEST(r.err.rfind("fixtures/bad/binary.bin:1:8: error: not text: NUL byte", 0) == 0u, r.err);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_says_where) {
  const Run r = outline({"fixtures/bad/latin1.txt", kGood}, planlint::Format::xml);
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(r.err ==
             "fixtures/bad/latin1.txt:3:3: error: not UTF-8 text: invalid byte 0xD6 at line 3, column 3; if it is GBK/GB18030 or UTF-16 text, pass --encoding NAME\n");
  // The readable file is still reported, and the bad one is named in the XML.
  BOOST_TEST(r.out.find("error=\"not UTF-8 text: invalid byte 0xD6 at line 3, column 3; if it is GBK/GB18030 or UTF-16 text, pass --encoding NAME\"") !=
             std::string::npos);
  BOOST_TEST(r.out.find("title=\"门头沟区国家知识产权试点城区工作实施方案\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_that_is_not_a_plan) {
  const Run r = outline({"fixtures/bad/not-a-plan.txt"}, planlint::Format::xml);
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(lines(r.err) == 2u);  // the warning and its hint
  BOOST_TEST(r.err.find("warning: no numbered sections") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("  hint: a plan is divided into numbered sections") != std::string::npos, r.err);
  BOOST_TEST(r.out.find("<plan path=\"fixtures/bad/not-a-plan.txt\"") != std::string::npos);
  BOOST_TEST(r.out.find("<section") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_plan_whose_numbering_was_lost_says_so) {
  // Its headings (总体要求, 工作目标 …) stand as plain lines: the numbering
  // stayed behind in the word processor.
  const Run r = outline({"fixtures/layouts/numbering-lost.txt"}, planlint::Format::text);
  BOOST_TEST(r.status == planlint::kExitOk);
  BOOST_TEST(r.err.find("fixtures/layouts/numbering-lost.txt:5:1: warning: no numbered headings, but 4 lines read as "
                        "headings (总体要求、工作目标、主要任务…): the numbering was lost when the text was saved "
                        "[numbering-lost]") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("hint: check the .docx itself") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("no numbered sections") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(no_input_is_a_usage_error) {
  const Run r = outline({});
  BOOST_TEST(r.status == planlint::kExitError);
  BOOST_TEST(lines(r.err) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
