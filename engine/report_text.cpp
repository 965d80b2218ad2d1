#include <ostream>

#include "planlint/report.hpp"

namespace planlint {

namespace {

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
    width += c == '\t' ? 1 : (is_wide(cp) ? 2 : 1);
    i += n;
  }
  return width;
}

ReportTotals totals_of(const std::vector<FileReport>& reports) {
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

void write_text_report(std::ostream& out, const std::vector<FileReport>& reports, TextStyle style) {
  const char* bold = style.color ? "\033[1m" : "";
  const char* reset = style.color ? "\033[0m" : "";
  const char* green = style.color ? "\033[1;32m" : "";
  for (const auto& r : reports) {
    if (!r.error.empty()) {
      out << bold << r.path << ": " << reset << (style.color ? color_of(Severity::error) : "")
          << "error: " << reset << r.error << '\n';
      continue;
    }
    for (const auto& d : r.findings) {
      out << bold << d.file << ':' << d.where.line << ':' << d.where.column << ": " << reset
          << (style.color ? color_of(d.severity) : "") << to_string(d.severity) << ": " << reset
          << bold << d.message << reset << " [" << d.rule << "]\n";
      if (r.source && d.where.line > 0) {
        const std::string_view line = r.source->line(d.where.line);
        out << "  " << line << '\n';
        // The caret: the width of what precedes the column, in cells.
        std::size_t bytes = 0;
        for (std::uint32_t col = 1; col < d.where.column && bytes < line.size(); ++col) {
          ++bytes;
          while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) ++bytes;
        }
        out << "  " << std::string(display_width(line.substr(0, bytes)), ' ') << green << '^' << reset
            << '\n';
      }
      if (!d.hint.empty()) out << "  hint: " << d.hint << '\n';
    }
  }
  const ReportTotals t = totals_of(reports);
  out << t.files << (t.files == 1 ? " file" : " files");
  if (t.failed_files) out << " (" << t.failed_files << " unreadable)";
  out << ", " << t.errors << (t.errors == 1 ? " error" : " errors") << ", " << t.warnings
      << (t.warnings == 1 ? " warning" : " warnings") << ", " << t.infos
      << (t.infos == 1 ? " info" : " infos") << '\n';
}

}  // namespace planlint
