// Suppressions: findings a configuration's [[suppress]] entries accept,
// each with a reason and perhaps an end date (docs/config.md).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "baseline.hpp"
#include "config.hpp"

namespace planlint {

/// Rule ids of the findings about suppressions themselves, declared with
/// the reader's checks (engine/reader_checks.cpp, docs/rules/ID.md).
inline constexpr std::string_view kSuppressionExpired = "suppression.expired";
inline constexpr std::string_view kSuppressionUnused = "suppression.unused";

/// Whether suppression `s` covers finding `f`: the rule id matches `s.rule`
/// (an id or a glob), the file's path relative to the configuration's
/// directory matches `s.file` (a path glob; a file outside that directory
/// never matches), and the finding's subject contains `s.subject`. Expiry is
/// not looked at here.
bool covers(const SuppressionSpec& s, const Finding& f);

/// What applying a file's suppressions gave.
struct Suppressed {
  std::vector<Finding> kept;        // the findings no suppression in force covers, in their order
  std::vector<std::size_t> counts;  // per suppression given: findings it covered
};

/// Applies the suppressions in force for the findings' file (its
/// Settings::suppressions) on `today`. A suppression whose `expires` is
/// before today suppresses nothing. A finding covered by several
/// suppressions counts for each, so that none of them is reported unused.
Suppressed apply_suppressions(const std::vector<SuppressionSpec>& in_force, std::vector<Finding> findings,
                              const Date& today);

/// The suppressions a run has met and what each suppressed, over every
/// file: a suppression is unused only if it covered nothing in any file.
/// Keyed by where the entry is written, since the same entry is in force
/// for many files.
struct SuppressionTally {
  using Key = std::tuple<std::string, std::uint32_t, std::uint32_t>;  // config file, line, column
  std::map<Key, SuppressionSpec> specs;
  std::map<Key, std::size_t> counts;
};

/// Adds a file's suppressions and their counts (Suppressed::counts).
void tally(SuppressionTally& tally, const std::vector<SuppressionSpec>& in_force,
           const std::vector<std::size_t>& counts);

/// Findings about the suppressions of a run, at each entry's [[suppress]]
/// line in its configuration file, severity warning: `suppression.expired`
/// for one whose date has passed, else `suppression.unused` for one that
/// covered no finding. In order of file and line. Both ids are declared
/// checks (engine/reader_checks.cpp): the caller grades them, or drops them
/// when switched off, as the run's rule set says.
std::vector<Diagnostic> suppression_findings(const SuppressionTally& tally, const Date& today);

/// The local calendar date, for the caller to pass as `today`.
Date local_today();

}  // namespace planlint
