#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "rule_language.hpp"

// What an expectation failure names when it is not a named rule: the name of
// the part that was expected, never a C++ type name.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<lexeme_directive<Subject>> {
  std::string operator()(lexeme_directive<Subject> const& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<raw_directive<Subject>> {
  std::string operator()(raw_directive<Subject> const& p) const { return what(p.subject); }
};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
  std::string operator()(sequence<Left, Right> const& p) const { return what(p.left); }
};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
  std::string operator()(alternative<Left, Right> const& p) const {
    return what(p.left) + " or " + what(p.right);
  }
};
}  // namespace boost::spirit::x3

namespace planlint::grammar::parser {

namespace rule_language_detail {

using x3::char_;
using x3::lexeme;
using x3::lit;
using x3::raw;
using Op = ast::Expr::Op;

// ---------------------------------------------------------------- Annotation and errors

/// Only the outermost rule handles errors: it records the position and the
/// name of what was expected; parse_rule_file turns that into a diagnostic.
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

// ---------------------------------------------------------------- Actions
// They assemble nodes from what was matched; they judge nothing.
inline auto const assign = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };
/// Rules with actions get no on_success call with their value, so the source
/// of their node is recorded by wrapping them in raw[…][set_source].
inline auto const set_source = [](auto& ctx) { x3::_val(ctx).source = view_of(x3::_attr(ctx)); };
inline auto const make_number = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::number;
  x3::_val(ctx).number = x3::_attr(ctx);
};
inline auto const make_string = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::string;
  x3::_val(ctx).text = x3::_attr(ctx);
};
inline auto const make_true = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::boolean;
  x3::_val(ctx).number = 1;
};
inline auto const make_false = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::boolean;
  x3::_val(ctx).number = 0;
};
inline auto const make_list = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::list;
  for (auto const& w : x3::_attr(ctx)) x3::_val(ctx).words.emplace_back(w);
};
inline auto const make_path = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::path;
  for (auto const& w : x3::_attr(ctx)) x3::_val(ctx).words.emplace_back(w);
};
inline auto const start_call = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::call;
  x3::_val(ctx).text = std::string(x3::_attr(ctx));
};
inline auto const push_arg = [](auto& ctx) { x3::_val(ctx).args.push_back(std::move(x3::_attr(ctx))); };

/// `a and b and c` is one node with three arguments, not a chain of nodes:
/// a long chain stays one level deep, so nothing that walks the tree
/// recurses once per operand.
template <Op op>
struct combine {
  template <typename Context>
  void operator()(Context& ctx) const {
    ast::Expr& value = x3::_val(ctx);
    if (value.op != op || value.grouped) {
      ast::Expr node;
      node.op = op;
      node.args.push_back(std::move(value));
      value = std::move(node);
    }
    value.args.push_back(std::move(x3::_attr(ctx)));
    value.source = std::string_view(value.args.front().source.data(),
                                    static_cast<std::size_t>(value.args.back().source.data() +
                                                             value.args.back().source.size() -
                                                             value.args.front().source.data()));
  }
};
/// A parenthesised condition is not joined to the chain around it.
inline auto const mark_grouped = [](auto& ctx) {
  x3::_val(ctx) = std::move(x3::_attr(ctx));
  x3::_val(ctx).grouped = true;
};

