// JUnit XML, as Ant wrote it and CI servers read it: a plan is a test suite
// and each rule a test case of it, failing once per finding.
#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"
#include "report_support.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

using report::push_number;
using report::StringPrinter;
using report::xml_c_str;

/// Whether a check looks at the run's configuration (suppression.unused, …)
/// rather than at a plan.
bool of_configuration(std::string_view id) {
  const auto& checks = reader_check_declarations();
  return std::any_of(checks.begin(), checks.end(),
                     [&](const ReaderCheck& c) { return c.id == id && c.scope == "config"; });
}

/// A configuration file whose entries are findings (an unused suppression):
/// a result that was not read as a plan, yet has no error.
bool is_configuration(const FileResult& r) { return r.format.empty() && r.error.empty(); }

/// The rules a file's test cases are for: every rule that ran on that kind
/// of file (a plan: the rules and the reader's checks; a configuration file:
/// the configuration's checks), in the context's order, then any other rule
/// a finding names (sorted by id).
std::vector<std::string> rules_of(const FileResult& r, const ReportContext& context) {
  const bool configuration = is_configuration(r);
  std::vector<std::string> rules;
  for (const auto& rule : context.rules) {
    if (of_configuration(rule.id) == configuration) rules.push_back(rule.id);
  }
  std::vector<std::string> others;
  for (const auto& d : r.findings) {
    if (std::find(rules.begin(), rules.end(), d.rule) == rules.end()) others.push_back(d.rule);
  }
  std::sort(others.begin(), others.end());
  others.erase(std::unique(others.begin(), others.end()), others.end());
  rules.insert(rules.end(), others.begin(), others.end());
  return rules;
}

/// The failure's text: the finding as the text report's first line has it,
/// so that a CI page shows where to look, and the hint.
std::string failure_text(const std::string& path, const Diagnostic& d) {
  std::string text = path + ':' + std::to_string(d.where.line) + ':' + std::to_string(d.where.column) + ": " +
                     std::string(to_string(d.severity)) + ": " + d.message + " [" + d.rule + "]";
  if (!d.hint.empty()) text += "\nhint: " + d.hint;
  return text;
}

void push_property(StringPrinter& p, const char* name, const std::string& value, std::string& buffer) {
  p.OpenElement("property");
  p.PushAttribute("name", name);
  p.PushAttribute("value", xml_c_str(value, buffer));
  p.CloseElement();
}

class JunitWriter final : public ReportWriter {
 public:
  JunitWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  void begin() override {
    p_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    p_.OpenElement("testsuites");
    p_.PushAttribute("name", "planlint");
  }

  std::string render(const FileResult& r) const override {
    StringPrinter p(1);  // inside <testsuites>
    p.continue_line();
    bool encoded = false;
    const std::string path = text::xml_path(r.path, encoded);
    std::string buffer;
    p.OpenElement("testsuite");
    p.PushAttribute("name", path.c_str());
    if (!r.error.empty()) {
      p.PushAttribute("tests", "1");
      p.PushAttribute("failures", "0");
      p.PushAttribute("errors", "1");
      p.PushAttribute("skipped", "0");
      if (context_.include_timestamp) p.PushAttribute("timestamp", report::utc_now().c_str());
      // No rule ran on a file that could not be read: one case says why.
      p.OpenElement("testcase");
      p.PushAttribute("classname", path.c_str());
      p.PushAttribute("name", "read");
      p.OpenElement("error");
      p.PushAttribute("message", xml_c_str(r.error, buffer));
      p.PushAttribute("type", "unreadable");
      p.PushText(xml_c_str(path + ": error: " + r.error, buffer));
      p.CloseElement();
      p.CloseElement();
      p.CloseElement();
      return p.take_part();
    }
    const std::vector<std::string> rules = rules_of(r, context_);
    push_number(p, "tests", rules.size());
    push_number(p, "failures", r.findings.size());
    p.PushAttribute("errors", "0");
    p.PushAttribute("skipped", "0");
    if (context_.include_timestamp) p.PushAttribute("timestamp", report::utc_now().c_str());
    if (!is_configuration(r)) {  // what the plan was read as
      p.OpenElement("properties");
      push_property(p, "title", r.title, buffer);
      push_property(p, "kind", r.kind, buffer);
      push_property(p, "format", r.format, buffer);
      push_property(p, "encoding", r.encoding, buffer);
      p.CloseElement();
    }
    for (const auto& rule : rules) {
      p.OpenElement("testcase");
      p.PushAttribute("classname", path.c_str());
      p.PushAttribute("name", xml_c_str(rule, buffer));
      // Findings are sorted by place, not rule: each case takes its own.
      for (const auto& d : r.findings) {
        if (d.rule != rule) continue;
        p.OpenElement("failure");
        p.PushAttribute("message", xml_c_str(d.message, buffer));
        p.PushAttribute("type", std::string(to_string(d.severity)).c_str());
        p.PushText(xml_c_str(failure_text(path, d), buffer));
        p.CloseElement();
      }
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
  ReportContext context_;
  StringPrinter p_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<JunitWriter>(out, context);
}

}  // namespace planlint
