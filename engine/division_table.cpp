// Task-division tables (任务分工表, 重点任务清单): a table whose header names
// unit columns (牵头单位, 责任单位, 配合单位 …) and whose rows name a task or a
// group of the plan, by its title or its number. Each row gives the section
// it names its units; a group's are inherited by its tasks when the model is
// read. The table may stand in the body or in an attachment after it.
#include <algorithm>
#include <optional>

#include "facts.hpp"
#include "parse.hpp"
#include "plan_builder_detail.hpp"
#include "text_util.hpp"

namespace planlint::detail {

namespace {

enum class Column : std::uint8_t { name, serial, lead, units, support };

/// What a header cell says its column holds.
Column column_of(const BuildContext& ctx, std::string_view header) {
  // A header names its column in a few words: 牵头单位, 牵头单位（部门）.
  constexpr std::size_t kLongestHeader = 12;
  std::string buffer;
  const std::string_view h = text::clean_view(header, buffer);
  if (h.empty() || code_points(h) > kLongestHeader) return Column::name;
  if (ctx.lexicons.serial_columns.contains(h)) return Column::serial;
  // The label a header opens with (牵头单位（部门）) says the roles, as in a list.
  for (const Lexicon* labels : {&ctx.lexicons.unit_labels_lead, &ctx.lexicons.unit_labels_support,
                                &ctx.lexicons.unit_labels}) {
    const std::string_view label = labels->prefix_of(h);
    if (label.empty()) continue;
    switch (*facts::label_roles(ctx, label)) {
      case facts::LabelRoles::all_lead: return Column::lead;
      case facts::LabelRoles::all_support: return Column::support;
      case facts::LabelRoles::first_leads: return Column::units;
    }
  }
  return Column::name;
}

bool is_unit_column(Column c) { return c == Column::lead || c == Column::units || c == Column::support; }

/// A section that a row may name, with the group it stands in.
struct Named {
  Section* section;
  const Section* parent;
  std::size_t order;  // in document order
};

/// A title or a cell as compared: cleaned, without a final 。 or ；.
std::string comparable(std::string_view s) {
  std::string out = text::clean(s);
  for (std::string_view end : {"。", "；", "：", ";", ":"}) {
    while (text::ends_with(out, end)) out.resize(out.size() - end.size());
  }
  return out;
}

/// Whether a cell names a title: the same text, or one opens with the other
/// and the shorter says enough to be a title (a cell may hold the task's
/// whole text, or a shortened title).
bool names_title(std::string_view cell, std::string_view title) {
  constexpr std::size_t kShortestTitle = 4;
  if (cell.empty() || title.empty()) return false;
  if (cell == title) return true;
  const std::string_view shorter = cell.size() < title.size() ? cell : title;
  const std::string_view longer = cell.size() < title.size() ? title : cell;
  return code_points(shorter) >= kShortestTitle && text::starts_with(longer, shorter);
}

/// Whether `n` stands inside `group` (at any depth).
bool inside(const Named& n, const Section* group, const std::vector<Named>& all) {
  if (!group) return true;
  for (const Section* p = n.parent; p;) {
    if (p == group) return true;
    const auto it = std::find_if(all.begin(), all.end(), [&](const Named& m) { return m.section == p; });
    p = it == all.end() ? nullptr : it->parent;
  }
  return false;
}

class TableReader {
 public:
  TableReader(const BuildContext& ctx, Plan& plan) : ctx_(ctx), plan_(plan) {
    std::size_t order = 0;
    collect(plan.sections, nullptr, order);
  }

  /// One table: its rows as lines of the source, in order.
  void read(const std::vector<std::string_view>& lines);

 private:
  void collect(std::vector<Section>& sections, const Section* parent, std::size_t& order) {
    for (auto& s : sections) {
      named_.push_back(Named{&s, parent, order++});
      collect(s.children, &s, order);
    }
  }
  /// The section a cell names, looked for inside `group` first.
  Section* named_by(std::string_view cell, const Section* group) const;
  void give_units(Section& s, const std::vector<Column>& columns, const std::vector<std::string_view>& cells,
                  bool has_lead_column);

