#include "rule_language_def.hpp"

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(rule_file_type, rule_iterator_type, rule_context_type)

}  // namespace planlint::grammar
