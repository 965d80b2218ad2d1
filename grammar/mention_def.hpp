#pragma once

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "common.hpp"
#include "mention.hpp"
#include "numbering.hpp"

namespace planlint::grammar::parser {

namespace mention_detail {

using namespace common;
using ast::MentionKind;
using x3::raw;
using x3::repeat;

// Value of a year written digit by digit: 2025, 二〇三五.
inline unsigned year_value(std::string_view s) {
  unsigned value = 0;
  while (!s.empty()) {
    if (s[0] >= '0' && s[0] <= '9') {
      value = value * 10 + static_cast<unsigned>(s[0] - '0');
      s.remove_prefix(1);
    } else {
      const std::string_view one = s.substr(0, 3);
      value = value * 10 + (one == "〇" || one == "零" ? 0 : numeral_value(one));
      s.remove_prefix(3);
    }
  }
  return value;
}

// ---------------------------------------------------------------- Actions
// They only copy what was matched into the mention being built.
inline auto const start = [](auto& ctx) { x3::_val(ctx) = ast::Mention{}; };
inline auto const set_year = [](auto& ctx) {
  x3::_val(ctx).year = year_value(view_of(x3::_attr(ctx)));
  x3::_val(ctx).kind = MentionKind::year;
};
inline auto const set_month = [](auto& ctx) {
  x3::_val(ctx).month = numeral_value(view_of(x3::_attr(ctx)));
  x3::_val(ctx).kind = MentionKind::date;
};
inline auto const set_day = [](auto& ctx) {
  x3::_val(ctx).day = numeral_value(view_of(x3::_attr(ctx)));
};
inline auto const set_to_year = [](auto& ctx) {
  x3::_val(ctx).to_year = year_value(view_of(x3::_attr(ctx)));
};
inline auto const set_to_month = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  m.to_month = numeral_value(view_of(x3::_attr(ctx)));
  if (m.to_year == 0) m.to_year = m.year;
};
inline auto const set_to_day = [](auto& ctx) {
  x3::_val(ctx).to_day = numeral_value(view_of(x3::_attr(ctx)));
};
inline auto const set_to_text = [](auto& ctx) { x3::_val(ctx).to_text = view_of(x3::_attr(ctx)); };
inline auto const set_range = [](auto& ctx) { x3::_val(ctx).kind = MentionKind::range; };
inline auto const set_number = [](auto& ctx) {
  x3::_val(ctx).number = view_of(x3::_attr(ctx));
  x3::_val(ctx).kind = MentionKind::quantity;
};
inline auto const set_unit = [](auto& ctx) { x3::_val(ctx).unit = view_of(x3::_attr(ctx)); };
inline auto const set_source = [](auto& ctx) { x3::_val(ctx).source = view_of(x3::_attr(ctx)); };

// ---------------------------------------------------------------- Rules
x3::rule<struct mention_class, ast::Mention> const mention = "quantity or date";

// ---------------------------------------------------------------- Grammar
auto const ascii_digit = char_('0', '9');
auto const year_digit = ascii_digit;
auto const cn_year_digit = lit("〇") | lit("零") | cn_digit;
auto const year_number = raw[repeat(4)[year_digit] | repeat(4)[cn_year_digit]];
auto const year = year_number[set_year] >> *hspace >> lit("年");
auto const month = raw[repeat(1, 2)[ascii_digit]][set_month] >> *hspace >> lit("月");
auto const day = raw[repeat(1, 2)[ascii_digit]][set_day] >> *hspace >> (lit("日") | lit("号"));
auto const date = year >> -(*hspace >> month >> -(*hspace >> day));

auto const to_year = year_number[set_to_year] >> *hspace >> lit("年");
auto const to_month = raw[repeat(1, 2)[ascii_digit]][set_to_month] >> *hspace >> lit("月");
auto const to_day = raw[repeat(1, 2)[ascii_digit]][set_to_day] >> *hspace >> (lit("日") | lit("号"));
auto const to_date = (to_year >> -(*hspace >> to_month >> -(*hspace >> to_day))) |
                     (to_month >> -(*hspace >> to_day));
auto const range_separator = lit("至") | lit("到") | lit("—") | lit("–") | lit('-') | lit("～") |
                             lit('~') | lit("－");
auto const range_end = to_date | raw[repeat(1, 6)[cjk]][set_to_text];
// 2020—2022年: a range of years.
auto const year_range = x3::omit[year_number[set_year] >> *hspace >> range_separator >> *hspace >>
                                 to_year][set_range];
auto const range = x3::omit[date >> *hspace >> range_separator >> *hspace >> range_end][set_range];

auto const number = raw[(+ascii_digit >> *(lit(',') >> repeat(3)[ascii_digit]) >>
                         -(lit('.') >> +ascii_digit)) |
                        +cn_numeral_char];
auto const percent = (lit('%') | lit("％")) >> -(lit("以上") | lit("以下") | lit("左右"));
auto const unit_word = percent | repeat(1, 4)[cjk];
auto const quantity = number[set_number] >> *hspace >> raw[unit_word][set_unit];

// Each alternative starts afresh: actions of a failed one leave no trace.
auto const fresh = x3::eps[start];
// Dates and ranges start with a year and a 年 or a range mark; only then are
// they tried (a number with a unit is far more common in running text).
auto const year_ahead = &(year_number >> *hspace >> (lit("年") | range_separator));
auto const mention_def = raw[(year_ahead >> ((fresh >> range) | (fresh >> year_range) | (fresh >> date))) |
                             (fresh >> quantity)][set_source];
// Text between numbers is skipped in one step rather than tried at every character.
auto const mentions_expr = *(to_number_start >> (mention | x3::omit[utf8_char]));

BOOST_SPIRIT_DEFINE(mention)

}  // namespace mention_detail

struct mentions_class {};
mentions_type const mentions = "quantities and dates";
auto const mentions_def = mention_detail::mentions_expr;
BOOST_SPIRIT_DEFINE(mentions)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::mentions_type const& mentions() { return parser::mentions; }

}  // namespace planlint::grammar
