#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "ast_adapted.hpp"
#include "rule_language.hpp"

BOOST_FUSION_ADAPT_STRUCT(planlint::ast::LexiconDecl, name, words)
BOOST_FUSION_ADAPT_STRUCT(planlint::ast::RuleFile, lexicons)

namespace planlint::grammar::parser {

namespace rule_language_detail {

using x3::char_;
using x3::lexeme;
using x3::lit;
using x3::raw;

// ---------------------------------------------------------------- Annotation and errors
struct annotate_source {
  template <typename Iterator, typename Context, typename Node>
  void on_success(Iterator const& first, Iterator const& last, Node& node, Context const&) {
    if constexpr (requires { node.source = std::string_view(); }) {
      node.source = std::string_view(first, static_cast<std::size_t>(last - first));
    }
  }
};

/// Only the outermost rule handles errors: it records the position and the
/// name of what was expected; the caller turns that into a diagnostic.
struct report_error {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x,
                                    Context const& context) {
    RuleErrorHandler& handler = x3::get<rule_error_handler_tag>(context).get();
    if (handler.failed_at == nullptr) {
      handler.failed_at = x.where();
      handler.expected = x.which();
    }
    return x3::error_handler_result::fail;
  }
};

// ---------------------------------------------------------------- Rule IDs
struct lexicon_decl_class : annotate_source {};

// ---------------------------------------------------------------- Rules
x3::rule<lexicon_decl_class, ast::LexiconDecl> const lexicon_decl = "lexicon declaration";
x3::rule<struct name_class, std::string_view> const name = "a name (letters, digits, - . _)";
x3::rule<struct word_class, std::string_view> const word = "a word";

// ---------------------------------------------------------------- Grammar
auto const name_char = x3::alnum | char_('-') | char_('.') | char_('_');
auto const name_def = lexeme[raw[x3::alpha >> *name_char]];
auto const word_def = lexeme[raw[+(char_ - x3::space - '{' - '}' - '#')]];

auto const keyword_lexicon = lexeme[lit("lexicon") >> !name_char];
auto const lexicon_decl_def = keyword_lexicon > name > '{' > *word > '}';
auto const rule_file_expr = *lexicon_decl > x3::eoi;

BOOST_SPIRIT_DEFINE(lexicon_decl, name, word)

}  // namespace rule_language_detail

struct rule_file_class : rule_language_detail::report_error {};
rule_file_type const rule_file = "rule file";
auto const rule_file_def = rule_language_detail::rule_file_expr;
BOOST_SPIRIT_DEFINE(rule_file)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::rule_file_type const& rule_file() { return parser::rule_file; }

}  // namespace planlint::grammar
