#include <tinyxml2.h>

#include <cstdarg>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "planlint/report.hpp"

namespace planlint {

namespace {

/// tinyxml2's printer, writing to a stream through a buffer of its own: the
/// printer emits many small pieces, and the stream gets them in large writes.
class StreamPrinter final : public tinyxml2::XMLPrinter {
 public:
  explicit StreamPrinter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }

  /// Hands what is buffered to the stream.
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 protected:
  void Print(const char* format, ...) override {
    va_list args;
    va_start(args, format);
    char small[256];
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(small, sizeof small, format, copy);
    va_end(copy);
    if (n >= 0 && static_cast<std::size_t>(n) < sizeof small) {
      Write(small, static_cast<std::size_t>(n));
    } else if (n >= 0) {
      std::vector<char> big(static_cast<std::size_t>(n) + 1);
      std::vsnprintf(big.data(), big.size(), format, args);
      Write(big.data(), static_cast<std::size_t>(n));
    }
    va_end(args);
  }
  void Write(const char* data, std::size_t size) override {
    buffer_.append(data, size);
    if (buffer_.size() >= kFlushAt) flush();
  }
  void Putc(char ch) override { buffer_.push_back(ch); }

 private:
  static constexpr std::size_t kFlushAt = 64 * 1024;
  std::ostream& out_;
  std::string buffer_;
};

class XmlWriter final : public ReportWriter {
 public:
  explicit XmlWriter(std::ostream& out) : p_(out) {}

  void begin() override {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p_.OpenElement("planlint-report");
    p_.PushAttribute("version", "1");
    p_.PushAttribute("tool-version", PLANLINT_VERSION);
  }

  void file(const FileReport& r) override {
    p_.OpenElement("file");
    p_.PushAttribute("path", r.path.c_str());
    if (!r.error.empty()) {
      p_.PushAttribute("error", r.error.c_str());
      p_.CloseElement();
      return;
    }
    p_.PushAttribute("title", r.title.c_str());
    p_.PushAttribute("kind", r.kind.c_str());
    for (const auto& d : r.findings) {
      p_.OpenElement("finding");
      p_.PushAttribute("rule", d.rule.c_str());
      p_.PushAttribute("severity", std::string(to_string(d.severity)).c_str());
      p_.PushAttribute("line", d.where.line);
      p_.PushAttribute("column", d.where.column);
      p_.OpenElement("message");
      p_.PushText(d.message.c_str());
      p_.CloseElement();
      if (!d.hint.empty()) {
        p_.OpenElement("hint");
        p_.PushText(d.hint.c_str());
        p_.CloseElement();
      }
      p_.CloseElement();
    }
    p_.CloseElement();
  }

  void end(const ReportTotals& t) override {
    p_.OpenElement("summary");
    p_.PushAttribute("files", static_cast<unsigned>(t.files));
    p_.PushAttribute("failed-files", static_cast<unsigned>(t.failed_files));
    p_.PushAttribute("errors", static_cast<unsigned>(t.errors));
    p_.PushAttribute("warnings", static_cast<unsigned>(t.warnings));
    p_.PushAttribute("infos", static_cast<unsigned>(t.infos));
    p_.CloseElement();
    p_.CloseElement();
    p_.flush();
  }

 private:
  StreamPrinter p_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_xml_writer(std::ostream& out) { return std::make_unique<XmlWriter>(out); }

void write_xml_report(std::ostream& out, const std::vector<FileReport>& reports) {
  XmlWriter w(out);
  w.begin();
  for (const auto& r : reports) w.file(r);
  w.end(totals_of(reports));
}

}  // namespace planlint
