#pragma once

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "clause.hpp"
#include "common.hpp"

namespace planlint::grammar::parser {

namespace clause_detail {

using namespace common;
using x3::raw;


// ---------------------------------------------------------------- Rule IDs
struct clause_class : annotate_source {};

// ---------------------------------------------------------------- Rules
x3::rule<clause_class, ast::Clause> const clause = "clause";

// ---------------------------------------------------------------- Grammar
// A ： ends a clause when a numbered statement follows it (…以下目标：一是…),
// so that a lead-in and its statements are told apart.
auto const statement_ahead = &((cn_digit | lit("十")) >> -cn_digit >> lit("是"));
auto const terminator = lit("。") | lit("；") | lit("！") | lit("？") | lit(';') | lit('!') |
                        lit('?') | (lit("：") >> statement_ahead);
// Bytes that cannot start a terminator are taken without trying one.
auto const plain = bytes_except("\xE3\xEF;!?");
auto const clause_def = *hspace >> raw[+(plain | (char_ - terminator))] >> *terminator;
auto const clauses_expr = *clause;
auto const statement_opening_expr = raw[(cn_digit | lit("十")) >> -cn_digit] >> lit("是");

BOOST_SPIRIT_DEFINE(clause)

}  // namespace clause_detail

struct clauses_class {};
clauses_type const clauses = "clauses";
auto const clauses_def = clause_detail::clauses_expr;
struct statement_opening_class {};
statement_opening_type const statement_opening = "statement opening";
auto const statement_opening_def = clause_detail::statement_opening_expr;
BOOST_SPIRIT_DEFINE(clauses, statement_opening)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::clauses_type const& clauses() { return parser::clauses; }
parser::statement_opening_type const& statement_opening() { return parser::statement_opening; }


}  // namespace planlint::grammar
