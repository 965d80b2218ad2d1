// `planlint check` and `planlint baseline`: the run around the per-file
// pipeline (pipeline.cpp): configuration, inputs, reports, the gate.
#include "planlint/commands.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>

#include "baseline.hpp"
#include "config.hpp"
#include "ordered_map.hpp"
#include "output.hpp"
#include "pipeline.hpp"
#include "planlint/report.hpp"
#include "suppressions.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

namespace fs = std::filesystem;

/// A logger of this run, writing to standard error; quiet unless --verbose.
std::shared_ptr<spdlog::logger> make_logger(bool verbose) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("planlint", std::move(sink));
  logger->set_pattern("planlint: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::off);
  return logger;
}

bool given(const Options& options, std::string_view name) {
  return std::find(options.given.begin(), options.given.end(), name) != options.given.end();
}

/// The run as .planlint.toml says it, for what the command line leaves
/// unsaid: the configuration files found upward from the current directory.
std::optional<Options> configured(const Options& options, ConfigCache& cache, std::optional<Settings>& settings,
                                  std::ostream& err) {
  ConfigError error;
  settings = settings_for(fs::current_path() / "-", cache, error);
  if (!settings) {
    err << "planlint: " << text::terminal_safe(to_string(error)) << '\n';
    return std::nullopt;
  }
  Options run = options;
  run.rule_files.clear();
  for (const auto& r : settings->rules) run.rule_files.push_back(r.value);
  run.rule_files.insert(run.rule_files.end(), options.rule_files.begin(), options.rule_files.end());
  // Only what a file says: planlint's own defaults are the command line's.
  if (!given(options, "fail-on") && !settings->fail_on.source.empty()) run.fail_on = settings->fail_on.value;
  if (!given(options, "max-warnings") && settings->max_warnings.value) {
    run.max_warnings = static_cast<std::size_t>(*settings->max_warnings.value);
  }
  // A configured baseline not yet written (before the first `planlint
  // baseline`) holds nothing; one named on the command line must exist.
  if (!given(options, "baseline") && !settings->baseline.value.empty() && fs::exists(settings->baseline.value)) {
    run.baseline = settings->baseline.value;
  }
  if (!given(options, "format") && !settings->formats.value.empty()) {
    run.reports.clear();
    for (const auto& f : settings->formats.value) run.reports.push_back(ReportRequest{f.name, f.file});
  }
  return run;
}

/// The inputs of the run: those named, and those --files-from lists (one
/// path per line, blank lines skipped). Nothing, after one line on `err`,
/// when the list cannot be read or no input is left.
std::optional<std::vector<std::string>> named_inputs(const Options& options, std::istream& in, std::ostream& err) {
  std::vector<std::string> inputs = options.inputs;
  if (!options.files_from.empty()) {
    LoadError error;
    const auto list = options.files_from == "-" ? read_stream_bytes(in, error, options.limits)
                                                : read_file_bytes(options.files_from, error, options.limits);
    if (!list) {
      err << "planlint: " << text::terminal_safe(options.files_from) << ": error: " << error.message << '\n';
      return std::nullopt;
    }
    std::istringstream lines(*list);
    for (std::string line; std::getline(lines, line);) {
      const std::string_view path = text::trim(line);
      if (!path.empty()) inputs.emplace_back(path);
    }
  }
  if (options.files_from == "-" && std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    err << "planlint check: standard input cannot be both the list of files (--files-from -) and a plan (-)\n";
    return std::nullopt;
  }
  if (inputs.empty()) {
    err << "planlint check: no input files\n";
    return std::nullopt;
  }
  return inputs;
}

/// The settings of each folder met, found once: the files of a folder share
/// them (a run of a thousand plans in one folder resolves one).
class FolderSettings {
 public:
  explicit FolderSettings(ConfigCache& cache) : cache_(cache) {}

