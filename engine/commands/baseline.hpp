// Baselines: the findings a project has accepted for now, so that a check
// reports only new ones (docs/config.md, "Baseline"). A finding is known by
// its file, its rule and a fingerprint of its subject (the text of its line,
// not the line's number), so that editing elsewhere in a plan keeps it known.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/report.hpp"
#include "planlint/source.hpp"

namespace planlint {

/// The usual name of a baseline file.
inline constexpr std::string_view kBaselineFileName = ".planlint-baseline.json";

/// A finding with its subject (subject_of), as baselines and suppressions
/// take it.
struct Finding {
  Diagnostic diagnostic;
  std::string subject;
};

/// The subject of a finding: the text of its line in `source`
/// (SourceFile::line, the original's line for Markdown), with
///  - blanks (space, tab, U+3000, NBSP) trimmed at both ends,
///  - a heading number at its start (一、 （三） 1. （2） ① 第一章 …, what the
///    plan grammar reads as one) removed, with the blanks after it, since
///    inserting a section above renumbers it,
///  - every run of blanks inside made one space,
/// and nothing else changed: digits, punctuation and case are kept (a target
/// of 15 件 is not one of 20 件). A finding on line 0 (the file as a whole)
/// or past the end has the empty subject.
std::string subject_of(const Diagnostic& d, const SourceFile& source);

/// The fingerprint of a subject: its 64-bit XXH3 hash (xxHash 0.8, whose
/// XXH3 output is frozen), as 16 lowercase hex digits.
std::string fingerprint(std::string_view subject);

struct BaselineEntry {
  std::size_t count = 0;  // findings with this fingerprint (a line can repeat)
  std::string subject;    // an excerpt, for a reader of the file; not compared
};

/// A baseline in memory: file → rule id → fingerprint → entry. File paths
/// are relative to `dir` (the baseline file's directory), with `/`.
struct Baseline {
  std::filesystem::path dir;
  std::map<std::string, std::map<std::string, std::map<std::string, BaselineEntry>>> files;
};

/// The key of a finding's file in a baseline kept in `dir`: the path
/// relative to `dir` (both made absolute and normal, not resolving links),
/// with `/`.
std::string baseline_key(const std::filesystem::path& dir, std::string_view file);

/// A baseline of `findings`, to be kept in `dir`.
Baseline make_baseline(const std::vector<Finding>& findings, const std::filesystem::path& dir);

/// The JSON of docs/config.md: keys sorted, two-space indents, a newline at
/// the end, so that a baseline under version control changes line by line.
void write_baseline(std::ostream& out, const Baseline& baseline);

/// Reads a baseline file; its directory becomes `dir`. On failure fills
/// `error` (one line, without the path) and returns nothing.
std::optional<Baseline> read_baseline(const std::filesystem::path& path, LoadError& error);
/// The same from text, as read from `path`.
std::optional<Baseline> parse_baseline(std::string_view json, const std::filesystem::path& path, LoadError& error);

struct BaselineMatch {
  std::vector<Finding> fresh;  // findings not in the baseline, in their order
  std::size_t matched = 0;     // findings the baseline holds
  std::vector<StaleEntry> stale;
};

/// Splits a run's findings into those the baseline holds and new ones. An
/// entry with count n holds n findings; the n+1st is new. `checked` names
/// the files of the run (as their findings name them): only their entries
/// can be stale, since a run of part of a tree says nothing of the rest.
BaselineMatch apply_baseline(const Baseline& baseline, std::vector<Finding> findings,
                             const std::vector<std::string>& checked);

/// Drops stale entries (`planlint baseline --prune`): each entry's count
/// goes down by its unmatched part, and what reaches zero is removed.
void prune(Baseline& baseline, const std::vector<StaleEntry>& stale);

}  // namespace planlint
