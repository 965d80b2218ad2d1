#include "clause_def.hpp"

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(clauses_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(statement_opening_type, iterator_type, context_type)

}  // namespace planlint::grammar
