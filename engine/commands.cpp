#include "planlint/commands.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

#include "planlint/graph.hpp"
#include "planlint/outline.hpp"
#include "planlint/parse.hpp"
#include "planlint/plan.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"

namespace planlint {

namespace fs = std::filesystem;

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

/// A logger of this run, writing to standard error; quiet unless --verbose.
std::shared_ptr<spdlog::logger> make_logger(bool verbose) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_st>();
  auto logger = std::make_shared<spdlog::logger>("planlint", std::move(sink));
  logger->set_pattern("planlint: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::off);
  return logger;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// Loads the rules and applies --disable/--enable; reports problems to err.
std::optional<RuleSet> prepare_rules(const Options& options, std::ostream& err) {
  RuleSet rules;
  DiagnosticList problems;
  if (!load_rules(options.rule_files, rules, problems)) {
    print_diagnostics(problems.items, err);
    return std::nullopt;
  }
  for (const auto& [id, enabled] : options.switches) {
    if (!rules.set_enabled(id, enabled)) {
      err << "planlint: no rule “" << id << "” to " << (enabled ? "enable" : "disable")
          << " (see planlint rules)\n";
      return std::nullopt;
    }
  }
  return rules;
}

struct Checked {
  std::optional<Plan> plan;
  std::string error;
  std::vector<Diagnostic> notes;  // plan-reading warnings (numbering slips, …)
};

Checked read_plan(const SourceFile& source, const RuleSet& rules) {
  Checked c;
  DiagnosticList notes;
  auto document = parse_document(source, notes);
  if (!document) {
    c.error = notes.items.empty() ? "parse error" : notes.items[0].message;
    return c;
  }
  c.plan = build_plan(source, *document, rules.lexicons, notes);
  c.notes = std::move(notes.items);
  return c;
}

}  // namespace

bool write_atomically(const std::string& path, const std::string& content, std::string& error) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir.string();
    return false;
  }
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != content.size() || !synced || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    error = "cannot write " + path;
    return false;
  }
  return true;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".txt" || ext == ".md")) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

int run_outline(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.empty()) {
    err << "planlint outline: no input files\n";
    return kExitError;
  }
  int status = kExitOk;
  std::vector<OutlineEntry> entries;
  bool first = true;
  for (const auto& path : options.inputs) {
    LoadError error;
    auto source = load_source(path, error);
    if (!source) {
      err << path << ": error: " << error.message << '\n';
      entries.push_back(OutlineEntry{path, error.message});
      status = kExitError;
      continue;
    }
    Checked c = read_plan(*source, *rules);
    print_diagnostics(c.notes, err);
    if (!c.plan) {
      err << path << ": error: " << c.error << '\n';
      entries.push_back(OutlineEntry{path, c.error});
      status = kExitError;
      continue;
    }
    if (options.format == Format::text) {
      if (!first) out << '\n';
      write_outline_text(out, *c.plan);
      first = false;
    }
    entries.push_back(OutlineEntry{path, std::move(*c.plan)});
  }
  if (options.format == Format::xml) write_outline_xml(out, entries);
  return status;
}

