// The vocabulary of conditions: attributes, relations and functions, one
// explicit table each, sorted by name. The loader's checks read these tables,
// and docs/rule-language.md lists them.
#include <algorithm>

#include "planlint/rule.hpp"

namespace planlint {

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::plan: return "plan";
    case Scope::section: return "section";
    case Scope::task: return "task";
    case Scope::target: return "target";
    case Scope::stage: return "stage";
    case Scope::timeline: return "timeline";
    case Scope::unit: return "unit";
    case Scope::attachment: return "attachment";
  }
  return "plan";
}

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::boolean: return "true/false";
    case ValueType::number: return "number";
    case ValueType::text: return "text";
    case ValueType::words: return "list";
  }
  return "text";
}

std::optional<Scope> parse_scope(std::string_view name) {
  for (Scope s : {Scope::plan, Scope::section, Scope::task, Scope::target, Scope::stage,
                  Scope::timeline, Scope::unit, Scope::attachment}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

namespace {

using S = Scope;
const std::vector<Scope> kAll{S::plan, S::section, S::task, S::target,
                              S::stage, S::timeline, S::unit, S::attachment};
const std::vector<Scope> kSections{S::section, S::timeline};
const std::vector<Scope> kInPlan{S::section, S::task, S::target, S::stage, S::timeline, S::attachment};

// ------------------------------------------------------------------ relations

Vertex container_of(const PlanGraph& g, Vertex v) {
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (g[*it].kind == EdgeKind::contains) return boost::source(*it, g);
  }
  return v;
}

/// Every node below v (through contains edges) of a kind, in document order.
Vertices below(const PlanGraph& g, Vertex v, NodeKind kind) {
  Vertices out;
  boost::container::small_vector<Vertex, 32> stack{v};
  while (!stack.empty()) {
    const Vertex u = stack.back();
    stack.pop_back();
    // Children go on the stack in reverse, so that the first is taken first.
    const std::size_t first = stack.size();
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      if (g[*it].kind == EdgeKind::contains) stack.push_back(boost::target(*it, g));
    }
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
    if (u != v && g[u].kind == kind) out.push_back(u);
  }
  const auto by_place = [&g](Vertex a, Vertex b) { return g[a].where() < g[b].where(); };
  if (!std::is_sorted(out.begin(), out.end(), by_place)) std::stable_sort(out.begin(), out.end(), by_place);
  return out;
}

Vertices rel_plan(const PlanGraph&, Vertex) { return {Vertex{0}}; }
Vertices rel_parent(const PlanGraph& g, Vertex v) { return {container_of(g, v)}; }
Vertices rel_sections(const PlanGraph& g, Vertex v) { return below(g, v, NodeKind::section); }
Vertices rel_tasks(const PlanGraph& g, Vertex v) { return below(g, v, NodeKind::task); }
Vertices rel_targets(const PlanGraph& g, Vertex v) { return below(g, v, NodeKind::target); }
Vertices rel_stages(const PlanGraph& g, Vertex v) { return below(g, v, NodeKind::stage); }
Vertices rel_attachments(const PlanGraph& g, Vertex v) {
  return below(g, v, NodeKind::attachment);
}
Vertices rel_children(const PlanGraph& g, Vertex v) {
  Vertices out;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    const Vertex c = boost::target(*it, g);
    if (g[*it].kind == EdgeKind::contains && g[c].kind == NodeKind::section) out.push_back(c);
  }
  return out;
}
Vertices rel_timelines(const PlanGraph& g, Vertex v) {
  Vertices out;
  for (Vertex s : below(g, v, NodeKind::section)) {
    if (in_scope(g, s, Scope::timeline)) out.push_back(s);
  }
  return out;
}
Vertices rel_units(const PlanGraph& g, Vertex v) {
  Vertices out;
  if (g[v].kind == NodeKind::plan) {
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      if (g[*it].kind == NodeKind::unit) out.push_back(*it);
    }
    return out;
  }
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].kind == EdgeKind::responsible) out.push_back(boost::target(*it, g));
  }
  return out;
}
Vertices rel_lead_units(const PlanGraph& g, Vertex v) {
  Vertices out;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].kind == EdgeKind::responsible && g[*it].role == UnitRole::lead) {
      out.push_back(boost::target(*it, g));
    }
  }
  return out;
}
Vertices rel_own_units(const PlanGraph& g, Vertex v) {
  Vertices out;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].kind == EdgeKind::responsible && !g[*it].inherited) out.push_back(boost::target(*it, g));
  }
  return out;
}
Vertices rel_unit_tasks(const PlanGraph& g, Vertex v) {
  Vertices out;
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (g[*it].kind == EdgeKind::responsible) out.push_back(boost::source(*it, g));
  }
  return out;
}

