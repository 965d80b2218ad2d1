// Grammar piece: quantities, years, dates and date ranges in running text.
//
// It finds every candidate (a number and the word after it); whether that word
// is a unit is decided by the `quantity-units` lexicon, not here.
#pragma once

#include "config.hpp"
#include "ast.hpp"

namespace planlint::grammar {

namespace parser {
struct mentions_class;
using mentions_type = x3::rule<mentions_class, std::vector<ast::Mention>>;
BOOST_SPIRIT_DECLARE(mentions_type)
}  // namespace parser
parser::mentions_type const& mentions();

}  // namespace planlint::grammar
