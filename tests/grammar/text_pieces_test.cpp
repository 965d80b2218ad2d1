// Table-driven tests of the running-text grammar pieces: clauses, quantities
// and dates, labelled unit lists, 一是 statements.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "common.hpp"
#include "parse.hpp"

namespace data = boost::unit_test::data;
using planlint::ast::MentionKind;

namespace {

struct MentionCase {
  std::string text;
  MentionKind kind;
  std::string number;  // quantities
  std::string unit;    // the word after the number, as captured
  unsigned year, month, to_year, to_month;
};
std::ostream& operator<<(std::ostream& out, const MentionCase& c) { return out << c.text; }

const MentionCase kMentions[] = {
    {"达到15件以上", MentionKind::quantity, "15", "件以上", 0, 0, 0, 0},
    {"商标量达到23000件。", MentionKind::quantity, "23000", "件", 0, 0, 0, 0},
    {"结案率95%以上。", MentionKind::quantity, "95", "%以上", 0, 0, 0, 0},
    {"服务1.9万人次", MentionKind::quantity, "1.9", "万人次", 0, 0, 0, 0},
    {"审结 26.7 万件", MentionKind::quantity, "26.7", "万件", 0, 0, 0, 0},
    {"到2025年，", MentionKind::year, "", "", 2025, 0, 0, 0},
    {"到2022 年,", MentionKind::year, "", "", 2022, 0, 0, 0},
    {"展望二〇三五年，", MentionKind::year, "", "", 2035, 0, 0, 0},
    {"2021年7月", MentionKind::date, "", "", 2021, 7, 0, 0},
    {"2019年12月至2020年1月：", MentionKind::range, "", "", 2019, 12, 2020, 1},
    {"2023年3月—5月", MentionKind::range, "", "", 2023, 3, 2023, 5},
    {"(2020—2022年)", MentionKind::range, "", "", 2020, 0, 2022, 0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(grammar_text_pieces)

BOOST_DATA_TEST_CASE(finds_quantities_years_and_ranges, data::make(kMentions), c) {
  const auto mentions = planlint::find_mentions(c.text);
  BOOST_TEST_REQUIRE(!mentions.empty());
  const auto& m = mentions.front();
  BOOST_TEST(static_cast<int>(m.kind) == static_cast<int>(c.kind));
  BOOST_TEST(std::string(m.number) == c.number);
  BOOST_TEST(std::string(m.unit).substr(0, c.unit.size()) == c.unit);
  BOOST_TEST(m.year == c.year);
  BOOST_TEST(m.month == c.month);
  BOOST_TEST(m.to_year == c.to_year);
  BOOST_TEST(m.to_month == c.to_month);
}

// Text between numbers is skipped without trying the grammar; every numeral
// character must still start a quantity, wherever it stands.
BOOST_AUTO_TEST_CASE(every_numeral_starts_a_quantity) {
  for (std::string numeral : {"零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "7"}) {
    const std::string text = "推动建设" + numeral + "件，完成";
    const auto m = planlint::find_mentions(text);
    BOOST_TEST_REQUIRE(m.size() == 1u, numeral);
    BOOST_TEST(std::string(m[0].number) == numeral);
    BOOST_TEST(std::string(m[0].unit) == "件");
  }
  BOOST_TEST(planlint::find_mentions("推动建设知识产权强区").empty());
}

BOOST_AUTO_TEST_CASE(open_ended_range_keeps_its_words) {
  const auto m = planlint::find_mentions("2021年12月至验收时段（具体时间）");
  BOOST_TEST_REQUIRE(m.size() >= 1u);
  BOOST_TEST(static_cast<int>(m[0].kind) == static_cast<int>(MentionKind::range));
  BOOST_TEST(m[0].to_year == 0u);
  BOOST_TEST(std::string(m[0].to_text) == "验收时段");
}

BOOST_AUTO_TEST_CASE(several_mentions_in_one_sentence) {
  const auto m = planlint::find_mentions("到2025年，每万人口高价值发明专利拥有量达到15件以上，有效注册商标量达到23000件。");
  BOOST_TEST_REQUIRE(m.size() == 3u);
  BOOST_TEST(m[0].year == 2025u);
  BOOST_TEST(std::string(m[1].number) == "15");
  BOOST_TEST(std::string(m[2].number) == "23000");
}

struct RunCase {
  std::string text;
  std::string stops;
  std::size_t taken;  // bytes the run takes; 0: the parser fails
};
std::ostream& operator<<(std::ostream& out, const RunCase& c) { return out << c.text; }

const RunCase kRuns[] = {
    {"abc,def", ",", 3},
    {",abc", ",", 0},
    {"知识产权、保护", "\xE3", 12},  // 、 is E3 80 81: the run ends at the character
    {"责任单位：区科委", "\xEF\r\n", 12},
    {"abc", "", 3},
    {"", "x", 0},
    {"ab\ncd", "\r\n", 2},
};

BOOST_DATA_TEST_CASE(byte_runs_end_at_the_first_stop, data::make(kRuns), c) {
  namespace x3 = boost::spirit::x3;
  char const* first = c.text.data();
  char const* const last = c.text.data() + c.text.size();
  const bool ok = x3::parse(first, last, planlint::grammar::common::bytes_except(c.stops));
  BOOST_TEST(ok == (c.taken > 0));
  BOOST_TEST(static_cast<std::size_t>(first - c.text.data()) == c.taken);
}

BOOST_AUTO_TEST_CASE(clauses_split_on_sentence_marks) {
  const std::string text = "建立机制。完善政策；加强保护！是否可行？最后一句";
  const auto clauses = planlint::split_clauses(text);
  BOOST_TEST_REQUIRE(clauses.size() == 5u);
  BOOST_TEST(std::string(clauses[0].text) == "建立机制");
  BOOST_TEST(std::string(clauses[0].source) == "建立机制。");
  BOOST_TEST(std::string(clauses[4].text) == "最后一句");
  // Each clause is a view into the text, so its position is known.
  BOOST_TEST(clauses[1].text.data() == text.data() + std::string("建立机制。").size());
}

struct UnitCase {
  std::string text;
  std::string label;
  std::vector<std::string> items;
};
std::ostream& operator<<(std::ostream& out, const UnitCase& c) { return out << c.text; }

const UnitCase kUnitLists[] = {
    {"责任单位：区市场监督管理局、区科学技术和信息化局、石龙管委", "责任单位",
     {"区市场监督管理局", "区科学技术和信息化局", "石龙管委"}},
    {"责任单位：区发改委，区财政局、区科信局", "责任单位", {"区发改委", "区财政局", "区科信局"}},
    {"牵头单位: 区商务局", "牵头单位", {"区商务局"}},
    {"责任部门：区委宣传部（区文明办）、区教委", "责任部门", {"区委宣传部（区文明办）", "区教委"}},
    // ASCII separators and brackets, and items of ASCII only: every byte
    // that may start a separator ends a run of plain bytes.
    {"责任单位:IPR Office/区科委,区教委(区语委)", "责任单位", {"IPR Office", "区科委", "区教委(区语委)"}},
    {"配合单位：区财政局；区审计局", "配合单位", {"区财政局", "区审计局"}},
};

BOOST_DATA_TEST_CASE(unit_lists_split_on_any_separator, data::make(kUnitLists), c) {
  const auto list = planlint::parse_labelled(c.text);
  BOOST_TEST_REQUIRE(list.has_value());
  BOOST_TEST(std::string(list->label) == c.label);
  std::vector<std::string> items;
  for (auto i : list->items) items.emplace_back(i);
  BOOST_TEST(items == c.items, boost::test_tools::per_element());
}

// Table cells keep their columns: empty cells (merged ones, empty columns)
// stay in place; a unit cell splits as a labelled list's items do.
struct CellsCase {
  std::string line;
  std::vector<std::string> cells;
};
std::ostream& operator<<(std::ostream& out, const CellsCase& c) { return out << c.line; }

const CellsCase kCells[] = {
    {"1\t开展清洁行动\t镇环卫所", {"1", "开展清洁行动", "镇环卫所"}},
    {"2\t\t加快改造\t市农业农村局\t", {"2", "", "加快改造", "市农业农村局", ""}},
    {"\t\t2.\t市金融办", {"", "", "2.", "市金融办"}},
    {"无制表符", {"无制表符"}},
};

BOOST_DATA_TEST_CASE(table_cells_keep_their_columns, data::make(kCells), c) {
  std::vector<std::string> cells;
  for (auto cell : planlint::split_cells(c.line)) cells.emplace_back(cell);
  BOOST_TEST(cells == c.cells, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(names_in_a_table_cell) {
  std::vector<std::string> names;
  for (auto n : planlint::split_names("市供销社、市邮政公司，区委宣传部（区文明办、区政府新闻办）；各镇")) names.emplace_back(n);
  const std::vector<std::string> expected{"市供销社", "市邮政公司", "区委宣传部（区文明办、区政府新闻办）", "各镇"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inline_unit_groups_inside_a_paragraph) {
  const auto groups = planlint::find_inline_labelled(
      "组织大赛。（责任单位：区市场监管局）推进教育（牵头单位：区教育局；配合单位：区科协、区团委）。");
  BOOST_TEST_REQUIRE(groups.size() == 2u);
  BOOST_TEST(std::string(groups[0].groups.at(0).label) == "责任单位");
  BOOST_TEST_REQUIRE(groups[1].groups.size() == 2u);
  BOOST_TEST(std::string(groups[1].groups[0].label) == "牵头单位");
  BOOST_TEST(std::string(groups[1].groups[1].label) == "配合单位");
  BOOST_TEST(groups[1].groups[1].items.size() == 2u);
}

BOOST_AUTO_TEST_CASE(inline_groups_need_a_colon) {
  // Brackets without a colon hold no group; a character sharing a byte
  // with ： (暂, E6 9A 82; ： is EF BC 9A) is not a colon.
  BOOST_TEST(planlint::find_inline_labelled("推进教育（区教育局）暂缓（区科协）。").empty());
  BOOST_TEST(planlint::find_inline_labelled("推进教育(牵头单位:区教育局)。").size() == 1u);
}

BOOST_AUTO_TEST_CASE(statement_openings) {
  BOOST_TEST(std::string(planlint::statement_opening("一是知识产权创造")) == "一");
  BOOST_TEST(std::string(planlint::statement_opening("十二是最后")) == "十二");
  BOOST_TEST(planlint::statement_opening("一批企业").empty());
  BOOST_TEST(planlint::statement_opening("是否").empty());
}

BOOST_AUTO_TEST_SUITE_END()
