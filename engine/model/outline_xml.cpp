#include <tinyxml2.h>

#include <algorithm>
#include <functional>
#include <ostream>
#include <string>

#include "planlint/outline.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

constexpr std::size_t kTextExcerpt = 60;

std::string style_of(ast::NumberStyle style) {
  switch (style) {
    case ast::NumberStyle::division: return "第一部分";
    case ast::NumberStyle::chapter: return "第一章";
    case ast::NumberStyle::part: return "第一节";
    case ast::NumberStyle::article: return "第一条";
    case ast::NumberStyle::dun: return "一、";
    case ast::NumberStyle::paren_cn: return "（一）";
    case ast::NumberStyle::arabic: return "1.";
    case ast::NumberStyle::paren_arabic: return "（1）";
    case ast::NumberStyle::circled: return "①";
    case ast::NumberStyle::bare: return "1";
  }
  return "";
}

/// The path attribute, percent-encoded (and said so) when XML cannot hold it.
void push_path(tinyxml2::XMLPrinter& p, const std::string& path) {
  bool encoded = false;
  p.PushAttribute("path", text::xml_path(path, encoded).c_str());
  if (encoded) p.PushAttribute("path-encoding", "percent");
}

class OutlineWriter {
 public:
  explicit OutlineWriter(tinyxml2::XMLPrinter& p) : p_(p) {}

  void plan(const Plan& plan);

 private:
  /// An attribute whose value comes from the plan: made safe for XML.
  void text(const char* name, std::string_view value) {
    p_.PushAttribute(name, text::xml_safe(value).c_str());
  }
  void at(Location where) {
    p_.PushAttribute("line", where.line);
    p_.PushAttribute("column", where.column);
  }
  void section(const Section& s);
  void task(const Section& t);
  void target(const Target& t);
  void stage(const Stage& s);

  tinyxml2::XMLPrinter& p_;
};

void OutlineWriter::plan(const Plan& plan) {
  p_.OpenElement("plan");
  push_path(p_, plan.path);
  text("title", plan.title);
  text("kind", plan.kind);
  if (!plan.issuer.empty()) text("issuer", plan.issuer);
  if (!plan.date.empty()) text("date", plan.date);
  if (plan.period_start) {
    p_.PushAttribute("period-start", plan.period_start);
    p_.PushAttribute("period-end", plan.period_end);
  }
  if (!plan.document_number.empty()) text("document-number", plan.document_number);
  if (plan.title_at.line) {
    p_.PushAttribute("title-line", plan.title_at.line);
  }
  const PlanFigures f = figures_of(plan);
  p_.OpenElement("figures");
  p_.PushAttribute("tasks", f.tasks);
  p_.PushAttribute("tasks-with-units", f.tasks_with_units);
  p_.PushAttribute("targets", f.targets);
  p_.PushAttribute("measured", f.measured);
  p_.PushAttribute("stages", f.stages);
  p_.PushAttribute("acceptance", f.acceptance);
  p_.CloseElement();
  for (const auto& t : plan.targets) target(t);  // the preamble's
  for (const auto& s : plan.sections) section(s);
  for (const auto& a : plan.attachments) {
    p_.OpenElement("attachment");
    p_.PushAttribute("line", a.where.line);
    p_.PushAttribute("column", a.where.column);
    text("title", a.title);
    p_.PushAttribute("present", a.present);
    p_.CloseElement();
  }
  p_.CloseElement();
}

void OutlineWriter::section(const Section& s) {
  p_.OpenElement("section");
  at(s.where);
  p_.PushAttribute("level", s.level);
  text("number", s.number);
  p_.PushAttribute("style", style_of(s.style).c_str());
  p_.PushAttribute("role", std::string(to_string(s.role)).c_str());
  text("title", s.title);

  // Targets, stages, tasks and subsections in document order. A section that
  // is itself a task (a top-level one with no numbered items: nested ones are
  // written as tasks by their parent) holds its own task element.
  std::vector<std::pair<Location, std::function<void()>>> items;
  if (s.task) items.emplace_back(s.where, [this, &s] { task(s); });
  for (const auto& t : s.targets()) items.emplace_back(t.where, [this, &t] { target(t); });
  for (const auto& st : s.stages()) items.emplace_back(st.where, [this, &st] { stage(st); });
  for (const auto& c : s.children) {
    switch (child_shape(s, c)) {
      case ChildShape::task: items.emplace_back(c.where, [this, &c] { task(c); }); break;
      case ChildShape::section: items.emplace_back(c.where, [this, &c] { section(c); }); break;
      case ChildShape::listed: break;
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [where, write] : items) write();
  p_.CloseElement();
}

void OutlineWriter::task(const Section& t) {
  p_.OpenElement("task");
  at(t.where);
  text("number", t.number);
  text("title", t.title);
  for (const auto& u : t.task_units()) {
    p_.OpenElement("unit");
    text("name", u.name);
    p_.PushAttribute("role", std::string(to_string(u.role)).c_str());
    p_.PushAttribute("line", u.where.line);
    p_.PushAttribute("column", u.where.column);
    p_.PushAttribute("inherited", u.inherited);
    p_.CloseElement();
  }
  p_.CloseElement();
}

void OutlineWriter::target(const Target& t) {
  p_.OpenElement("target");
  at(t.where);
  p_.PushAttribute("measured", t.measured);
  if (t.deadline) p_.PushAttribute("deadline", t.deadline);
  text("text", text::excerpt(t.text, kTextExcerpt));
  for (const auto& q : t.quantities) {
    p_.OpenElement("quantity");
    text("value", q.value);
    text("unit", q.unit);
    p_.PushAttribute("line", q.where.line);
    p_.PushAttribute("column", q.where.column);
    p_.CloseElement();
  }
  p_.CloseElement();
}

void OutlineWriter::stage(const Stage& s) {
  p_.OpenElement("stage");
  at(s.where);
  text("name", s.name);
  if (!s.from.empty()) text("from", s.from);
  if (!s.to.empty()) text("to", s.to);
  p_.PushAttribute("acceptance", s.acceptance);
  p_.CloseElement();
}

}  // namespace

void write_outline_xml(std::ostream& out, const std::vector<OutlineEntry>& entries) {
  tinyxml2::XMLPrinter p;
  p.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
  p.OpenElement("planlint-outline");
  p.PushAttribute("version", "1");
  p.PushAttribute("tool-version", PLANLINT_VERSION);
  OutlineWriter writer(p);
  for (const auto& e : entries) {
    if (const auto* plan = std::get_if<Plan>(&e.plan_or_error)) {
      writer.plan(*plan);
    } else {
      p.OpenElement("plan");
      push_path(p, e.path);
      p.PushAttribute("error", text::xml_safe(std::get<std::string>(e.plan_or_error)).c_str());
      p.CloseElement();
    }
  }
  p.CloseElement();
  out << p.CStr();
}

}  // namespace planlint