// ------------------------------------------------------------------ attributes

std::string_view of_plan(const NodeData& d, std::string Plan::*field) {
  const Plan* p = d.plan();
  return p ? std::string_view(p->*field) : std::string_view();
}

Value a_title(const NodeData& d) { return std::string(d.title()); }
Value a_text(const NodeData& d) { return node_text(d); }
Value a_kind(const NodeData& d) { return std::string(of_plan(d, &Plan::kind)); }
Value a_issuer(const NodeData& d) { return std::string(of_plan(d, &Plan::issuer)); }
Value a_date(const NodeData& d) { return std::string(of_plan(d, &Plan::date)); }
Value a_role(const NodeData& d) { return std::string(to_string(d.role)); }
Value a_level(const NodeData& d) {
  const Section* s = d.section();
  return static_cast<double>(s ? s->level : 0);
}
Value a_number(const NodeData& d) {
  const Section* s = d.section();
  return std::string(s ? s->number : std::string_view());
}
Value a_line(const NodeData& d) { return static_cast<double>(d.where().line); }
Value a_measured(const NodeData& d) {
  const Target* t = d.target();
  return t && t->measured;
}
Value a_deadline(const NodeData& d) {
  const Target* t = d.target();
  return static_cast<double>(t ? t->deadline : 0);
}
Value a_from(const NodeData& d) {
  const Stage* s = d.stage();
  return s ? s->from : std::string();
}
Value a_to(const NodeData& d) {
  const Stage* s = d.stage();
  return s ? s->to : std::string();
}
Value a_acceptance(const NodeData& d) {
  const Stage* s = d.stage();
  return s && s->acceptance;
}
Value a_present(const NodeData& d) {
  const Attachment* a = d.attachment();
  return a && a->present;
}

}  // namespace

const std::vector<AttributeInfo>& attributes() {
  static const std::vector<AttributeInfo> table{
      {"acceptance", ValueType::boolean, {S::stage},
       "the stage closes the timeline: it names 验收, 总结, 评估 or 考核 and only follow-up stages come after it",
       a_acceptance},
      {"date", ValueType::text, {S::plan}, "date of issue, 2020-02-26 or 2021-07; empty when not stated", a_date},
      {"deadline", ValueType::number, {S::target}, "the year a target names (2025), 0 when none", a_deadline},
      {"from", ValueType::text, {S::stage}, "start of a stage, 2019-12; empty when not stated", a_from},
      {"issuer", ValueType::text, {S::plan}, "who issued the plan", a_issuer},
      {"kind", ValueType::text, {S::plan}, "kind of plan: 实施方案, 工作方案, 行动方案, 方案, 规划, 计划, 意见 or other", a_kind},
      {"level", ValueType::number, {S::section, S::timeline}, "nesting level, 1 for the outermost numbering", a_level},
      {"line", ValueType::number, kAll, "line where the node starts", a_line},
      {"measured", ValueType::boolean, {S::target}, "the target states a quantity (15件, 95%以上)", a_measured},
      {"name", ValueType::text, {S::stage, S::unit}, "name of a stage or a unit", a_title},
      {"number", ValueType::text, {S::section, S::timeline, S::task}, "its number as written: 一, 3", a_number},
      {"present", ValueType::boolean, {S::attachment}, "the attachment's content follows in the text", a_present},
      {"role", ValueType::text, {S::section, S::timeline, S::task, S::target, S::stage},
       "role of the (enclosing) section: guiding, background, goals, tasks, safeguards, timeline, other", a_role},
      {"text", ValueType::text, kAll, "the node's running text (its title when it has none)", a_text},
      {"title", ValueType::text, kAll, "title of the plan or section, task title, stage or unit name", a_title},
      {"to", ValueType::text, {S::stage}, "end of a stage, 2020-01; empty when open", a_to},
  };
  return table;
}

