// The Markdown reader (engine/markdown_reader.cpp): each construct's view
// and where each view line comes from, and two seed plans written in
// Markdown (fixtures/markdown/, made by make.py) read by the plan grammar
// with the same sections and tasks as their .txt.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "markdown_reader.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct Case {
  std::string name;
  std::string markdown;
  std::string view;
  // The origins of the view's non-blank lines, in order: line, shift, prefix.
  std::vector<planlint::ViewLineOrigin> origins;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const std::vector<Case> kCases = {
    {"empty", "", "", {}},
    // ------------------------------------------------------------ headings
    // Text at columns 4, 5, 6, 7, 8 after prefixes of 2, 3, 2, 3, 1 columns.
    {"numbered by level", "## 总体要求\n### 加强领导\n#### 细化\n##### 更细\n###### 最细\n",
     "一、总体要求\n\n（一）加强领导\n\n1.细化\n\n（1）更细\n\n①最细\n",
     {{1, 1, 2}, {2, 1, 3}, {3, 3, 2}, {4, 3, 3}, {5, 6, 1}}},
    {"counted afresh under each parent", "## 甲\n### 子一\n### 子二\n## 乙\n### 子三\n",
     "一、甲\n\n（一）子一\n\n（二）子二\n\n二、乙\n\n（一）子三\n",
     {{1, 1, 2}, {2, 1, 3}, {3, 1, 3}, {4, 1, 2}, {5, 1, 3}}},
    // Typed numbers stay as written, and count: the third heading is 二、.
    {"typed numbers kept", "## 一、总体要求\n### （二）加强组织\n## 任务\n",
     "一、总体要求\n\n（二）加强组织\n\n二、任务\n", {{1, 3, 0}, {2, 4, 0}, {3, 1, 2}}},
    {"title opens the document", "# 某区工作方案\n\n## 总体要求\n", "某区工作方案\n\n一、总体要求\n",
     {{1, 2, 0}, {3, 1, 2}}},
    // A Setext heading has no # to stand for its number: columns inside the
    // prefix go to the text's first column (see origin_column).
    {"setext headings", "某区工作方案\n======\n\n总体要求\n--------\n", "某区工作方案\n\n一、总体要求\n",
     {{1, 0, 0}, {4, -2, 2}}},
    {"later level-1 heading as written", "正文\n\n# 附件\n", "正文\n\n附件\n", {{1, 0, 0}, {3, 2, 0}}},
    // "1.2025年" would be the decimal 1.2.
    {"arabic number before a digit", "## 甲\n### 乙\n#### 2025年目标\n", "一、甲\n\n（一）乙\n\n1. 2025年目标\n",
     {{1, 1, 2}, {2, 1, 3}, {3, 2, 3}}},
    {"empty heading left out", "## \n\n甲\n", "甲\n", {{3, 0, 0}}},
    // ------------------------------------------------------------ paragraphs
    {"CJK lines joined with nothing", "第一行\n第二行\n第三行\n", "第一行第二行第三行\n", {{1, 0, 0}}},
    {"Latin lines joined with a space", "plan text\ncontinues here\n", "plan text continues here\n", {{1, 0, 0}}},
    {"mixed lines", "目标 2025\nyear\n2025年\n目标\n", "目标 2025 year 2025年目标\n", {{1, 0, 0}}},
    {"inline markup is its text", "这是*重点*、**关键**、`代码`和[链接](http://x.cn)。\n", "这是重点、关键、代码和链接。\n",
     {{1, 0, 0}}},
    {"escapes", "\\*不是强调\\*\n", "*不是强调*\n", {{1, 1, 0}}},
    // The view's & stands for &amp;: columns from 中 on are exact.
    {"entities", "&amp;中文\n", "&中文\n", {{1, 4, 0}}},
    {"hard break starts a line", "北京市人民政府  \n2024年3月26日\n", "北京市人民政府\n2024年3月26日\n",
     {{1, 0, 0}, {2, 0, 0}}},
    {"image left out", "![图](x.png)图后\n", "图后\n", {{1, 11, 0}}},
    {"code and HTML left out", "甲\n\n```\ncode\n```\n\n<div>\nx\n</div>\n\n乙 <b>粗</b>\n", "甲\n\n乙 粗\n",
     {{1, 0, 0}, {11, 0, 0}}},
    {"thematic break left out", "甲\n\n***\n\n乙\n", "甲\n\n乙\n", {{1, 0, 0}, {5, 0, 0}}},
    {"block quote", "> 引用的\n> 段落\n", "引用的段落\n", {{1, 2, 0}}},
    {"lazy continuation", "> 甲\n乙\n", "甲乙\n", {{1, 2, 0}}},
    {"front matter skipped", "---\ntitle: 方案\ndate: 2024\n---\n# 某区工作方案\n", "某区工作方案\n", {{5, 2, 0}}},
    {"no closing fence: no front matter", "---\n甲\n", "甲\n", {{2, 0, 0}}},
    {"BOM and CRLF", "\xEF\xBB\xBF# 方案\r\n\r\n正文\r\n", "方案\n\n正文\n", {{1, 2, 0}, {3, 0, 0}}},
    // ------------------------------------------------------------ lists
    {"ordered list one rung below its heading", "## 重点任务\n\n1. 甲\n2. 乙\n", "一、重点任务\n\n（一）甲\n\n（二）乙\n",
     {{1, 1, 2}, {3, 0, 3}, {4, 0, 3}}},
    {"ordered list from its start, no heading", "3. 甲\n4. 乙\n", "3.甲\n\n4.乙\n", {{1, 1, 2}, {2, 1, 2}}},
    {"nested list one rung further", "## 任务\n### 加强\n1. 甲\n   1. 子\n", "一、任务\n\n（一）加强\n\n1.甲\n\n（1）子\n",
     {{1, 1, 2}, {2, 1, 3}, {3, 1, 2}, {4, 3, 3}}},
    {"item with two paragraphs", "1. 甲\n\n   乙\n", "1.甲\n\n乙\n", {{1, 1, 2}, {3, 3, 0}}},
    {"bullets", "- 要点一\n- 要点二\n  - 细目\n", "——要点一\n\n——要点二\n\n——细目\n", {{1, 0, 2}, {2, 0, 2}, {3, 2, 2}}},
    // ------------------------------------------------------------ tables
    {"pipe table", "| 指标 | 目标值 |\n|:---|---:|\n| 专利 | 100件 |\n", "指标\t目标值\n专利\t100件\n",
     {{1, 2, 0}, {3, 2, 0}}},
    {"table then text", "| a | b |\n| --- | --- |\n| 1 | 2 |\n正文\n", "a\tb\n1\t2\n\n正文\n",
     {{1, 2, 0}, {3, 2, 0}, {4, 0, 0}}},
    {"no delimiter row: no table", "| a | b |\n| c |\n", "| a | b | | c |\n", {{1, 0, 0}}},
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string describe(const planlint::ViewLineOrigin& o) {
  return std::to_string(o.line) + "/" + std::to_string(o.column_shift) + "/" + std::to_string(o.prefix);
}

/// The sections of a plan, one line each: level, title, and whether a task.
std::vector<std::string> section_outline(const planlint::Plan& plan) {
  std::vector<std::string> out;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    out.push_back(std::to_string(s.level) + " " + std::string(s.title) + (s.task ? " [task]" : ""));
  });
  return out;
}

