#include <tinyxml2.h>

#include <ostream>
#include <string>
#include <vector>

#include "planlint/report.hpp"
#include "report_support.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

using report::push_number;
using report::StringPrinter;
using report::xml_c_str;

/// Room for a file's element, so that it is printed without the string
/// growing by doubling: a file with 30,000 findings would otherwise hold its
/// part one and a half times over at the moment it grows. Each finding's
/// tags, attributes and indentation take at most about 160 bytes besides its
/// texts; escaped characters, if any, may still make it grow once.
std::size_t estimated_size(const FileReport& r) {
  constexpr std::size_t kPerFinding = 160;
  std::size_t n = 256 + r.path.size() + r.error.size() + r.title.size() + r.kind.size();
  for (const auto& d : r.findings) n += kPerFinding + d.rule.size() + d.message.size() + d.hint.size();
  return n;
}

class XmlWriter final : public ReportWriter {
 public:
  explicit XmlWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p_.OpenElement("planlint-report");
    p_.PushAttribute("version", "1");
    p_.PushAttribute("tool-version", PLANLINT_VERSION);
  }

  std::string render(const FileReport& r) const override {
    StringPrinter p(1);  // inside <planlint-report>
    p.text().reserve(estimated_size(r));
    p.continue_line();
    p.OpenElement("file");
    bool encoded = false;
    p.PushAttribute("path", text::xml_path(r.path, encoded).c_str());
    if (encoded) p.PushAttribute("path-encoding", "percent");
    std::string buffer;
    if (!r.error.empty()) {
      p.PushAttribute("error", xml_c_str(r.error, buffer));
      p.CloseElement();
      return part(p);
    }
    p.PushAttribute("title", xml_c_str(r.title, buffer));
    p.PushAttribute("kind", xml_c_str(r.kind, buffer));
    // A configuration file's findings (suppressions) have no format of a plan.
    if (!r.format.empty()) p.PushAttribute("format", xml_c_str(r.format, buffer));
    if (!r.encoding.empty()) p.PushAttribute("encoding", xml_c_str(r.encoding, buffer));
    for (const auto& d : r.findings) {
      p.OpenElement("finding");
      p.PushAttribute("rule", xml_c_str(d.rule, buffer));
      p.PushAttribute("severity", std::string(to_string(d.severity)).c_str());
      push_number(p, "line", d.where.line);
      push_number(p, "column", d.where.column);
      p.OpenElement("message");
      p.PushText(xml_c_str(d.message, buffer));
      p.CloseElement();
      if (!d.hint.empty()) {
        p.OpenElement("hint");
        p.PushText(xml_c_str(d.hint, buffer));
        p.CloseElement();
      }
      p.CloseElement();
    }
    p.CloseElement();
    return part(p);
  }

  void write(std::string_view part) override {
    p_.insert_part(part, out_);
  }

  void end(const ReportTotals& t) override {
    p_.OpenElement("summary");
    push_number(p_, "files", t.files);
    push_number(p_, "failed-files", t.failed_files);
    push_number(p_, "errors", t.errors);
    push_number(p_, "warnings", t.warnings);
    push_number(p_, "infos", t.infos);
    p_.CloseElement();
    p_.CloseElement();
    p_.flush_to(out_);
  }

 private:

  static std::string part(StringPrinter& p) { return p.take_part(); }

  std::ostream& out_;
  StringPrinter p_;
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
