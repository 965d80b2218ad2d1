// Grammar: a plan as a sequence of classified lines (the top rule).
#pragma once

#include "config.hpp"
#include "ast.hpp"

namespace planlint::grammar {

namespace parser {
struct document_class;
using document_type = x3::rule<document_class, std::vector<ast::Line>>;
BOOST_SPIRIT_DECLARE(document_type)
}  // namespace parser

parser::document_type const& document();

/// A table-of-contents entry: text, then dot leaders or a tab, then a page
/// number. Tried only on the lines after a 目录 line.
namespace parser {
struct toc_entry_class;
using toc_entry_type = x3::rule<toc_entry_class, ast::TocEntry>;
BOOST_SPIRIT_DECLARE(toc_entry_type)
}  // namespace parser
parser::toc_entry_type const& toc_entry();

/// A line opening with a bare number (1突破…) as a heading.
namespace parser {
struct bare_heading_class;
using bare_heading_type = x3::rule<bare_heading_class, ast::Heading>;
BOOST_SPIRIT_DECLARE(bare_heading_type)
}  // namespace parser
parser::bare_heading_type const& bare_heading();

/// A table row's cells between tabs, empty ones included.
namespace parser {
struct all_cells_class;
using all_cells_type = x3::rule<all_cells_class, std::vector<std::string_view>>;
BOOST_SPIRIT_DECLARE(all_cells_type)
}  // namespace parser
parser::all_cells_type const& all_cells();

}  // namespace planlint::grammar
