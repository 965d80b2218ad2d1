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

/// A section that a row may name. The sections are listed in document
/// order, so the sections inside one are those listed after it up to `end`.
struct Named {
  Section* section;
  std::string title;  // comparable(title)
  std::size_t parent;  // its index, or kNone at the top
  std::size_t end;     // one past the last section inside it
};
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

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

class TableReader {
 public:
  TableReader(const BuildContext& ctx, Plan& plan) : ctx_(ctx), plan_(plan) { collect(plan.sections, kNone); }

  /// One table: its rows as lines of the source, in order.
  void read(const std::vector<std::string_view>& lines);

 private:
  void collect(std::vector<Section>& sections, std::size_t parent) {
    for (auto& s : sections) {
      const std::size_t at = named_.size();
      named_.push_back(Named{&s, comparable(s.title), parent, kNone});
      collect(s.children, at);
      named_[at].end = named_.size();
    }
  }
  /// Whether section `i` stands inside section `group` (at any depth).
  bool inside(std::size_t i, std::size_t group) const { return group < i && i < named_[group].end; }
  /// The section a cell names (its index, or kNone), looked for inside
  /// `group` first.
  std::size_t named_by(std::string_view cell, std::size_t group) const;
  void give_units(Section& s, const std::vector<Column>& columns, const std::vector<std::string_view>& cells,
                  bool has_lead_column);

  const BuildContext& ctx_;
  Plan& plan_;
  std::vector<Named> named_;
};

std::size_t TableReader::named_by(std::string_view cell, std::size_t group) const {
  std::string text = comparable(cell);
  if (text.empty()) return kNone;
  const auto marker = parse_marker(text);
  const std::string title = marker ? comparable(std::string_view(text).substr(marker->source.size())) : text;
  const auto matches = [&](const Named& n) {
    if (!title.empty()) return names_title(title, n.title);
    // A number alone: the section with that number in that style.
    return n.section->style == marker->style && n.section->value == marker->value;
  };
  // Inside the group the rows above named first, then anywhere; by number
  // only inside a group or when one section alone has it.
  for (const std::size_t scope : {group, kNone}) {
    if (scope == kNone && group != kNone && title.empty()) break;
    std::size_t found = kNone;
    std::size_t count = 0;
    for (std::size_t i = 0; i < named_.size(); ++i) {
      if ((scope == kNone || inside(i, scope)) && matches(named_[i])) {
        if (found == kNone) found = i;
        ++count;
      }
    }
    if (found == kNone) continue;
    if (title.empty() && scope == kNone && count > 1) return kNone;
    return found;
  }
  return kNone;
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
  std::size_t last = kNone;   // the section the row above named
  std::size_t group = kNone;  // the group the rows above stand in
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
    std::size_t named = kNone;
    bool any_name = false;
    for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
      if (columns[c] != Column::name || text::trim(cells[c]).empty()) continue;
      any_name = true;
      const std::size_t i = named_by(cells[c], group);
      if (i != kNone && (named == kNone || named_[i].section->level > named_[named].section->level)) named = i;
    }
    if (named == kNone && !any_name) named = last;
    if (named == kNone) continue;
    if (named != last) {
      last = named;
      // Rows below name their tasks by number within this group: the group
      // a row named, or the group of the task it named.
      group = named_[named].section->children.empty() ? named_[named].parent : named;
    }
    const bool has_lead_column = std::find(columns.begin(), columns.end(), Column::lead) != columns.end();
    give_units(*named_[named].section, columns, cells, has_lead_column);
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
