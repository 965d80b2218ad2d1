// `planlint check` reports: compiler-style text, the XML contract of
// docs/report-format.md (schema docs/planlint-report.xsd), and the machine
// formats other tools read: JSON, SARIF 2.1.0, JUnit XML, Checkstyle XML,
// GitHub workflow commands and GitLab Code Quality.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/source.hpp"

namespace planlint {

/// A baseline entry that matched no finding of a file that was checked.
struct StaleEntry {
  std::string file;  // as in the baseline
  std::string rule;
  std::string fingerprint;
  std::size_t count = 0;  // how many of the entry's count went unmatched
  std::string subject;
  friend bool operator==(const StaleEntry&, const StaleEntry&) = default;
};

/// What checking one input gave: its findings (sorted by position), or why
/// it could not be read and where, when that is known. `source` is kept to
/// show the offending lines. The same result goes to every report format,
/// to standard error and to the run's counts and gate.
struct FileResult {
  std::string path;
  std::string title;
  std::string kind;
  std::string format;    // text, markdown or docx (empty when the file could not be read)
  std::string encoding;  // what its bytes were decoded from: UTF-8, GB18030, UTF-16LE …
  std::string issuer;           // the plan's issuer and document number, when it names them
  std::string document_number;
  std::string sha256;    // of the file's bytes, when a report names it (xml, json)
  std::string error;     // not empty: the file could not be read or parsed
  Location error_at;     // where it could not be (line 0: the file as a whole)
  std::vector<Diagnostic> findings;
  std::shared_ptr<const SourceFile> source;
  std::vector<Diagnostic> notes;  // what standard error shows besides the findings

  // The gate: what the suppressions and the baseline took.
  std::vector<std::string> subjects;  // each finding's subject, when planlint baseline asks for them
  std::vector<std::size_t> suppressed;  // per suppression in force: findings it covered
  std::size_t baselined = 0;            // findings the baseline holds (not in `findings`)
  std::vector<StaleEntry> stale;        // the baseline's entries for this file that matched nothing

  /// Each report's part for this file, rendered where it was checked.
  std::vector<std::string> rendered;
  std::array<std::size_t, 3> by_severity{};  // of `findings`, kept when they are let go

  std::size_t count(Severity s) const { return by_severity[static_cast<std::size_t>(s)]; }
  /// Counts `findings` into by_severity.
  void count_findings();
};

struct ReportTotals {
  std::size_t files = 0, failed_files = 0, errors = 0, warnings = 0, infos = 0;
  /// The run's verdict, as its exit code says it: "pass" (0), "fail" (1:
  /// findings at --fail-on, or more warnings than --max-warnings) or "error"
  /// (2: a file could not be read); empty when the report is not a run's.
  std::string verdict;
  std::string fail_on;  // the --fail-on level the verdict used: error, warning, info or never
};
ReportTotals totals_of(const std::vector<FileResult>& reports);

struct TextStyle {
  bool color = false;
};

struct RuleSet;

/// A rule as the formats that describe their rules show it (SARIF's
/// reportingDescriptor, JUnit's test cases).
struct RuleInfo {
  std::string id;
  Severity severity = Severity::warning;
  std::string summary;   // one line, the rule's `summary`
  std::string help;      // its page (docs/rules/ID.md, Markdown), or a few lines made from the rule
  std::string help_uri;  // where the page is published; empty: nowhere known
};

/// What the machine formats say besides the findings: the rules that ran,
/// the directory relative paths are taken from, the tool.
struct ReportContext {
  std::vector<RuleInfo> rules;  // the rules that ran (enabled) in declaration order, then the reader checks
  /// The directory the report's relative paths are relative to (SARIF's
  /// %SRCROOT%, GitLab's paths): absolute, or empty for the current
  /// directory, which is then not named in the report.
  std::string base_directory;
  std::string tool_version = PLANLINT_VERSION;
  std::string information_uri;  // planlint's home page for SARIF; empty: left out
  /// Times of the run in SARIF, JUnit and XML (check --timestamp); off, so
  /// that a report depends only on its inputs (goldens, caches, diffs between runs).
  bool include_timestamp = false;
};

/// The context of a run with these rules: every enabled rule and reader
/// check (numbering-slip, …), with its help from its built-in page (as
/// `planlint rules --explain` shows it) or made from the rule when it has none.
ReportContext report_context(const RuleSet& rules, std::string base_directory = {});

/// Writes a report file by file, so that a run never holds more than the
/// files being checked: begin(), file() for each in order, end().
///
/// A file's part is rendered on its own by render(), which only reads the
/// writer: threads checking files render their parts, and the one thread
/// that writes the report passes them to write() in order.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void begin() {}
  virtual std::string render(const FileResult& report) const = 0;
  virtual void write(std::string_view part) = 0;
  void file(const FileResult& report) { write(render(report)); }
  virtual void end(const ReportTotals& totals) = 0;
};

/// path:line:col: severity: message [rule-id], the source line and a caret
/// under the column (a CJK character is two terminal cells wide), the hint,
/// and at the end one summary line for the run.
std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, TextStyle style);
/// The XML contract of docs/report-format.md, streamed through tinyxml2.
std::unique_ptr<ReportWriter> make_xml_writer(std::ostream& out, const ReportContext& context);

/// A JSON document (docs/report-format.md, schema docs/planlint-report.schema.json):
/// the XML report's content, as JSON.
std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const ReportContext& context);
/// SARIF 2.1.0: one run, the rules as reportingDescriptors, a result per
/// finding, unreadable files as tool execution notifications.
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const ReportContext& context);
/// JUnit XML: a testsuite per file, a testcase per file and rule that ran, a
/// failure per finding; an unreadable file is an error.
std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const ReportContext& context);
/// Checkstyle XML (version 4.3): a file element per file, an error per finding.
std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out, const ReportContext& context);
/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`.
std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const ReportContext& context);
/// GitLab Code Quality: a JSON array of issues with stable fingerprints.
std::unique_ptr<ReportWriter> make_gitlab_writer(std::ostream& out, const ReportContext& context);

/// The names of the report formats, as --format takes them.
const std::vector<std::string_view>& report_format_names();

/// The writer of the format `name` (one of report_format_names()); `style`
/// matters to text only.
std::unique_ptr<ReportWriter> make_report_writer(std::string_view name, std::ostream& out,
                                                 const ReportContext& context, TextStyle style);

/// Whole reports at once (tests, benchmarks).
void write_text_report(std::ostream& out, const std::vector<FileResult>& reports, TextStyle style);
void write_xml_report(std::ostream& out, const std::vector<FileResult>& reports,
                      const ReportContext& context = {});

/// Terminal cells a UTF-8 string takes: wide (CJK, full-width) characters two.
std::size_t display_width(std::string_view utf8);

}  // namespace planlint
