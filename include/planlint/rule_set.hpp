// What planlint reads plans with and checks them against: lexicons and rules,
// loaded from rule files (the built-in ones first, then the user's).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/lexicon.hpp"
#include "planlint/rule.hpp"
#include "planlint/source.hpp"

namespace planlint {

struct BuiltinRuleFile {
  std::string_view name;  // "<built-in>/default.rules"
  std::string_view text;
};

/// The rule files compiled into the binary (generated at build time).
const std::vector<BuiltinRuleFile>& builtin_rule_files();
/// The page of each built-in rule (docs/rules/<id>.md), by rule id.
const std::vector<BuiltinRuleFile>& builtin_rule_pages();

/// What planlint itself finds rather than a rule of a rule file: what the
/// plan reader finds while it reads (a numbering slip, a text that does not
/// read as a plan), and what a run finds in its configuration (a suppression
/// that expired or covered nothing). Reported as the rules' findings are —
/// declared in engine/reader_checks.cpp with its default severity, documented
/// in docs/rules/ID.md, and switched on or off and graded like a rule.
struct ReaderCheck {
  std::string id;
  Severity severity = Severity::warning;
  std::string summary;
  bool enabled = true;
  /// What it looks at, as `planlint rules` shows it: "reading" (a plan's
  /// text as it is read) or "config" (the run's .planlint.toml files).
  std::string scope = "reading";
};

/// The reader's and the configuration's checks as declared, in the order of
/// `planlint rules`.
const std::vector<ReaderCheck>& reader_check_declarations();

/// Rules point into the rule files kept in `files`, so a RuleSet moves but
/// is not copied.
struct RuleSet {
  RuleSet() = default;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  Lexicons lexicons;
  std::vector<Rule> rules;  // in declaration order; ids are unique
  RegexCache regexes;
  std::deque<SourceFile> files;  // the rule texts the rules point into

  std::vector<ReaderCheck> reader_checks = reader_check_declarations();

  const Rule* find(std::string_view id) const;
  const ReaderCheck* find_reader_check(std::string_view id) const;
  /// Switches a rule or a reader check on or off; false when there is none
  /// of that id.
  bool set_enabled(std::string_view id, bool enabled);
  /// Sets the severity of a rule or reader check; false when there is none.
  bool set_severity(std::string_view id, Severity severity);
};

/// Adds the declarations of one rule file: a lexicon or rule replaces one of
/// the same name or id. Every error (syntax, unknown attribute, lexicon or
/// scope, type mismatch) goes to `sink` with its position; returns false when
/// there was any, and then adds nothing.
bool load_rule_file(SourceFile file, RuleSet& rules, DiagnosticSink& sink);

/// The built-in rule files, then `extra_files` in order. Returns false (with
/// diagnostics) when any file is unreadable or malformed, or when a lexicon
/// the plan reader needs is missing.
/// Each rule file is read within `limits`, as plans are.
bool load_rules(const std::vector<std::string>& extra_files, RuleSet& rules, DiagnosticSink& sink,
                const ReadLimits& limits = {});

}  // namespace planlint
