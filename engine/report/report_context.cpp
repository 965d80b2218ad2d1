// What the machine formats say about the rules of a run (report.hpp).
#include <algorithm>

#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"

namespace planlint {

namespace {

/// The built-in page of a rule or reader check (docs/rules/ID.md), as
/// `planlint rules --explain` shows it; empty when it has none.
std::string page_of(std::string_view id) {
  const auto& pages = builtin_rule_pages();
  const auto page = std::find_if(pages.begin(), pages.end(), [&](const BuiltinRuleFile& p) { return p.name == id; });
  return page == pages.end() ? std::string() : std::string(page->text);
}

/// A rule's help: its page or, for a rule with no page (a user's), what the
/// rule says of itself.
std::string help_of(const Rule& rule) {
  if (std::string page = page_of(rule.id); !page.empty()) return page;
  std::string help = rule.summary + "\n\nmessage: " + rule.message.text;
  if (!rule.hint.text.empty()) help += "\nhint: " + rule.hint.text;
  help += "\ndeclared in " + rule.file + ':' + std::to_string(rule.where.line) + '\n';
  return help;
}

}  // namespace

ReportContext report_context(const RuleSet& rules, std::string base_directory) {
  ReportContext context;
  context.base_directory = std::move(base_directory);
  for (const auto& rule : rules.rules) {
    if (!rule.enabled) continue;
    context.rules.push_back(RuleInfo{rule.id, rule.severity, rule.summary, help_of(rule), {}});
  }
  // What the plan reader finds is reported as the rules' findings are.
  for (const auto& check : rules.reader_checks) {
    if (!check.enabled) continue;
    std::string help = page_of(check.id);
    context.rules.push_back(RuleInfo{check.id, check.severity, check.summary, help.empty() ? check.summary : help, {}});
  }
  return context;
}

}  // namespace planlint
