// The plan model: what a plan says, read from its syntax tree. Sections with
// their roles, and the tasks, targets, stages and responsible units in them.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <deque>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/numbering.hpp"
#include "planlint/diagnostic.hpp"
#include "planlint/lexicon.hpp"
#include "planlint/rare.hpp"
#include "planlint/source.hpp"

namespace planlint {

namespace ast {
struct Document;  // the grammar's syntax tree (grammar/ast.hpp)
}  // namespace ast

enum class Role : std::uint8_t { other, guiding, background, goals, tasks, safeguards, timeline };
std::string_view to_string(Role role);

enum class UnitRole : std::uint8_t { lead, support };
std::string_view to_string(UnitRole role);
std::ostream& operator<<(std::ostream& out, Role role);
std::ostream& operator<<(std::ostream& out, UnitRole role);

/// Where a piece of text stands in the source: one stretch for nearly all,
/// more when it runs across a page break or a hard line wrap. The first is
/// kept in place, without an allocation.
using Spans = boost::container::small_vector<std::string_view, 1>;

/// A piece of running text with its own position (a clause, a statement).
struct TextPiece {
  Location where;
  std::string text;
  Spans spans;  // where it stands in the source (two across a page break)
};

/// A paragraph: its lines joined across page breaks. Its clauses are
/// derived on demand by clauses_of().
struct Paragraph {
  enum class Kind { text, bullet, statement };
  Kind kind = Kind::text;
  Location where;
  /// The paragraph's text: a view into the source when it is one line as
  /// written, else into the plan's `texts` (lines joined, debris removed).
  std::string_view text;
  Spans spans;  // its lines in the source
};

struct Table {
  Location where;
  std::vector<std::vector<std::string>> rows;  // the first row is the header
  std::vector<Location> row_locations;
  bool indicator = false;  // its header names 指标
};

/// A box (专栏N): text set apart from the flow; not a section.
struct Box {
  Location where;
  std::string number;
  std::string title;
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
};

struct Unit {
  /// A view into the source, or into the plan's `texts` when it was cleaned.
  std::string_view name;
  UnitRole role = UnitRole::support;
  Location where;
  bool inherited = false;
};

struct Quantity {
  std::string value;
  std::string unit;
  Location where;
};

struct Target {
  Location where;
  std::string text;
  bool measured = false;
  std::vector<Quantity> quantities;
  unsigned deadline = 0;  // 0: none stated
};

struct Stage {
  Location where;
  std::string name;
  std::string from;  // "2019-12", empty when not stated
  std::string to;
  bool acceptance = false;
};

/// What few sections hold: kept together behind one pointer (Rare), since
/// most sections hold none of it.
struct SectionItems {
  std::vector<Box> boxes;
  std::vector<Table> tables;
  std::vector<Unit> units;       // its own, from 责任单位 lines and inline groups
  std::vector<Target> targets;   // targets this section holds (goals sections)
  std::vector<Stage> stages;     // stages this section holds (timeline sections)
  std::vector<Unit> task_units;  // tasks: own units, or the nearest ancestor's
};

struct Section {
  Location where;
  unsigned level = 0;  // 1 for the plan's outermost numbering style
  unsigned value = 0;  // 1
  ast::NumberStyle style = ast::NumberStyle::dun;
  Role role = Role::other;
  bool role_heading = false;  // its own words give its role
  bool task = false;          // a task (finest numbered item under a tasks section)
  std::string_view marker;    // as written: "（一）" (a view into the source)
  std::string_view number;    // "一"
  /// The title as a reader sees it: a view into the source, or into the
  /// plan's `texts` when debris or an inline unit list was taken out.
  std::string_view title;
  std::string_view title_source;  // the title as it stands in the source

  std::vector<Paragraph> paragraphs;
  std::vector<Section> children;
  Rare<SectionItems> items;  // written through items.make()

  const std::vector<Box>& boxes() const { return items.get().boxes; }
  const std::vector<Table>& tables() const { return items.get().tables; }
  const std::vector<Unit>& units() const { return items.get().units; }
  const std::vector<Target>& targets() const { return items.get().targets; }
  const std::vector<Stage>& stages() const { return items.get().stages; }
  const std::vector<Unit>& task_units() const { return items.get().task_units; }
};

struct Attachment {
  Location where;
  std::string title;
  bool present = false;
};

struct Plan {
  Plan() = default;
  // Paragraphs, titles and unit names point into `texts`: a plan moves (the strings stay where they
  // are) but is not copied (the copies would point into the original).
  Plan(Plan&&) = default;
  Plan& operator=(Plan&&) = default;
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;

  std::string path;
  std::string title;
  Location title_at;
  std::string kind;  // 实施方案 … or "other"
  std::string issuer;
  std::string date;  // 2020-02-26 or 2021-07
  std::string document_number;
  unsigned period_start = 0, period_end = 0;
  std::vector<Paragraph> preamble;  // body text before the first heading
  std::vector<Target> targets;      // targets of the preamble (labelled goal paragraphs)
  std::vector<Section> sections;
  std::vector<Attachment> attachments;
  std::deque<std::string> texts;  // paragraph texts, titles and names the source does not hold as they are
};

/// Reads the plan model from a parsed document. Problems that do not stop the
/// reading (no numbered sections, a numbering slip) go to `sink` as warnings.
/// The plan holds views into `source` (markers, spans): keep it alive as
/// long as the plan.
Plan build_plan(const SourceFile& source, const ast::Document& document,
                const Lexicons& lexicons, DiagnosticSink& sink);

/// Parses a plan file and reads its model: the grammar, then build_plan. A
/// text the grammar cannot take returns nothing, with its error in `sink`.
std::optional<Plan> read_plan(const SourceFile& source, const Lexicons& lexicons, DiagnosticSink& sink);

/// The clauses of a paragraph (split on 。；！？ and on a ： before 一是), each
/// with its own position; a clause broken by a page break is one clause.
std::vector<TextPiece> clauses_of(const Paragraph& paragraph, const SourceFile& source);

/// How a section shows a child section: as a task, as a stage or target it
/// already lists (a numbered target item in a goals section, a stage in a
/// timeline), or as a section of its own. Decided here, once, for the
/// outline and the graph alike.
enum class ChildShape { section, task, listed };
ChildShape child_shape(const Section& parent, const Section& child);

/// Whether a section opens a timeline: a timeline section not inside
/// another (its stages are its finest children or its dated paragraphs).
bool opens_timeline(const Section& s, const Section* parent);

/// Figures of seed-expectations.md, computed from a plan.
struct PlanFigures {
  unsigned tasks = 0;
  unsigned tasks_with_units = 0;
  unsigned targets = 0;
  unsigned measured = 0;
  unsigned stages = 0;
  bool acceptance = false;
};
PlanFigures figures_of(const Plan& plan);

/// Calls f(section, parent) for every section, depth first, in document order.
template <typename F>
void for_each_section(const std::vector<Section>& sections, F&& f, const Section* parent = nullptr) {
  for (const auto& s : sections) {
    f(s, parent);
    for_each_section(s.children, f, &s);
  }
}

}  // namespace planlint
