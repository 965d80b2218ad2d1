// The one iterator and context every plan grammar is instantiated for.
//
// Plans are parsed as UTF-8 bytes in place: literals such as "责任单位" are
// byte strings, and attributes are views into the source buffer.
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace planlint::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;
using context_type = x3::unused_type;

}  // namespace planlint::grammar
