// Table-driven tests of the heading-number grammar piece.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "numbering.hpp"
#include "parse.hpp"

namespace data = boost::unit_test::data;
using planlint::ast::NumberStyle;

namespace {

struct MarkerCase {
  std::string text;
  NumberStyle style;
  unsigned value;
  std::string marker;  // the marker as written
};

std::ostream& operator<<(std::ostream& out, const MarkerCase& c) { return out << c.text; }

const MarkerCase kMarkers[] = {
    {"第一章 总则", NumberStyle::chapter, 1, "第一章"},
    {"第一部分：发展基础", NumberStyle::division, 1, "第一部分："},
    {"第三部分 主要任务", NumberStyle::division, 3, "第三部分"},
    {"第二章：总体要求", NumberStyle::chapter, 2, "第二章："},
    {"1﹒推进千兆光网建设", NumberStyle::arabic, 1, "1﹒"},
    {"１２．全角数字", NumberStyle::arabic, 12, "１２．"},
    {"第十二节 保障", NumberStyle::part, 12, "第十二节"},
    {"第二十三条 本方案", NumberStyle::article, 23, "第二十三条"},
    {"一、指导思想", NumberStyle::dun, 1, "一、"},
    {"十一、其他", NumberStyle::dun, 11, "十一、"},
    {"二十三、附则", NumberStyle::dun, 23, "二十三、"},
    {"（一）指导思想", NumberStyle::paren_cn, 1, "（一）"},
    {"(十五)推动知识产权金融创新", NumberStyle::paren_cn, 15, "(十五)"},
    {"(三) 深入推进", NumberStyle::paren_cn, 3, "(三)"},
    {"（ 四 ）加强", NumberStyle::paren_cn, 4, "（ 四 ）"},
    {"1．培育知识产权优势企业", NumberStyle::arabic, 1, "1．"},
    {"1.实施专利质量提升行动。", NumberStyle::arabic, 1, "1."},
    {"12、加强", NumberStyle::arabic, 12, "12、"},
    {"3 加强协同", NumberStyle::arabic, 3, "3 "},
    {"１０．全角数字", NumberStyle::arabic, 10, "１０．"},
    {"（1）做好", NumberStyle::paren_arabic, 1, "（1）"},
    {"(2) 加强经费保障", NumberStyle::paren_arabic, 2, "(2)"},
    {"3）提高", NumberStyle::paren_arabic, 3, "3）"},
    {"①建立", NumberStyle::circled, 1, "①"},
    {"⑳最后", NumberStyle::circled, 20, "⑳"},
};

const std::string kNotMarkers[] = {
    "1.9万人次",          // a decimal number
    "2021年，全区专利授权",  // a year
    "一是知识产权创造质量",  // a statement, not a heading
    "十九大以来",
    "四个中心",
    "知识产权",
    "26.7 万件",
    "1\t开展村庄清洁行动\t镇环卫所",  // a table row's first cells, not "1 "
};

// A bare number before a heading's first character: a candidate heading,
// whatever it counts; the plan builder keeps it only in a sequence.
struct BareCase {
  std::string line;
  bool candidate;
  unsigned value;
  std::string title, body;
};
std::ostream& operator<<(std::ostream& out, const BareCase& c) { return out << c.line; }

const BareCase kBare[] = {
    {"1突破关键核心技术。支持企业牵头", true, 1, "突破关键核心技术", "支持企业牵头"},
    {"12加快培育", true, 12, "加快培育", ""},
    {"2025年底前，建成", false, 0, "", ""},  // three digits or more: never a heading number
    {"15家重点企业纳入", true, 15, "家重点企业纳入", ""},              // the builder refuses 家
    {"1.推进", false, 0, "", ""},   // a typed marker: the grammar's heading
    {"1 推进", false, 0, "", ""},   // likewise (`1 ` style)
    {"5G网络", false, 0, "", ""},   // no CJK after the digits
    {"1.9万人次", false, 0, "", ""},
    {"推进1项", false, 0, "", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(grammar_numbering)

BOOST_DATA_TEST_CASE(bare_numbers_are_candidate_headings, data::make(kBare), c) {
  const auto h = planlint::parse_bare_heading(c.line);
  if (!c.candidate) {
    BOOST_TEST(!h.has_value(), c.line);
    return;
  }
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(static_cast<int>(h->marker.style) == static_cast<int>(NumberStyle::bare));
  BOOST_TEST(h->marker.value == c.value);
  BOOST_TEST(std::string(h->title) == c.title);
  BOOST_TEST(std::string(h->body) == c.body);
}

BOOST_DATA_TEST_CASE(recognises_each_style, data::make(kMarkers), c) {
  const auto marker = planlint::parse_marker(c.text);
  BOOST_TEST_REQUIRE(marker.has_value());
  BOOST_TEST(static_cast<int>(marker->style) == static_cast<int>(c.style));
  BOOST_TEST(marker->value == c.value);
  BOOST_TEST(std::string(marker->source) == c.marker);
}

BOOST_DATA_TEST_CASE(rejects_numbers_that_are_not_headings, data::make(kNotMarkers), text) {
  BOOST_TEST(!planlint::parse_marker(text).has_value(), text);
}

BOOST_AUTO_TEST_CASE(chinese_numerals_to_integers) {
  using planlint::grammar::numeral_value;
  BOOST_TEST(numeral_value("十") == 10u);
  BOOST_TEST(numeral_value("十一") == 11u);
  BOOST_TEST(numeral_value("二十") == 20u);
  BOOST_TEST(numeral_value("二十三") == 23u);
  BOOST_TEST(numeral_value("一百零五") == 105u);
  BOOST_TEST(numeral_value("两") == 2u);
  BOOST_TEST(numeral_value("17") == 17u);
  BOOST_TEST(numeral_value("x") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
