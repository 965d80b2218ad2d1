#include "document_def.hpp"

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(document_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(toc_entry_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(bare_heading_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(all_cells_type, iterator_type, context_type)

}  // namespace planlint::grammar
