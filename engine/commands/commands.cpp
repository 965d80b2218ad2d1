// The commands other than check: outline, graph, extract, config, rules.
#include "planlint/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>

#include "config.hpp"
#include "output.hpp"
#include "pipeline.hpp"
#include "planlint/graph.hpp"
#include "planlint/outline.hpp"
#include "planlint/plan.hpp"
#include "planlint/rule_set.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

/// The plan of the file at `path`, as outline and graph read it: what the
/// reader noticed goes to `err`; an unreadable file is one line on `err` and
/// nothing, with why in `why`.
std::optional<Plan> plan_of(const std::string& path, const Options& options, const RuleSet& rules,
                            std::vector<std::unique_ptr<SourceFile>>& sources, std::ostream& err, std::string& why) {
  FileResult result;
  result.path = path;
  LoadError error;
  auto loaded = load_plan(path, error, options.limits, options.reading);
  if (!loaded) {
    result.error = error.message;
    result.error_at = error.where;
    print_unreadable(err, result);
    why = result.error;
    return std::nullopt;
  }
  const SourceFile& source = *sources.emplace_back(std::make_unique<SourceFile>(std::move(*loaded)));
  auto plan = read_file_plan(source, rules, result);
  print_diagnostics(result.notes, err);
  print_diagnostics(result.findings, err);
  if (!plan) {
    print_unreadable(err, result);
    why = result.error;
  }
  return plan;
}

/// The files a command reads: no output may replace them.
std::vector<std::string> read_by(const Options& options) {
  std::vector<std::string> read = options.inputs;
  read.insert(read.end(), options.rule_files.begin(), options.rule_files.end());
  return read;
}

const BuiltinRuleFile* page_of(std::string_view id) {
  const auto& pages = builtin_rule_pages();
  const auto page = std::find_if(pages.begin(), pages.end(), [&](const BuiltinRuleFile& p) { return p.name == id; });
  return page == pages.end() ? nullptr : &*page;
}

/// `rules --explain ID`: the rule's page, or what its declaration says.
int explain(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err) {
  if (const ReaderCheck* check = rules.find_reader_check(id)) {
    if (const auto* page = page_of(check->id)) {
      out << page->text;
    } else {
      out << check->id << " (" << to_string(check->severity) << ", found "
          << (check->scope == "config" ? "in the configuration" : "while reading") << ")\n\n" << check->summary << '\n';
    }
    return kExitOk;
  }
  const Rule* rule = rules.find(id);
  if (!rule) {
    err << "planlint: no rule “" << text::terminal_safe(id) << "” (see planlint rules)\n";
    return kExitError;
  }
  if (const auto* page = page_of(rule->id)) {
    out << page->text;
  } else {
    out << rule->id << " (" << to_string(rule->severity) << ", applies to " << to_string(rule->applies_to)
        << ")\n\n" << rule->summary << "\n\nmessage: " << rule->message.text << "\nhint: " << rule->hint.text
        << "\ndeclared in " << rule->file << ':' << rule->where.line << '\n';
  }
  return kExitOk;
}

/// `rules`: a row per rule and reader check.
void list_rules(const RuleSet& rules, std::ostream& out) {
  std::size_t width = 0;
  for (const auto& r : rules.rules) width = std::max(width, r.id.size());
  for (const auto& c : rules.reader_checks) width = std::max(width, c.id.size());
  const auto row = [&](const std::string& id, Severity severity, std::string_view scope, bool enabled,
                       const std::string& summary) {
    const std::string s(to_string(severity));
    out << id << std::string(width - id.size() + 2, ' ') << s << std::string(9 - s.size(), ' ') << scope
        << std::string(12 - scope.size(), ' ') << (enabled ? "" : "(disabled) ") << summary << '\n';
  };
  for (const auto& r : rules.rules) row(r.id, r.severity, to_string(r.applies_to), r.enabled, r.summary);
  // planlint's own checks: they apply to the text as it is read, or to the
  // configuration.
  for (const auto& c : rules.reader_checks) row(c.id, c.severity, c.scope, c.enabled, c.summary);
}

}  // namespace

int run_outline(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.empty()) {
    err << "planlint outline: no input files\n";
    return kExitError;
  }
  const auto output = open_output(options.output, read_by(options), out, err);
  if (!output) return kExitError;
  std::ostream& sink = output->stream();
  int status = kExitOk;
  std::vector<OutlineEntry> entries;
  std::vector<std::unique_ptr<SourceFile>> sources;  // the plans point into them
  bool first = true;
  for (const auto& path : options.inputs) {
    std::string why;
    auto plan = plan_of(path, options, *rules, sources, err, why);
    if (!plan) {
      entries.push_back(OutlineEntry{path, why});
      status = kExitError;
      continue;
    }
    if (options.format == Format::text) {
      if (!first) sink << '\n';
      write_outline_text(sink, *plan);
      first = false;
    }
    entries.push_back(OutlineEntry{path, std::move(*plan)});
  }
  if (options.format == Format::xml) write_outline_xml(sink, entries);
  return finish_output(*output, status, err);
}

int run_graph(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.size() != 1) {
    err << "planlint graph: give exactly one plan file\n";
    return kExitError;
  }
  const auto output = open_output(options.output, read_by(options), out, err);
  if (!output) return kExitError;
  std::vector<std::unique_ptr<SourceFile>> sources;
  std::string why;
  const auto plan = plan_of(options.inputs[0], options, *rules, sources, err, why);
  if (!plan) return kExitError;
  const PlanGraph graph = build_graph(*plan);
  if (options.format == Format::graphml) {
    write_graphml(output->stream(), graph);
  } else {
    write_dot(output->stream(), graph);
  }
  return finish_output(*output, kExitOk, err);
}

int run_config(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.size() != 1) {
    err << "planlint config: give exactly one file (the settings that apply to it are printed)\n";
    return kExitError;
  }
  const auto output = open_output(options.output, options.inputs, out, err);
  if (!output) return kExitError;
  ConfigCache cache;
  ConfigError error;
  const auto settings = settings_for(std::filesystem::absolute(options.inputs[0]), cache, error);
  if (!settings) {
    err << "planlint: " << text::terminal_safe(to_string(error)) << '\n';
    return kExitError;
  }
  output->stream() << describe(*settings);
  return finish_output(*output, kExitOk, err);
}

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.empty()) {
    err << "planlint extract: no input files\n";
    return kExitError;
  }
  const auto output = open_output(options.output, options.inputs, out, err);
  if (!output) return kExitError;
  std::ostream& sink = output->stream();
  int status = kExitOk;
  for (const auto& path : options.inputs) {
    LoadError error;
    const auto source = load_plan(path, error, options.limits, options.reading);
    if (!source) {
      FileResult result;
      result.path = path;
      result.error = error.message;
      result.error_at = error.where;
      print_unreadable(err, result);
      status = kExitError;
      continue;
    }
    // The view as planlint reads it; several files are told apart by a
    // header line each.
    if (options.inputs.size() > 1) sink << "==> " << path << " <==\n";
    const std::string_view text = source->text();
    sink.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!text.empty() && text.back() != '\n') sink << '\n';
  }
  return finish_output(*output, status, err);
}

int run_rules(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  const auto output = open_output(options.output, options.rule_files, out, err);
  if (!output) return kExitError;
  if (!options.explain.empty()) {
    const int status = explain(*rules, options.explain, output->stream(), err);
    if (status != kExitOk) return status;
  } else {
    list_rules(*rules, output->stream());
  }
  return finish_output(*output, kExitOk, err);
}

}  // namespace planlint
