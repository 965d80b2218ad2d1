#include <tinyxml2.h>

#include <ostream>

#include "planlint/report.hpp"

namespace planlint {

void write_xml_report(std::ostream& out, const std::vector<FileReport>& reports) {
  tinyxml2::XMLPrinter p;
  p.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
  p.OpenElement("planlint-report");
  p.PushAttribute("version", "1");
  p.PushAttribute("tool-version", PLANLINT_VERSION);
  for (const auto& r : reports) {
    p.OpenElement("file");
    p.PushAttribute("path", r.path.c_str());
    if (!r.error.empty()) {
      p.PushAttribute("error", r.error.c_str());
      p.CloseElement();
      continue;
    }
    p.PushAttribute("title", r.title.c_str());
    p.PushAttribute("kind", r.kind.c_str());
    for (const auto& d : r.findings) {
      p.OpenElement("finding");
      p.PushAttribute("rule", d.rule.c_str());
      p.PushAttribute("severity", std::string(to_string(d.severity)).c_str());
      p.PushAttribute("line", d.where.line);
      p.PushAttribute("column", d.where.column);
      p.OpenElement("message");
      p.PushText(d.message.c_str());
      p.CloseElement();
      if (!d.hint.empty()) {
        p.OpenElement("hint");
        p.PushText(d.hint.c_str());
        p.CloseElement();
      }
      p.CloseElement();
    }
    p.CloseElement();
  }
  const ReportTotals t = totals_of(reports);
  p.OpenElement("summary");
  p.PushAttribute("files", static_cast<unsigned>(t.files));
  p.PushAttribute("failed-files", static_cast<unsigned>(t.failed_files));
  p.PushAttribute("errors", static_cast<unsigned>(t.errors));
  p.PushAttribute("warnings", static_cast<unsigned>(t.warnings));
  p.PushAttribute("infos", static_cast<unsigned>(t.infos));
  p.CloseElement();
  p.CloseElement();
  out << p.CStr();
}

}  // namespace planlint
