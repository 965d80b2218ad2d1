// The plan as a graph (Boost.Graph, bundled properties):
// the plan, its sections, tasks, targets, stages and attachments, and one
// vertex per responsible unit; rules see a plan only through this graph.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "planlint/plan.hpp"

namespace planlint {

enum class NodeKind : std::uint8_t { plan, section, task, target, stage, attachment, unit };
std::string_view to_string(NodeKind kind);

/// What a vertex knows: its kind, its role, and the element of the plan it
/// stands for (for a unit, its first mention). Everything else — where it
/// stands, its title, a target's quantities, a stage's dates — is read from
/// that element rather than copied. The plan must outlive the graph.
struct NodeData {
  NodeKind kind = NodeKind::plan;
  Role role = Role::other;  // sections (tasks, targets, stages: of their section)
  std::variant<std::monostate, const Plan*, const Section*, const Target*, const Stage*, const Attachment*,
               const Unit*>
      origin;

  /// Where it stands in the source.
  Location where() const;
  /// Plan/section/task title, target text, stage, unit and attachment name.
  std::string_view title() const;

  const Plan* plan() const { return get(std::in_place_type<const Plan*>); }
  const Section* section() const { return get(std::in_place_type<const Section*>); }
  const Target* target() const { return get(std::in_place_type<const Target*>); }
  const Stage* stage() const { return get(std::in_place_type<const Stage*>); }
  const Attachment* attachment() const { return get(std::in_place_type<const Attachment*>); }
  const Unit* unit() const { return get(std::in_place_type<const Unit*>); }

 private:
  template <typename T>
  T get(std::in_place_type_t<T>) const {
    const T* p = std::get_if<T>(&origin);
    return p ? *p : nullptr;
  }
};

/// The running text of a node: a section's paragraphs, a target's text, or
/// else its title.
std::string node_text(const NodeData& d);

enum class EdgeKind : std::uint8_t { contains, responsible, next_stage };

struct EdgeData {
  EdgeKind kind = EdgeKind::contains;
  UnitRole role = UnitRole::support;  // responsible edges
  bool inherited = false;             // responsible edges
};

struct GraphData {
  std::string path;
};

// The graph is built once, from the plan, and only read afterwards: a
// compressed sparse row graph keeps each vertex's edges in one array (in the
// order they were added) instead of a vector per vertex, and numbers vertices
// and edges with 32 bits.
using PlanGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, NodeData, EdgeData, GraphData,
                                                     std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<PlanGraph>::vertex_descriptor;

/// Builds the graph of a plan. Vertex 0 is the plan.
PlanGraph build_graph(const Plan& plan);

/// Graphviz DOT and GraphML, written by Boost.Graph's own writers.
void write_dot(std::ostream& out, const PlanGraph& g);
void write_graphml(std::ostream& out, const PlanGraph& g);

}  // namespace planlint
