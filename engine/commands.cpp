#include "planlint/commands.hpp"

#include <ostream>

#include "planlint/outline.hpp"
#include "planlint/parse.hpp"
#include "planlint/plan.hpp"
#include "planlint/rule_set.hpp"

namespace planlint {

namespace {

void print_diagnostics(const std::vector<Diagnostic>& list, std::ostream& err) {
  for (const auto& d : list) {
    err << d.file;
    if (d.where.line) err << ':' << d.where.line << ':' << d.where.column;
    err << ": " << to_string(d.severity) << ": " << d.message;
    if (!d.rule.empty()) err << " [" << d.rule << ']';
    err << '\n';
  }
}

}  // namespace

int run_outline(const Options& options, std::ostream& out, std::ostream& err) {
  RuleSet rules;
  DiagnosticList rule_problems;
  if (!load_rules(options.rule_files, rules, rule_problems)) {
    print_diagnostics(rule_problems.items, err);
    return kExitError;
  }
  if (options.inputs.empty()) {
    err << "planlint outline: no input files\n";
    return kExitError;
  }
  int status = kExitOk;
  std::vector<OutlineEntry> entries;
  for (const auto& path : options.inputs) {
    LoadError error;
    auto source = load_source(path, error);
    if (!source) {
      err << path << ": error: " << error.message << '\n';
      entries.push_back(OutlineEntry{path, error.message});
      status = kExitError;
      continue;
    }
    DiagnosticList notes;
    auto document = parse_document(*source, notes);
    if (!document) {
      print_diagnostics(notes.items, err);
      entries.push_back(OutlineEntry{path, notes.items.empty() ? "parse error" : notes.items[0].message});
      status = kExitError;
      continue;
    }
    Plan plan = build_plan(*source, *document, rules.lexicons, notes);
    print_diagnostics(notes.items, err);
    if (options.format == Format::text) {
      if (!entries.empty() || &path != &options.inputs.front()) out << '\n';
      write_outline_text(out, plan);
    }
    entries.push_back(OutlineEntry{path, std::move(plan)});
  }
  if (options.format == Format::xml) write_outline_xml(out, entries);
  return status;
}

}  // namespace planlint
