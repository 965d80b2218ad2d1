// Grammar piece: the numbering that opens a heading (一、 （一） 1． ① 第一章 …).
#pragma once

#include "config.hpp"
#include "ast.hpp"

namespace planlint::grammar {

namespace parser {
struct marker_class;
using marker_type = x3::rule<marker_class, ast::Marker>;
BOOST_SPIRIT_DECLARE(marker_type)
}  // namespace parser

parser::marker_type const& marker();

/// A bare number before a heading's first character (1突破…): a candidate
/// only, see NumberStyle::bare.
namespace parser {
struct bare_marker_class;
using bare_marker_type = x3::rule<bare_marker_class, ast::Marker>;
BOOST_SPIRIT_DECLARE(bare_marker_type)
}  // namespace parser
parser::bare_marker_type const& bare_marker();

/// Value of a numeral as written in a marker: "十二" → 12, "12" → 12,
/// "１２" → 12, "①" → 1. Returns 0 for anything else.
unsigned numeral_value(std::string_view numeral);

}  // namespace planlint::grammar
