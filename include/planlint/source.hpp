// A plan file held in memory: its bytes, and the table that turns a byte
// offset into a line and a column counted in Unicode code points.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace planlint {

/// A place in a file. Lines and columns are 1-based; a column counts code
/// points, so a CJK character is one column, as editors show it.
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

/// Where one line of a text view came from: a Markdown source line, or a
/// Word paragraph. A view column plus `column_shift` is the original's
/// column; the first `prefix` columns of the view line are a number the
/// reader wrote itself (一、 for `## 总体要求`), placed where the text after it
/// begins.
struct LineOrigin {
  std::uint32_t line = 0;
  std::int32_t column_shift = 0;
  std::uint32_t prefix = 0;
};

/// The original's column of a view column, by the rules above (at least 1).
std::uint32_t origin_column(const LineOrigin& origin, std::uint32_t view_column);

/// How a file that is not plain UTF-8 text was read into the text planlint
/// checks (its "view").
struct TextView {
  std::string format = "text";     // "text", "markdown" or "docx"
  std::string encoding = "UTF-8";  // what the bytes were decoded from
  /// One per view line; empty when positions are the view's own.
  std::vector<LineOrigin> origins;
  /// The original text whose lines line() shows (Markdown); empty when the
  /// view's own lines are shown.
  std::string original;
};

/// The text of one file. `text()` is the UTF-8 content without a BOM; every
/// std::string_view the grammar hands out points into it. For a view of
/// another format, location() gives positions in the original's terms.
class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes, TextView view = {});

  const std::string& path() const { return path_; }
  std::string_view text() const { return std::string_view(bytes_).substr(bom_); }
  std::size_t line_count() const { return line_starts_.size(); }

  /// Location of a byte offset into text().
  Location location(std::size_t offset) const;
  /// Location of the first byte of a view into text().
  Location location(std::string_view piece) const;
  /// Location of `later`, knowing that `earlier` (a view before it) is at
  /// `at`: when no line ends between them only the code points between are
  /// counted, so pieces of one long line are placed in one pass, not each
  /// from the line's start. With no `earlier` (an empty view and no place),
  /// it is location(later).
  Location location_after(std::string_view earlier, Location at, std::string_view later) const;
  /// The text of a 1-based line, without its line break: of the original
  /// when there is one (Markdown), so that it matches location().
  std::string_view line(std::uint32_t number) const;
  /// The whole line of text() that holds `piece` (a view into text()),
  /// without its line break.
  std::string_view line_around(std::string_view piece) const;

  const std::string& format() const { return view_.format; }
  const std::string& encoding() const { return view_.encoding; }

 private:
  Location view_location(std::size_t offset) const;
  std::string path_;
  std::string bytes_;
  TextView view_;
  std::vector<std::size_t> original_line_starts_;  // of view_.original
  // An offset, not a view: a short string lives inside the object, so a view
  // into it would not survive a move of the SourceFile.
  std::size_t bom_ = 0;
  std::vector<std::size_t> line_starts_;
  // Code points before each kBlock-byte block of text(): a column is found by
  // scanning at most one block, however long the line. Columns within
  // kDirectCount bytes of their line's start are counted directly, so the
  // table is made only for a file with a longer line.
  static constexpr std::size_t kBlock = 1024;
  static constexpr std::size_t kDirectCount = 4 * kBlock;
  std::vector<std::size_t> block_code_points_;
  std::size_t code_points_before(std::size_t offset) const;
};

/// Why a file could not become a SourceFile.
struct LoadError {
  LoadError() = default;
  explicit LoadError(std::string why, Location at = {}) : message(std::move(why)), where(at) {}
  std::string message;  // one line, without the path
  Location where;       // of the fault in the text, when it has one (line 0: none)
};

/// Checks that `bytes` are UTF-8 text (no NUL, no invalid sequence). Returns
/// a message naming line, column and byte when they are not.
std::optional<LoadError> check_utf8_text(std::string_view bytes);

/// Bytes read from somewhere (a file, standard input) as a SourceFile: empty
/// text (blanks, a BOM) and text that is not UTF-8 are refused with `error`.
std::optional<SourceFile> source_from_bytes(const std::string& path, std::string bytes, LoadError& error);

/// What one input may cost to read. A plan is a few hundred kB; the bound
/// keeps /dev/zero, an endless pipe or a huge file from taking the machine.
struct ReadLimits {
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{64} << 20;
  static constexpr int kDefaultIdleSeconds = 10;
  std::size_t max_bytes = kDefaultMaxBytes;  // --max-input-size
  int idle_seconds = kDefaultIdleSeconds;    // --input-timeout: a pipe or FIFO silent this long fails
};

/// The message for an input over `limits.max_bytes`.
std::string too_large_message(const ReadLimits& limits);

/// Reads a file: a regular file in one read, anything else (a pipe, a FIFO,
/// a device) in chunks, never past `limits.max_bytes` and never waiting
/// longer than `limits.idle_seconds` for the next byte. Opening never blocks
/// (a FIFO with no writer is waited for like a silent pipe). On failure
/// returns nothing and fills `error`.
std::optional<std::string> read_file_bytes(const std::string& path, LoadError& error,
                                           const ReadLimits& limits = {});

/// read_file_bytes, then source_from_bytes.
std::optional<SourceFile> load_source(const std::string& path, LoadError& error, const ReadLimits& limits = {});

/// How a plan is read: an encoding to force (--encoding), else decided.
struct PlanReading {
  std::optional<std::string> encoding;
};

/// A plan's bytes as the text planlint checks, by the name's extension
/// (matched whatever its case) and the bytes' signature: a Word document
/// (.docx) as its paragraphs with their numbering; .doc, .wps, .pdf and .odt
/// refused with the conversion that works; .md and .markdown as Markdown;
/// anything else as text, in UTF-8, UTF-16 with a BOM or GB18030
/// (docs/input-formats.md). `path` names the input (for standard input,
/// --stdin-filename).
std::optional<SourceFile> plan_from_bytes(const std::string& path, std::string bytes, const PlanReading& reading,
                                          LoadError& error);

/// read_file_bytes, then plan_from_bytes.
std::optional<SourceFile> load_plan(const std::string& path, LoadError& error, const ReadLimits& limits,
                                    const PlanReading& reading);

/// The formats planlint reads, by a file name's extension (any case): .txt,
/// .md, .markdown and .docx. A directory walk reads only these.
bool is_plan_file_name(std::string_view name);

/// Reads a stream (standard input) to its end, at most `limits.max_bytes`.
std::optional<std::string> read_stream_bytes(std::istream& in, LoadError& error, const ReadLimits& limits = {});

/// Number of code points in a UTF-8 string.
std::size_t code_points(std::string_view utf8);

}  // namespace planlint
