// The plan as a graph (Boost.Graph adjacency_list with bundled properties):
// the plan, its sections, tasks, targets, stages and attachments, and one
// vertex per responsible unit; rules see a plan only through this graph.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

#include "planlint/plan.hpp"

namespace planlint {

enum class NodeKind { plan, section, task, target, stage, attachment, unit };
std::string_view to_string(NodeKind kind);

/// What a vertex knows: where it came from and its attributes. Fields a kind
/// does not have stay empty. Texts are views into the Plan the graph was
/// built from, which must outlive it.
struct NodeData {
  NodeKind kind = NodeKind::plan;
  Location where;
  std::string_view title;   // plan/section/task title, stage and unit name, attachment title
  std::string_view text;    // a target's text
  const Section* section = nullptr;  // sections and tasks: their text is read from here
  std::string_view number;  // "一", "3"
  std::string_view plan_kind;  // plan: 实施方案 …
  std::string_view issuer, date;
  Role role = Role::other;  // sections (tasks, targets, stages: of their section)
  unsigned level = 0;
  bool measured = false;
  unsigned deadline = 0;
  std::string_view from, to;
  bool present = false;
};

/// The running text of a node: a section's paragraphs, a target's text, or
/// else its title.
std::string node_text(const NodeData& d);

enum class EdgeKind { contains, responsible, next_stage };

struct EdgeData {
  EdgeKind kind = EdgeKind::contains;
  UnitRole role = UnitRole::support;  // responsible edges
  bool inherited = false;             // responsible edges
};

struct GraphData {
  std::string path;
};

using PlanGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData,
                                        EdgeData, GraphData>;
using Vertex = boost::graph_traits<PlanGraph>::vertex_descriptor;

/// Builds the graph of a plan. Vertex 0 is the plan.
PlanGraph build_graph(const Plan& plan);

/// Graphviz DOT and GraphML, written by Boost.Graph's own writers.
void write_dot(std::ostream& out, const PlanGraph& g);
void write_graphml(std::ostream& out, const PlanGraph& g);

}  // namespace planlint