  /// The settings of the file at `path`; nothing, with `error`, when one of
  /// its configuration files is bad.
  const Settings* of(const std::string& path, ConfigError& error) {
    const std::string folder = fs::path(path).parent_path().string();
    auto it = found_.find(folder);
    if (it == found_.end()) {
      Found f;
      f.settings = settings_for(fs::absolute(path), cache_, f.error);
      it = found_.emplace(folder, std::move(f)).first;
    }
    if (!it->second.settings) error = it->second.error;
    return it->second.settings ? &*it->second.settings : nullptr;
  }

 private:
  struct Found {
    std::optional<Settings> settings;
    ConfigError error;
  };
  ConfigCache& cache_;
  std::map<std::string, Found> found_;
};

/// The plan files of the run: walked directories filtered by what their
/// .planlint.toml files include, links to directories named on `err`, other
/// files named with --verbose. Nothing, after one line on `err`, when a
/// configuration is bad or no plan file is left.
std::optional<std::vector<InputFile>> plan_files(const std::vector<std::string>& inputs, FolderSettings& folders,
                                                 spdlog::logger& logger, std::ostream& err) {
  std::vector<InputFile> files;
  for (auto& f : expand_inputs(inputs)) {
    if (f.walked && f.error.empty()) {
      // A walk checks what the file's own .planlint.toml files include.
      ConfigError error;
      const Settings* own = folders.of(f.path, error);
      if (!own) {
        err << "planlint: " << text::terminal_safe(to_string(error)) << '\n';
        return std::nullopt;
      }
      if (!own->files.empty() && !included(*own, fs::absolute(f.path))) {
        logger.debug("{}: excluded by {}", text::terminal_safe(f.path), own->files.back());
        continue;
      }
    }
    if (f.ignored) {
      logger.debug("{}: {}", text::terminal_safe(f.path), f.error);
    } else if (f.skipped) {
      err << text::terminal_safe(f.path) << ": note: " << f.error << '\n';
    } else {
      files.push_back(std::move(f));
    }
  }
  if (files.empty()) {
    // As ESLint and textlint: paths that match no plan file are a mistake in
    // the command or the configuration, not a clean run.
    err << "planlint check: no plan files found in the paths given (.txt, .md, .markdown, .docx; hidden folders "
           "and what .planlint.toml excludes are not walked)\n";
    return std::nullopt;
  }
  return files;
}

/// The rule sets of folders whose .planlint.toml files differ from the
/// run's, by the configuration files read.
using RuleSets = std::map<std::vector<std::string>, std::unique_ptr<RuleSet>>;

/// Each file's rules and suppressions, by the .planlint.toml files above it
/// (resolved before the checking starts: the configuration cache is not
/// shared between the threads that check). A folder whose files differ from
/// the run's gets its own rule set in `sets`: their rule files, switches and
/// severities, then the command line's `--rules`, `--enable` and
/// `--disable`, which win; its rule files join `read`. Nothing, after the
/// problem on `err`, when a configuration or a rule file is bad.
std::optional<std::vector<FileSettings>> settings_of_files(const std::vector<InputFile>& files, FolderSettings& folders,
                                                           const Settings& run_settings, const RuleSet& run_rules,
                                                           const Options& options,
                                                           const std::vector<std::string>& command_line_rules,
                                                           RuleSets& sets, std::vector<std::string>& read,
                                                           std::ostream& err) {
  std::vector<FileSettings> out(files.size(), FileSettings{&run_rules, {}});
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i].error.empty() || files[i].path == "-") continue;
    ConfigError error;
    const Settings* own = folders.of(files[i].path, error);
    if (!own) {
      err << "planlint: " << text::terminal_safe(to_string(error)) << '\n';
      return std::nullopt;
    }
    out[i].suppressions = own->suppressions;
    if (own->files == run_settings.files) continue;  // the run's own configuration
    auto& set = sets[own->files];
    if (!set) {
      Options for_folder = options;
      for_folder.rule_files.clear();
      for (const auto& r : own->rules) for_folder.rule_files.push_back(r.value);
      for_folder.rule_files.insert(for_folder.rule_files.end(), command_line_rules.begin(), command_line_rules.end());
      auto prepared = prepare_rules(for_folder, err, own);
      if (!prepared) return std::nullopt;
      set = std::make_unique<RuleSet>(std::move(*prepared));
      read.insert(read.end(), for_folder.rule_files.begin(), for_folder.rule_files.end());
    }
    out[i].rules = set.get();
  }
  return out;
}

