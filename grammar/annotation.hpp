// What the grammars share for positions: the on_success hook by which a node
// with a `source` member records the stretch of text it was parsed from, and
// view_of() for the text an x3::raw[] matched.
//
// X3 calls on_success with the rule's value only when the rule has no
// semantic actions; rules with actions record their source with
// raw[…][set_source] instead.
#pragma once

#include <memory>
#include <string_view>

namespace planlint::grammar::parser {

/// The text an x3::raw[] matched, as a view into the source.
inline std::string_view view_of(auto const& range) {
  return std::string_view(std::to_address(range.begin()), static_cast<std::size_t>(range.size()));
}

struct annotate_source {
  template <typename Iterator, typename Context, typename Node>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const&) {
    if constexpr (requires { node.source = std::string_view(); }) {
      node.source = std::string_view(first, static_cast<std::size_t>(last - first));
    }
  }
};

}  // namespace planlint::grammar::parser
