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

/// Collects the first parse error of a rule file: where, and what was expected.
struct RuleErrorHandler {
  rule_iterator_type failed_at = nullptr;
  std::string expected;
};

struct rule_error_handler_tag;

inline auto const rule_skipper = x3::space | (x3::lit('#') >> *(x3::char_ - x3::eol));
using rule_skipper_type = std::remove_cv_t<decltype(rule_skipper)>;

using rule_phrase_context_type = x3::phrase_parse_context<rule_skipper_type>::type;
using rule_context_type =
    x3::context<rule_error_handler_tag, std::reference_wrapper<RuleErrorHandler>,
                rule_phrase_context_type>;

}  // namespace planlint::grammar
