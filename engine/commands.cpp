#include "planlint/commands.hpp"

#include "baseline.hpp"
#include "config.hpp"
#include "suppressions.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>
#include <type_traits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "planlint/graph.hpp"
#include "planlint/outline.hpp"
#include "planlint/plan.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"
#include "text_util.hpp"

namespace planlint {

namespace fs = std::filesystem;

namespace {

/// One line per diagnostic, each handed to `err` whole: standard error is
/// unbuffered, and a line written in pieces costs a system call a piece.
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

/// A logger of this run, writing to standard error; quiet unless --verbose.
std::shared_ptr<spdlog::logger> make_logger(bool verbose) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("planlint", std::move(sink));
  logger->set_pattern("planlint: %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::off);
  return logger;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// Loads the rules and applies --disable/--enable; reports problems to err.
std::optional<RuleSet> prepare_rules(const Options& options, std::ostream& err,
                                     const Settings* settings = nullptr) {
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

struct Checked {
  std::optional<Plan> plan;
  std::string error;
  std::vector<Diagnostic> notes;  // plan-reading warnings (numbering slips, …)
};

Checked read_checked(const SourceFile& source, const RuleSet& rules) {
  Checked c;
  DiagnosticList notes;
  c.plan = read_plan(source, rules.lexicons, notes);
  if (!c.plan) {
    c.error = notes.items.empty() ? "parse error" : notes.items[0].message;
    return c;
  }
  c.notes = std::move(notes.items);
  return c;
}

/// One line on standard error for an input that cannot be read.
void print_unreadable(std::ostream& err, std::string_view path, std::string_view why) {
  std::string line = text::terminal_safe(path);
  line += ": error: ";
  line += text::terminal_safe(why);
  line += '\n';
  err << line;
}

/// Puts the complete file `from` in the place of `to` in one step: a reader
/// of `to` finds the whole old report or the whole new one. A previous report
/// (a regular file) is swapped with the new one and then removed. A plain
/// rename over it costs 6-40 ms for a 5.9 MB report on ext4, whose guard
/// for files replaced by rename (auto_da_alloc) writes the new file out and
/// releases the old one's blocks inside the call; the swap and the removal
/// take under 1 ms. Anything else at `to` (no file, a link) and a file
/// system that cannot swap get a plain rename.
bool replace(const std::string& from, const std::string& to) {
#ifdef RENAME_EXCHANGE
  struct stat existing {};
  if (::lstat(to.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
      ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) {
    ::unlink(from.c_str());  // the old report, now under the temporary name
    return true;
  }
#endif
  return std::rename(from.c_str(), to.c_str()) == 0;
}

std::string reason(int err) { return err ? std::string(": ") + std::strerror(err) : std::string(); }

/// The input among `inputs` that `output` is (the same file, through links
/// or hard links too), if any: writing the output would destroy it.
std::optional<std::string> output_among_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return std::nullopt;
  for (const auto& input : inputs) {
    struct stat in {};
    if (input != "-" && ::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return input;
    }
  }
  return std::nullopt;
}

/// Where a command's output goes: the given stream (standard output); a
/// device, FIFO or other special file at --output, written into as it is;
/// or a temporary file beside --output that replaces it (a regular file, a
/// link, or nothing yet) only when the output is complete. Every write is
/// checked: commit() fails when any did.
class OutputTarget {
 public:
  OutputTarget(const std::string& output, std::ostream& out) : output_(output), out_(&out) {
    if (output_.empty()) return;
    struct stat existing {};
    if (::stat(output_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
      if (S_ISDIR(existing.st_mode)) {
        error_ = "cannot write " + output_ + ": is a directory";
        return;
      }
      // /dev/null, /dev/stdout, a FIFO: written into; never replaced.
      file_.open(output_, std::ios::binary | std::ios::out);
      if (!file_) error_ = "cannot write " + output_ + reason(errno);
      out_ = &file_;
      return;
    }
    const fs::path target(output_);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
      error_ = "cannot create a temporary file in " + dir.string() + reason(errno);
      return;
    }
    // mkstemp makes the file private; a report gets the usual mode.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    temp_ = temp;
    // Opened without truncating it: ext4 writes out at close a file that was
    // truncated to nothing (the same guard as for rename).
    file_.open(temp_, std::ios::binary | std::ios::in | std::ios::out);
    out_ = &file_;
  }
  ~OutputTarget() {
    if (!temp_.empty()) std::remove(temp_.c_str());
  }
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  std::ostream* stream() { return error_.empty() ? out_ : nullptr; }
  const std::string& error() const { return error_; }

  /// Flushes and checks every write; for a temporary file, renames it over
  /// the target. False, with error(), when anything could not be written.
  bool commit() {
    errno = 0;
    out_->flush();
    int err = errno;
    bool written = static_cast<bool>(*out_);
    if (file_.is_open()) {
      file_.close();
      if (!file_ && written) err = errno;
      written = written && static_cast<bool>(file_);
    }
    if (!written) {
      error_ = "cannot write " + (output_.empty() ? std::string("to standard output") : output_) + reason(err);
      return false;
    }
    if (temp_.empty()) return true;
    if (!replace(temp_, output_)) {
      error_ = "cannot write " + output_ + reason(errno);
      return false;
    }
    temp_.clear();
    return true;
  }

 private:
  std::string output_;
  std::ostream* out_;
  std::ofstream file_;
  std::string temp_;
  std::string error_;
};

/// Opens the output of a command, refusing an --output that is one of
/// `inputs`; on failure says why on `err` and returns nothing.
/// An output at `path` (empty: `out`), refused when it is one of `inputs`.
std::unique_ptr<OutputTarget> open_output_at(const std::string& path, const std::vector<std::string>& inputs,
                                             std::ostream& out, std::ostream& err) {
  if (!path.empty()) {
    if (const auto same = output_among_inputs(path, inputs)) {
      err << "planlint: " << text::terminal_safe(path) << ": error: the output would replace the input "
          << text::terminal_safe(*same) << "; choose another --output\n";
      return nullptr;
    }
  }
  auto target = std::make_unique<OutputTarget>(path, out);
  if (!target->stream()) {
    err << "planlint: " << text::terminal_safe(target->error()) << '\n';
    return nullptr;
  }
  return target;
}

std::unique_ptr<OutputTarget> open_output(const Options& options, const std::vector<std::string>& inputs,
                                          std::ostream& out, std::ostream& err) {
  return open_output_at(options.output, inputs, out, err);
}

/// Commits a command's output; a failed write is one line and exit code 2.
int finish_output(OutputTarget& target, int status, std::ostream& err) {
  if (!target.commit()) {
    err << "planlint: " << text::terminal_safe(target.error()) << '\n';
    return kExitError;
  }
  return status;
}

}  // namespace

int run_outline(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.empty()) {
    err << "planlint outline: no input files\n";
    return kExitError;
  }
  std::vector<std::string> read = options.inputs;
  read.insert(read.end(), options.rule_files.begin(), options.rule_files.end());
  const auto target = open_output(options, read, out, err);
  if (!target) return kExitError;
  std::ostream& sink = *target->stream();
  int status = kExitOk;
  std::vector<OutlineEntry> entries;
  std::vector<std::unique_ptr<SourceFile>> sources;  // the plans point into them
  bool first = true;
  for (const auto& path : options.inputs) {
    LoadError error;
    auto loaded = load_plan(path, error, options.limits, options.reading);
    if (!loaded) {
      print_unreadable(err, path, error.message);
      entries.push_back(OutlineEntry{path, error.message});
      status = kExitError;
      continue;
    }
    const SourceFile& source = *sources.emplace_back(std::make_unique<SourceFile>(std::move(*loaded)));
    Checked c = read_checked(source, *rules);
    print_diagnostics(c.notes, err);
    if (!c.plan) {
      print_unreadable(err, path, c.error);
      entries.push_back(OutlineEntry{path, c.error});
      status = kExitError;
      continue;
    }
    if (options.format == Format::text) {
      if (!first) sink << '\n';
      write_outline_text(sink, *c.plan);
      first = false;
    }
    entries.push_back(OutlineEntry{path, std::move(*c.plan)});
  }
  if (options.format == Format::xml) write_outline_xml(sink, entries);
  return finish_output(*target, status, err);
}

namespace {

/// Reads, parses and checks one file. Safe to call from several threads: the
/// rule set is only read.
/// A file's findings against the baseline: those it holds (counted), those
/// it does not (reported), its entries that matched nothing; and every
/// finding with its subject, for `planlint baseline`.
struct BaselineResult {
  std::vector<Finding> findings;  // planlint baseline: all of the file's
  std::size_t matched = 0;
  std::vector<StaleEntry> stale;
  Suppressed suppressed;  // its counts per suppression in force for the file
};

/// The suppressions of .planlint.toml in force for one file, and today.
struct SuppressionsInForce {
  const std::vector<SuppressionSpec>* specs = nullptr;
  Date today;
};

FileReport check_one(const InputFile& input, std::optional<std::string> bytes, const RuleSet& rules,
                     const RuleEnvironment& env, const Options& options, spdlog::logger& logger,
                     const Baseline* baseline, const SuppressionsInForce& suppressions,
                     BaselineResult& baselined) {
  const auto start = std::chrono::steady_clock::now();
  // Standard input goes by the name --stdin-filename gives it, in reports and
  // in choosing its format (.md, .docx).
  const std::string& path =
      input.path == "-" && !options.stdin_filename.empty() ? options.stdin_filename : input.path;
  FileReport report;
  report.path = path;
  if (!input.error.empty()) {
    report.error = input.error;
    return report;
  }
  LoadError error;
  std::optional<SourceFile> source = bytes ? plan_from_bytes(path, std::move(*bytes), options.reading, error)
                                           : load_plan(path, error, options.limits, options.reading);
  if (!source) {
    report.error = error.message;
    return report;
  }
  report.format = source->format();
  report.encoding = source->encoding();
  auto shared = std::make_shared<const SourceFile>(std::move(*source));
  auto read = start;
  DiagnosticQueue findings;
  {
    Checked c = read_checked(*shared, rules);
    // What the reader found is a finding like the rules': at the severity
    // its check is given, or not at all when the check is switched off.
    for (auto& d : c.notes) {
      const ReaderCheck* check = rules.find_reader_check(d.rule);
      if (!check) {
        report.notes.push_back(std::move(d));
      } else if (check->enabled) {
        d.severity = check->severity;
        findings.report(std::move(d));
      }
    }
    if (!c.plan) {
      report.error = c.error;
      return report;
    }
    read = std::chrono::steady_clock::now();
    const PlanGraph graph = build_graph(*c.plan);
    evaluate_rules(rules.rules, graph, env, findings);
    report.title = c.plan->title;
    report.kind = c.plan->kind;
  }  // the plan and its graph are released before the findings are sorted
  report.findings = findings.take_sorted();
  if (options.quiet) {
    std::erase_if(report.findings, [](const Diagnostic& d) { return d.severity != Severity::error; });
  }
  const bool suppressing = suppressions.specs && !suppressions.specs->empty();
  if (baseline || suppressing || options.command == "baseline") {
    // Findings are known by their subject's text, not their line: a
    // baseline survives lines inserted above them.
    std::vector<Finding> subjects;
    for (auto& d : report.findings) {
      std::string subject = subject_of(d, *shared);
      subjects.push_back(Finding{std::move(d), std::move(subject)});
    }
    report.findings.clear();
    // Suppressions first: a finding the team has accepted is neither new nor
    // baselined.
    if (suppressing) {
      baselined.suppressed = apply_suppressions(*suppressions.specs, std::move(subjects), suppressions.today);
      subjects = std::move(baselined.suppressed.kept);
    }
    if (baseline) {
      BaselineMatch match = apply_baseline(*baseline, std::move(subjects), {path});
      baselined.matched = match.matched;
      baselined.stale = std::move(match.stale);
      subjects = std::move(match.fresh);
    }
    for (const auto& f : subjects) report.findings.push_back(f.diagnostic);
    if (options.command == "baseline") baselined.findings = std::move(subjects);
  }
  if (!report.findings.empty()) report.source = std::move(shared);
  logger.debug("{}: read in {:.2f} ms, checked in {:.2f} ms, {} findings", text::terminal_safe(path),
               std::chrono::duration<double, std::milli>(read - start).count(), ms_since(read),
               report.findings.size());
  return report;
}

/// A file once checked, as the report needs it: its part of the report
/// (already rendered), what standard error shows, and its findings counted.
struct CheckedFile {
  std::string path;
  std::string error;
  std::vector<Diagnostic> notes;
  std::vector<std::string> parts;  // one per report format, in the order of --format
  BaselineResult baselined;
  std::size_t index = 0;  // of the file in the run
  std::array<std::size_t, 3> by_severity{};  // indexed by Severity

