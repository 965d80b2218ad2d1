#include "harness.hpp"

#include <tinyxml2.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>

#include "docx_reader.hpp"
#include "planlint/diagnostic.hpp"
#include "planlint/graph.hpp"
#include "planlint/outline.hpp"
#include "parse.hpp"
#include "planlint/plan.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"
#include "planlint/source.hpp"
#include "utf8.hpp"

namespace planlint::fuzz {

namespace {

[[noreturn]] void fail(const char* what, const char* why) {
  std::fprintf(stderr, "fuzz harness: %s: %s\n", what, why);
  std::abort();
}

/// The built-in rules, loaded once per process (loading is the same for
/// every input, and costs more than checking a small one).
const RuleSet& builtin_rules() {
  static const RuleSet rules = [] {
    RuleSet r;
    DiagnosticList problems;
    if (!load_rules({}, r, problems)) fail("built-in rules", "do not load");
    return r;
  }();
  return rules;
}

// A path with characters that XML forbids and a terminal obeys, so that every
// output's handling of paths is tried on every input.
const std::string kPath = "fuzz/\x1b[31m<&\"\x01\xff.txt";

constexpr std::string_view kSmallPlan =
    "关于开展试点的工作方案\n\n一、工作目标\n到2025年，建成示范企业10家。\n\n二、重点任务\n"
    "1.加强统筹。推动落实。（区科委牵头，区财政局配合）\n2.强化保障。做好宣传。\n\n三、实施步骤\n"
    "（一）准备阶段（2024年1月至3月）。制定方案。\n（二）总结验收阶段（2024年12月）。开展验收。\n";

/// Checks `source` against `rules` and writes every output into memory.
void check_source(const SourceFile& source, const RuleSet& rules) {
  DiagnosticList notes;
  const auto document = parse_document(source, notes);
  if (!document) return;
  Plan plan = build_plan(source, *document, rules.lexicons, notes);
  const PlanGraph graph = build_graph(plan);
  DiagnosticQueue queue;
  evaluate_rules(rules.rules, graph, RuleEnvironment{rules.lexicons, rules.regexes}, queue);
  FileResult report;
  report.path = source.path();
  report.title = plan.title;
  report.kind = plan.kind;
  report.findings = queue.take_sorted();
  report.source = std::make_shared<const SourceFile>(source);

  std::ostringstream text, xml, outline_text, outline_xml, dot, graphml;
  write_text_report(text, {report}, TextStyle{false});
  write_xml_report(xml, {report});
  write_outline_text(outline_text, plan);
  write_dot(dot, graph);
  write_graphml(graphml, graph);
  // Last: the entry takes the plan, which the graph points into.
  std::vector<OutlineEntry> entries;
  entries.push_back(OutlineEntry{source.path(), std::move(plan)});
  write_outline_xml(outline_xml, entries);
  require_terminal_safe(text.str(), "text report");
  require_terminal_safe(outline_text.str(), "text outline");
  require_well_formed_xml(xml.str(), "XML report");
  require_well_formed_xml(outline_xml.str(), "XML outline");
  require_well_formed_xml(graphml.str(), "GraphML");
  if (dot.str().find("digraph") == std::string::npos) fail("DOT", "no digraph");
}

}  // namespace

void require_well_formed_xml(std::string_view xml, const char* what) {
  if (!utf8::valid_text(xml)) fail(what, "not UTF-8 (or holds NUL)");
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') fail(what, "a control character XML forbids");
    if (c == 0xEF && i + 2 < xml.size() && xml[i + 1] == '\xBF' && (xml[i + 2] == '\xBE' || xml[i + 2] == '\xBF')) {
      fail(what, "U+FFFE or U+FFFF");
    }
  }
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) fail(what, doc.ErrorStr());
}

void require_terminal_safe(std::string_view text, const char* what) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) fail(what, "a raw control character");
  }
}

void check_plan(std::string_view bytes) {
  const RuleSet& rules = builtin_rules();
  LoadError error;
  const auto source = source_from_bytes(kPath, std::string(bytes), error);
  if (!source) {
    require_terminal_safe(error.message, "load error");
    return;
  }
  check_source(*source, rules);
}

void check_rule_file(std::string_view bytes) {
  RuleSet rules;
  DiagnosticList problems;
  if (!load_rules({}, rules, problems)) fail("built-in rules", "do not load");
  LoadError error;
  auto source = source_from_bytes("fuzz.rules", std::string(bytes), error);
  if (!source) return;
  if (!load_rule_file(std::move(*source), rules, problems)) return;
  const auto plan = source_from_bytes(kPath, std::string(kSmallPlan), error);
  if (!plan) fail("small plan", "does not load");
  check_source(*plan, rules);
}

void check_docx(std::string_view bytes) {
  // Bounds small enough that a zip bomb or a long lvlText costs little
  // memory under the sanitizers, large enough for every fixture.
  const DocxLimits limits{std::size_t{16} << 20};
  DocxError error;
  std::optional<DocxText> text;
  if (bytes.substr(0, 2) == "PK") {
    if (const auto refused = refused_format(bytes)) require_terminal_safe(*refused, "refused format");
    text = read_docx(bytes, error, limits);
  } else {
    std::string_view parts[3];
    for (auto& part : parts) {
      const auto end = bytes.find(std::string_view("\0\0", 2));
      part = bytes.substr(0, end);
      bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 2);
    }
    text = read_wordml(parts[0], parts[1], parts[2], error, limits);
  }
  if (!text) {
    if (error.message.empty() || error.message.find('\n') != std::string::npos) {
      fail("docx error", "empty or more than one line");
    }
    return;
  }
  std::size_t lines = 0;
  for (const char c : text->text) lines += c == '\n';
  if (!text->text.empty() && text->text.back() != '\n') fail("docx text", "a last line without its end");
  if (lines != text->origins.size()) fail("docx text", "not one origin per line");
  for (std::size_t i = 0; i < lines; ++i) {
    if (text->origins[i].paragraph != i + 1) fail("docx text", "an origin out of order");
  }
  if (text->text.size() <= (std::size_t{64} << 10)) check_plan(text->text);
}

}  // namespace planlint::fuzz