const std::vector<RelationInfo>& relations() {
  static const std::vector<RelationInfo> table{
      {"attachments", S::attachment, false, {S::plan}, "the attachments the plan names", rel_attachments},
      {"children", S::section, false, {S::plan, S::section, S::timeline}, "sections directly inside", rel_children},
      {"lead-units", S::unit, false, {S::task}, "units that lead the task", rel_lead_units},
      {"own-units", S::unit, false, {S::task}, "units named by the task itself, not inherited", rel_own_units},
      {"parent", S::section, true, kInPlan, "the section (or plan) the node is in", rel_parent},
      {"plan", S::plan, true, kAll, "the plan", rel_plan},
      {"sections", S::section, false, {S::plan, S::section, S::timeline}, "all sections inside", rel_sections},
      {"stages", S::stage, false, {S::plan, S::section, S::timeline}, "timeline stages inside", rel_stages},
      {"targets", S::target, false, {S::plan, S::section, S::timeline}, "targets inside", rel_targets},
      {"tasks", S::task, false, {S::plan, S::section, S::timeline, S::unit},
       "tasks inside; for a unit, the tasks it is responsible for", nullptr},
      {"timelines", S::timeline, false, {S::plan}, "timeline sections of the plan", rel_timelines},
      {"units", S::unit, false, {S::plan, S::task}, "responsible units (own or inherited); for the plan, all units", rel_units},
  };
  return table;
}

const std::vector<FunctionInfo>& functions() {
  static const std::vector<FunctionInfo> table{
      {"all", "all(relation, condition)", "true when the condition holds for every related node (and for none)"},
      {"any", "any(relation, condition)", "true when the condition holds for at least one related node"},
      {"count", "count(relation)", "how many related nodes there are"},
      {"none", "none(relation, condition)", "true when the condition holds for no related node"},
  };
  return table;
}

const AttributeInfo* find_attribute(std::string_view name, Scope scope) {
  for (const auto& a : attributes()) {
    if (a.name == name && std::find(a.scopes.begin(), a.scopes.end(), scope) != a.scopes.end()) {
      return &a;
    }
  }
  return nullptr;
}

const RelationInfo* find_relation(std::string_view name, Scope scope) {
  for (const auto& r : relations()) {
    if (r.name == name && std::find(r.scopes.begin(), r.scopes.end(), scope) != r.scopes.end()) {
      return &r;
    }
  }
  return nullptr;
}

bool in_scope(const PlanGraph& g, Vertex v, Scope scope) {
  const NodeData& d = g[v];
  switch (scope) {
    case Scope::plan: return d.kind == NodeKind::plan;
    case Scope::section: return d.kind == NodeKind::section;
    case Scope::task: return d.kind == NodeKind::task;
    case Scope::target: return d.kind == NodeKind::target;
    case Scope::stage: return d.kind == NodeKind::stage;
    case Scope::unit: return d.kind == NodeKind::unit;
    case Scope::attachment: return d.kind == NodeKind::attachment;
    case Scope::timeline: {
      if (d.kind != NodeKind::section) return false;
      const Vertex parent = container_of(g, v);
      return opens_timeline(*d.section(), g[parent].kind == NodeKind::section ? g[parent].section() : nullptr);
    }
  }
  return false;
}

/// `tasks` means tasks inside for a plan or section, and the tasks a unit is
/// responsible for; one name, two walks.
Vertices related(const RelationInfo& r, const PlanGraph& g, Vertex v) {
  if (r.get) return r.get(g, v);
  return g[v].kind == NodeKind::unit ? rel_unit_tasks(g, v) : rel_tasks(g, v);
}

}  // namespace planlint
