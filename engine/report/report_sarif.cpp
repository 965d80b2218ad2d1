// SARIF 2.1.0 (OASIS): one run of planlint, for code scanning services and
// editors. docs/report-format.md says which SARIF properties are filled.
#include <nlohmann/json.hpp>

#include <ostream>
#include <vector>

#include "planlint/report.hpp"
#include "checksum.hpp"
#include "report_support.hpp"

namespace planlint {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kBase = "%SRCROOT%";
/// Separates a file's results from its notification in a rendered part:
/// nlohmann writes a NUL in a string as \u0000, never raw, so it cannot
/// occur in either.
constexpr char kNoteMark = '\0';

std::string_view level_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

/// `"name": value`, the value indented as a member at `base`.
std::string member(std::string_view name, const Json& value, std::size_t base) {
  return Json(std::string(name)).dump() + ": " + report::dump_json(value, 2, base).substr(base);
}

/// task.unit-missing → TaskUnitMissing: SARIF's rule name is an identifier.
std::string pascal_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

/// The first paragraph of the page's "What it checks" section (how a rule
/// page begins its description), or the summary when there is none.
std::string full_description(const RuleInfo& rule) {
  const std::string_view page = rule.help;
  const std::size_t heading = page.find("\n## What it checks\n");
  if (heading == std::string_view::npos) return rule.summary;
  std::size_t begin = heading + 19;
  while (begin < page.size() && page[begin] == '\n') ++begin;
  std::size_t end = page.find("\n\n", begin);
  if (end == std::string_view::npos) end = page.size();
  std::string paragraph;
  for (const char c : page.substr(begin, end - begin)) paragraph += c == '\n' ? ' ' : c;
  return paragraph.empty() ? rule.summary : paragraph;
}

Json descriptor(const RuleInfo& rule) {
  Json d = {{"id", rule.id},
            {"name", pascal_name(rule.id)},
            {"shortDescription", {{"text", rule.summary}}},
            {"fullDescription", {{"text", full_description(rule)}}}};
  if (!rule.help.empty()) d["help"] = {{"text", rule.help}, {"markdown", rule.help}};
  if (!rule.help_uri.empty()) d["helpUri"] = rule.help_uri;
  d["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
  return d;
}

/// Where a file is: relative to %SRCROOT% when it can be, else a file: URI.
Json artifact_location(std::string_view path, const ReportContext& context) {
  const std::string relative = report::relative_path(path, context.base_directory);
  if (relative.empty()) return {{"uri", report::file_uri(path)}};
  return {{"uri", report::uri_of_relative(relative)}, {"uriBaseId", kBase}};
}

class SarifWriter final : public ReportWriter {
 public:
  SarifWriter(std::ostream& out, const ReportContext& context) : out_(out), context_(context) {}

  void begin() override {
    if (context_.include_timestamp) start_ = report::utc_now();
    Json driver = {{"name", "planlint"}, {"version", context_.tool_version}, {"semanticVersion", context_.tool_version}};
    if (!context_.information_uri.empty()) driver["informationUri"] = context_.information_uri;
    Json rules = Json::array();
    for (const auto& rule : context_.rules) rules.push_back(descriptor(rule));
    driver["rules"] = std::move(rules);
    // %SRCROOT% is the base directory when there is one; without it, the
    // directory planlint ran in, which the report cannot name.
    Json root = Json::object();
    if (!context_.base_directory.empty()) {
      std::string uri = report::file_uri(context_.base_directory);
      if (uri.back() != '/') uri += '/';
      root["uri"] = uri;
    } else {
      root["description"] = {{"text", "The directory planlint was run in; relative paths are relative to it."}};
    }
    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
         << "  \"runs\": [\n    {\n      " << member("tool", Json{{"driver", std::move(driver)}}, 6) << ",\n      "
         << member("originalUriBaseIds", Json{{kBase, std::move(root)}}, 6) << ",\n      "
         << "\"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  }

  std::string render(const FileResult& r) const override {
    std::string part;
    const Json location = artifact_location(r.path, context_);
    report::Occurrences occurrences;
    for (const auto& d : r.findings) {
      Json physical = {{"artifactLocation", location}};
      if (d.where.line > 0) {
        Json region = {{"startLine", d.where.line}};
        if (d.where.column > 0) region["startColumn"] = d.where.column;
        physical["region"] = std::move(region);
      }
      Json result = {{"ruleId", d.rule}};
      if (const auto index = report::rule_index(context_, d.rule); index >= 0) result["ruleIndex"] = index;
      result["level"] = level_of(d.severity);
      result["message"] = {{"text", d.message}};
      result["locations"] = Json::array();
      result["locations"].push_back(Json{{"physicalLocation", std::move(physical)}});
      const std::size_t rank = occurrences.next(report::subject_key(d, 1));
      result["partialFingerprints"] = {{"planlint/v1", sha256_hex(report::subject_key(d, rank))}};
      if (!d.hint.empty()) result["properties"] = {{"hint", d.hint}};
      if (!part.empty()) part += ",\n";
      part += report::dump_json(result, 2, 8);
    }
    if (!r.error.empty()) {
      Json note = {{"level", "error"}, {"message", {{"text", r.error}}}, {"locations", Json::array()}};
      Json physical = {{"artifactLocation", location}};
      if (r.error_at.line) {
        physical["region"] = {{"startLine", r.error_at.line}, {"startColumn", r.error_at.column}};
      }
      note["locations"].push_back(Json{{"physicalLocation", std::move(physical)}});
      part += kNoteMark;
      part += note.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return part;
  }

  void write(std::string_view part) override {
    const std::size_t mark = part.find(kNoteMark);
    const std::string_view results = part.substr(0, mark);
    if (!results.empty()) {
      out_ << (first_ ? "\n" : ",\n") << results;
      first_ = false;
    }
    if (mark != std::string_view::npos) notes_.push_back(Json::parse(part.substr(mark + 1)));
  }

  void end(const ReportTotals&) override {
    Json invocation = {{"executionSuccessful", notes_.empty()}};
    if (!notes_.empty()) invocation["toolExecutionNotifications"] = std::move(notes_);
    if (context_.include_timestamp) {
      invocation["startTimeUtc"] = start_;
      invocation["endTimeUtc"] = report::utc_now();
    }
    out_ << (first_ ? "]" : "\n      ]") << ",\n      " << member("invocations", Json::array({std::move(invocation)}), 6)
         << "\n    }\n  ]\n}\n";
  }

 private:
  std::ostream& out_;
  ReportContext context_;
  bool first_ = true;
  Json notes_ = Json::array();
  std::string start_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const ReportContext& context) {
  return std::make_unique<SarifWriter>(out, context);
}

}  // namespace planlint
