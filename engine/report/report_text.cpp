#include <ostream>
#include <sstream>

#include "planlint/report.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

/// Code points of a source line shown after the column of a finding.
constexpr std::uint32_t kContext = 40;

// East Asian Wide and Fullwidth ranges that plans use.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

const char* color_of(Severity s) {
  switch (s) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;35m";
    case Severity::info: return "\033[1;36m";
  }
  return "";
}

/// Byte length of the first `count` code points of s.
std::size_t prefix_bytes(std::string_view s, std::size_t count) {
  std::size_t bytes = 0;
  for (std::size_t n = 0; bytes < s.size() && n < count; ++n) {
    ++bytes;
    while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  return bytes;
}

class TextWriter final : public ReportWriter {
 public:
  TextWriter(std::ostream& out, TextStyle style) : out_(out), style_(style) {}

  std::string render(const FileResult& r) const override {
    std::ostringstream out;
    render(r, out);
    return std::move(out).str();
  }

  void write(std::string_view part) override { out_.write(part.data(), static_cast<std::streamsize>(part.size())); }

  void end(const ReportTotals& t) override {
    out_ << t.files << (t.files == 1 ? " file" : " files");
    if (t.failed_files) out_ << " (" << t.failed_files << " unreadable)";
    out_ << ", " << t.errors << (t.errors == 1 ? " error" : " errors") << ", " << t.warnings
         << (t.warnings == 1 ? " warning" : " warnings") << ", " << t.infos << (t.infos == 1 ? " info" : " infos")
         << '\n';
  }

 private:
  void render(const FileResult& r, std::ostream& out) const {
    const char* bold = style_.color ? "\033[1m" : "";
    const char* reset = style_.color ? "\033[0m" : "";
    const char* green = style_.color ? "\033[1;32m" : "";
    // Whatever comes from a plan or a file name is shown with its control
    // characters escaped: no sequence in a plan reaches the terminal raw.
    using text::terminal_safe;
    if (!r.error.empty()) {
      out << bold << terminal_safe(r.path);
      if (r.error_at.line) out << ':' << r.error_at.line << ':' << r.error_at.column;
      out << ": " << reset << (style_.color ? color_of(Severity::error) : "")
          << "error: " << reset << terminal_safe(r.error) << '\n';
      return;
    }
    const std::string file = terminal_safe(r.path);
    for (const auto& d : r.findings) {
      out << bold << (d.file == r.path ? file : terminal_safe(d.file)) << ':' << d.where.line << ':'
          << d.where.column << ": " << reset << (style_.color ? color_of(d.severity) : "") << to_string(d.severity)
          << ": " << reset << bold << terminal_safe(d.message) << reset << " [" << terminal_safe(d.rule) << "]\n";
      if (r.source && d.where.line > 0) {
        // The line up to some way past the column: plan paragraphs are long.
        // It is cut between code points, and escaped after the cut.
        const std::string_view line = r.source->line(d.where.line);
        const std::size_t end = prefix_bytes(line, d.where.column + kContext);
        out << "  " << terminal_safe(line.substr(0, end)) << (end < line.size() ? "…" : "") << '\n';
        const std::size_t before = prefix_bytes(line, d.where.column - 1);
        out << "  " << std::string(display_width(terminal_safe(line.substr(0, before))), ' ') << green << '^'
            << reset << '\n';
      }
      if (!d.hint.empty()) out << "  hint: " << terminal_safe(d.hint) << '\n';
    }
    // How a file that is not plain UTF-8 text was read, so that its
    // positions and excerpts can be followed.
    if (r.format == "docx") {
      out << bold << file << ": " << reset << "note: " << reset
          << "read from a Word document: a line is a paragraph, numbering included (planlint extract shows them)\n";
    } else if (r.format == "markdown" && !r.findings.empty()) {
      out << bold << file << ": " << reset << "note: " << reset << "read as Markdown: positions are in the Markdown source\n";
    }
    if (!r.encoding.empty() && r.encoding != "UTF-8" && r.encoding != "UTF-8 with BOM") {
      out << bold << file << ": " << reset << "note: " << reset << "read as " << terminal_safe(r.encoding) << " text\n";
    }
  }

  std::ostream& out_;
  TextStyle style_;
};

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      n = 2;
      cp = c & 0x1F;
    }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    width += is_wide(cp) ? 2 : 1;
    i += n;
  }
  return width;
}

ReportTotals totals_of(const std::vector<FileResult>& reports) {
  ReportTotals t;
  for (const auto& r : reports) {
    ++t.files;
    if (!r.error.empty()) ++t.failed_files;
    for (const auto& d : r.findings) {
      switch (d.severity) {
        case Severity::error: ++t.errors; break;
        case Severity::warning: ++t.warnings; break;
        case Severity::info: ++t.infos; break;
      }
    }
  }
  return t;
}

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, TextStyle style) {
  return std::make_unique<TextWriter>(out, style);
}

void write_text_report(std::ostream& out, const std::vector<FileResult>& reports, TextStyle style) {
  TextWriter w(out, style);
  w.begin();
  for (const auto& r : reports) w.file(r);
  w.end(totals_of(reports));
}

}  // namespace planlint
