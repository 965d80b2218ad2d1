// Fusion adaptation of the AST, and the trait that lets x3::raw[] fill a
// std::string_view (the text is contiguous, so a view is extended, not copied).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3/support/traits/container_traits.hpp>

#include <memory>
#include <string_view>

#include "ast.hpp"
#include "planlint/ast/rules.hpp"

BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Heading, marker, title, body)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Labelled, label, items)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Bullet, text)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::BoxHeader, number, title)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::TableRow, cells)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::TocHeader, text)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::TocEntry, text, page)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::PageNumber, number)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Blank, text)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Text, text)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::Clause, text)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::InlineLabelled, groups)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::LabelledLine, groups)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::LexiconDecl, name, words)

namespace boost::spirit::x3::traits {

// raw[] into a std::string_view: the matched bytes are contiguous in the
// source buffer, so appending just widens the view.
template <>
struct append_container<std::string_view> {
  template <typename Iterator>
  static bool call(std::string_view& view, Iterator first, Iterator last) {
    if (first == last) return true;
    if (view.empty()) {
      view = std::string_view(std::to_address(first), static_cast<std::size_t>(last - first));
    } else {
      view = std::string_view(view.data(), static_cast<std::size_t>(std::to_address(last) - view.data()));
    }
    return true;
  }
};

}  // namespace boost::spirit::x3::traits