/// nested[p]: p one level deeper in a condition. Past kMaxRuleNesting the
/// parse fails there with a message of its own, before the recursion can
/// exhaust the stack.
template <typename Subject>
struct nesting_directive : x3::unary_parser<Subject, nesting_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nesting_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit nesting_directive(Subject const& inner) : base_type(inner) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    RuleErrorHandler& handler = x3::get<rule_error_handler_tag>(context).get();
    if (handler.depth >= kMaxRuleNesting) {
      if (handler.failed_at == nullptr) {
        x3::skip_over(first, last, context);
        handler.failed_at = first;
        handler.message = "condition nested more than " + std::to_string(kMaxRuleNesting) +
                          " levels deep (not, parentheses, function arguments)";
      }
      return false;
    }
    ++handler.depth;
    const bool ok = this->subject.parse(first, last, context, rcontext, attr);
    --handler.depth;
    return ok;
  }
};
struct nesting_gen {
  template <typename Subject>
  constexpr nesting_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return nesting_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(subject));
  }
};
inline constexpr nesting_gen nested{};
inline auto const make_not = [](auto& ctx) {
  ast::Expr node;
  node.op = Op::not_;
  node.args.push_back(std::move(x3::_attr(ctx)));
  x3::_val(ctx) = std::move(node);
};
inline auto const make_compare = [](auto& ctx) {
  ast::Expr node;
  node.op = Op::compare;
  node.text = boost::fusion::at_c<0>(x3::_attr(ctx));
  node.args.push_back(std::move(x3::_val(ctx)));
  node.args.push_back(std::move(boost::fusion::at_c<1>(x3::_attr(ctx))));
  x3::_val(ctx) = std::move(node);
};
inline auto const make_in = combine<Op::in>{};
// `matches lexicon NAME` / `matches /re/`: the target is parsed on its own
// (a named rule, for error messages), then wrapped around the subject.
inline auto const set_lexicon_target = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::matches_lexicon;
  x3::_val(ctx).text = std::string(x3::_attr(ctx));
};
inline auto const set_regex_target = [](auto& ctx) {
  x3::_val(ctx) = ast::Expr{};
  x3::_val(ctx).op = Op::matches_regex;
  x3::_val(ctx).text = x3::_attr(ctx);
};
inline auto const make_matches = [](auto& ctx) {
  ast::Expr node = std::move(x3::_attr(ctx));
  node.args.push_back(std::move(x3::_val(ctx)));
  x3::_val(ctx) = std::move(node);
};
inline auto const set_id = [](auto& ctx) { x3::_val(ctx).id = x3::_attr(ctx); };
inline auto const set_severity = [](auto& ctx) {
  x3::_val(ctx).severity = view_of(x3::_attr(ctx));
  x3::_val(ctx).severity_at = view_of(x3::_attr(ctx));
};
inline auto const set_applies_to = [](auto& ctx) {
  x3::_val(ctx).applies_to = view_of(x3::_attr(ctx));
  x3::_val(ctx).applies_to_at = view_of(x3::_attr(ctx));
};
inline auto const set_when = [](auto& ctx) { x3::_val(ctx).when = std::move(x3::_attr(ctx)); };
inline auto const set_require = [](auto& ctx) { x3::_val(ctx).require = std::move(x3::_attr(ctx)); };
inline auto const set_message = [](auto& ctx) { x3::_val(ctx).message = x3::_attr(ctx); };
inline auto const set_message_at = [](auto& ctx) { x3::_val(ctx).message_at = view_of(x3::_attr(ctx)); };
inline auto const set_hint = [](auto& ctx) { x3::_val(ctx).hint = x3::_attr(ctx); };
inline auto const set_hint_at = [](auto& ctx) { x3::_val(ctx).hint_at = view_of(x3::_attr(ctx)); };
inline auto const add_field = [](auto& ctx) { x3::_val(ctx).fields.push_back(view_of(x3::_attr(ctx))); };
inline auto const set_summary = [](auto& ctx) { x3::_val(ctx).summary = x3::_attr(ctx); };
inline auto const push_lexicon = [](auto& ctx) { x3::_val(ctx).lexicons.push_back(std::move(x3::_attr(ctx))); };
inline auto const push_rule = [](auto& ctx) { x3::_val(ctx).rules.push_back(std::move(x3::_attr(ctx))); };

// ---------------------------------------------------------------- Rule IDs
struct lexicon_decl_class : annotate_source {};
struct rule_decl_class : annotate_source {};
struct expr_class : annotate_source {};
struct and_expr_class : annotate_source {};
struct not_expr_class : annotate_source {};
struct predicate_class : annotate_source {};
struct operand_class : annotate_source {};
struct call_class : annotate_source {};

// ---------------------------------------------------------------- Rules
x3::rule<lexicon_decl_class, ast::LexiconDecl> const lexicon_decl = "a lexicon declaration";
x3::rule<rule_decl_class, ast::RuleDecl> const rule_decl = "a rule declaration";
x3::rule<expr_class, ast::Expr> const expr = "a condition";
x3::rule<and_expr_class, ast::Expr> const and_expr = "a condition";
x3::rule<not_expr_class, ast::Expr> const not_expr = "a condition";
x3::rule<predicate_class, ast::Expr> const predicate = "a condition";
x3::rule<operand_class, ast::Expr> const operand =
    "a value (a number, \"text\", [list], true, false, an attribute or a function call)";
x3::rule<call_class, ast::Expr> const call = "a function call";
x3::rule<struct name_class, std::string_view> const name = "a name (letters, digits, - . _)";
x3::rule<struct ident_class, std::string_view> const ident = "an attribute name";
x3::rule<struct word_class, std::string_view> const word = "a word";
x3::rule<struct string_class, std::string> const string_literal = "a text in double quotes";
x3::rule<struct regex_class, std::string> const regex_literal = "a regular expression between / /";
x3::rule<struct list_class, std::vector<std::string_view>> const list = "a list [a, b, …]";
x3::rule<struct matches_target_class, ast::Expr> const matches_target =
    "lexicon NAME or a regular expression /…/";
