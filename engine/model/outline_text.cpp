#include <algorithm>
#include <ostream>
#include <sstream>

#include "planlint/outline.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

constexpr std::size_t kTextExcerpt = 36;

/// One row of the tree: where it stands and what it says.
struct Row {
  Location where;
  int kind = 0;  // order among rows on the same line: sections before items
  std::string text;
  std::vector<std::string> details;
};

std::string gutter(Location where) {
  std::ostringstream out;
  out.width(4);
  out << where.line;
  return out.str();
}

void section_rows(const Section& s, int depth, std::ostream& out);

void emit(const Row& row, int depth, std::ostream& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  // Plan text is shown with its control characters escaped (text_util.hpp).
  out << gutter(row.where) << "  " << indent << text::terminal_safe(row.text) << '\n';
  for (const auto& d : row.details) out << "      " << indent << "  " << text::terminal_safe(d) << '\n';
}

std::string target_text(const Target& t) {
  std::string s = t.measured ? "target measured" : "target unmeasured";
  if (!t.quantities.empty()) {
    s += " [";
    for (std::size_t i = 0; i < t.quantities.size(); ++i) {
      if (i) s += ", ";
      s += t.quantities[i].value + t.quantities[i].unit;
    }
    s += "]";
  }
  if (t.deadline) s += " deadline " + std::to_string(t.deadline);
  s += " “" + text::excerpt(t.text, kTextExcerpt) + "”";
  return s;
}

Row task_row(const Section& t) {
  Row row{t.where, 1, "task " + std::string(t.marker) + std::string(t.title), {}};
  if (t.task_units().empty()) row.details.push_back("no responsible unit");
  for (const auto& u : t.task_units()) {
    row.details.push_back(std::string(to_string(u.role)) + " " + std::string(u.name) +
                          (u.inherited ? "  (inherited)" : "") + "  (line " + std::to_string(u.where.line) + ")");
  }
  return row;
}

void section_rows(const Section& s, int depth, std::ostream& out) {
  emit(Row{s.where, 0, std::string(s.marker) + std::string(s.title) + "  [" + std::string(to_string(s.role)) + "]", {}}, depth,
       out);
  std::vector<std::pair<Location, const Section*>> sections;
  std::vector<Row> rows;
  // A section that is itself a task (top-level, with no numbered items).
  if (s.task) rows.push_back(task_row(s));
  for (const auto& t : s.targets()) rows.push_back(Row{t.where, 1, target_text(t), {}});
  for (const auto& st : s.stages()) {
    std::string text = "stage " + st.name + "  " + (st.from.empty() ? "?" : st.from) + " → " +
                       (st.to.empty() ? "…" : st.to);
    if (st.acceptance) text += "  [acceptance]";
    rows.push_back(Row{st.where, 1, text, {}});
  }
  for (const auto& c : s.children) {
    switch (child_shape(s, c)) {
      case ChildShape::task:
        rows.push_back(task_row(c));
        break;
      case ChildShape::section:
        sections.emplace_back(c.where, &c);
        break;
      case ChildShape::listed:
        break;
    }
  }
  // Items and subsections in document order.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.where < b.where; });
  std::size_t next = 0;
  for (const auto& [where, child] : sections) {
    while (next < rows.size() && rows[next].where < where) emit(rows[next++], depth + 1, out);
    section_rows(*child, depth + 1, out);
  }
  while (next < rows.size()) emit(rows[next++], depth + 1, out);
}

std::string or_dash(const std::string& s) { return s.empty() ? "—" : text::terminal_safe(s); }

}  // namespace

void write_outline_text(std::ostream& out, const Plan& plan) {
  const PlanFigures f = figures_of(plan);
  out << text::terminal_safe(plan.path) << '\n';
  out << "  title    " << or_dash(plan.title);
  if (plan.title_at.line) out << "  (line " << plan.title_at.line << ")";
  out << '\n';
  out << "  kind     " << text::terminal_safe(plan.kind) << '\n';
  out << "  issuer   " << or_dash(plan.issuer) << '\n';
  out << "  date     " << or_dash(plan.date) << '\n';
  out << "  period   ";
  if (plan.period_start) {
    out << plan.period_start << "–" << plan.period_end << '\n';
  } else {
    out << "—\n";
  }
  if (!plan.document_number.empty()) out << "  number   " << text::terminal_safe(plan.document_number) << '\n';
  out << "  figures  " << f.tasks << " tasks (" << f.tasks_with_units << " with units), "
      << f.targets << " targets (" << f.measured << " measured), " << f.stages
      << " stages, acceptance stage " << (f.acceptance ? "yes" : "no") << '\n';
  out << '\n';
  for (const auto& t : plan.targets) emit(Row{t.where, 1, target_text(t), {}}, 0, out);
  for (const auto& s : plan.sections) section_rows(s, 0, out);
  for (const auto& a : plan.attachments) {
    out << gutter(a.where) << "  attachment " << text::terminal_safe(a.title) << (a.present ? "  (present)" : "  (absent)")
        << '\n';
  }
}

}  // namespace planlint
