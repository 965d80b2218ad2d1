// One finding about one place in one file.
#pragma once

#include <cstdint>
#include <deque>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/source.hpp"

namespace planlint {

enum class Severity { info, warning, error };

std::string_view to_string(Severity s);
std::ostream& operator<<(std::ostream& out, Severity s);

/// A finding: file, line, column (code points, 1-based), rule id, severity,
/// message and hint. Parse problems use rule id "parse-error".
struct Diagnostic {
  std::string file;
  Location where;
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  std::string hint;
};

/// Order of output: file, line, column, rule id.
bool operator<(const Diagnostic& a, const Diagnostic& b);

/// Where diagnostics go. Passed by reference; never global.
class DiagnosticSink {
 public:
  virtual void report(Diagnostic d) = 0;
  /// A finding whose file name, rule id and hint outlive the call (they
  /// belong to the graph and the rule set): a sink that keeps each of them
  /// once need not copy them for every finding. By default, as report().
  virtual void report_borrowed(std::string_view file, Location where, std::string_view rule, Severity severity,
                               std::string message, std::string_view hint) {
    report(Diagnostic{std::string(file), where, std::string(rule), severity, std::move(message), std::string(hint)});
  }
  virtual ~DiagnosticSink() = default;
};

/// Keeps every diagnostic, in arrival order.
class DiagnosticList final : public DiagnosticSink {
 public:
  void report(Diagnostic d) override { items.push_back(std::move(d)); }
  std::vector<Diagnostic> items;
};

/// Keeps every diagnostic, in arrival order, for a file's findings while its
/// plan and graph are still in memory: compactly, since a file may have tens
/// of thousands. It grows block by block (a vector would at times hold twice
/// its items while it grows), and keeps each file name, rule id and hint
/// once (a rule's hint is most often the same for all its findings).
class DiagnosticQueue final : public DiagnosticSink {
 public:
  void report(Diagnostic d) override;
  void report_borrowed(std::string_view file, Location where, std::string_view rule, Severity severity,
                       std::string message, std::string_view hint) override;
  std::size_t size() const { return items_.size(); }

  /// Moves the diagnostics out in the order of output (stable), leaving the
  /// queue empty.
  std::vector<Diagnostic> take_sorted();

 private:
  struct Entry {
    Location where;
    Severity severity = Severity::warning;
    std::uint32_t file = 0;  // into names_
    std::uint32_t rule = 0;  // into names_
    std::uint32_t hint = 0;  // into names_
    std::string message;
  };
  /// The index of `text` in names_, added if new; `previous` is tried first.
  std::uint32_t name(std::string_view text, std::uint32_t previous);

  std::deque<Entry> items_;
  // A file's findings most often have a handful of names (the file, a few
  // rule ids and hints): they are looked for one by one, and indexed only
  // when there are more (hints with placeholders). A deque, so that the
  // index's views stay valid as names are added.
  static constexpr std::size_t kIndexFrom = 16;
  std::deque<std::string> names_;
  std::map<std::string_view, std::uint32_t> name_index_;
};

}  // namespace planlint
