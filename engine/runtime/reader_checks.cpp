// planlint's own findings, declared in one table: what the plan reader finds
// while it reads, and what a run finds in its .planlint.toml files. Each id
// has a page in docs/rules/ and fixtures in fixtures/rules/<id>/, as every
// rule has, and is counted, reported in every format, switched and graded
// like a rule.
#include "planlint/rule_set.hpp"

namespace planlint {

const std::vector<ReaderCheck>& reader_check_declarations() {
  static const std::vector<ReaderCheck> checks{
      {"numbering-slip", Severity::warning,
       "a heading numbered in the style of its neighbours' twin (（2） among （一）…（三）), read as one of them", true},
      {"numbering-lost", Severity::warning,
       "no numbered headings, but lines that read as headings: the numbering was lost when the text was saved", true},
      {"plan-structure", Severity::warning, "no numbered sections: the text does not read as a plan", true},
      // Findings of the configuration file, at the [[suppress]] entry's line
      // (engine/suppressions.cpp).
      {"suppression.expired", Severity::warning,
       "a [[suppress]] entry whose expires date has passed: its findings are reported again", true, "config"},
      {"suppression.unused", Severity::warning, "a [[suppress]] entry that covered no finding of the run", true,
       "config"},
  };
  return checks;
}

}  // namespace planlint
