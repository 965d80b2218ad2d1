// Checkstyle XML (version 4.3), which Jenkins, reviewdog, SonarQube and many
// editors read: a file element per plan, an error element per finding.
#include <ostream>
#include <string>

#include "planlint/report.hpp"
#include "report_support.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

using report::push_number;
using report::StringPrinter;
using report::xml_c_str;

class CheckstyleWriter final : public ReportWriter {
 public:
  explicit CheckstyleWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p_.OpenElement("checkstyle");
    p_.PushAttribute("version", "4.3");
  }

  std::string render(const FileResult& r) const override {
    StringPrinter p(1);  // inside <checkstyle>
    p.continue_line();
    bool encoded = false;
    std::string buffer;
    p.OpenElement("file");
    p.PushAttribute("name", text::xml_path(r.path, encoded).c_str());
    if (!r.error.empty()) {
      // Where the file goes wrong when that is known (a bad byte), else no
      // line: the file as a whole.
      p.OpenElement("error");
      if (r.error_at.line > 0) {
        push_number(p, "line", r.error_at.line);
        push_number(p, "column", r.error_at.column);
      }
      p.PushAttribute("severity", "error");
      p.PushAttribute("message", xml_c_str(r.error, buffer));
      p.PushAttribute("source", "planlint.unreadable");
      p.CloseElement();
    }
    for (const auto& d : r.findings) {
      p.OpenElement("error");
      // Checkstyle's schema (config/checkstyle-report-1.0.0.xsd) takes a line
      // and a column from 1, each optional: a finding about the whole file
      // (line 0) or about a whole line (column 0) leaves it out.
      if (d.where.line > 0) push_number(p, "line", d.where.line);
      if (d.where.column > 0) push_number(p, "column", d.where.column);
      p.PushAttribute("severity", std::string(to_string(d.severity)).c_str());
      p.PushAttribute("message", xml_c_str(d.message, buffer));
      p.PushAttribute("source", xml_c_str("planlint." + d.rule, buffer));
      p.CloseElement();
    }
    p.CloseElement();
    return p.take_part();
  }

  void write(std::string_view part) override {
    p_.insert_part(part, out_);
  }

  void end(const ReportTotals&) override {
    p_.CloseElement();
    p_.flush_to(out_);
  }

 private:

  std::ostream& out_;
  StringPrinter p_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out, const ReportContext&) {
  return std::make_unique<CheckstyleWriter>(out);
}

}  // namespace planlint
