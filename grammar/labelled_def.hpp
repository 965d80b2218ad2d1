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
auto const item_separator = lit("、") | lit("，") | lit(',') | lit("/") |
                            (group_separator >> !(*hspace >> label >> colon));
auto const nested = open_paren >> *(char_ - close_paren - eol_char) >> close_paren;
// Bytes that cannot start a separator, a bracket or a line end are taken
// in runs without trying one (every one starts with one of these bytes).
auto const plain = bytes_except("\xE3\xEF,/;()\r\n");
auto const item_char = char_ - item_separator - group_separator - open_paren - close_paren -
                       eol_char;
auto const item = *hspace >> raw[+(plain | nested | item_char)];

auto const labelled_expr = label >> *hspace >> colon >> *hspace >> (item % item_separator) >>
                          -group_separator;

auto const inline_labelled_expr =
    open_paren >> (grammar::labelled() % *(hspace | lit("，") | lit(","))) >> close_paren;



}  // namespace labelled_detail

struct labelled_class : annotate_source {};
labelled_type const labelled = "labelled list";
auto const labelled_def = labelled_detail::labelled_expr;
struct inline_labelled_class : annotate_source {};
inline_labelled_type const inline_labelled = "parenthesised labelled list";
auto const inline_labelled_def = labelled_detail::inline_labelled_expr;
BOOST_SPIRIT_DEFINE(labelled, inline_labelled)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::labelled_type const& labelled() { return parser::labelled; }
parser::inline_labelled_type const& inline_labelled() { return parser::inline_labelled; }


}  // namespace planlint::grammar
