// Grammar: a plan as a sequence of classified lines (the top rule).
#pragma once

#include "config.hpp"
#include "planlint/ast/document.hpp"

namespace planlint::grammar {

namespace parser {
struct document_class;
using document_type = x3::rule<document_class, std::vector<ast::Line>>;
BOOST_SPIRIT_DECLARE(document_type)
}  // namespace parser

parser::document_type const& document();

}  // namespace planlint::grammar
