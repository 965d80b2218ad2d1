#include "pipeline.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <ostream>
#include <sstream>

#include "checksum.hpp"
#include "planlint/graph.hpp"
#include "suppressions.hpp"
#include "text_util.hpp"

namespace planlint {

double ms_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

namespace {

/// Applies the suppressions in force and then the baseline to the result's
/// findings, known by their subjects' text rather than their lines: a
/// baseline survives lines inserted above them.
void apply_gate(FileResult& result, const SourceFile& source, const std::vector<SuppressionSpec>& in_force,
                const CheckSetup& setup) {
  std::vector<Finding> findings;
  findings.reserve(result.findings.size());
  for (auto& d : result.findings) {
    std::string subject = subject_of(d, source);
    findings.push_back(Finding{std::move(d), std::move(subject)});
  }
  result.findings.clear();
  // Suppressions first: a finding the team has accepted is neither new nor
  // baselined.
  if (!in_force.empty()) {
    Suppressed suppressed = apply_suppressions(in_force, std::move(findings), setup.today);
    result.suppressed = std::move(suppressed.counts);
    findings = std::move(suppressed.kept);
  }
  if (setup.baseline) {
    BaselineMatch match = apply_baseline(*setup.baseline, std::move(findings), {result.path});
    result.baselined = match.matched;
    result.stale = std::move(match.stale);
    findings = std::move(match.fresh);
  }
  for (auto& f : findings) {
    result.findings.push_back(std::move(f.diagnostic));
    if (setup.keep_subjects) result.subjects.push_back(std::move(f.subject));
  }
}

}  // namespace

bool apply_check_setting(const RuleSet& rules, Diagnostic& d) {
  const ReaderCheck* check = rules.find_reader_check(d.rule);
  if (!check) return true;
  d.severity = check->severity;
  return check->enabled;
}

std::optional<Plan> read_file_plan(const SourceFile& source, const RuleSet& rules, FileResult& result) {
  DiagnosticList noticed;
  auto plan = read_plan(source, rules.lexicons, noticed);
  if (!plan) {
    result.error = noticed.items.empty() ? "parse error" : noticed.items[0].message;
    if (!noticed.items.empty()) result.error_at = noticed.items[0].where;
    return std::nullopt;
  }
  // What the reader found is a finding like the rules': at the severity its
  // check is given, or not at all when the check is switched off.
  for (auto& d : noticed.items) {
    const ReaderCheck* check = rules.find_reader_check(d.rule);
    if (!check) {
      result.notes.push_back(std::move(d));
    } else if (check->enabled) {
      d.severity = check->severity;
      result.findings.push_back(std::move(d));
    }
  }
  return plan;
}

FileResult check_file(const InputFile& input, std::optional<std::string> bytes, const FileSettings& own,
                      const CheckSetup& setup) {
  const RuleSet& rules = *own.rules;
  const std::vector<SuppressionSpec>& in_force = own.suppressions;
  const auto start = std::chrono::steady_clock::now();
  const Options& options = setup.options;
  FileResult result;
  // Standard input goes by the name --stdin-filename gives it, in reports and
  // in choosing its format (.md, .docx).
  result.path = input.path == "-" && !options.stdin_filename.empty() ? options.stdin_filename : input.path;
  if (!input.error.empty()) {
    result.error = input.error;
    return result;
  }
  LoadError error;
  if (!bytes) bytes = read_file_bytes(result.path, error, options.limits);
  if (bytes && setup.checksums) result.sha256 = sha256_hex(*bytes);
  std::optional<SourceFile> source;
  if (bytes) source = plan_from_bytes(result.path, std::move(*bytes), options.reading, error);
  if (!source) {
    result.error = error.message;
    result.error_at = error.where;
    return result;
  }
  result.format = source->format();
  result.encoding = source->encoding();
  auto shared = std::make_shared<const SourceFile>(std::move(*source));
  auto read = start;
  DiagnosticQueue findings;
  {
    auto plan = read_file_plan(*shared, rules, result);
    for (auto& d : result.findings) findings.report(std::move(d));
    result.findings.clear();
    if (!plan) return result;
    read = std::chrono::steady_clock::now();
    const PlanGraph graph = build_graph(*plan);
    evaluate_rules(rules.rules, graph, RuleEnvironment{rules.lexicons, rules.regexes}, findings);
    result.title = plan->title;
    result.kind = plan->kind;
    result.issuer = plan->issuer;
    result.document_number = plan->document_number;
  }  // the plan and its graph are released before the findings are sorted
  result.findings = findings.take_sorted();
  if (options.quiet) {
    std::erase_if(result.findings, [](const Diagnostic& d) { return d.severity != Severity::error; });
  }
  if (!in_force.empty() || setup.baseline || setup.keep_subjects) apply_gate(result, *shared, in_force, setup);
  result.count_findings();
  if (!result.findings.empty()) result.source = std::move(shared);
  setup.logger.debug("{}: read in {:.2f} ms, checked in {:.2f} ms, {} findings", text::terminal_safe(result.path),
                     ms_between(start, read), ms_between(read, std::chrono::steady_clock::now()),
                     result.findings.size());
  return result;
}

std::optional<RuleSet> prepare_rules(const Options& options, std::ostream& err, const Settings* settings) {
  RuleSet rules;
  DiagnosticList problems;
  if (!load_rules(options.rule_files, rules, problems, options.limits)) {
    print_diagnostics(problems.items, err);
    return std::nullopt;
  }
  if (settings) {
    // .planlint.toml: its switches and severities (patterns allowed), then
    // the command line's --enable and --disable, which win.
    std::vector<std::string> ids;
    for (const auto& r : rules.rules) ids.push_back(r.id);
    for (const auto& c : rules.reader_checks) ids.push_back(c.id);
    for (const auto& id : ids) {
      if (const auto on = rule_switch(*settings, id)) rules.set_enabled(id, *on);
      if (const auto* level = severity_override(*settings, id)) {
        if (level->value) {
          rules.set_severity(id, *level->value);
        } else {
          rules.set_enabled(id, false);  // "off"
        }
      }
    }
  }
  for (const auto& [id, enabled] : options.switches) {
    if (!rules.set_enabled(id, enabled)) {
      err << "planlint: no rule “" << text::terminal_safe(id) << "” to " << (enabled ? "enable" : "disable")
          << " (see planlint rules)\n";
      return std::nullopt;
    }
  }
  return rules;
}

/// Each line is handed to `err` whole: standard error is unbuffered, and a
/// line written in pieces costs a system call a piece.
void print_diagnostics(const std::vector<Diagnostic>& list, std::ostream& err) {
  for (const auto& d : list) {
    std::ostringstream line;
    line << text::terminal_safe(d.file);
    if (d.where.line) line << ':' << d.where.line << ':' << d.where.column;
    line << ": " << to_string(d.severity) << ": " << text::terminal_safe(d.message);
    if (!d.rule.empty()) line << " [" << d.rule << ']';
    line << '\n';
    if (!d.hint.empty()) line << "  hint: " << text::terminal_safe(d.hint) << '\n';
    err << std::move(line).str();
  }
}

void print_unreadable(std::ostream& err, const FileResult& result) {
  std::string line = text::terminal_safe(result.path);
  if (result.error_at.line) {
    line += ':' + std::to_string(result.error_at.line) + ':' + std::to_string(result.error_at.column);
  }
  line += ": error: ";
  line += text::terminal_safe(result.error);
  line += '\n';
  err << line;
}

}  // namespace planlint
