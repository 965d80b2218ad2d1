// Grammar piece: running text split into clauses on 。；！？, and the
// 一是/二是 openings that mark numbered statements inside a paragraph.
#pragma once

#include "config.hpp"
#include "ast.hpp"

namespace planlint::grammar {

namespace parser {
struct clauses_class;
using clauses_type = x3::rule<clauses_class, std::vector<ast::Clause>>;
BOOST_SPIRIT_DECLARE(clauses_type)
}  // namespace parser
parser::clauses_type const& clauses();

/// 一是 二是 … 十是 (also 第一、 is not one; only the X是 form).
namespace parser {
struct statement_opening_class;
using statement_opening_type = x3::rule<statement_opening_class, std::string_view>;
BOOST_SPIRIT_DECLARE(statement_opening_type)
}  // namespace parser
parser::statement_opening_type const& statement_opening();

}  // namespace planlint::grammar
