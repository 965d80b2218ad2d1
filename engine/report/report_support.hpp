// What the report writers share: tinyxml2's printer into a string, numbers
// and texts for XML, JSON parts, paths as URIs and the fingerprints that
// follow a finding when its line moves.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <tinyxml2.h>

#include <cstddef>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "planlint/report.hpp"

namespace planlint::report {

// ------------------------------------------------------------------ XML

/// tinyxml2's printer, writing into a string of its own. `base_depth`
/// indents everything it prints, so that a part printed on its own (one
/// file's element) lines up inside the whole report.
class StringPrinter final : public tinyxml2::XMLPrinter {
 public:
  explicit StringPrinter(int base_depth = 0) : base_depth_(base_depth) {}

  std::string& text() { return text_; }
  /// Puts a part printed by another printer here, after this printer's open
  /// element (which is sealed first).
  void insert(std::string_view part) {
    SealElementIfJustOpened();
    text_.append(part);
  }
  /// Starts a part that continues another printer's output on a new line
  /// (tinyxml2 indents a first element, but puts no line break before it).
  void continue_line() { Putc('\n'); }
  /// A report's file part, inserted; the text goes to `out` in large writes.
  void insert_part(std::string_view part, std::ostream& out) {
    insert(part);
    if (text_.size() >= kFlushAt) flush_to(out);
  }
  /// Writes what the printer holds to `out` and forgets it.
  void flush_to(std::ostream& out) {
    out.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }
  /// What the printer wrote, without the line break tinyxml2 puts after
  /// what it takes for a whole document.
  std::string take_part();

 protected:
  // Four spaces a level, as tinyxml2 indents, in one append rather than one per level.
  void PrintSpace(int depth) override { text_.append(4 * static_cast<std::size_t>(depth + base_depth_), ' '); }
  void Print(const char* format, ...) override;
  void Write(const char* data, std::size_t size) override { text_.append(data, size); }
  void Putc(char ch) override { text_.push_back(ch); }

 private:
  static constexpr std::size_t kFlushAt = 64 * 1024;
  int base_depth_;
  std::string text_;
};

/// An unsigned attribute. tinyxml2 formats numbers with snprintf, which cost
/// more than the rest of a finding's element; to_chars does not.
void push_number(tinyxml2::XMLPrinter& p, const char* name, std::size_t value);

/// The value as XML allows it (text::xml_safe): itself when it is fine
/// (nearly always), else the replaced text kept in `buffer`.
const char* xml_c_str(const std::string& value, std::string& buffer);

// ----------------------------------------------------------------- JSON

/// The value as JSON text (keys in the order they were added), indented by `indent` spaces a level and the whole
/// shifted right by `base` spaces (a part of a larger document). Bytes that
/// are not UTF-8 become U+FFFD rather than an exception: plan text and file
/// names come from anyone.
std::string dump_json(const nlohmann::ordered_json& value, int indent, std::size_t base);

/// A path as JSON carries it: itself, or percent-encoded as the XML report
/// does (text::xml_path) when it is not valid UTF-8 or holds a control
/// character; `encoded` says which.
std::string json_path(std::string_view path, bool& encoded);

// -------------------------------------------------------------- paths

/// The path relative to `base` (an absolute directory) when it lies inside
/// it; a relative path as it is (relative to the current directory, which is
/// `base` when base is empty). Empty when the path is absolute and outside.
std::string relative_path(std::string_view path, std::string_view base);

/// A relative reference (RFC 3986) to the path: every byte but the
/// unreserved characters and `/` percent-encoded, so that a colon, a comma,
/// a space or a CJK name cannot be read as anything but a path.
std::string uri_of_relative(std::string_view relative);
/// `file://` URI of an absolute path.
std::string file_uri(std::string_view absolute);

// -------------------------------------------------------- fingerprints

/// The message as its fingerprint takes it: runs of white space (ASCII and
/// U+3000) one space, none at the ends, so that re-wrapping a plan leaves
/// fingerprints as they were.
std::string normalised(std::string_view message);

/// Counts the findings of one file with the same rule and message, so that
/// the second of two identical ones is told from the first (by its rank,
/// never by its line, which moves with every edit above it).
class Occurrences {
 public:
  /// 1 for the first finding with this key, 2 for the next, …
  std::size_t next(const std::string& key);

 private:
  std::map<std::string, std::size_t, std::less<>> seen_;
};

/// The key a finding is known by: rule id, normalised message and, from the
/// second identical one on, its rank, joined by line feeds.
std::string subject_key(const Diagnostic& d, std::size_t rank);

// -------------------------------------------------------------- misc

/// The current UTC time as ISO 8601 (`2024-05-01T08:30:00Z`).
std::string utc_now();

/// Where a finding of rule `id` is in context.rules; -1 when it is not
/// there (a rule that did not come through the context, "parse-error").
std::ptrdiff_t rule_index(const ReportContext& context, std::string_view id);

}  // namespace planlint::report
