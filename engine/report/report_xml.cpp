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
std::size_t estimated_size(const FileResult& r) {
  constexpr std::size_t kPerFinding = 160;
  std::size_t n = 320 + r.path.size() + r.error.size() + r.title.size() + r.kind.size() + r.issuer.size() +
                  r.document_number.size();
  for (const auto& d : r.findings) n += kPerFinding + d.rule.size() + d.message.size() + d.hint.size();
  return n;
}

class XmlWriter final : public ReportWriter {
 public:
  XmlWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  void begin() override {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p_.OpenElement("planlint-report");
    p_.PushAttribute("version", "1");
    p_.PushAttribute("tool-version", PLANLINT_VERSION);
    // Only when asked: a report otherwise depends on its inputs alone.
    if (context_.include_timestamp) p_.PushAttribute("generated", report::utc_now().c_str());
    // The rules that ran, each with its summary: a reader of the report
    // needs no other source to know what a rule id means.
    if (!context_.rules.empty()) {
      std::string buffer;
      p_.OpenElement("rules");
      for (const auto& rule : context_.rules) {
        p_.OpenElement("rule");
        p_.PushAttribute("id", xml_c_str(rule.id, buffer));
        p_.PushAttribute("severity", std::string(to_string(rule.severity)).c_str());
        p_.PushAttribute("summary", xml_c_str(rule.summary, buffer));
        p_.CloseElement();
      }
      p_.CloseElement();
    }
  }

  std::string render(const FileResult& r) const override {
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
      if (r.error_at.line) {
        push_number(p, "error-line", r.error_at.line);
        push_number(p, "error-column", r.error_at.column);
      }
      if (!r.sha256.empty()) p.PushAttribute("sha256", r.sha256.c_str());
      p.CloseElement();
      return part(p);
    }
    p.PushAttribute("title", xml_c_str(r.title, buffer));
    p.PushAttribute("kind", xml_c_str(r.kind, buffer));
    if (!r.issuer.empty()) p.PushAttribute("issuer", xml_c_str(r.issuer, buffer));
    if (!r.document_number.empty()) p.PushAttribute("document-number", xml_c_str(r.document_number, buffer));
    // A configuration file's findings (suppressions) have no format of a plan.
    if (!r.format.empty()) p.PushAttribute("format", xml_c_str(r.format, buffer));
    if (!r.encoding.empty()) p.PushAttribute("encoding", xml_c_str(r.encoding, buffer));
    if (!r.sha256.empty()) p.PushAttribute("sha256", r.sha256.c_str());
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
    if (!t.verdict.empty()) {
      p_.PushAttribute("verdict", t.verdict.c_str());
      p_.PushAttribute("fail-on", t.fail_on.c_str());
    }
    p_.CloseElement();
    p_.CloseElement();
    p_.flush_to(out_);
  }

 private:

  static std::string part(StringPrinter& p) { return p.take_part(); }

  std::ostream& out_;
  ReportContext context_;
  StringPrinter p_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_xml_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<XmlWriter>(out, context);
}

void write_xml_report(std::ostream& out, const std::vector<FileResult>& reports, const ReportContext& context) {
  XmlWriter w(out, context);
  w.begin();
  for (const auto& r : reports) w.file(r);
  w.end(totals_of(reports));
}

}  // namespace planlint