  const BuildContext& ctx_;
  Plan& plan_;
  std::vector<Named> named_;
};

Section* TableReader::named_by(std::string_view cell, const Section* group) const {
  std::string text = comparable(cell);
  if (text.empty()) return nullptr;
  const auto marker = parse_marker(text);
  const std::string title = marker ? comparable(std::string_view(text).substr(marker->source.size())) : text;
  const auto matches = [&](const Named& n) {
    const Section& s = *n.section;
    if (!title.empty()) return names_title(title, comparable(s.title));
    // A number alone: the section with that number in that style.
    return s.style == marker->style && s.value == marker->value;
  };
  // Inside the group the rows above named first, then anywhere; by number
  // only inside a group or when one section alone has it.
  for (const Section* scope : {group, static_cast<const Section*>(nullptr)}) {
    if (scope == nullptr && group != nullptr && title.empty()) break;
    std::vector<const Named*> found;
    for (const auto& n : named_) {
      if ((scope == nullptr || inside(n, scope, named_)) && matches(n)) found.push_back(&n);
    }
    if (found.empty()) continue;
    if (title.empty() && scope == nullptr && found.size() > 1) return nullptr;
    return found.front()->section;
  }
  return nullptr;
}

void TableReader::give_units(Section& s, const std::vector<Column>& columns,
                             const std::vector<std::string_view>& cells, bool has_lead_column) {
  std::vector<Unit>& units = s.items.make().units;
  // The lead is the lead of the section's first group: a table adds support
  // to units its text already names.
  const bool text_units = !units.empty();
  for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
    if (!is_unit_column(columns[c])) continue;
    bool first = true;
    for (const std::string_view item : split_names(cells[c])) {
     for (const std::string_view name : facts::unit_names(ctx_, text::clean_view(item, plan_.texts))) {
      if (name.empty()) continue;
      // 牵头单位 leads and 配合单位 supports; a 责任单位 column leads with
      // its first name only when no column is the lead's.
      const bool lead = !text_units && (columns[c] == Column::lead ||
                                        (columns[c] == Column::units && !has_lead_column && first));
      first = false;
      const bool seen = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.name == name; });
      if (!seen) {
        units.push_back(Unit{name, lead ? UnitRole::lead : UnitRole::support, ctx_.source.location(item), false});
      }
     }
    }
  }
}

void TableReader::read(const std::vector<std::string_view>& lines) {
  std::vector<Column> columns;
  std::vector<std::string_view> header;
  Section* last = nullptr;          // the section the row above named
  const Section* group = nullptr;   // the group the rows above stand in
  for (const std::string_view line : lines) {
    const auto cells = split_cells(line);
    if (columns.empty()) {
      // The header: the first row that names a unit column (a title row
      // above it is not one).
      std::vector<Column> kinds;
      for (const auto c : cells) kinds.push_back(column_of(ctx_, c));
      if (std::any_of(kinds.begin(), kinds.end(), is_unit_column)) {
        columns = std::move(kinds);
        for (const auto c : cells) header.push_back(text::trim(c));
      }
      continue;
    }
    // The header again at the top of a new page.
    if (cells.size() == header.size() &&
        std::equal(cells.begin(), cells.end(), header.begin(),
                   [](std::string_view a, std::string_view b) { return text::trim(a) == b; })) {
      continue;
    }
    // The row names the finest section any of its name cells names; a row
    // with no name of its own (its name cells merged into the row above)
    // belongs to the named row above.
    Section* named = nullptr;
    bool any_name = false;
    for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
      if (columns[c] != Column::name || text::trim(cells[c]).empty()) continue;
      any_name = true;
      Section* s = named_by(cells[c], group);
      if (s && (!named || s->level > named->level)) named = s;
    }
    if (!named && !any_name) named = last;
    if (!named) continue;
    if (named != last) {
      last = named;
      // Rows below name their tasks by number within this group: the group
      // a row named, or the group of the task it named.
      const auto it = std::find_if(named_.begin(), named_.end(), [&](const Named& n) { return n.section == named; });
      group = named->children.empty() ? it->parent : named;
    }
    const bool has_lead_column = std::find(columns.begin(), columns.end(), Column::lead) != columns.end();
    give_units(*named, columns, cells, has_lead_column);
  }
}

}  // namespace

void read_division_tables(const BuildContext& ctx, const ast::Document& doc, const Regions& regions, Plan& plan) {
  if (plan.sections.empty()) return;
  std::optional<TableReader> reader;  // made at the first table: most plans have none
  std::vector<std::string_view> rows;
  const auto flush = [&] {
    if (rows.size() >= 2) {
      if (!reader) reader.emplace(ctx, plan);
      reader->read(rows);
    }
    rows.clear();
  };
  // A table runs over blank lines and page numbers (a page break inside it);
  // anything else ends it.
  for (std::size_t i = regions.body_begin; i < doc.lines.size(); ++i) {
    const ast::Line& line = doc.lines[i];
    // The whole line, leading tabs included: an empty first cell is a merged
    // one and keeps the others under their headers. A row whose cells are
    // empty but one (the grammar reads it as text) goes on an open table.
    const bool row = as<ast::TableRow>(line) != nullptr;
    if (!row && rows.empty()) continue;  // most lines: no table open
    const std::string_view source = line_text(line);
    const std::string_view whole = source.empty() ? source : ctx.source.line_around(source);
    if (row || whole.find('\t') != std::string_view::npos) {
      rows.push_back(whole);
    } else if (!as<ast::Blank>(line) && !as<ast::PageNumber>(line)) {
      flush();
    }
  }
  flush();
}

}  // namespace planlint::detail
