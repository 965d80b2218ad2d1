#include "planlint/rule_set.hpp"

#include "planlint/parse.hpp"

namespace planlint {

bool load_rule_file(const SourceFile& file, RuleSet& rules, DiagnosticSink& sink) {
  const auto parsed = parse_rule_file(file, sink);
  if (!parsed) return false;
  for (const auto& decl : parsed->lexicons) {
    Lexicon lexicon;
    lexicon.name = std::string(decl.name);
    lexicon.file = file.path();
    lexicon.where = file.location(decl.source);
    for (auto w : decl.words) lexicon.words.emplace_back(w);
    rules.lexicons.add(std::move(lexicon));
  }
  return true;
}

bool load_rules(const std::vector<std::string>& extra_files, RuleSet& rules, DiagnosticSink& sink) {
  bool ok = true;
  for (const auto& builtin : builtin_rule_files()) {
    const SourceFile file(std::string(builtin.name), std::string(builtin.text));
    ok = load_rule_file(file, rules, sink) && ok;
  }
  for (const auto& path : extra_files) {
    LoadError error;
    const auto file = load_source(path, error);
    if (!file) {
      sink.report(Diagnostic{path, Location{}, "rule-file", Severity::error, error.message, ""});
      ok = false;
      continue;
    }
    ok = load_rule_file(*file, rules, sink) && ok;
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
