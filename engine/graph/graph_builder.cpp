#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <ostream>
#include <map>
#include <optional>
#include <vector>

#include "planlint/graph.hpp"
#include "text_util.hpp"

namespace planlint {

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::plan: return "plan";
    case NodeKind::section: return "section";
    case NodeKind::task: return "task";
    case NodeKind::target: return "target";
    case NodeKind::stage: return "stage";
    case NodeKind::attachment: return "attachment";
    case NodeKind::unit: return "unit";
  }
  return "plan";
}

namespace {

/// Adds vertices and edges for one section and what it holds.
/// Numbered target items and stage sections are already their targets and
/// stages (as in the outline); they are not sections of their own.
bool listed_in_parent(const Section& parent, const Section& c) {
  return child_shape(parent, c) == ChildShape::listed;
}

/// Vertices and edges as they are found, in order; the graph is made from
/// them at once. Vertex 0 is the plan.
class GraphBuilder {
 public:
  /// Room for the vertices and edges of this plan (at most), so that the
  /// lists are not grown by doubling and copied on the way.
  explicit GraphBuilder(const Plan& plan) {
    std::size_t vertices = 1 + plan.attachments.size() + plan.targets.size();
    std::size_t edges = plan.attachments.size() + plan.targets.size();
    for_each_section(plan.sections, [&](const Section& s, const Section*) {
      const std::size_t own = 1 + s.targets().size() + s.stages().size();
      vertices += own + s.task_units().size();  // a unit is a vertex the first time it is named
      edges += own + s.task_units().size() + s.stages().size();
    });
    nodes_.reserve(vertices);
    edges_.reserve(edges);
    edge_data_.reserve(edges);
  }

  Vertex add_free(NodeData data) {
    nodes_.push_back(std::move(data));
    return static_cast<Vertex>(nodes_.size() - 1);
  }
  void link(Vertex from, Vertex to, EdgeData data) {
    edges_.emplace_back(from, to);
    edge_data_.push_back(data);
  }
  /// A vertex that `parent` contains.
  Vertex add(NodeData data, Vertex parent) {
    const Vertex v = add_free(std::move(data));
    link(parent, v, EdgeData{EdgeKind::contains, UnitRole::support, false});
    return v;
  }
  void section(const Section& s, Vertex parent);

  PlanGraph build(const Plan& plan) && {
    PlanGraph g(boost::edges_are_unsorted_multi_pass, edges_.begin(), edges_.end(), edge_data_.begin(),
                static_cast<Vertex>(nodes_.size()), GraphData{plan.path});
    for (Vertex v = 0; v < nodes_.size(); ++v) g[v] = std::move(nodes_[v]);
    return g;
  }

 private:
  /// The vertex of a unit, made at its first mention.
  Vertex unit(const Unit& u) {
    auto [it, inserted] = units_.try_emplace(u.name, Vertex{});
    if (inserted) {
      NodeData d;
      d.kind = NodeKind::unit;
      d.origin = &u;
      it->second = add_free(std::move(d));
    }
    return it->second;
  }

  std::vector<NodeData> nodes_;
  std::vector<std::pair<Vertex, Vertex>> edges_;
  std::vector<EdgeData> edge_data_;
  std::map<std::string_view, Vertex> units_;
};

void GraphBuilder::section(const Section& s, Vertex parent) {
  NodeData d;
  d.kind = s.task ? NodeKind::task : NodeKind::section;
  d.role = s.role;
  d.origin = &s;
  const Vertex v = add(std::move(d), parent);
  if (s.task) {
    for (const auto& u : s.task_units()) {
      link(v, unit(u), EdgeData{EdgeKind::responsible, u.role, u.inherited});
    }
  }
  for (const auto& t : s.targets()) {
    NodeData td;
    td.kind = NodeKind::target;
    td.role = s.role;
    td.origin = &t;
    add(std::move(td), v);
  }
  std::optional<Vertex> previous;
  for (const auto& st : s.stages()) {
    NodeData sd;
    sd.kind = NodeKind::stage;
    sd.role = s.role;
    sd.origin = &st;
    const Vertex sv = add(std::move(sd), v);
    if (previous) link(*previous, sv, EdgeData{EdgeKind::next_stage, UnitRole::support, false});
    previous = sv;
  }
  for (const auto& c : s.children) {
    if (!listed_in_parent(s, c)) section(c, v);
  }
}

std::string node_label(const NodeData& d) {
  switch (d.kind) {
    case NodeKind::task: return std::string(d.section()->number) + ". " + std::string(d.title());
    case NodeKind::target:
      return std::string(d.target()->measured ? "目标(量化) " : "目标 ") + std::string(d.title().substr(0, 60));
    default: return std::string(d.title());
  }
}

}  // namespace