x3::rule<struct compare_op_class, std::string> const compare_op = "a comparison (== != >= <= > <)";
x3::rule<struct field_end_class> const rule_end =
    "a field (severity, applies-to, when, require, message, hint, summary) or '}'";
x3::rule<struct file_end_class> const file_end = "a lexicon or rule declaration";

// ---------------------------------------------------------------- Grammar
auto const name_char = x3::alnum | char_('-') | char_('.') | char_('_');
auto const kw = [](char const* k) { return lexeme[lit(k) >> !name_char]; };

auto const name_def = lexeme[raw[x3::alpha >> *name_char]];
// Keywords of the language are not attribute names, so that a missing value
// (`require count(units) >` then `message …`) is reported where it is missing.
auto const reserved = kw("and") | kw("or") | kw("not") | kw("in") | kw("matches") | kw("lexicon") |
                      kw("true") | kw("false") | kw("rule") | kw("severity") | kw("applies-to") |
                      kw("when") | kw("require") | kw("message") | kw("hint") | kw("summary");
auto const ident_def = lexeme[!reserved >> raw[x3::alpha >> *(x3::alnum | char_('-') | char_('_'))]];
auto const word_def = lexeme[raw[+(char_ - x3::space - '{' - '}' - '[' - ']' - ',' - '#' - '"')]];
auto const string_literal_def =
    lexeme['"' > *((lit('\\') > char_) | (char_ - '"' - x3::eol)) > '"'];
auto const regex_literal_def =
    lexeme['/' > *((lit("\\/") >> x3::attr('/')) | (char_ - '/' - x3::eol)) > '/'];
auto const list_def = '[' > -(word % ',') > ']';

auto const compare_op_def = x3::string("==") | x3::string("!=") | x3::string(">=") |
                           x3::string("<=") | x3::string(">") | x3::string("<");

auto const call_def =
    raw[(ident >> &lit('('))[start_call] > '(' > -(nested[expr][push_arg] % ',') > ')'][set_source];
auto const path = (lexeme[ident % '.'])[make_path];
auto const operand_def = raw[x3::double_[make_number] | string_literal[make_string] |
                         kw("true")[make_true] | kw("false")[make_false] | list[make_list] |
                         call[assign] | path | ('(' > nested[expr] > ')')[mark_grouped]][set_source];
auto const predicate_def = raw[operand[assign] >>
    -((compare_op > operand)[make_compare] | (kw("in") > operand[make_in]) |
      (kw("matches") > matches_target[make_matches]))][set_source];
// matches: the subject is the predicate's value so far, handed in and out.
auto const matches_target_def =
    (kw("lexicon") > name[set_lexicon_target]) | regex_literal[set_regex_target];
auto const not_expr_def = raw[(kw("not") > nested[not_expr][make_not]) | predicate[assign]][set_source];
auto const and_expr_def = raw[not_expr[assign] >> *(kw("and") > not_expr[combine<Op::and_>{}])][set_source];
auto const expr_def = raw[and_expr[assign] >> *(kw("or") > and_expr[combine<Op::or_>{}])][set_source];

auto const lexicon_decl_def = kw("lexicon") > name > '{' > *word > '}';

auto const severity_word = raw[kw("error") | kw("warning") | kw("info")];
auto const applies_to_word = raw[name];
auto const rule_decl_def = raw[kw("rule") > name[set_id] > '{' >
    *((raw[kw("severity")][add_field] > raw[name][set_severity]) |
      (raw[kw("applies-to")][add_field] > applies_to_word[set_applies_to]) |
      (raw[kw("when")][add_field] > expr[set_when]) | (raw[kw("require")][add_field] > expr[set_require]) |
      (raw[kw("message")][add_field] > raw[string_literal[set_message]][set_message_at]) |
      (raw[kw("hint")][add_field] > raw[string_literal[set_hint]][set_hint_at]) |
      (raw[kw("summary")][add_field] > string_literal[set_summary])) >
    rule_end][set_source];
auto const rule_end_def = lit('}');
auto const file_end_def = x3::eoi;

auto const rule_file_expr = *(lexicon_decl[push_lexicon] | rule_decl[push_rule]) > file_end;

BOOST_SPIRIT_DEFINE(lexicon_decl, rule_decl, matches_target, expr, and_expr, not_expr, predicate, operand, call, name,
                    ident, word, string_literal, regex_literal, list, compare_op, rule_end, file_end)

}  // namespace rule_language_detail

struct rule_file_class : rule_language_detail::report_error {};
rule_file_type const rule_file = "rule file";
auto const rule_file_def = rule_language_detail::rule_file_expr;
BOOST_SPIRIT_DEFINE(rule_file)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::rule_file_type const& rule_file() { return parser::rule_file; }

}  // namespace planlint::grammar
