#include "labelled_def.hpp"

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(labelled_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(inline_labelled_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(parenthetical_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(name_items_type, iterator_type, context_type)

}  // namespace planlint::grammar
