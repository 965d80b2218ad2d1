// Iterator, skipper and context the rule-file grammar is instantiated for.
// Unlike plans, rule files are free-form: blanks, new lines and # comments
// are skipped, and parse errors go to an error handler with positions.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <functional>
#include <string>

namespace planlint::grammar {

namespace x3 = boost::spirit::x3;

using rule_iterator_type = char const*;

/// Conditions nest (not, parentheses, function arguments) at most this deep:
/// each level costs the recursive descent a few stack frames, and the stack
/// must hold them with room to spare, under a sanitizer too.
inline constexpr unsigned kMaxRuleNesting = 64;

/// Collects the first parse error of a rule file: where, and what was
/// expected (or, for a condition nested too deep, the whole message); and
/// counts the nesting of the condition being parsed.
struct RuleErrorHandler {
  rule_iterator_type failed_at = nullptr;
  std::string expected;
  std::string message;  // when set, the error is this, not "expected …"
  unsigned depth = 0;
};

struct rule_error_handler_tag;

inline auto const rule_skipper = x3::space | (x3::lit('#') >> *(x3::char_ - x3::eol));
using rule_skipper_type = std::remove_cv_t<decltype(rule_skipper)>;

using rule_phrase_context_type = x3::phrase_parse_context<rule_skipper_type>::type;
using rule_context_type =
    x3::context<rule_error_handler_tag, std::reference_wrapper<RuleErrorHandler>,
                rule_phrase_context_type>;

}  // namespace planlint::grammar
