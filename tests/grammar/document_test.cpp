// Table-driven tests of the line grammar: each kind of line, and the plan
// builder's reading of inline headings, tables of contents and page breaks.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "parse.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

// Index of the alternative in ast::Line.
enum Kind { blank, page_number, toc_header, heading, labelled, bullet, box, table, text };

struct LineCase {
  std::string text;
  Kind kind;
};
std::ostream& operator<<(std::ostream& out, const LineCase& c) { return out << c.text; }

const LineCase kLines[] = {
    {" ", blank},
    {"\u3000\u3000 ", blank},
    {"25", page_number},
    {"- 3 -", page_number},
    {"目 录", toc_header},
    {"目录", toc_header},
    {"一、指导思想", heading},
    {"[bookmark: _Toc439805161]一、指导思想", heading},
    {"**一、总体要求**", heading},
    {"　　（三）加强目标管理", heading},
    {"责任单位：区市场监督管理局、区科协", labelled},
    {"（责任单位：区市场监管局）", labelled},
    {"牵头单位 : 区商务局", labelled},
    {"加强协同配合，完善工作机制：建立联席会议", text},  // a colon, but after no label
    {"暂定方案", text},  // 暂 (E6 9A 82) shares a byte with ： (EF BC 9A)
    {"——支撑“四个中心”建设更加有力。", bullet},
    {"专栏1 “十四五”时期知识产权发展主要指标\t\t\t", box},
    {"专栏 2 加强专利侵权纠纷行政裁决示范建设", box},
    {"指标名称（单位）\t2020年\t2025年\t属性", table},
    {"一是知识产权创造质量持续增强。", text},
    {"2019年12月至2020年1月：落实试点城区工作方案的执行。", text},
    {"1.9万人次的服务", text},
};

/// The kind of each line of a text, as numbers (Kind).
std::vector<int> kinds_of(const std::string& text) {
  const planlint::SourceFile source("t.txt", text);
  planlint::DiagnosticList sink;
  const auto doc = planlint::parse_document(source, sink);
  BOOST_TEST_REQUIRE(doc.has_value());
  std::vector<int> kinds;
  for (const auto& line : doc->lines) kinds.push_back(line.get().which());
  return kinds;
}

