// The JSON report (docs/report-format.md, docs/planlint-report.schema.json):
// what the XML report says, for programs that read JSON.
#include <nlohmann/json.hpp>

#include <ostream>

#include "planlint/report.hpp"
#include "report_support.hpp"

namespace planlint {

namespace {

using Json = nlohmann::ordered_json;

class JsonWriter final : public ReportWriter {
 public:
  JsonWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  void begin() override {
    const Json tool = {{"name", "planlint"}, {"version", context_.tool_version}};
    out_ << "{\n  \"version\": 1,\n  \"tool\": " << report::dump_json(tool, -1, 0) << ",\n  \"files\": [";
  }

  std::string render(const FileResult& r) const override {
    Json file = Json::object();
    bool encoded = false;
    file["path"] = report::json_path(r.path, encoded);
    if (encoded) file["path_encoding"] = "percent";
    if (!r.sha256.empty()) file["sha256"] = r.sha256;
    if (!r.error.empty()) {
      file["error"] = r.error;
      if (r.error_at.line) file["error_location"] = {{"line", r.error_at.line}, {"column", r.error_at.column}};
    } else {
      file["title"] = r.title;
      file["kind"] = r.kind;
      if (!r.issuer.empty()) file["issuer"] = r.issuer;
      if (!r.document_number.empty()) file["document_number"] = r.document_number;
      file["format"] = r.format;
      file["encoding"] = r.encoding;
    }
    Json findings = Json::array();
    for (const auto& d : r.findings) {
      Json f = {{"rule", d.rule},
                {"severity", std::string(to_string(d.severity))},
                {"line", d.where.line},
                {"column", d.where.column},
                {"message", d.message}};
      if (!d.hint.empty()) f["hint"] = d.hint;
      findings.push_back(std::move(f));
    }
    file["findings"] = std::move(findings);
    return report::dump_json(file, 2, 4);
  }

  void write(std::string_view part) override {
    out_ << (first_ ? "\n" : ",\n") << part;
    first_ = false;
  }

  void end(const ReportTotals& t) override {
    Json summary = {{"files", t.files},       {"failed_files", t.failed_files}, {"errors", t.errors},
                    {"warnings", t.warnings}, {"infos", t.infos}};
    if (!t.verdict.empty()) {
      summary["verdict"] = t.verdict;
      summary["fail_on"] = t.fail_on;
    }
    out_ << (first_ ? "]" : "\n  ]") << ",\n  \"summary\": " << report::dump_json(summary, -1, 0) << "\n}\n";
  }

 private:
  std::ostream& out_;
  ReportContext context_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<JsonWriter>(out, context);
}

}  // namespace planlint
