// The commands behind the CLI, callable in-process: options in, exit code out.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace planlint {

enum class Format { text, xml };

struct Options {
  std::string command;               // outline, check, graph, rules
  std::vector<std::string> inputs;   // files (directories for check)
  Format format = Format::text;
  std::vector<std::string> rule_files;
  bool verbose = false;
};

/// Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage errors,
/// unreadable inputs and malformed rule files.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

/// `planlint outline FILE...`: the plan model of each file. Files that cannot
/// be read get one line on `err`; the others are still written to `out`.
int run_outline(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planlint