const std::vector<std::string> kSeeds = {"tongzhou-ip-pilot-2024", "sancheng-yiqu-ip-action-2020"};

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown_reader)

BOOST_DATA_TEST_CASE(view_and_origins, data::make(kCases), c) {
  std::string error;
  const auto view = planlint::read_markdown(c.markdown, error);
  BOOST_TEST_REQUIRE(view.has_value(), error);
  BOOST_TEST(view->text == c.view);
  const auto lines = lines_of(view->text);
  BOOST_TEST_REQUIRE(view->origins.size() == lines.size());
  std::vector<std::string> actual, expected;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!lines[k].empty()) actual.push_back(describe(view->origins[k]));
  }
  for (const auto& o : c.origins) expected.push_back(describe(o));
  BOOST_TEST(actual == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(source_column_maps_prefix_to_the_text) {
  // `总体要求` under `--------` at line 4: view 一、总体要求.
  const planlint::ViewLineOrigin setext{4, -2, 2};
  BOOST_TEST(planlint::origin_column(setext, 1) == 1u);
  BOOST_TEST(planlint::origin_column(setext, 2) == 1u);
  BOOST_TEST(planlint::origin_column(setext, 3) == 1u);
  BOOST_TEST(planlint::origin_column(setext, 4) == 2u);
  // `## 总体要求`: the text at column 4.
  const planlint::ViewLineOrigin atx{1, 1, 2};
  BOOST_TEST(planlint::origin_column(atx, 1) == 4u);
  BOOST_TEST(planlint::origin_column(atx, 3) == 4u);
  BOOST_TEST(planlint::origin_column(atx, 5) == 6u);
  // No prefix: a plain shift.
  BOOST_TEST(planlint::origin_column(planlint::ViewLineOrigin{7, 2, 0}, 1) == 3u);
}

BOOST_AUTO_TEST_CASE(not_utf8_is_refused) {
  std::string error;
  BOOST_TEST(!planlint::read_markdown("# \xD6\xD0\n", error).has_value());
  BOOST_TEST(error == "not UTF-8 text: invalid byte 0xD6 at line 1, column 3");
}

// Deep nesting and long input stay iterative: no recursion in the walk.
BOOST_AUTO_TEST_CASE(deep_nesting) {
  std::string markdown(5000, '>');
  markdown += " 甲\n";
  for (int k = 0; k < 2000; ++k) markdown += std::string(static_cast<std::size_t>(k % 40) * 2, ' ') + "- 项\n";
  std::string error;
  const auto view = planlint::read_markdown(markdown, error);
  BOOST_TEST_REQUIRE(view.has_value());
  BOOST_TEST(view->text.starts_with("甲\n"));
}

// Random Markdown: a view with one origin per line, each in the source.
BOOST_AUTO_TEST_CASE(random_markdown_has_an_origin_per_line) {
  const std::vector<std::string> pieces = {"#", "## ", "一、", "甲", "plan", " ", "  ", "\n", "\n\n", "\r\n", "> ",
                                           "- ", "1. ", "| a |", "|---|", "*", "**", "`", "[x](y)", "![i](p)",
                                           "<b>", "&amp;", "\\", "---", "===", "```", "\t", "（一）", "\xEF\xBB\xBF"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string markdown;
    const auto size = std::uniform_int_distribution<std::size_t>(0, 30)(random);
    for (std::size_t k = 0; k < size; ++k) {
      markdown += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    }
    std::string error;
    const auto view = planlint::read_markdown(markdown, error);
    BOOST_TEST_REQUIRE(view.has_value(), error);
    const auto source_lines = static_cast<std::uint32_t>(std::count(markdown.begin(), markdown.end(), '\n') +
                                                         std::count(markdown.begin(), markdown.end(), '\r') + 1);
    if (view->origins.size() != static_cast<std::size_t>(std::count(view->text.begin(), view->text.end(), '\n'))) {
      BOOST_ERROR("origins and lines differ for " << markdown);
    }
    for (const auto& o : view->origins) {
      if (o.line < 1 || o.line > source_lines) BOOST_ERROR("origin line " << o.line << " outside " << markdown);
    }
  }
}

// The seed plans in Markdown, read by the plan grammar, have the sections
// (level, title, task or not) and the task count of the .txt.
BOOST_DATA_TEST_CASE(seed_plan_reads_as_its_text, data::make(kSeeds), seed) {
  using namespace planlint::testing;
  const auto markdown = read_file(source_path("fixtures/markdown/" + seed + ".md"));
  std::string error;
  const auto view = planlint::read_markdown(markdown, error);
  BOOST_TEST_REQUIRE(view.has_value(), error);
  const auto from_markdown = plan_from_text(seed + ".md", view->text);
  const auto from_text = plan_from_fixture("fixtures/plans/" + seed + ".txt");
  BOOST_TEST(section_outline(from_markdown) == section_outline(from_text), boost::test_tools::per_element());
  BOOST_TEST(planlint::figures_of(from_markdown).tasks == planlint::figures_of(from_text).tasks);
  BOOST_TEST(planlint::figures_of(from_text).tasks > 0u);
  BOOST_TEST(section_outline(from_text).size() > 10u);
  BOOST_TEST(from_markdown.title == from_text.title);
  BOOST_TEST(from_markdown.kind == from_text.kind);
  // Every heading's view line comes from its Markdown heading line.
  const auto lines = lines_of(markdown);
  planlint::for_each_section(from_markdown.sections, [&](const planlint::Section& s, const planlint::Section*) {
    const auto& origin = view->origins.at(s.where.line - 1);
    BOOST_TEST_REQUIRE(origin.line >= 1u);
    BOOST_TEST(lines.at(origin.line - 1).starts_with("#"), "section " << s.title << " from line " << origin.line);
  });
}

BOOST_AUTO_TEST_SUITE_END()
