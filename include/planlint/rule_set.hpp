// What planlint reads plans with and checks them against: lexicons (and, from
// the rule language, rules), loaded from rule files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/lexicon.hpp"
#include "planlint/source.hpp"

namespace planlint {

struct BuiltinRuleFile {
  std::string_view name;  // "<built-in>/lexicons.rules"
  std::string_view text;
};

/// The rule files compiled into the binary (generated at build time).
const std::vector<BuiltinRuleFile>& builtin_rule_files();

struct RuleSet {
  Lexicons lexicons;
};

/// Adds the declarations of one rule file to `rules`; a lexicon replaces one
/// of the same name. Reports syntax and meaning errors to `sink` with their
/// positions and returns false when there was any.
bool load_rule_file(const SourceFile& file, RuleSet& rules, DiagnosticSink& sink);

/// The built-in rule files, then `extra_files` in order. Returns false (with
/// diagnostics) when any file is unreadable or malformed, or when a lexicon
/// the plan reader needs is missing.
bool load_rules(const std::vector<std::string>& extra_files, RuleSet& rules, DiagnosticSink& sink);

}  // namespace planlint