/// What the reports say besides the findings: the run's rules, then those
/// folders' own configurations add, so that each finding's rule is described.
ReportContext context_of(const RuleSet& run_rules, const RuleSets& sets, bool timestamp) {
  ReportContext context = report_context(run_rules);
  context.include_timestamp = timestamp;
  for (const auto& [files_read, set] : sets) {
    for (auto& rule : report_context(*set).rules) {
      const bool known = std::any_of(context.rules.begin(), context.rules.end(),
                                     [&](const RuleInfo& r) { return r.id == rule.id; });
      if (!known) context.rules.push_back(std::move(rule));
    }
  }
  return context;
}

/// One report of the run: its writer and where it goes.
struct Report {
  std::unique_ptr<Output> output;
  std::unique_ptr<ReportWriter> writer;
  bool names_files = false;  // it gives each file's SHA-256 (xml, json)
};

/// What the run adds up over its files.
struct RunTally {
  ReportTotals totals;
  bool failed_on_findings = false;
  std::size_t baselined = 0;
  std::vector<StaleEntry> stale;
  std::vector<Finding> findings;  // planlint baseline: every finding, with its subject
  SuppressionTally suppressions;

  /// Adds a file's result; `checked`: one of the files checked, not a
  /// configuration file that findings name.
  void add(const FileResult& r, const std::optional<Severity>& fail_on, bool checked = true) {
    if (checked) ++totals.files;
    if (!r.error.empty()) ++totals.failed_files;
    totals.errors += r.count(Severity::error);
    totals.warnings += r.count(Severity::warning);
    totals.infos += r.count(Severity::info);
    for (const Severity s : {Severity::info, Severity::warning, Severity::error}) {
      if (fail_on && s >= *fail_on && r.count(s) > 0) failed_on_findings = true;
    }
    baselined += r.baselined;
    std::copy(r.stale.begin(), r.stale.end(), std::back_inserter(stale));
  }
};

/// Writes the baseline of the run: every finding, or the old baseline
/// without the entries that matched nothing (--prune).
int write_baseline_file(const std::string& path, const std::optional<Baseline>& old, RunTally& tally,
                        const std::vector<std::string>& read, const std::vector<InputFile>& files, std::ostream& out,
                        std::ostream& err) {
  Baseline written = old ? *old : make_baseline(tally.findings, fs::absolute(path).parent_path());
  if (old) prune(written, tally.stale);
  auto output = open_output(path, read, out, err, files);
  if (!output) return kExitError;
  write_baseline(output->stream(), written);
  if (finish_output(*output, kExitOk, err) != kExitOk) return kExitError;
  err << "planlint: " << text::terminal_safe(path) << ": "
      << (old ? std::to_string(tally.stale.size()) + " stale entries pruned"
              : std::to_string(tally.findings.size()) + " findings written")
      << '\n';
  return tally.totals.failed_files ? kExitError : kExitOk;
}

/// What the baseline held and which of its entries matched nothing, on `err`.
void say_baselined(const std::string& path, const RunTally& tally, std::ostream& err) {
  err << "planlint: the baseline " << text::terminal_safe(path) << " held " << tally.baselined << " findings";
  if (!tally.stale.empty()) {
    err << "; " << tally.stale.size() << " of its entries match nothing (planlint baseline --prune)";
  }
  err << '\n';
  for (const auto& s : tally.stale) {
    err << text::terminal_safe(s.file) << ": note: stale baseline entry [" << text::terminal_safe(s.rule) << "] "
        << text::terminal_safe(s.subject) << '\n';
  }
}

}  // namespace

