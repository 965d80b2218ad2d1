// Grammar piece: `label：item、item` lists (责任单位：…, 附件：…, 抄送：…), whole
// lines or inside parentheses in running text: （牵头单位：A；配合单位：B、C）;
// and unlabelled lists of names in parentheses: （A牵头，B、C配合）.
#pragma once

#include "config.hpp"
#include "ast.hpp"

namespace planlint::grammar {

namespace parser {
struct labelled_class;
using labelled_type = x3::rule<labelled_class, ast::Labelled>;
BOOST_SPIRIT_DECLARE(labelled_type)
}  // namespace parser
parser::labelled_type const& labelled();

namespace parser {
struct inline_labelled_class;
using inline_labelled_type = x3::rule<inline_labelled_class, ast::InlineLabelled>;
BOOST_SPIRIT_DECLARE(inline_labelled_type)
}  // namespace parser
parser::inline_labelled_type const& inline_labelled();

namespace parser {
struct parenthetical_class;
using parenthetical_type = x3::rule<parenthetical_class, std::vector<std::vector<std::string_view>>>;
BOOST_SPIRIT_DECLARE(parenthetical_type)
}  // namespace parser
/// `（A牵头，B、C配合）`: the names of each clause (ast::Parenthetical).
parser::parenthetical_type const& parenthetical();

namespace parser {
struct name_items_class;
using name_items_type = x3::rule<name_items_class, std::vector<std::string_view>>;
BOOST_SPIRIT_DECLARE(name_items_type)
}  // namespace parser
/// The names of a unit list without its label (a table cell: `区科技局、区财政局`),
/// split as a labelled list's items are.
parser::name_items_type const& name_items();

}  // namespace planlint::grammar
