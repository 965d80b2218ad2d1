#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <ostream>

#include "planlint/graph.hpp"

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
class GraphBuilder {
 public:
  explicit GraphBuilder(PlanGraph& g) : g_(g) {}

  void section(const Section& s, Vertex parent);

 private:
  Vertex add(NodeData data, Vertex parent) {
    const Vertex v = boost::add_vertex(std::move(data), g_);
    boost::add_edge(parent, v, EdgeData{EdgeKind::contains, UnitRole::support, false}, g_);
    return v;
  }
  Vertex unit(const std::string& name, Location where) {
    auto [it, inserted] = units_.try_emplace(name, Vertex{});
    if (inserted) {
      NodeData d;
      d.kind = NodeKind::unit;
      d.title = name;
      d.where = where;
      it->second = boost::add_vertex(std::move(d), g_);
    }
    return it->second;
  }
  static std::string paragraphs_text(const Section& s) {
    std::string text;
    for (const auto& p : s.paragraphs) text += p.text;
    return text;
  }

  PlanGraph& g_;
  std::map<std::string, Vertex> units_;
};

void GraphBuilder::section(const Section& s, Vertex parent) {
  NodeData d;
  d.kind = s.task ? NodeKind::task : NodeKind::section;
  d.where = s.where;
  d.title = s.title;
  d.text = paragraphs_text(s);
  d.number = s.number;
  d.role = s.role;
  d.level = s.level;
  const Vertex v = add(std::move(d), parent);
  if (s.task) {
    for (const auto& u : s.task_units) {
      boost::add_edge(v, unit(u.name, u.where), EdgeData{EdgeKind::responsible, u.role, u.inherited},
                      g_);
    }
  }
  for (const auto& t : s.targets) {
    NodeData td;
    td.kind = NodeKind::target;
    td.where = t.where;
    td.text = t.text;
    td.title = t.text;
    td.role = s.role;
    td.measured = t.measured;
    td.deadline = t.deadline;
    add(std::move(td), v);
  }
  std::optional<Vertex> previous;
  for (const auto& st : s.stages) {
    NodeData sd;
    sd.kind = NodeKind::stage;
    sd.where = st.where;
    sd.title = st.name;
    sd.role = s.role;
    sd.from = st.from;
    sd.to = st.to;
    const Vertex sv = add(std::move(sd), v);
    if (previous) boost::add_edge(*previous, sv, EdgeData{EdgeKind::next_stage, UnitRole::support, false}, g_);
    previous = sv;
  }
  for (const auto& c : s.children) {
    // Numbered target items and stage sections are already their targets
    // and stages; they are not sections of their own in the graph.
    const bool listed = c.children.empty() && !c.task &&
                        ((c.role == Role::goals && s.role == Role::goals && !c.role_heading) ||
                         (c.role == Role::timeline && s.role == Role::timeline));
    if (!listed) section(c, v);
  }
}

std::string node_label(const NodeData& d) {
  switch (d.kind) {
    case NodeKind::plan: return d.title;
    case NodeKind::unit: return d.title;
    case NodeKind::task: return d.number + ". " + d.title;
    case NodeKind::target: return std::string(d.measured ? "目标(量化) " : "目标 ") + d.title.substr(0, 60);
    default: return d.title;
  }
}

}  // namespace

PlanGraph build_graph(const Plan& plan) {
  PlanGraph g;
  g[boost::graph_bundle].path = plan.path;
  NodeData root;
  root.kind = NodeKind::plan;
  root.where = plan.title_at;
  root.title = plan.title;
  root.plan_kind = plan.kind;
  root.issuer = plan.issuer;
  root.date = plan.date;
  const Vertex p = boost::add_vertex(std::move(root), g);
  GraphBuilder builder(g);
  for (const auto& s : plan.sections) builder.section(s, p);
  for (const auto& a : plan.attachments) {
    NodeData d;
    d.kind = NodeKind::attachment;
    d.where = a.where;
    d.title = a.title;
    d.present = a.present;
    const Vertex v = boost::add_vertex(std::move(d), g);
    boost::add_edge(p, v, EdgeData{EdgeKind::contains, UnitRole::support, false}, g);
  }
  return g;
}

namespace {

boost::dynamic_properties graph_properties(const PlanGraph& g) {
  boost::dynamic_properties dp;
  auto label = boost::make_function_property_map<Vertex, std::string>(
      [&g](Vertex v) { return node_label(g[v]); });
  auto kind = boost::make_function_property_map<Vertex, std::string>(
      [&g](Vertex v) { return std::string(to_string(g[v].kind)); });
  auto line = boost::make_function_property_map<Vertex, std::string>(
      [&g](Vertex v) { return std::to_string(g[v].where.line); });
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
  boost::write_graphviz_dp(out, g, graph_properties(g), "node_id",
                           boost::get(boost::vertex_index, g));
}

void write_graphml(std::ostream& out, const PlanGraph& g) {
  boost::write_graphml(out, g, boost::get(boost::vertex_index, g), graph_properties(g), true);
}

}  // namespace planlint
