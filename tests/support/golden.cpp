#include "support/golden.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "parse.hpp"

namespace planlint::testing {

std::string source_path(const std::string& relative) {
  return std::string(PLANLINT_SOURCE_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

RuleSet builtin_rules() {
  RuleSet rules;
  DiagnosticList problems;
  if (!load_rules({}, rules, problems)) throw std::runtime_error("built-in rules do not load");
  return rules;
}

namespace {

OwnedPlan plan_from_source(std::shared_ptr<const SourceFile> source) {
  const std::string& path = source->path();
  DiagnosticList notes;
  const auto document = parse_document(*source, notes);
  if (!document) throw std::runtime_error("parse failed: " + path);
  OwnedPlan owned;
  static_cast<Plan&>(owned) = build_plan(*source, *document, builtin_rules().lexicons, notes);
  owned.source = std::move(source);
  return owned;
}

}  // namespace

OwnedPlan plan_from_text(const std::string& path, const std::string& text) {
  return plan_from_source(std::make_shared<const SourceFile>(path, text));
}

OwnedPlan plan_from_fixture(const std::string& relative) {
  // Read as planlint reads it: a .md as Markdown, a .docx as Word.
  LoadError error;
  auto source = plan_from_bytes(relative, read_file(source_path(relative)), PlanReading{}, error);
  if (!source) throw std::runtime_error(relative + ": " + error.message);
  return plan_from_source(std::make_shared<const SourceFile>(std::move(*source)));
}

std::string compare_golden(const std::string& golden_relative, const std::string& actual) {
  const std::string path = source_path(golden_relative);
  const char* update = std::getenv("PLANLINT_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden file " + golden_relative + " (run with PLANLINT_UPDATE_GOLDEN=1)";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string expected = buffer.str();
  if (expected == actual) return {};
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) return golden_relative + ": differs in line endings";
    if (la != le || more_a != more_e) {
      return golden_relative + ":" + std::to_string(line) + ": expected\n  " + (more_e ? le : "<end>") +
             "\nbut got\n  " + (more_a ? la : "<end>");
    }
  }
}

}  // namespace planlint::testing