  std::size_t count(Severity s) const { return by_severity[static_cast<std::size_t>(s)]; }
};

/// Checks `count` files with `jobs` threads and hands each result to `emit` in
/// the order of the files, whatever order they finish in. The calling thread
/// is one of the `jobs`: it checks files too, and emits the results that are
/// next in order between them, so that no thread more than `jobs` competes
/// for the cores. At most a window of results waits to be emitted, so memory
/// does not grow with the number of files.
template <typename Check, typename Emit>
void check_in_order(std::size_t count, unsigned jobs, Check&& check, Emit&& emit) {
  using Result = std::invoke_result_t<Check&, std::size_t>;
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) emit(check(i));
    return;
  }
  // A file is claimed at most `window` places ahead of the next one to be
  // emitted: a rendered part is a few kB, so memory stays flat.
  const std::size_t window = static_cast<std::size_t>(jobs) * 16;
  std::mutex mutex;
  std::condition_variable ready;  // the next result in order has come (or a failure)
  std::condition_variable room;   // the window has moved on (or the run ends)
  std::map<std::size_t, Result> finished;
  std::size_t next_claim = 0;
  std::size_t next_emit = 0;
  std::exception_ptr failure;
  bool emitter_waiting = false;  // the calling thread waits for the next result
  // Checks one claimed file and files its result; false after a failure.
  const auto check_and_file = [&](std::size_t index) {
    try {
      Result result = check(index);
      bool wake;
      {
        std::lock_guard lock(mutex);
        wake = emitter_waiting && index == next_emit;
        finished.emplace(index, std::move(result));
      }
      if (wake) ready.notify_one();
      return true;
    } catch (...) {
      {
        std::lock_guard lock(mutex);
        failure = std::current_exception();
      }
      ready.notify_one();
      room.notify_all();
      return false;
    }
  };
  auto worker = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next_claim >= count || failure || next_claim < next_emit + window; });
        if (next_claim >= count || failure) return;
        index = next_claim++;
      }
      if (!check_and_file(index)) return;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) {
    // A thread the system will not start is one helper fewer, not a crash:
    // this thread checks files too.
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  std::vector<Result> batch;
  while (next_emit < count) {
    std::optional<std::size_t> mine;
    {
      std::unique_lock lock(mutex);
      // Every result that is next in order, in one turn of the lock; else
      // a file to check here; else wait for the next result.
      for (;;) {
        if (failure) break;
        for (auto it = finished.find(next_emit); it != finished.end() && it->first == next_emit;
             it = finished.erase(it)) {
          batch.push_back(std::move(it->second));
          ++next_emit;
        }
        if (!batch.empty()) break;
        if (next_claim < count && next_claim < next_emit + window) {
          mine = next_claim++;
          break;
        }
        emitter_waiting = true;
        ready.wait(lock, [&] { return failure || finished.count(next_emit) != 0; });
        emitter_waiting = false;
      }
      if (failure) break;
    }
    if (!batch.empty()) {
      room.notify_all();
      for (auto& result : batch) emit(std::move(result));
      batch.clear();
    }
    if (mine && !check_and_file(*mine)) break;
  }
  {
    std::lock_guard lock(mutex);
    if (!failure && next_emit < count) failure = std::make_exception_ptr(std::runtime_error("check stopped"));
    next_claim = count;
  }
  room.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

namespace {

bool given(const Options& options, std::string_view name) {
  return std::find(options.given.begin(), options.given.end(), name) != options.given.end();
}

/// The run as .planlint.toml says it, for what the command line leaves
/// unsaid: the configuration files found upward from the current directory.
std::optional<Options> configured(const Options& options, ConfigCache& cache, std::optional<Settings>& settings,
                                  std::ostream& err) {
  ConfigError error;
  settings = settings_for(std::filesystem::current_path() / "-", cache, error);
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
  if (!given(options, "baseline") && !settings->baseline.value.empty() &&
      std::filesystem::exists(settings->baseline.value)) {
    run.baseline = settings->baseline.value;
  }
  if (!given(options, "format") && !settings->formats.value.empty()) {
    run.reports.clear();
    for (const auto& f : settings->formats.value) run.reports.push_back(ReportRequest{f.name, f.file});
  }
  return run;
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
                rules->lexicons.names().size(), rules->files.size(), ms_since(start));
  std::vector<std::string> inputs = options.inputs;
  if (!options.files_from.empty()) {
    // A CI job's list of changed files: one path per line, blank lines skipped.
    LoadError error;
    const auto list = options.files_from == "-" ? read_stream_bytes(in, error, options.limits)
                                                : read_file_bytes(options.files_from, error, options.limits);
    if (!list) {
      err << "planlint: " << text::terminal_safe(options.files_from) << ": error: " << error.message << '\n';
      return kExitError;
    }
    std::istringstream lines(*list);
    for (std::string line; std::getline(lines, line);) {
      const std::string_view path = text::trim(line);
      if (!path.empty()) inputs.emplace_back(path);
    }
  }
  if (options.files_from == "-" && std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    err << "planlint check: standard input cannot be both the list of files (--files-from -) and a plan (-)\n";
    return kExitError;
  }
  if (inputs.empty()) {
    err << "planlint check: no input files\n";
    return kExitError;
  }
  // The settings of each folder met, found once: the files of a folder share
  // them (a run of a thousand plans in one folder resolves one).
  struct FolderSettings {
    std::optional<Settings> settings;
    ConfigError error;
  };
  std::map<std::string, FolderSettings> folders;
  const auto settings_of = [&](const std::string& path) -> const FolderSettings& {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    auto it = folders.find(folder);
    if (it == folders.end()) {
      FolderSettings found;
      found.settings = settings_for(std::filesystem::absolute(path), config, found.error);
      it = folders.emplace(folder, std::move(found)).first;
    }
    return it->second;
  };
  std::vector<InputFile> files;
  for (auto& f : expand_inputs(inputs)) {
    if (f.walked && f.error.empty()) {
      // A walk checks what the file's own .planlint.toml files include.
      const FolderSettings& own = settings_of(f.path);
      if (!own.settings) {
        err << "planlint: " << text::terminal_safe(to_string(own.error)) << '\n';
        return kExitError;
      }
      if (!own.settings->files.empty() && !included(*own.settings, std::filesystem::absolute(f.path))) {
        logger->debug("{}: excluded by {}", text::terminal_safe(f.path), own.settings->files.back());
        continue;
      }
    }
    if (f.ignored) {
      logger->debug("{}: {}", text::terminal_safe(f.path), f.error);
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
    return kExitError;
  }
  std::vector<std::string> read = options.rule_files;
  for (const auto& f : files) read.push_back(f.path);
  // One report per --format: NAME to standard output (or --output), NAME=FILE
  // to its own file; one run writes them all.
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
  // Each file's suppressions, resolved here: the configuration cache is not
  // shared between the threads that check.
  const Date today = local_today();
  std::vector<std::vector<SuppressionSpec>> file_suppressions(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!files[i].error.empty() || files[i].path == "-") continue;
    if (const FolderSettings& own = settings_of(files[i].path); own.settings) {
      file_suppressions[i] = own.settings->suppressions;
    }
  }
  SuppressionTally suppression_tally;
  std::vector<Finding> all_findings;  // planlint baseline
  std::size_t baselined = 0;
  std::vector<StaleEntry> stale;
  const ReportContext context = report_context(*rules);
  struct Report {
    std::unique_ptr<OutputTarget> target;
    std::unique_ptr<ReportWriter> writer;
  };
  std::vector<Report> reports;
  const bool color = options.color == ColorMode::always ||
                     (options.color == ColorMode::automatic && out_is_terminal && options.output.empty());
  for (const auto& request : options.reports) {
    if (writing_baseline) break;  // planlint baseline writes the baseline, not a report
    Report r;
    r.target = open_output_at(request.file.empty() ? options.output : request.file, read, out, err);
    if (!r.target) return kExitError;
    r.writer = make_report_writer(request.name, *r.target->stream(), context,
                                  TextStyle{color && request.file.empty()});
    reports.push_back(std::move(r));
  }
  // Standard input is read once, within the limits, whoever names it.
  std::optional<std::string> standard_input;
  std::string standard_input_error;
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

  const RuleEnvironment env{rules->lexicons, rules->regexes};
  ReportTotals totals;
  bool failed_on_findings = false;
  for (auto& r : reports) r.writer->begin();
  check_in_order(
      files.size(), jobs,
      [&](std::size_t i) {
        // The thread that checks a file also renders its part of the report
        // and lets go of the file: writing a part is then one append.
        std::optional<std::string> bytes;
        if (files[i].path == "-" && files[i].error.empty()) bytes = *standard_input;
        CheckedFile checked;
        FileReport report = check_one(files[i], std::move(bytes), *rules, env, options, *logger,
                                      baseline ? &*baseline : nullptr,
                                      SuppressionsInForce{&file_suppressions[i], today}, checked.baselined);
        checked.index = i;
        for (const auto& r : reports) checked.parts.push_back(r.writer->render(report));
        checked.path = std::move(report.path);
        checked.error = std::move(report.error);
        checked.notes = std::move(report.notes);
        for (const auto& d : report.findings) ++checked.by_severity[static_cast<std::size_t>(d.severity)];
        return checked;
      },
      [&](CheckedFile checked) {
        print_diagnostics(checked.notes, err);
        if (!checked.error.empty()) print_unreadable(err, checked.path, checked.error);
        ++totals.files;
        if (!checked.error.empty()) ++totals.failed_files;
        totals.errors += checked.count(Severity::error);
        totals.warnings += checked.count(Severity::warning);
        totals.infos += checked.count(Severity::info);
        for (const Severity s : {Severity::info, Severity::warning, Severity::error}) {
          if (options.fail_on && s >= *options.fail_on && checked.count(s) > 0) failed_on_findings = true;
        }
        for (std::size_t k = 0; k < reports.size(); ++k) reports[k].writer->write(checked.parts[k]);
        baselined += checked.baselined.matched;
        if (!file_suppressions[checked.index].empty()) {
          tally(suppression_tally, file_suppressions[checked.index], checked.baselined.suppressed);
        }
        std::move(checked.baselined.stale.begin(), checked.baselined.stale.end(), std::back_inserter(stale));
        std::move(checked.baselined.findings.begin(), checked.baselined.findings.end(),
                  std::back_inserter(all_findings));
      });
  // Suppressions that expired or matched nothing are findings of the
  // configuration file that holds them.
  std::vector<Diagnostic> about_suppressions = suppression_findings(suppression_tally, today);
  std::stable_sort(about_suppressions.begin(), about_suppressions.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
  for (std::size_t k = 0; k < about_suppressions.size();) {
    FileReport config_report;
    config_report.path = about_suppressions[k].file;
    while (k < about_suppressions.size() && about_suppressions[k].file == config_report.path) {
      config_report.findings.push_back(about_suppressions[k++]);
    }
    for (const auto& d : config_report.findings) {
      if (d.severity == Severity::error) ++totals.errors;
      if (d.severity == Severity::warning) ++totals.warnings;
      if (d.severity == Severity::info) ++totals.infos;
      if (options.fail_on && d.severity >= *options.fail_on) failed_on_findings = true;
    }
    for (auto& r : reports) r.writer->write(r.writer->render(config_report));
  }
  for (auto& r : reports) r.writer->end(totals);
  logger->debug("{} files in {:.2f} ms", files.size(), ms_since(start));
  if (writing_baseline) {
    // The baseline: every finding of the run, or the old one without the
    // entries that matched nothing.
    Baseline written = baseline ? *baseline
                                : make_baseline(all_findings, std::filesystem::absolute(baseline_path).parent_path());
    if (baseline) prune(written, stale);
    auto target = open_output_at(baseline_path, read, out, err);
    if (!target) return kExitError;
    write_baseline(*target->stream(), written);
    if (finish_output(*target, kExitOk, err) != kExitOk) return kExitError;
    err << "planlint: " << text::terminal_safe(baseline_path) << ": "
        << (baseline ? std::to_string(stale.size()) + " stale entries pruned"
                     : std::to_string(all_findings.size()) + " findings written")
        << '\n';
    return totals.failed_files ? kExitError : kExitOk;
  }
  if (baseline) {
    err << "planlint: the baseline " << text::terminal_safe(baseline_path) << " held " << baselined << " findings";
    if (!stale.empty()) err << "; " << stale.size() << " of its entries match nothing (planlint baseline --prune)";
    err << '\n';
    for (const auto& s : stale) {
      err << text::terminal_safe(s.file) << ": note: stale baseline entry [" << text::terminal_safe(s.rule) << "] "
          << text::terminal_safe(s.subject) << '\n';
    }
  }
  if (options.max_warnings && totals.warnings > *options.max_warnings) {
    err << "planlint: " << totals.warnings << " warnings, more than --max-warnings " << *options.max_warnings << '\n';
    failed_on_findings = true;
  }
  int status = totals.failed_files ? kExitError : failed_on_findings ? kExitFindings : kExitOk;
  for (auto& r : reports) status = finish_output(*r.target, status, err) == kExitError ? kExitError : status;
  return status;
}

int run_graph(const Options& options, std::ostream& out, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  if (options.inputs.size() != 1) {
    err << "planlint graph: give exactly one plan file\n";
    return kExitError;
  }
  std::vector<std::string> read = options.rule_files;
  read.push_back(options.inputs[0]);
  const auto target = open_output(options, read, out, err);
  if (!target) return kExitError;
  LoadError error;
  const auto source = load_plan(options.inputs[0], error, options.limits, options.reading);
  if (!source) {
    print_unreadable(err, options.inputs[0], error.message);
    return kExitError;
  }
  Checked c = read_checked(*source, *rules);
  print_diagnostics(c.notes, err);
  if (!c.plan) {
    print_unreadable(err, options.inputs[0], c.error);
    return kExitError;
  }
  const PlanGraph graph = build_graph(*c.plan);
  if (options.format == Format::graphml) {
    write_graphml(*target->stream(), graph);
  } else {
    write_dot(*target->stream(), graph);
  }
  return finish_output(*target, kExitOk, err);
}

int run_config(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.size() != 1) {
    err << "planlint config: give exactly one file (the settings that apply to it are printed)\n";
    return kExitError;
  }
  const auto target = open_output(options, options.inputs, out, err);
  if (!target) return kExitError;
  ConfigCache cache;
  ConfigError error;
  const auto settings = settings_for(std::filesystem::absolute(options.inputs[0]), cache, error);
  if (!settings) {
    err << "planlint: " << text::terminal_safe(to_string(error)) << '\n';
    return kExitError;
  }
  *target->stream() << describe(*settings);
  return finish_output(*target, kExitOk, err);
}

int run_extract(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.empty()) {
    err << "planlint extract: no input files\n";
    return kExitError;
  }
  const auto target = open_output(options, options.inputs, out, err);
  if (!target) return kExitError;
  int status = kExitOk;
  for (const auto& path : options.inputs) {
    LoadError error;
    const auto source = load_plan(path, error, options.limits, options.reading);
    if (!source) {
      print_unreadable(err, path, error.message);
      status = kExitError;
      continue;
    }
    // The view as planlint reads it; several files are told apart by a
    // header line each.
    if (options.inputs.size() > 1) *target->stream() << "==> " << path << " <==\n";
    const std::string_view text = source->text();
    target->stream()->write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!text.empty() && text.back() != '\n') *target->stream() << '\n';
  }
  return finish_output(*target, status, err);
}

