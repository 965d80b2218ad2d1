// Helpers for tests: reading fixtures, running the pipeline in memory, and
// comparing output with golden files byte for byte.
#pragma once

#include <memory>
#include <string>

#include "planlint/plan.hpp"
#include "planlint/rule_set.hpp"
#include "planlint/source.hpp"

namespace planlint::testing {

/// Path of a file of the source tree ("fixtures/plans/x.txt" → absolute).
std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);

/// The built-in rule set (lexicons), loaded once per call.
RuleSet builtin_rules();

/// A plan together with the source it points into (a Plan holds views into
/// its SourceFile, which must outlive it).
struct OwnedPlan : Plan {
  std::shared_ptr<const SourceFile> source;
};

/// Source text → plan model, with the built-in lexicons. `path` is what the
/// plan reports as its path.
OwnedPlan plan_from_text(const std::string& path, const std::string& text);
OwnedPlan plan_from_fixture(const std::string& relative);

/// Compares `actual` with the golden file; when they differ, returns a
/// message naming the first differing line (empty when equal). With the
/// environment variable PLANLINT_UPDATE_GOLDEN=1 rewrites the golden file.
std::string compare_golden(const std::string& golden_relative, const std::string& actual);

}  // namespace planlint::testing