Kind kind_of(const std::string& line) {
  const auto kinds = kinds_of(line);
  BOOST_TEST_REQUIRE(kinds.size() >= 1u);
  return static_cast<Kind>(kinds[0]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grammar_document)

BOOST_DATA_TEST_CASE(classifies_each_kind_of_line, data::make(kLines), c) {
  BOOST_TEST(kind_of(c.text) == c.kind, c.text);
}

BOOST_AUTO_TEST_CASE(table_of_contents_entries) {
  const auto a = planlint::parse_toc_entry("（一）指导思想.....\t9");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(std::string(a->text) == "（一）指导思想");
  BOOST_TEST(std::string(a->page) == "9");
  BOOST_TEST(planlint::parse_toc_entry("7. 强化保护技术支撑。\t15").has_value());
  BOOST_TEST(planlint::parse_toc_entry("三、主要任务……12").has_value());
  BOOST_TEST(!planlint::parse_toc_entry("一、总体要求").has_value());
  BOOST_TEST(!planlint::parse_toc_entry("每万人口发明专利拥有量\t78\t82\t预期性").has_value());
}

BOOST_AUTO_TEST_CASE(every_line_is_kept_with_crlf_and_bom) {
  BOOST_TEST(kinds_of("\xEF\xBB\xBF一、总体要求\r\n\r\n正文。\r\n") == (std::vector<int>{heading, blank, text}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_run_of_blank_lines_is_one_node) {
  BOOST_TEST(kinds_of("一、总体要求\n\n\n \u3000\n\r\n\n正文。\n\n") == (std::vector<int>{heading, blank, text, blank}),
             boost::test_tools::per_element());
  BOOST_TEST(kinds_of(std::string(100000, '\n') + "正文。") == (std::vector<int>{blank, text}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inline_heading_title_runs_to_the_first_full_stop) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "关于XX的工作方案\n\n一、重点任务\n1. **加强战略规划引领。**紧扣功能定位。\n"
               "2.实施专利质量提升行动。推动专利提质。\n");
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  const auto& tasks = plan.sections[0].children;
  BOOST_TEST_REQUIRE(tasks.size() == 2u);
  BOOST_TEST(tasks[0].title == "加强战略规划引领");
  BOOST_TEST(tasks[0].paragraphs.at(0).text == "紧扣功能定位。");
  BOOST_TEST(tasks[1].title == "实施专利质量提升行动");
  BOOST_TEST(tasks[1].paragraphs.at(0).text == "推动专利提质。");
}

BOOST_AUTO_TEST_CASE(table_of_contents_yields_nothing) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX发展规划\n\n目 录\n\n一、总体要求.....\t1\n（一）指导思想.....\t2\n\n二、主要任务\t3\n\n"
               "一、总体要求\n\n正文。\n\n二、主要任务\n\n（一）第一项\n");
  BOOST_TEST(plan.sections.size() == 2u);
  BOOST_TEST(plan.sections[0].where.line == 10u);
}

// Paragraph text is not copied: a line as written is a view into the source;
// only a joined or cleaned paragraph gets a string of its own, kept by the
// plan, where it stays when the plan is moved.
BOOST_AUTO_TEST_CASE(paragraph_text_is_a_view_unless_joined_or_cleaned) {
  auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\n一、总体要求\n\n推动专利提质。\n\n**加强保护**。\n\n到2025年，知识产权\n\n12\n\n明显增强。\n");
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  const auto& ps = plan.sections[0].paragraphs;
  BOOST_TEST_REQUIRE(ps.size() == 3u);
  const std::string_view source = plan.source->text();
  const auto in_source = [&](std::string_view t) {
    return t.data() >= source.data() && t.data() + t.size() <= source.data() + source.size();
  };
  BOOST_TEST(ps[0].text == "推动专利提质。");
  BOOST_TEST(in_source(ps[0].text));
  BOOST_TEST(ps[1].text == "加强保护。");
  BOOST_TEST(!in_source(ps[1].text));
  BOOST_TEST(ps[2].text == "到2025年，知识产权明显增强。");
  BOOST_TEST(!in_source(ps[2].text));
  BOOST_TEST(plan.texts.size() == 2u);
  const planlint::Plan moved = std::move(plan);
  BOOST_TEST(moved.sections[0].paragraphs[2].text == "到2025年，知识产权明显增强。");
}

BOOST_AUTO_TEST_CASE(page_break_joins_a_paragraph_and_keeps_clause_positions) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\n一、总体要求\n\n到2025年，知识产权创造、运用和管理\n\n12\n\n能力明显增强。第二句。\n");
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  const auto& ps = plan.sections[0].paragraphs;
  BOOST_TEST_REQUIRE(ps.size() == 1u);
  BOOST_TEST(ps[0].text == "到2025年，知识产权创造、运用和管理能力明显增强。第二句。");
  const auto clauses = planlint::clauses_of(ps[0], *plan.source);
  BOOST_TEST_REQUIRE(clauses.size() == 2u);
  BOOST_TEST(clauses[0].where.line == 4u);
  BOOST_TEST(clauses[1].where.line == 8u);
  BOOST_TEST(clauses[1].where.column == 8u);  // 能力明显增强。 is 7 code points
}

BOOST_AUTO_TEST_CASE(sentence_end_before_a_blank_line_is_not_joined) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\n一、总体要求\n\n第一段。\n\n第二段。\n");
  BOOST_TEST(plan.sections.at(0).paragraphs.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numbering_slips)