int run_rules(const Options& options, std::ostream& out_stream, std::ostream& err) {
  const auto rules = prepare_rules(options, err);
  if (!rules) return kExitError;
  const auto target = open_output(options, options.rule_files, out_stream, err);
  if (!target) return kExitError;
  std::ostream& out = *target->stream();
  if (!options.explain.empty()) {
    const Rule* rule = rules->find(options.explain);
    const ReaderCheck* check = rule ? nullptr : rules->find_reader_check(options.explain);
    if (check) {
      const auto& pages = builtin_rule_pages();
      const auto page = std::find_if(pages.begin(), pages.end(), [&](const BuiltinRuleFile& p) { return p.name == check->id; });
      if (page != pages.end()) {
        out << page->text;
      } else {
        out << check->id << " (" << to_string(check->severity) << ", found while reading)\n\n" << check->summary << '\n';
      }
      return finish_output(*target, kExitOk, err);
    }
    if (!rule) {
      err << "planlint: no rule “" << text::terminal_safe(options.explain) << "” (see planlint rules)\n";
      return kExitError;
    }
    const auto& pages = builtin_rule_pages();
    const auto page = std::find_if(pages.begin(), pages.end(), [&](const BuiltinRuleFile& p) { return p.name == rule->id; });
    if (page != pages.end()) {
      out << page->text;
    } else {
      out << rule->id << " (" << to_string(rule->severity) << ", applies to "
          << to_string(rule->applies_to) << ")\n\n" << rule->summary << "\n\nmessage: " << rule->message.text
          << "\nhint: " << rule->hint.text << "\ndeclared in " << rule->file << ':' << rule->where.line << '\n';
    }
    return finish_output(*target, kExitOk, err);
  }
  std::size_t width = 0;
  for (const auto& r : rules->rules) width = std::max(width, r.id.size());
  for (const auto& c : rules->reader_checks) width = std::max(width, c.id.size());
  const auto row = [&](const std::string& id, Severity severity, std::string_view scope, bool enabled,
                       const std::string& summary) {
    const std::string s(to_string(severity));
    out << id << std::string(width - id.size() + 2, ' ') << s << std::string(9 - s.size(), ' ') << scope
        << std::string(12 - scope.size(), ' ') << (enabled ? "" : "(disabled) ") << summary << '\n';
  };
  for (const auto& r : rules->rules) row(r.id, r.severity, to_string(r.applies_to), r.enabled, r.summary);
  // The reader's own checks: they apply to the text as it is read.
  for (const auto& c : rules->reader_checks) row(c.id, c.severity, "reading", c.enabled, c.summary);
  return finish_output(*target, kExitOk, err);
}

}  // namespace planlint