int run_check(const Options& options, std::istream& in, std::ostream& out, std::ostream& err,
              bool out_is_terminal) {
  const auto logger = make_logger(options.verbose);
  const auto start = std::chrono::steady_clock::now();
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  logger->debug("loaded {} rules and {} lexicons from {} rule files in {:.2f} ms", rules->rules.size(),
                rules->lexicons.names().size(), rules->files.size(), ms_since(start));
  if (options.inputs.empty()) {
    err << "planlint check: no input files\n";
    return kExitError;
  }
  const RuleEnvironment env{rules->lexicons, rules->regexes};
  std::vector<FileReport> reports;
  bool unreadable = false;
  for (const auto& path : expand_inputs(options.inputs)) {
    const auto file_start = std::chrono::steady_clock::now();
    FileReport report;
    report.path = path;
    LoadError error;
    std::optional<SourceFile> source;
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (auto bad = check_utf8_text(bytes)) {
        error = *bad;
      } else if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = LoadError{"empty input"};
      } else {
        source.emplace("-", std::move(bytes));
      }
    } else {
      source = load_source(path, error);
    }
    if (!source) {
      report.error = error.message;
      err << path << ": error: " << error.message << '\n';
      unreadable = true;
      reports.push_back(std::move(report));
      continue;
    }
    auto shared = std::make_shared<const SourceFile>(std::move(*source));
    Checked c = read_plan(*shared, *rules);
    print_diagnostics(c.notes, err);
    if (!c.plan) {
      report.error = c.error;
      err << path << ": error: " << c.error << '\n';
      unreadable = true;
      reports.push_back(std::move(report));
      continue;
    }
    const auto parsed = std::chrono::steady_clock::now();
    const PlanGraph graph = build_graph(*c.plan);
    DiagnosticList findings;
    evaluate_rules(rules->rules, graph, env, findings);
    std::stable_sort(findings.items.begin(), findings.items.end());
    report.title = c.plan->title;
    report.kind = c.plan->kind;
    report.findings = std::move(findings.items);
    report.source = std::move(shared);
    logger->debug("{}: read in {:.2f} ms, checked in {:.2f} ms, {} findings", path,
                  std::chrono::duration<double, std::milli>(parsed - file_start).count(),
                  ms_since(parsed), report.findings.size());
    reports.push_back(std::move(report));
  }

  std::ostringstream buffer;
  std::ostream& sink = options.output.empty() ? out : buffer;
  if (options.format == Format::xml) {
    write_xml_report(sink, reports);
  } else {
    const bool color = options.color == ColorMode::always ||
                       (options.color == ColorMode::automatic && out_is_terminal && options.output.empty());
    write_text_report(sink, reports, TextStyle{color});
  }
  if (!options.output.empty()) {
    std::string error;
    if (!write_atomically(options.output, buffer.str(), error)) {
      err << "planlint: " << error << '\n';
      return kExitError;
    }
  }
  logger->debug("done in {:.2f} ms", ms_since(start));
  if (unreadable) return kExitError;
  if (!options.fail_on) return kExitOk;
  for (const auto& r : reports) {
    for (const auto& d : r.findings) {
      if (d.severity >= *options.fail_on) return kExitFindings;
    }
  }
  return kExitOk;
}

int run_graph(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.size() != 1) {
    err << "planlint graph: give exactly one plan file\n";
    return kExitError;
  }
  LoadError error;
  const auto source = load_source(options.inputs[0], error);
  if (!source) {
    err << options.inputs[0] << ": error: " << error.message << '\n';
    return kExitError;
  }
  Checked c = read_plan(*source, *rules);
  print_diagnostics(c.notes, err);
  if (!c.plan) {
    err << options.inputs[0] << ": error: " << c.error << '\n';
    return kExitError;
  }
  const PlanGraph graph = build_graph(*c.plan);
  if (options.format == Format::graphml) {
    write_graphml(out, graph);
  } else {
    write_dot(out, graph);
  }
  return kExitOk;
}

int run_rules(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (!options.explain.empty()) {
    const Rule* rule = rules->find(options.explain);
    if (!rule) {
      err << "planlint: no rule “" << options.explain << "” (see planlint rules)\n";
      return kExitError;
    }
    const auto& pages = builtin_rule_pages();
    const auto page = std::find_if(pages.begin(), pages.end(), [&](const BuiltinRuleFile& p) { return p.name == rule->id; });
    if (page != pages.end()) {
      out << page->text;
    } else {
      out << rule->id << " (" << to_string(rule->severity) << ", applies to "
          << to_string(rule->applies_to) << ")\n\n" << rule->summary << "\n\nmessage: " << rule->message
          << "\nhint: " << rule->hint << "\ndeclared in " << rule->file << ':' << rule->where.line << '\n';
    }
    return kExitOk;
  }
  std::size_t width = 0;
  for (const auto& r : rules->rules) width = std::max(width, r.id.size());
  for (const auto& r : rules->rules) {
    out << r.id << std::string(width - r.id.size() + 2, ' ');
    const std::string severity(to_string(r.severity));
    const std::string scope(to_string(r.applies_to));
    out << severity << std::string(9 - severity.size(), ' ') << scope << std::string(12 - scope.size(), ' ')
        << (r.enabled ? "" : "(disabled) ") << r.summary << '\n';
  }
  return kExitOk;
}

}  // namespace planlint
