// The per-file pipeline of `check`: bytes → source → plan → graph →
// findings, then the suppressions and the baseline in force for the file.
#pragma once

#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "config.hpp"
#include "planlint/commands.hpp"
#include "planlint/plan.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"

namespace spdlog {
class logger;
}

namespace planlint {

/// What every file of a run shares, only read while files are checked (so
/// from several threads at once).
struct CheckSetup {
  const Options& options;
  spdlog::logger& logger;
  const Baseline* baseline = nullptr;  // check --baseline, baseline --prune
  Date today;                          // suppressions expire by it
  bool keep_subjects = false;          // planlint baseline: each finding's subject is written
  bool checksums = false;              // a report names each file's SHA-256
};

/// What applies to one file of a run: its rules (as the .planlint.toml
/// files above it set them) and the suppressions in force for it.
struct FileSettings {
  const RuleSet* rules = nullptr;
  std::vector<SuppressionSpec> suppressions;
};

/// Checks one input: `bytes` when given (standard input, read once), else
/// the file at input.path. The result is the file's findings under its own
/// rules, sorted by position, with its suppressions and the setup's
/// baseline applied; or why it cannot be read, and where when that is known.
FileResult check_file(const InputFile& input, std::optional<std::string> bytes, const FileSettings& own,
                      const CheckSetup& setup);

/// Reads the plan of `source`, as outline and graph need it: what the reader
/// noticed goes to `result` as findings (at the severity its check is given,
/// or not at all when switched off); nothing, with result.error and
/// result.error_at, when the text does not parse.
std::optional<Plan> read_file_plan(const SourceFile& source, const RuleSet& rules, FileResult& result);

/// The rules of a run: the built-in and --rules files, then the switches
/// and severities of `settings` (when given), then --enable and --disable.
/// Problems are written to `err`; nothing then.
std::optional<RuleSet> prepare_rules(const Options& options, std::ostream& err, const Settings* settings = nullptr);

/// Whether a finding of a declared check (the reader's, the suppressions')
/// is reported, at the severity the check is given now. Findings of other
/// ids are kept as they are.
bool apply_check_setting(const RuleSet& rules, Diagnostic& d);

/// The time from `from` to `to`, in milliseconds (for --verbose).
double ms_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to);

/// One line per diagnostic on `err` (standard error), the hint below it.
void print_diagnostics(const std::vector<Diagnostic>& list, std::ostream& err);

/// One line on `err` for a file that cannot be read: path[:line:column]: error: why.
void print_unreadable(std::ostream& err, const FileResult& result);

}  // namespace planlint
