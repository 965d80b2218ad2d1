// The Word reader: every fixture of fixtures/docx/ read back to its
// expected text (written by make_fixtures.py beside the XML it comes from),
// the seed plans' .docx read back to the seed text, hostile packages refused
// with one line, formats planlint does not read named, and list numbers
// formatted as Word writes them.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "docx_reader.hpp"

namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == extension) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

/// The error read_docx gives for a file of fixtures/docx/hostile/.
std::string error_of(const std::string& name, const planlint::DocxLimits& limits = {}) {
  planlint::DocxError error;
  const auto text = planlint::read_docx(bytes_of(fs::path("fixtures/docx/hostile") / name), error, limits);
  BOOST_TEST(!text.has_value());
  BOOST_TEST(error.message.find('\n') == std::string::npos);
  return error.message;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_reader)

BOOST_AUTO_TEST_CASE(every_fixture_reads_as_its_expected_text) {
  const auto files = files_in("fixtures/docx", ".docx");
  BOOST_TEST_REQUIRE(files.size() >= 6u);
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      planlint::DocxError error;
      const auto text = planlint::read_docx(bytes_of(f), error);
      BOOST_TEST_REQUIRE(text.has_value(), error.message);
      auto expected_path = f;
      expected_path.replace_extension(".expected.txt");
      const auto expected = lines_of(bytes_of(expected_path));
      const auto got = lines_of(text->text);
      BOOST_TEST(got == expected, boost::test_tools::per_element());
      // One origin per line; each line is its own paragraph or table row.
      BOOST_TEST_REQUIRE(text->origins.size() == got.size());
      for (std::size_t i = 0; i < got.size(); ++i) BOOST_TEST(text->origins[i].paragraph == i + 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(table_rows_and_paragraphs_are_counted_in_document_order) {
  planlint::DocxError error;
  const auto text = planlint::read_docx(bytes_of("fixtures/docx/tables.docx"), error);
  BOOST_TEST_REQUIRE(text.has_value());
  const auto lines = lines_of(text->text);
  // 一、任务分工 is paragraph 1; the six rows of the first table 2 to 7.
  BOOST_TEST_REQUIRE(lines.size() == 9u);
  BOOST_TEST(lines[1] == "序号\t任务\t责任单位");
  BOOST_TEST(text->origins[1].paragraph == 2u);
  BOOST_TEST(lines[7] == "二、保障措施");
  BOOST_TEST(text->origins[7].paragraph == 8u);
}

BOOST_AUTO_TEST_CASE(each_seed_plan_as_docx_reads_back_as_the_seed_text) {
  // As seeds_to_docx.py writes them, and as LibreOffice saved those again
  // (its own numbering.xml: chineseCountingThousand, one list per restart).
  auto files = files_in("fixtures/docx/seeds", ".docx");
  const auto resaved = files_in("fixtures/docx/seeds/libreoffice", ".docx");
  BOOST_TEST_REQUIRE(files.size() == 5u);
  BOOST_TEST_REQUIRE(resaved.size() == 5u);
  files.insert(files.end(), resaved.begin(), resaved.end());
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.string()) {
      planlint::DocxError error;
      const auto text = planlint::read_docx(bytes_of(f), error);
      BOOST_TEST_REQUIRE(text.has_value(), error.message);
      const auto seed = bytes_of(fs::path("fixtures/plans") / f.filename().replace_extension(".txt"));
      BOOST_TEST(lines_of(text->text) == lines_of(seed), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_packages_are_refused_with_one_line) {
  planlint::DocxError error;
  BOOST_TEST(!planlint::read_docx("", error).has_value());
  BOOST_TEST(error.message == "not a Word document: not a zip archive");
  BOOST_TEST(!planlint::read_docx(std::string("PK\x03\x04", 4), error).has_value());
  BOOST_TEST(starts_with(error.message, "not a Word document: a damaged zip archive"));
  BOOST_TEST(!planlint::read_docx("plain text, not a zip", error).has_value());

  BOOST_TEST(starts_with(error_of("truncated.docx"), "not a Word document: a damaged zip archive"));
  BOOST_TEST(error_of("no-document.docx") == "not a Word document: no word/document.xml");
  BOOST_TEST(error_of("not-xml.docx") == "word/document.xml: XML error at line 4: mismatched element");
  BOOST_TEST(starts_with(error_of("bad-numbering.docx"), "word/numbering.xml: XML error at line 1: "));
  BOOST_TEST(starts_with(error_of("not-wordml.docx"), "word/document.xml: not a WordprocessingML document"));
  BOOST_TEST(error_of("encrypted.docx") == "word/document.xml: encrypted (the document is password-protected)");
  BOOST_TEST(error_of("unsupported-compression.docx") == "word/document.xml: unsupported compression method 97");
  BOOST_TEST(starts_with(error_of("deep-tables.docx"), "word/document.xml: XML error at line "));
  // 2 MiB of text over a bound of 1 MiB: refused from the declared size,
  // before anything is inflated.
  BOOST_TEST(error_of("big-part.docx", planlint::DocxLimits{1 << 20}) ==
             "word/document.xml: larger than the limit of 1 MiB uncompressed");
  // Under the default bound the same part reads.
  const auto big = planlint::read_docx(bytes_of("fixtures/docx/hostile/big-part.docx"), error);
  BOOST_TEST_REQUIRE(big.has_value());
  BOOST_TEST(big->text.size() == (std::size_t{2} << 20) + 1);
}

BOOST_AUTO_TEST_CASE(numbering_cannot_grow_the_text_past_the_bound) {
  // Empty numbered paragraphs: a few bytes of XML each, a long number each.
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::string document = "<w:document " + w + "><w:body>";
  for (int i = 0; i < 200; ++i) document += "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>";
  document += "</w:body></w:document>";
  const std::string numbering = "<w:numbering " + w + "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">"
                                "<w:numFmt w:val=\"upperLetter\"/><w:start w:val=\"700\"/>"
                                "<w:lvlText w:val=\"%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1\"/></w:lvl>"
                                "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  planlint::DocxError error;
  const auto text = planlint::read_wordml(document, numbering, "", error);
  BOOST_TEST_REQUIRE(text.has_value(), error.message);
  BOOST_TEST(text->text.substr(0, 27 * 20) == std::string(27 * 20, 'X'));  // 700 = 26 × 26 + 24: 27 × X
  BOOST_TEST(!planlint::read_wordml(document, numbering, "", error, planlint::DocxLimits{20000}).has_value());
  BOOST_TEST(error.message == "the text is larger than the limit of 20000 bytes");
}

BOOST_AUTO_TEST_CASE(every_prefix_of_a_fixture_is_refused_or_read_without_fault) {
  // Cut short anywhere, a package never crashes the reader (the sanitizer
  // builds check the "without fault").
  const std::string bytes = bytes_of("fixtures/docx/styles.docx");
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    planlint::DocxError error;
    const auto text = planlint::read_docx(std::string_view(bytes).substr(0, n), error);
    if (!text) BOOST_TEST(!error.message.empty());
  }
}

BOOST_AUTO_TEST_CASE(formats_planlint_does_not_read_are_named_with_their_conversion) {
  using planlint::refused_format;
  const std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  BOOST_TEST(refused_format(ole2).value_or("") ==
             "a Word 97-2003 or WPS document (.doc/.wps): convert it with soffice --headless --convert-to docx FILE");
  const std::string encrypted = ole2 + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  BOOST_TEST(starts_with(refused_format(encrypted).value_or(""), "a password-protected Office document"));
  BOOST_TEST(refused_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").value_or("") ==
             "a PDF: convert it with pdftotext -layout FILE");
  BOOST_TEST(refused_format(bytes_of("fixtures/docx/hostile/text.odt")).value_or("") ==
             "an OpenDocument text (.odt): convert it with soffice --headless --convert-to docx FILE");
  BOOST_TEST(!refused_format(bytes_of("fixtures/docx/levels.docx")).has_value());
  BOOST_TEST(!refused_format(bytes_of("fixtures/docx/hostile/truncated.docx")).has_value());
  BOOST_TEST(!refused_format("一、总体要求\n").has_value());
  BOOST_TEST(!refused_format("").has_value());
  BOOST_TEST(planlint::looks_like_zip(bytes_of("fixtures/docx/levels.docx")));
  BOOST_TEST(!planlint::looks_like_zip("PK"));
}

BOOST_AUTO_TEST_CASE(list_numbers_are_formatted_as_word_writes_them) {
  using planlint::format_list_number;
  const std::vector<std::pair<int, std::string>> counting{
      {1, "一"}, {2, "二"}, {10, "十"}, {11, "十一"}, {20, "二十"}, {21, "二十一"}, {99, "九十九"}, {100, "一〇〇"}};
  for (const auto& [n, s] : counting) BOOST_TEST(format_list_number(n, "chineseCounting") == s);
  const std::vector<std::pair<int, std::string>> thousand{
      {10, "十"}, {11, "十一"}, {100, "一百"}, {101, "一百零一"}, {110, "一百一十"},
      {1000, "一千"}, {1010, "一千零一十"}, {2345, "二千三百四十五"}, {10000, "一〇〇〇〇"}};
  for (const auto& [n, s] : thousand) BOOST_TEST(format_list_number(n, "chineseCountingThousand") == s);
  BOOST_TEST(format_list_number(10, "ideographDigital") == "一〇");
  BOOST_TEST(format_list_number(2024, "ideographDigital") == "二〇二四");
  BOOST_TEST(format_list_number(1, "ideographTraditional") == "甲");
  BOOST_TEST(format_list_number(10, "ideographTraditional") == "癸");
  BOOST_TEST(format_list_number(11, "ideographTraditional") == "11");
  BOOST_TEST(format_list_number(1, "decimalEnclosedCircle") == "①");
  BOOST_TEST(format_list_number(20, "decimalEnclosedCircle") == "⑳");
  BOOST_TEST(format_list_number(21, "decimalEnclosedCircle") == "21");
  BOOST_TEST(format_list_number(12, "decimalFullWidth") == "１２");
  BOOST_TEST(format_list_number(1, "upperLetter") == "A");
  BOOST_TEST(format_list_number(26, "upperLetter") == "Z");
  BOOST_TEST(format_list_number(27, "upperLetter") == "AA");
  BOOST_TEST(format_list_number(28, "lowerLetter") == "bb");
  BOOST_TEST(format_list_number(53, "upperLetter") == "AAA");
  BOOST_TEST(format_list_number(4, "upperRoman") == "IV");
  BOOST_TEST(format_list_number(1994, "upperRoman") == "MCMXCIV");
  BOOST_TEST(format_list_number(9, "lowerRoman") == "ix");
  BOOST_TEST(format_list_number(4000, "upperRoman") == "4000");
  BOOST_TEST(format_list_number(7, "decimal") == "7");
  BOOST_TEST(format_list_number(7, "decimalZero") == "07");
  BOOST_TEST(format_list_number(7, "none").empty());
  BOOST_TEST(format_list_number(7, "somethingNew") == "7");
  BOOST_TEST(format_list_number(0, "chineseCounting") == "〇");
  BOOST_TEST(format_list_number(-3, "upperLetter") == "-3");
  BOOST_TEST(format_list_number(-3, "chineseCounting") == "-3");
  BOOST_TEST(format_list_number(-3, "ideographDigital") == "-3");
}

BOOST_AUTO_TEST_SUITE_END()
