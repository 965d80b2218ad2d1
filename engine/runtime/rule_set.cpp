#include "planlint/rule_set.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "parse.hpp"

namespace planlint {

const Rule* RuleSet::find(std::string_view id) const {
  const auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

const ReaderCheck* RuleSet::find_reader_check(std::string_view id) const {
  const auto it = std::find_if(reader_checks.begin(), reader_checks.end(), [&](const ReaderCheck& c) { return c.id == id; });
  return it == reader_checks.end() ? nullptr : &*it;
}

bool RuleSet::set_enabled(std::string_view id, bool enabled) {
  for (auto& r : rules) {
    if (r.id == id) {
      r.enabled = enabled;
      return true;
    }
  }
  for (auto& c : reader_checks) {
    if (c.id == id) {
      c.enabled = enabled;
      return true;
    }
  }
  return false;
}

bool RuleSet::set_severity(std::string_view id, Severity severity) {
  for (auto& r : rules) {
    if (r.id == id) {
      r.severity = severity;
      return true;
    }
  }
  for (auto& c : reader_checks) {
    if (c.id == id) {
      c.severity = severity;
      return true;
    }
  }
  return false;
}

namespace {

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  return std::nullopt;
}

/// Turns one parsed rule into a Rule, checking every part against the
/// vocabulary; problems go to `sink` at their place in the file.
std::optional<Rule> compile_rule(const ast::RuleDecl& decl, const SourceFile& file,
                                 const Lexicons& lexicons, RegexCache& regexes, DiagnosticSink& sink) {
  bool ok = true;
  auto problem = [&](std::string_view at, std::string message) {
    sink.report(Diagnostic{file.path(), file.location(at), "rule-check", Severity::error,
                           "rule " + std::string(decl.id) + ": " + message, ""});
    ok = false;
  };
  Rule rule;
  rule.id = std::string(decl.id);
  rule.file = file.path();
  rule.where = file.location(decl.source);
  for (std::size_t i = 0; i < decl.fields.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (decl.fields[i] == decl.fields[j]) {
        problem(decl.fields[i], "gives " + std::string(decl.fields[i]) + " twice");
      }
    }
  }
  if (!decl.severity) {
    problem(decl.source, "has no severity (error, warning or info)");
  } else if (auto s = parse_severity(*decl.severity)) {
    rule.severity = *s;
  } else {
    problem(decl.severity_at, "unknown severity “" + std::string(*decl.severity) + "” (error, warning or info)");
  }
  if (!decl.applies_to) {
    problem(decl.source, "has no applies-to");
  } else if (auto scope = parse_scope(*decl.applies_to)) {
    rule.applies_to = *scope;
  } else {
    problem(decl.applies_to_at, "unknown node kind “" + std::string(*decl.applies_to) +
                                    "” (plan, section, task, target, stage, timeline, unit, attachment)");
  }
  if (!decl.require) problem(decl.source, "has no require condition");
  if (!decl.message) problem(decl.source, "has no message");
  if (!ok) return std::nullopt;

  auto boolean = [&](const ast::Expr& e, std::string_view field) {
    const auto type = check_expr(e, rule.applies_to, file, lexicons, regexes, sink);
    if (!type) {
      ok = false;
    } else if (*type != ValueType::boolean) {
      problem(e.source, std::string(field) + " must be a condition (true or false), not a " +
                            std::string(to_string(*type)));
    }
  };
  if (decl.when) boolean(*decl.when, "when");
  boolean(*decl.require, "require");
  if (!ok) return std::nullopt;
  if (decl.when) rule.when = compile_condition(*decl.when);
  rule.require = compile_condition(*decl.require);
  rule.message = make_template(*decl.message);
  rule.hint = make_template(decl.hint.value_or(""));
  rule.summary = decl.summary.value_or(rule.message.text);
  ok = check_template(rule.message, rule.applies_to, file, decl.message_at, sink) && ok;
  ok = check_template(rule.hint, rule.applies_to, file, decl.hint_at, sink) && ok;
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace

bool load_rule_file(SourceFile source, RuleSet& rules, DiagnosticSink& sink) {
  rules.files.push_back(std::move(source));
  const SourceFile& file = rules.files.back();
  const auto parsed = parse_rule_file(file, sink);
  if (!parsed) return false;

  // New lexicons first: the rules of this file may use them. They join the
  // rule set only when the whole file loads, so a file that declares none
  // is checked against the rule set's own.
  std::optional<Lexicons> staged;
  if (!parsed->lexicons.empty()) staged = rules.lexicons;
  const Lexicons& lexicons = staged ? *staged : rules.lexicons;
  for (const auto& decl : parsed->lexicons) {
    std::vector<std::string> words(decl.words.begin(), decl.words.end());
    staged->add(Lexicon(std::string(decl.name), std::move(words), file.path(), file.location(decl.source)));
  }
  bool ok = true;
  std::vector<Rule> compiled;
  compiled.reserve(parsed->rules.size());
  // Ids seen in this file: a hash set, so that loading stays linear in the
  // number of rules.
  std::unordered_set<std::string_view> ids;
  ids.reserve(parsed->rules.size());
  RegexCache regexes = rules.regexes;
  for (const auto& decl : parsed->rules) {
    auto rule = compile_rule(decl, file, lexicons, regexes, sink);
    if (!rule) {
      ok = false;
      continue;
    }
    if (!ids.insert(decl.id).second) {
      sink.report(Diagnostic{file.path(), file.location(decl.source), "rule-check", Severity::error,
                             "rule " + rule->id + " is declared twice in this file", ""});
      ok = false;
      continue;
    }
    compiled.push_back(std::move(*rule));
  }
  if (!ok) return false;
  if (staged) rules.lexicons = std::move(*staged);
  rules.regexes = std::move(regexes);
  // The rules so far by id.
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(rules.rules.size());
  for (std::size_t i = 0; i < rules.rules.size(); ++i) index.emplace(rules.rules[i].id, i);
  rules.rules.reserve(rules.rules.size() + compiled.size());
  for (auto& rule : compiled) {
    const auto it = index.find(rule.id);
    if (it != index.end()) {
      rules.rules[it->second] = std::move(rule);  // replaces a rule of the same id, in its place
    } else {
      rules.rules.push_back(std::move(rule));
    }
  }
  return true;
}

bool load_rules(const std::vector<std::string>& extra_files, RuleSet& rules, DiagnosticSink& sink,
                const ReadLimits& limits) {
  bool ok = true;
  for (const auto& builtin : builtin_rule_files()) {
    ok = load_rule_file(SourceFile(std::string(builtin.name), std::string(builtin.text)), rules, sink) && ok;
  }
  for (const auto& path : extra_files) {
    LoadError error;
    auto file = load_source(path, error, limits);
    if (!file) {
      sink.report(Diagnostic{path, Location{}, "rule-file", Severity::error, error.message, ""});
      ok = false;
      continue;
    }
    ok = load_rule_file(std::move(*file), rules, sink) && ok;
  }
  for (auto name : required_lexicons()) {
    if (!rules.lexicons.has(name)) {
      sink.report(Diagnostic{"<rules>", Location{}, "rule-file", Severity::error,
                             "lexicon “" + std::string(name) + "” is missing; the plan reader needs it",
                             ""});
      ok = false;
    }
  }
  return ok;
}

}  // namespace planlint
