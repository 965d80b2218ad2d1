// The commands behind the CLI, callable in-process: options in, exit code out.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/source.hpp"

namespace planlint {

enum class Format { text, xml, dot, graphml };
enum class ColorMode { automatic, always, never };

/// One report of a check run: a format, and the file it goes to (empty:
/// standard output, or --output).
struct ReportRequest {
  std::string name;  // text, xml, json, sarif, junit, checkstyle, github, gitlab
  std::string file;
};

struct Options {
  std::string command;               // outline, check, graph, rules
  std::vector<std::string> inputs;   // files; directories for check; - for standard input
  Format format = Format::text;      // outline, graph
  std::vector<ReportRequest> reports{{"text", ""}};  // check: --format NAME[=FILE], repeatable
  std::vector<std::string> rule_files;
  std::vector<std::pair<std::string, bool>> switches;  // --disable ID / --enable ID, in order
  std::optional<Severity> fail_on = Severity::error;   // none: never fail on findings
  std::string output;                // --output FILE: a regular file replaced atomically, a device or FIFO written into
  ColorMode color = ColorMode::automatic;
  std::string explain;               // rules --explain ID
  bool verbose = false;
  unsigned jobs = 1;                  // at most one per file and kMaxJobs are started
  ReadLimits limits;                 // --max-input-size, --input-timeout
  std::optional<std::size_t> max_warnings;  // --max-warnings N: more warnings than N fail the run
  bool quiet = false;                // --quiet: errors only, in the report and its counts
  std::string files_from;            // --files-from FILE|-: more inputs, one per line
  std::string baseline;              // check --baseline FILE; planlint baseline: where it is written
  std::vector<std::string> given;    // the options the command line gave (they win over .planlint.toml)
  bool prune = false;                // planlint baseline --prune
  PlanReading reading;               // --encoding
  std::string stdin_filename;        // --stdin-filename: the name of standard input in reports
  bool timestamp = false;            // check --timestamp: reports say when they were made
};

/// Threads a run starts at the most, whatever -j says.
constexpr unsigned kMaxJobs = 256;

/// Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage errors,
/// unreadable inputs and malformed rule files.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

/// `planlint outline FILE...`: the plan model of each file. Files that cannot
/// be read get one line on `err`; the others are still written to `out`.
int run_outline(const Options& options, std::ostream& out, std::ostream& err);

/// `planlint check FILE|DIR|-...`: the rules' findings, as text or XML.
/// `in` is read for `-`. With --output the report goes to that file instead.
int run_check(const Options& options, std::istream& in, std::ostream& out, std::ostream& err,
              bool out_is_terminal);

/// `planlint graph FILE`: the plan graph as DOT or GraphML.
int run_graph(const Options& options, std::ostream& out, std::ostream& err);

/// `planlint extract FILE...`: the text planlint reads from each file (a
/// Word document's paragraphs with their numbering, a decoded text, a
/// Markdown view), as UTF-8.
int run_extract(const Options& options, std::ostream& out, std::ostream& err);

/// `planlint baseline FILE|DIR...`: checks as `check` does and writes every
/// finding to the baseline (.planlint-baseline.json, or --baseline FILE),
/// keyed on its subject's text; --prune drops the entries that match nothing.
/// `check --baseline FILE` then reports only what is new. Both are run_check.

/// `planlint config FILE`: the settings of the `.planlint.toml` files found
/// upward from FILE, each with the file that gave it (docs/config.md).
int run_config(const Options& options, std::ostream& out, std::ostream& err);

/// `planlint rules [--explain ID]`: the active rules, or one rule's page.
int run_rules(const Options& options, std::ostream& out, std::ostream& err);

/// Which file a path leads to: its device and inode.
struct FileId {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  friend bool operator==(const FileId&, const FileId&) = default;
};

/// One input of a run: a path, and why it cannot be read when its directory
/// walk already knows (a dangling link, a link loop, a directory that cannot
/// be listed). A `skipped` entry is not an input at all, only named on
/// standard error with why (a link to a directory, which a walk does not
/// follow).
struct InputFile {
  std::string path;
  std::string error;
  bool walked = false;  // found in a directory walk (a file named on the command line is always checked)
  bool skipped = false;
  bool ignored = false;  // a file of another type in a walked directory: named with --verbose only
  std::optional<FileId> id = std::nullopt;  // the file a walk found, as it found it (no output may replace it)
};

/// The files `check` reads for its inputs: files as given, directories
/// walked for plan files (is_plan_file_name: .txt, .md, .markdown, .docx,
/// in any case) in sorted order, other files kept as `ignored` (links to files followed,
/// links to directories named and not followed). Every entry that cannot be
/// resolved is kept with its error, so that the run names it and fails.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs);

}  // namespace planlint
