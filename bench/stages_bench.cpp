// Micro-benchmarks of each stage on the five fixture plans: grammar, plan
// model, graph, rule evaluation and the XML report. Bytes processed are the
// plans' sizes, so Google Benchmark reports MB/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "planlint/graph.hpp"
#include "parse.hpp"
#include "planlint/plan.hpp"
#include "planlint/report.hpp"
#include "planlint/rule_set.hpp"

namespace {

struct Corpus {
  std::vector<planlint::SourceFile> files;
  std::size_t bytes = 0;
  planlint::RuleSet rules;
};

const Corpus& corpus() {
  static const Corpus corpus = [] {
    Corpus c;
    for (const auto& e : std::filesystem::directory_iterator(std::string(PLANLINT_SOURCE_DIR) + "/fixtures/plans")) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      c.bytes += s.str().size();
      c.files.emplace_back(e.path().string(), s.str());
    }
    planlint::DiagnosticList sink;
    planlint::load_rules({}, c.rules, sink);
    return c;
  }();
  return corpus;
}

void grammar(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& f : c.files) {
      planlint::DiagnosticList sink;
      benchmark::DoNotOptimize(planlint::parse_document(f, sink));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(grammar);

void plan_model(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<planlint::ast::Document> docs;
  planlint::DiagnosticList sink;
  for (const auto& f : c.files) docs.push_back(*planlint::parse_document(f, sink));
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.files.size(); ++i) {
      benchmark::DoNotOptimize(planlint::build_plan(c.files[i], docs[i], c.rules.lexicons, sink));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(plan_model);

std::vector<planlint::Plan> plans() {
  const Corpus& c = corpus();
  std::vector<planlint::Plan> out;
  planlint::DiagnosticList sink;
  for (const auto& f : c.files) out.push_back(planlint::build_plan(f, *planlint::parse_document(f, sink), c.rules.lexicons, sink));
  return out;
}

void graph(benchmark::State& state) {
  const auto ps = plans();
  for (auto _ : state) {
    for (const auto& p : ps) benchmark::DoNotOptimize(planlint::build_graph(p));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().bytes));
}
BENCHMARK(graph);

void rules(benchmark::State& state) {
  const Corpus& c = corpus();
  const auto ps = plans();  // the graphs point into the plans: they must outlive them
  std::vector<planlint::PlanGraph> graphs;
  for (const auto& p : ps) graphs.push_back(planlint::build_graph(p));
  const planlint::RuleEnvironment env{c.rules.lexicons, c.rules.regexes};
  for (auto _ : state) {
    for (const auto& g : graphs) {
      planlint::DiagnosticList findings;
      planlint::evaluate_rules(c.rules.rules, g, env, findings);
      benchmark::DoNotOptimize(findings.items.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(rules);

void xml_report(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<planlint::FileResult> reports;
  for (const auto& p : plans()) {
    planlint::DiagnosticList findings;
    planlint::evaluate_rules(c.rules.rules, planlint::build_graph(p), {c.rules.lexicons, c.rules.regexes}, findings);
    planlint::FileResult r;
    r.path = p.path;
    r.title = p.title;
    r.kind = p.kind;
    r.findings = std::move(findings.items);
    reports.push_back(std::move(r));
  }
  for (auto _ : state) {
    std::ostringstream out;
    planlint::write_xml_report(out, reports);
    benchmark::DoNotOptimize(out.str().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(xml_report);

}  // namespace

BENCHMARK_MAIN();
