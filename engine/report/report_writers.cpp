// The report formats by name, as --format takes them: one table.
#include <array>
#include <stdexcept>

#include "planlint/report.hpp"

namespace planlint {

namespace {

using Make = std::unique_ptr<ReportWriter> (*)(std::ostream&, const ReportContext&, TextStyle);

struct Format {
  std::string_view name;
  Make make;
};

const std::array<Format, 8> kFormats{{
    {"text", [](std::ostream& out, const ReportContext&, TextStyle style) { return make_text_writer(out, style); }},
    {"xml", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_xml_writer(out, c); }},
    {"json", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_json_writer(out, c); }},
    {"sarif", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_sarif_writer(out, c); }},
    {"junit", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_junit_writer(out, c); }},
    {"checkstyle", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_checkstyle_writer(out, c); }},
    {"github", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_github_writer(out, c); }},
    {"gitlab", [](std::ostream& out, const ReportContext& c, TextStyle) { return make_gitlab_writer(out, c); }},
}};

}  // namespace

const std::vector<std::string_view>& report_format_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& f : kFormats) out.push_back(f.name);
    return out;
  }();
  return names;
}

std::unique_ptr<ReportWriter> make_report_writer(std::string_view name, std::ostream& out,
                                                 const ReportContext& context, TextStyle style) {
  for (const auto& f : kFormats) {
    if (f.name == name) return f.make(out, context, style);
  }
  throw std::invalid_argument("no report format " + std::string(name));
}

void FileResult::count_findings() {
  by_severity = {};
  for (const auto& d : findings) ++by_severity[static_cast<std::size_t>(d.severity)];
}

}  // namespace planlint
