// GitHub Actions workflow commands: each finding an annotation on the pull
// request (`::error file=…,line=…,col=…,title=RULE::message`).
#include <ostream>
#include <string>

#include "planlint/report.hpp"
#include "report_support.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

/// A command's data as GitHub's toolkit escapes it (`%`, CR and LF; in a
/// property also `:` and `,`), so that the runner reads it back as it was
/// and nothing in a plan can end the line and start a command of its own.
/// What terminal_safe escapes then (the other controls, bytes that are not
/// UTF-8) never reaches the log raw.
std::string escaped(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size() + 8);
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return text::terminal_safe(out);
}

std::string_view command_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "warning";
}

class GithubWriter final : public ReportWriter {
 public:
  GithubWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  std::string render(const FileResult& r) const override {
    // Annotations are placed by the path from the top of the repository.
    std::string relative = report::relative_path(r.path, context_.base_directory);
    const std::string file = escaped(relative.empty() ? r.path : relative, true);
    std::string part;
    if (!r.error.empty()) {
      part += "::error file=" + file;
      if (r.error_at.line) {
        part += ",line=" + std::to_string(r.error_at.line) + ",col=" + std::to_string(r.error_at.column);
      }
      part += ",title=planlint::" + escaped(r.error, false) + '\n';
      return part;
    }
    for (const auto& d : r.findings) {
      part += "::";
      part += command_of(d.severity);
      part += " file=" + file;
      if (d.where.line > 0) {
        part += ",line=" + std::to_string(d.where.line);
        if (d.where.column > 0) part += ",col=" + std::to_string(d.where.column);
      }
      part += ",title=" + escaped(d.rule, true) + "::" + escaped(d.message, false);
      if (!d.hint.empty()) part += "%0Ahint: " + escaped(d.hint, false);
      part += '\n';
    }
    return part;
  }

  void write(std::string_view part) override { out_.write(part.data(), static_cast<std::streamsize>(part.size())); }

  void end(const ReportTotals&) override {}

 private:
  std::ostream& out_;
  ReportContext context_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<GithubWriter>(out, context);
}

}  // namespace planlint
