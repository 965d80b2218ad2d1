// The syntax tree the Spirit X3 grammar builds from plan text. It carries X3
// types (x3::variant), so it stays beside the grammar: public headers see
// only the plan model built from it.
//
// Plain data only. Every std::string_view points into SourceFile::text(), so a
// node's position is `source.location(node.source)`; nothing is copied.
#pragma once

#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include "planlint/numbering.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace planlint::ast {

namespace x3 = boost::spirit::x3;


/// The numbering at the start of a heading.
struct Marker {
  std::string_view source;   // the whole marker as written, e.g. "（一）"
  NumberStyle style = NumberStyle::dun;
  std::string_view numeral;  // "一", "12", "①"
  unsigned value = 0;        // 1 for 一, 12 for 十二
};

/// A numbered heading. `body` is the text after the first 。 of an inline
/// heading (`1.实施专利质量提升行动。推动…`), empty otherwise.
struct Heading {
  std::string_view source;
  Marker marker;
  std::string_view title;
  std::string_view body;
};

/// `label：item、item` (a whole line), e.g. 责任单位：…, 附件：…, 抄送：….
/// Whether the label means anything is decided by the lexicons, not here.
struct Labelled {
  std::string_view source;
  std::string_view label;
  std::vector<std::string_view> items;
};

struct Bullet {  // ——text
  std::string_view source;
  std::string_view text;
};

struct BoxHeader {  // 专栏1 title
  std::string_view source;
  std::string_view number;
  std::string_view title;
};

struct TableRow {  // tab-separated cells
  std::string_view source;
  std::vector<std::string_view> cells;
};

struct TocHeader {  // 目录 / 目 录
  std::string_view source;
  std::string_view text;
};

struct TocEntry {  // text, dot leaders or a tab, page number (read after a 目录 line)
  std::string_view source;
  std::string_view text;
  std::string_view page;
};

struct PageNumber {  // a bare page number such as 25 or - 3 -
  std::string_view source;
  std::string_view number;
};

struct Blank {
  std::string_view source;
  std::string_view text;
};

struct Text {
  std::string_view source;
  std::string_view text;
};

/// A whole line of labelled lists: 牵头单位：A；配合单位：B、C.
struct LabelledLine {
  std::string_view source;
  std::vector<Labelled> groups;
};

using Line = x3::variant<Blank, PageNumber, TocHeader, Heading, LabelledLine, Bullet, BoxHeader,
                         TableRow, Text>;

struct Document {
  std::vector<Line> lines;
};

// ---------------------------------------------------------------------------
// Pieces found inside running text.

/// A sentence piece ended by 。；！？ (or by the end of the text).
struct Clause {
  std::string_view source;  // including its terminator
  std::string_view text;    // without it
};

enum class MentionKind : std::uint8_t { quantity, year, date, range };

/// A number with a unit (15件, 95%以上, 1.9万人次), a year (2025年, 二〇三五年),
/// a date (2019年12月) or a range of dates (2019年12月至2020年1月).
struct Mention {
  std::string_view source;
  MentionKind kind = MentionKind::quantity;
  std::string_view number;  // quantity: the digits as written
  std::string_view unit;    // quantity: the unit word and qualifier (件, %以上)
  unsigned year = 0, month = 0, day = 0;           // year / date / range start
  unsigned to_year = 0, to_month = 0, to_day = 0;  // range end (0 when open)
  std::string_view to_text;  // range end when it is not a date (验收时段)
};

/// `（label：a、b；label2：c）` found inside a paragraph.
struct InlineLabelled {
  std::string_view source;
  std::vector<Labelled> groups;
};

/// A bracket of clauses separated by ，or ；, each a list of names separated
/// by 、, with an optional remark after a 。: `（A牵头，B、C配合）`,
/// `（A、B等负责。列第一位者为牵头单位，下同）`. Whether the last words of each
/// clause assign a responsibility is decided by the lexicons, not here.
struct Parenthetical {
  std::string_view source;
  std::vector<std::vector<std::string_view>> clauses;  // the names of each clause, as written
};

}  // namespace planlint::ast