Location NodeData::where() const {
  struct Where {
    Location operator()(std::monostate) const { return {}; }
    Location operator()(const Plan* p) const { return p->title_at; }
    Location operator()(const Section* s) const { return s->where; }
    Location operator()(const Target* t) const { return t->where; }
    Location operator()(const Stage* s) const { return s->where; }
    Location operator()(const Attachment* a) const { return a->where; }
    Location operator()(const Unit* u) const { return u->where; }
  };
  return std::visit(Where{}, origin);
}

std::string_view NodeData::title() const {
  struct Title {
    std::string_view operator()(std::monostate) const { return {}; }
    std::string_view operator()(const Plan* p) const { return p->title; }
    std::string_view operator()(const Section* s) const { return s->title; }
    std::string_view operator()(const Target* t) const { return t->text; }
    std::string_view operator()(const Stage* s) const { return s->name; }
    std::string_view operator()(const Attachment* a) const { return a->title; }
    std::string_view operator()(const Unit* u) const { return u->name; }
  };
  return std::visit(Title{}, origin);
}

std::string node_text(const NodeData& d) {
  if (const Section* s = d.section()) {
    std::string text;
    for (const auto& p : s->paragraphs) text += p.text;
    return text.empty() ? std::string(d.title()) : text;
  }
  return std::string(d.title());
}

PlanGraph build_graph(const Plan& plan) {
  GraphBuilder builder(plan);
  NodeData root;
  root.kind = NodeKind::plan;
  root.origin = &plan;
  const Vertex p = builder.add_free(std::move(root));
  const auto add = [&](NodeKind kind, auto origin) {
    NodeData d;
    d.kind = kind;
    d.origin = origin;
    builder.add(std::move(d), p);
  };
  for (const auto& t : plan.targets) add(NodeKind::target, &t);  // the preamble's
  for (const auto& s : plan.sections) builder.section(s, p);
  for (const auto& a : plan.attachments) add(NodeKind::attachment, &a);
  return std::move(builder).build(plan);
}

namespace {

enum class GraphFormat { dot, graphml };

/// A label as the format can hold it whatever the plan says: characters XML
/// forbids replaced (Graphviz writes SVG and XML too), and for DOT every
/// backslash doubled, since Boost's writer escapes only quotes and Graphviz
/// reads `\"`, `\n` and a final `\` as escapes.
std::string safe_label(std::string label, GraphFormat format) {
  label = text::xml_safe(label);
  if (format == GraphFormat::dot && label.find('\\') != std::string::npos) {
    std::string escaped;
    escaped.reserve(label.size() + 8);
    for (const char c : label) {
      if (c == '\\') escaped += '\\';
      escaped += c;
    }
    label = std::move(escaped);
  }
  return label;
}

boost::dynamic_properties graph_properties(const PlanGraph& g, GraphFormat format) {
  boost::dynamic_properties dp;
  auto label = boost::make_function_property_map<Vertex, std::string>(
      [&g, format](Vertex v) { return safe_label(node_label(g[v]), format); });
  auto kind = boost::make_function_property_map<Vertex, std::string>(
      [&g](Vertex v) { return std::string(to_string(g[v].kind)); });
  auto line = boost::make_function_property_map<Vertex, std::string>(
      [&g](Vertex v) { return std::to_string(g[v].where().line); });
  auto shape = boost::make_function_property_map<Vertex, std::string>([&g](Vertex v) {
    switch (g[v].kind) {
      case NodeKind::unit: return std::string("ellipse");
      case NodeKind::task: return std::string("box");
      case NodeKind::plan: return std::string("doubleoctagon");
      default: return std::string("note");
    }
  });
  auto edge_label = boost::make_function_property_map<PlanGraph::edge_descriptor, std::string>(
      [&g](PlanGraph::edge_descriptor e) {
        const EdgeData& d = g[e];
        switch (d.kind) {
          case EdgeKind::contains: return std::string("contains");
          case EdgeKind::next_stage: return std::string("next");
          case EdgeKind::responsible:
            return std::string(to_string(d.role)) + (d.inherited ? " (inherited)" : "");
        }
        return std::string();
      });
  dp.property("label", label);
  dp.property("kind", kind);
  dp.property("line", line);
  dp.property("shape", shape);
  dp.property("label", edge_label);
  return dp;
}

}  // namespace

void write_dot(std::ostream& out, const PlanGraph& g) {
  boost::write_graphviz_dp(out, g, graph_properties(g, GraphFormat::dot), "node_id",
                           boost::get(boost::vertex_index, g));
}

void write_graphml(std::ostream& out, const PlanGraph& g) {
  boost::write_graphml(out, g, boost::get(boost::vertex_index, g), graph_properties(g, GraphFormat::graphml), true);
}

}  // namespace planlint
