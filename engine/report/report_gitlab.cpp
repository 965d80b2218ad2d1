// GitLab Code Quality: the JSON array of issues a merge request widget shows,
// each with a fingerprint that stays when lines above it are added or removed.
#include <nlohmann/json.hpp>

#include <ostream>
#include <algorithm>
#include <cstdint>
#include <string>

#include "planlint/report.hpp"
#include "checksum.hpp"
#include "report_support.hpp"

namespace planlint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view severity_of(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: return "info";
  }
  return "minor";
}

Json issue(std::string description, std::string check, const std::string& fingerprint_key, std::string_view severity,
           const std::string& path, std::size_t line) {
  return Json{{"description", std::move(description)},
              {"check_name", std::move(check)},
              {"fingerprint", sha256_hex(fingerprint_key)},
              {"severity", severity},
              {"location", {{"path", path}, {"lines", {{"begin", line}}}}}};
}

class GitlabWriter final : public ReportWriter {
 public:
  GitlabWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  void begin() override { out_ << '['; }

  std::string render(const FileResult& r) const override {
    // GitLab matches paths from the top of the repository.
    const std::string relative = report::relative_path(r.path, context_.base_directory);
    const std::string& path = relative.empty() ? r.path : relative;
    std::string part;
    const auto add = [&part](const Json& item) {
      if (!part.empty()) part += ",\n";
      part += report::dump_json(item, 2, 2);
    };
    if (!r.error.empty()) {
      add(issue(r.error, "unreadable-file", path + "\nunreadable-file", "major", path,
                std::max<std::uint32_t>(1, r.error_at.line)));
      return part;
    }
    report::Occurrences occurrences;
    for (const auto& d : r.findings) {
      const std::size_t rank = occurrences.next(report::subject_key(d, 1));
      // GitLab wants a line from 1; a finding about the whole plan has none.
      add(issue(d.message, d.rule, path + '\n' + report::subject_key(d, rank), severity_of(d.severity), path,
                d.where.line > 0 ? d.where.line : 1));
    }
    return part;
  }

  void write(std::string_view part) override {
    if (part.empty()) return;
    out_ << (first_ ? "\n" : ",\n") << part;
    first_ = false;
  }

  void end(const ReportTotals&) override { out_ << (first_ ? "]\n" : "\n]\n"); }

 private:
  std::ostream& out_;
  ReportContext context_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> make_gitlab_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<GitlabWriter>(out, context);
}

}  // namespace planlint