BOOST_AUTO_TEST_CASE(a_lone_slip_takes_its_siblings_style_and_is_reported) {
  const planlint::SourceFile source(
      "t.txt", "XX工作方案\n一、保障措施\n（一）加强组织领导\n正文。\n（2） 加强经费保障\n正文。\n（三）加强目标管理\n");
  planlint::DiagnosticList sink;
  const auto doc = planlint::parse_document(source, sink);
  BOOST_TEST_REQUIRE(doc.has_value());
  const auto plan = planlint::build_plan(source, *doc, planlint::testing::builtin_rules().lexicons, sink);
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  BOOST_TEST(plan.sections[0].children.size() == 3u);
  BOOST_TEST_REQUIRE(sink.items.size() == 1u);
  BOOST_TEST(sink.items[0].rule == "numbering-slip");
  BOOST_TEST(sink.items[0].where.line == 5u);
}

BOOST_AUTO_TEST_CASE(a_real_sublevel_is_not_a_slip) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\n一、重点任务\n（一）第一组\n（1）甲\n（2）乙\n（二）第二组\n");
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  BOOST_TEST(plan.sections[0].children.size() == 2u);
  BOOST_TEST(plan.sections[0].children[0].children.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(source_files)

BOOST_AUTO_TEST_CASE(a_short_file_survives_a_move) {
  // Six bytes: the text lives inside the string object itself.
  planlint::SourceFile first("t.txt", "一、");
  const planlint::SourceFile moved = std::move(first);
  planlint::DiagnosticList sink;
  const auto doc = planlint::parse_document(moved, sink);
  BOOST_TEST_REQUIRE(doc.has_value());
  BOOST_TEST_REQUIRE(doc->lines.size() == 1u);
  BOOST_TEST(doc->lines[0].get().which() == heading);
  BOOST_TEST(std::string(moved.line(1)) == "一、");
}

BOOST_AUTO_TEST_CASE(clauses_of_one_line_are_placed_where_they_stand) {
  // Clauses after blanks, after a Latin-1 character and after ASCII: each
  // one's column is its own, counted from the last one's.
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\n一、总体要求\n一是建立机制。  二是café完善；三是 ab 加强！四是收尾\n");
  BOOST_TEST_REQUIRE(plan.sections.size() == 1u);
  const auto& p = plan.sections[0].paragraphs.at(0);
  const auto clauses = planlint::clauses_of(p, *plan.source);
  BOOST_TEST_REQUIRE(clauses.size() == 4u);
  for (const auto& c : clauses) {
    const auto direct = plan.source->location(c.spans.front().substr(c.spans.front().find("是") - 3));
    BOOST_TEST(c.where.line == 3u);
    BOOST_TEST(c.where.column == direct.column, c.text);
  }
  BOOST_TEST(clauses[1].where.column == 10u);  // after 一是建立机制。 and two spaces
  BOOST_TEST(clauses[3].where.column == 28u);
}

BOOST_AUTO_TEST_CASE(lone_carriage_returns_end_lines) {
  const auto plan = planlint::testing::plan_from_text(
      "t.txt", "XX工作方案\r一、总体要求\r到2025年达到15件。\r二、重点任务\r\n（一）加强保护\n（二）加强服务\r");
  BOOST_TEST_REQUIRE(plan.sections.size() == 2u);
  BOOST_TEST(plan.sections[1].where.line == 4u);
  BOOST_TEST(plan.sections[1].children.size() == 2u);
  BOOST_TEST(plan.sections[1].children[1].where.line == 6u);
  BOOST_TEST(plan.sections[0].targets().at(0).measured);
  BOOST_TEST(std::string(plan.source->line(2)) == "一、总体要求");
  BOOST_TEST(std::string(plan.source->line(4)) == "二、重点任务");
}

BOOST_AUTO_TEST_CASE(a_tab_after_a_lone_carriage_return_is_on_the_next_line) {
  // The first line has no tab: it is text; the second is a table row.
  BOOST_TEST(kinds_of("一是推进工作\r指标\t2025年\n") == (std::vector<int>{text, table}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
