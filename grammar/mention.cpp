#include "mention_def.hpp"

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(mentions_type, iterator_type, context_type)

}  // namespace planlint::grammar