int run_check(const Options& command_line, std::istream& in, std::ostream& out, std::ostream& err,
              bool out_is_terminal) {
  const auto logger = make_logger(command_line.verbose);
  const auto start = std::chrono::steady_clock::now();
  ConfigCache config;
  std::optional<Settings> settings;
  const auto run = configured(command_line, config, settings, err);
  if (!run) return kExitError;
  const Options& options = *run;
  const auto rules = prepare_rules(options, err, &*settings);
  if (!rules) return kExitError;
  logger->debug("loaded {} rules and {} lexicons from {} rule files in {:.2f} ms", rules->rules.size(),
                rules->lexicons.names().size(), rules->files.size(), ms_between(start, std::chrono::steady_clock::now()));
  const auto inputs = named_inputs(options, in, err);
  if (!inputs) return kExitError;
  FolderSettings folders(config);
  auto found = plan_files(*inputs, folders, *logger, err);
  if (!found) return kExitError;
  std::vector<InputFile>& files = *found;
  // What no output may replace: the rule files read (each folder's join them
  // below) and the plan files, `files`, which open_output compares by the
  // identity their walk saw.
  std::vector<std::string> read = options.rule_files;

  // check --baseline FILE reports only what the baseline does not hold;
  // planlint baseline writes one (--prune: drops what matches nothing).
  const bool writing_baseline = options.command == "baseline";
  const std::string baseline_path =
      !options.baseline.empty() ? options.baseline : writing_baseline ? std::string(kBaselineFileName) : std::string();
  std::optional<Baseline> baseline;
  if (!baseline_path.empty() && (!writing_baseline || options.prune)) {
    LoadError error;
    baseline = read_baseline(baseline_path, error);
    if (!baseline) {
      err << "planlint: " << text::terminal_safe(baseline_path) << ": error: " << error.message << '\n';
      return kExitError;
    }
  }
  RuleSets rule_sets;
  auto file_settings = settings_of_files(files, folders, *settings, *rules, options, command_line.rule_files, rule_sets,
                                         read, err);
  if (!file_settings) return kExitError;

  // One report per --format: NAME to standard output (or --output), NAME=FILE
  // to its own file; one run writes them all. planlint baseline writes the
  // baseline, not a report.
  const ReportContext context = context_of(*rules, rule_sets, options.timestamp);
  std::vector<Report> reports;
  const bool color = options.color == ColorMode::always ||
                     (options.color == ColorMode::automatic && out_is_terminal && options.output.empty());
  for (const auto& request : options.reports) {
    if (writing_baseline) break;
    Report r;
    r.output = open_output(request.file.empty() ? options.output : request.file, read, out, err, files);
    if (!r.output) return kExitError;
    r.writer = make_report_writer(request.name, r.output->stream(), context, TextStyle{color && request.file.empty()});
    r.names_files = request.name == "xml" || request.name == "json";
    reports.push_back(std::move(r));
  }

  // Standard input is read once, within the limits, whoever names it.
  std::optional<std::string> standard_input;
  if (std::any_of(files.begin(), files.end(), [](const InputFile& f) { return f.path == "-" && f.error.empty(); })) {
    LoadError error;
    standard_input = read_stream_bytes(in, error, options.limits);
    if (!standard_input) {
      for (auto& f : files) {
        if (f.path == "-") f.error = error.message;
      }
    }
  }
  // No more threads than files, nor than kMaxJobs.
  const unsigned jobs = static_cast<unsigned>(
      std::max<std::size_t>(1, std::min<std::size_t>({options.jobs, kMaxJobs, files.size()})));
  const CheckSetup setup{options,         *logger,
                         baseline ? &*baseline : nullptr, local_today(),
                         writing_baseline,
                         std::any_of(reports.begin(), reports.end(), [](const Report& r) { return r.names_files; })};
  RunTally tally;
  for (auto& r : reports) r.writer->begin();
  map_in_order(
      files.size(), jobs,
      [&](std::size_t i) {
        // The thread that checks a file also renders its part of each report
        // and lets go of the file: writing a part is then one append.
        std::optional<std::string> bytes;
        if (files[i].path == "-" && files[i].error.empty()) bytes = *standard_input;
        FileResult result = check_file(files[i], std::move(bytes), (*file_settings)[i], setup);
        for (const auto& r : reports) result.rendered.push_back(r.writer->render(result));
        // What waits to be written is the rendered parts and the counts: the
        // source and the findings are let go here, their memory with them.
        result.source.reset();
        if (!writing_baseline) result.findings = {};
        return result;
      },
      [&](FileResult result) {
        print_diagnostics(result.notes, err);
        if (!result.error.empty()) print_unreadable(err, result);
        tally.add(result, options.fail_on);
        for (std::size_t k = 0; k < reports.size(); ++k) reports[k].writer->write(result.rendered[k]);
        // The files are emitted in order: index of this one.
        const std::size_t index = tally.totals.files - 1;
        const auto& in_force = (*file_settings)[index].suppressions;
        if (!in_force.empty()) planlint::tally(tally.suppressions, in_force, result.suppressed);
        for (std::size_t k = 0; k < result.subjects.size(); ++k) {
          tally.findings.push_back(Finding{std::move(result.findings[k]), std::move(result.subjects[k])});
        }
      });

  // Suppressions that expired or matched nothing are findings of the
  // configuration file that holds them, as their checks are set.
  std::vector<Diagnostic> about_suppressions = suppression_findings(tally.suppressions, setup.today);
  std::erase_if(about_suppressions, [&](Diagnostic& d) {
    return !apply_check_setting(*rules, d) || (options.quiet && d.severity != Severity::error);
  });
  // The configuration file as the plans are named: relative to the current
  // directory when it is below it (SARIF, GitLab and GitHub link it so).
  const fs::path here = fs::current_path();
  for (auto& d : about_suppressions) {
    const fs::path relative = fs::path(d.file).lexically_relative(here);
    if (!relative.empty() && *relative.begin() != "..") d.file = relative.string();
  }
  std::stable_sort(about_suppressions.begin(), about_suppressions.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
  for (std::size_t k = 0; k < about_suppressions.size();) {
    FileResult config_file;
    config_file.path = about_suppressions[k].file;
    while (k < about_suppressions.size() && about_suppressions[k].file == config_file.path) {
      config_file.findings.push_back(about_suppressions[k++]);
    }
    config_file.count_findings();
    tally.add(config_file, options.fail_on, false);
    for (auto& r : reports) r.writer->write(r.writer->render(config_file));
  }
  const bool too_many_warnings = options.max_warnings && tally.totals.warnings > *options.max_warnings;
  if (too_many_warnings) tally.failed_on_findings = true;
  int status = tally.totals.failed_files ? kExitError : tally.failed_on_findings ? kExitFindings : kExitOk;
  tally.totals.verdict = status == kExitOk ? "pass" : status == kExitFindings ? "fail" : "error";
  tally.totals.fail_on = options.fail_on ? std::string(to_string(*options.fail_on)) : "never";
  for (auto& r : reports) r.writer->end(tally.totals);
  logger->debug("{} files in {:.2f} ms", files.size(), ms_between(start, std::chrono::steady_clock::now()));

  if (writing_baseline) return write_baseline_file(baseline_path, baseline, tally, read, files, out, err);
  if (baseline) say_baselined(baseline_path, tally, err);
  if (too_many_warnings) {
    err << "planlint: " << tally.totals.warnings << " warnings, more than --max-warnings " << *options.max_warnings
        << '\n';
  }
  for (auto& r : reports) status = finish_output(*r.output, status, err) == kExitError ? kExitError : status;
  return status;
}

}  // namespace planlint
