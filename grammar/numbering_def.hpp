#pragma once

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "common.hpp"
#include "numbering.hpp"

namespace planlint::grammar::parser {

namespace numbering_detail {

using namespace common;
using ast::NumberStyle;
using x3::raw;
using x3::repeat;

// Semantic actions only record what was matched; judging is for the rules.
struct set_style {
  NumberStyle style;
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).style = style;
  }
};

inline auto const set_numeral = [](auto& ctx) {
  auto& marker = x3::_val(ctx);
  marker.numeral = view_of(x3::_attr(ctx));
  marker.value = numeral_value(marker.numeral);
};

inline auto const set_source = [](auto& ctx) {
  x3::_val(ctx).source = view_of(x3::_attr(ctx));
};

// ---------------------------------------------------------------- Rules

// ---------------------------------------------------------------- Grammar
auto const cn_numeral = raw[+cn_numeral_char][set_numeral];
auto const arabic_numeral = raw[+digit][set_numeral];
// ①–⑳: U+2460–U+2473 (E2 91 A0 – E2 91 B3).
auto const circled_numeral = raw[lit("\xE2\x91") >> char_('\xA0', '\xB3')][set_numeral];

// ． . 、 ， and ﹒ (U+FE52, small full stop).
auto const arabic_separator = lit("．") | lit('.') | lit("、") | lit("，") | lit("\xEF\xB9\x92");
auto const not_decimal = !digit;  // "1.9万" is a number, not a heading

// 第一部分, 第一章, 第一节, 第一条: with or without a ： (or a space) after.
auto const after_ordinal = -(*hspace >> colon);
auto const division =
    x3::omit[lit("第") >> cn_numeral >> lit("部分") >> after_ordinal][set_style{NumberStyle::division}];
auto const chapter = x3::omit[lit("第") >> cn_numeral >> lit("章") >> after_ordinal][set_style{NumberStyle::chapter}];
auto const part = x3::omit[lit("第") >> cn_numeral >> lit("节") >> after_ordinal][set_style{NumberStyle::part}];
auto const article = x3::omit[lit("第") >> cn_numeral >> lit("条") >> after_ordinal][set_style{NumberStyle::article}];
auto const dun = x3::omit[cn_numeral >> (lit("、") | lit("．") | (lit('.') >> not_decimal))]
    [set_style{NumberStyle::dun}];
auto const paren_cn = x3::omit[open_paren >> *hspace >> cn_numeral >> *hspace >> close_paren]
    [set_style{NumberStyle::paren_cn}];
auto const paren_arabic =
    x3::omit[(open_paren >> *hspace >> arabic_numeral >> *hspace >> close_paren) |
             (arabic_numeral >> close_paren)][set_style{NumberStyle::paren_arabic}];
// "1 加强": a space, never a tab (1<TAB>加强 is a table row's first cells).
auto const number_space = lit(' ') | lit("\u3000") | lit("\u00A0");
auto const arabic = x3::omit[(arabic_numeral >> arabic_separator >> not_decimal) |
                             (arabic_numeral >> +number_space >> &cjk)][set_style{NumberStyle::arabic}];
auto const circled = x3::omit[circled_numeral][set_style{NumberStyle::circled}];

// 1突破…: one or two digits and the heading's first character. Taken alone
// this is as often a quantity (15家, 2025年) as a number: the plan builder
// reads it as one only where such lines continue a sequence.
auto const bare = x3::omit[raw[repeat(1, 2)[digit]][set_numeral] >> !digit >> &cjk][set_style{NumberStyle::bare}];
auto const bare_marker_expr = raw[bare][set_source];

auto const marker_expr =
    raw[division | chapter | part | article | paren_cn | paren_arabic | dun | arabic | circled][set_source];



}  // namespace numbering_detail

struct marker_class {};
marker_type const marker = "heading number";
auto const marker_def = numbering_detail::marker_expr;
BOOST_SPIRIT_DEFINE(marker)

struct bare_marker_class {};
bare_marker_type const bare_marker = "bare heading number";
auto const bare_marker_def = numbering_detail::bare_marker_expr;
BOOST_SPIRIT_DEFINE(bare_marker)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::marker_type const& marker() { return parser::marker; }
parser::bare_marker_type const& bare_marker() { return parser::bare_marker; }

}  // namespace planlint::grammar
