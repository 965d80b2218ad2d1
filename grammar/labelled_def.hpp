#pragma once

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "common.hpp"
#include "labelled.hpp"

namespace planlint::grammar::parser {

namespace labelled_detail {

using namespace common;
using x3::raw;
using x3::repeat;


// ---------------------------------------------------------------- Rule IDs

// ---------------------------------------------------------------- Rules

// ---------------------------------------------------------------- Grammar
auto const label = raw[repeat(1, 12)[cjk | digit]];
auto const group_separator = lit("；") | lit(';');
// A ，or ；before another label ends the group: （牵头单位：A，支撑单位：B）.
auto const next_label = *hspace >> label >> colon;
auto const item_separator = lit("、") | lit("/") | ((lit("，") | lit(',') | group_separator) >> !next_label);
auto const nested = open_paren >> *(char_ - close_paren - eol_char) >> close_paren;
// Bytes that cannot start a separator, a bracket or a line end are taken
// in runs without trying one (every one starts with one of these bytes).
auto const plain = bytes_except("\xE3\xEF,/;()\r\n");
auto const item_char = char_ - lit("、") - lit("/") - lit("，") - lit(',') - group_separator - open_paren -
                       close_paren - eol_char;
auto const item = *hspace >> raw[+(plain | nested | item_char)];

auto const labelled_expr = label >> *hspace >> colon >> *hspace >> (item % item_separator) >>
                          -group_separator;

auto const inline_labelled_expr =
    open_paren >> (grammar::labelled() % *(hspace | lit("，") | lit(","))) >> close_paren;

// （A牵头，B、C配合）: clauses split on ，；, names on 、 (a bracket inside a
// name stays in it: 区委宣传部（区文明办）); after a 。 a remark that is
// skipped (列第一位者为牵头单位，下同). No label and no ： inside.
auto const clause_separator = lit("，") | lit(',') | lit("；") | lit(';');
auto const name_separator = lit("、");
auto const remark_start = lit("。");
// Bytes that cannot start a separator, a bracket, a ： or a line end.
auto const name_plain = bytes_except("\xE3\xEF,;:()\r\n");
auto const name_char = char_ - clause_separator - name_separator - remark_start - colon - open_paren -
                       close_paren - eol_char;
x3::rule<struct name_class, std::string_view> const name = "a name";
x3::rule<struct name_list_class, std::vector<std::string_view>> const name_list = "names";
auto const name_def = *hspace >> raw[+(name_plain | nested | name_char)];
auto const name_list_def = name % name_separator;
BOOST_SPIRIT_DEFINE(name, name_list)
auto const parenthetical_expr = open_paren >> (name_list % clause_separator) >>
                                -(remark_start >> x3::omit[*(nested | (char_ - close_paren - eol_char))]) >>
                                close_paren;



}  // namespace labelled_detail

struct labelled_class : annotate_source {};
labelled_type const labelled = "labelled list";
auto const labelled_def = labelled_detail::labelled_expr;
struct inline_labelled_class : annotate_source {};
inline_labelled_type const inline_labelled = "parenthesised labelled list";
auto const inline_labelled_def = labelled_detail::inline_labelled_expr;
struct parenthetical_class {};
parenthetical_type const parenthetical = "parenthesised list of names";
auto const parenthetical_def = labelled_detail::parenthetical_expr;
struct name_items_class {};
name_items_type const name_items = "names";
auto const name_items_def = labelled_detail::item % labelled_detail::item_separator;
BOOST_SPIRIT_DEFINE(labelled, inline_labelled, parenthetical, name_items)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::labelled_type const& labelled() { return parser::labelled; }
parser::inline_labelled_type const& inline_labelled() { return parser::inline_labelled; }
parser::parenthetical_type const& parenthetical() { return parser::parenthetical; }
parser::name_items_type const& name_items() { return parser::name_items; }


}  // namespace planlint::grammar
