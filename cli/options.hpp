// Command line → Options. Usage errors become one line and exit code 2.
#pragma once

#include <iosfwd>
#include <optional>

#include "planlint/commands.hpp"

namespace planlint::cli {

/// Parses argv. On a usage error writes one line to `err` and returns nothing;
/// on --help writes the usage to `out` and returns an Options with command "help".
std::optional<Options> parse_options(int argc, const char* const argv[], std::ostream& out,
                                     std::ostream& err);

}  // namespace planlint::cli
