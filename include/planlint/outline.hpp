// `planlint outline`: the plan model as a reader's tree (text) or as the XML
// contract of docs/outline-format.md (validated by docs/planlint-outline.xsd).
#pragma once

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "planlint/plan.hpp"

namespace planlint {

/// One input of an outline: its plan, or why it has none.
struct OutlineEntry {
  std::string path;
  std::variant<Plan, std::string> plan_or_error;
};

void write_outline_text(std::ostream& out, const Plan& plan);
void write_outline_xml(std::ostream& out, const std::vector<OutlineEntry>& entries);

}  // namespace planlint
