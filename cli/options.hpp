// Command line → Options, and the table of commands. Usage errors become
// one line and exit code 2.
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

#include "planlint/commands.hpp"

namespace planlint::cli {

/// The streams a command reads and writes.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
};

/// Groups of options; each command takes the groups it names.
enum OptionGroup : unsigned {
  kRuleOptions = 1u << 0,     // --rules, --enable, --disable
  kReadOptions = 1u << 1,     // --max-input-size, --input-timeout, --encoding
  kOutputOption = 1u << 2,    // -o/--output
  kReportOptions = 1u << 3,   // --format NAME[=FILE], --fail-on, --max-warnings, --quiet, --color
  kRunOptions = 1u << 4,      // -j, -v, --files-from, --stdin-filename, --baseline
  kViewFormat = 1u << 5,      // outline, graph: --format once
  kPruneOption = 1u << 6,     // baseline: --prune
  kExplainOption = 1u << 7,   // rules: --explain
};

/// One command: its name, what it takes, what it does, and how it runs.
struct Command {
  std::string_view name;
  std::string_view operands;  // as the usage shows them: "FILE|DIR|-..."
  std::string_view summary;
  unsigned options;           // OptionGroup bits
  std::string_view formats;   // kViewFormat: the formats it writes, the first the default
  int (*run)(const Options&, const Io&);
};

/// Every command, in the order `planlint --help` lists them.
std::span<const Command> commands();

/// The command called `name`, or nothing.
const Command* find_command(std::string_view name);

/// Parses argv: the command, then its own options. On a usage error writes
/// one line to `err` and returns nothing; on --help (planlint --help,
/// planlint COMMAND --help, planlint help [COMMAND]) writes the usage to
/// `out` and returns an Options with command "help".
std::optional<Options> parse_options(int argc, const char* const argv[], std::ostream& out,
                                     std::ostream& err);

}  // namespace planlint::cli
