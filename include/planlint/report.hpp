// `planlint check` reports: compiler-style text, and the XML contract of
// docs/report-format.md (schema docs/planlint-report.xsd).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"
#include "planlint/source.hpp"

namespace planlint {

/// What checking one input gave: its findings (sorted), or why it could not
/// be read. `source` is kept to show the offending lines.
struct FileReport {
  std::string path;
  std::string title;
  std::string kind;
  std::string format;    // text, markdown or docx (empty when the file could not be read)
  std::string encoding;  // what its bytes were decoded from: UTF-8, GB18030, UTF-16LE …
  std::string error;  // not empty: the file could not be read or parsed
  std::vector<Diagnostic> findings;
  std::shared_ptr<const SourceFile> source;
  std::vector<Diagnostic> notes;  // plan-reading warnings for standard error
};

struct ReportTotals {
  std::size_t files = 0, failed_files = 0, errors = 0, warnings = 0, infos = 0;
};
ReportTotals totals_of(const std::vector<FileReport>& reports);

struct TextStyle {
  bool color = false;
};

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
  virtual std::string render(const FileReport& report) const = 0;
  virtual void write(std::string_view part) = 0;
  void file(const FileReport& report) { write(render(report)); }
  virtual void end(const ReportTotals& totals) = 0;
};

/// path:line:col: severity: message [rule-id], the source line and a caret
/// under the column (a CJK character is two terminal cells wide), the hint,
/// and at the end one summary line for the run.
std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, TextStyle style);
/// The XML contract of docs/report-format.md, streamed through tinyxml2.
std::unique_ptr<ReportWriter> make_xml_writer(std::ostream& out);

/// Whole reports at once (tests, benchmarks).
void write_text_report(std::ostream& out, const std::vector<FileReport>& reports, TextStyle style);
void write_xml_report(std::ostream& out, const std::vector<FileReport>& reports);

/// Terminal cells a UTF-8 string takes: wide (CJK, full-width) characters two.
std::size_t display_width(std::string_view utf8);

}  // namespace planlint
