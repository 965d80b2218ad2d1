// The on_success hook shared by the grammars: a node with a `source` member
// records the stretch of text it was parsed from.
//
// X3 calls on_success with the rule's value only when the rule has no
// semantic actions; rules with actions record their source with
// raw[…][set_source] instead.
#pragma once

#include <string_view>

namespace planlint::grammar::parser {

struct annotate_source {
  template <typename Iterator, typename Context, typename Node>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const&) {
    if constexpr (requires { node.source = std::string_view(); }) {
      node.source = std::string_view(first, static_cast<std::size_t>(last - first));
    }
  }
};

}  // namespace planlint::grammar::parser
