// Pass 2 of the plan builder: the body as a tree of sections holding
// paragraphs (joined across page breaks and split into clauses), boxes,
// tables and unit lists. Nesting follows the open path of numbering styles,
// so plans with different ladders all nest correctly.
#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>

#include "facts.hpp"
#include "plan_builder_detail.hpp"
#include "parse.hpp"
#include "text_util.hpp"

namespace planlint::detail {

namespace {

/// Where new text goes: the preamble, the current section, or the last box
/// of the current section.
struct Container {
  bool section = false;  // false: the preamble
  bool in_box = false;
};

class BodyReader {
 public:
  BodyReader(const BuildContext& ctx, Plan& plan) : ctx_(ctx), plan_(plan) {}

  /// A heading of `style` that will have `children` sections directly inside.
  void heading(const ast::Heading& h, ast::NumberStyle style, std::uint32_t children);
  void text(std::string_view line, Paragraph::Kind kind = Paragraph::Kind::text);
  void units(const ast::Labelled& list);
  void box(const ast::BoxHeader& b);
  void table_row(std::string_view source, const std::vector<std::string_view>& cells);
  void break_flow() { open_ = false; table_open_ = false; }
  void blank() { table_open_ = false; }

 private:
  std::vector<Paragraph>& paragraphs();
  std::vector<Table>& tables();
  void add_fragment(Paragraph& p, std::string_view fragment);
  void inline_units(std::string_view fragment);
  /// The open section at `depth` of the path (0: outermost).
  Section& open_section(std::size_t depth);
  Section& current() { return open_section(path_.size() - 1); }

  const BuildContext& ctx_;
  Plan& plan_;
  // The open sections as child positions from the plan down: the tree is
  // built in place, and a section is found by walking at most one position
  // per numbering style, so nothing is copied or re-linked afterwards.
  std::vector<std::size_t> path_;
  Container here_;
  bool open_ = false;        // the last paragraph may be continued
  bool table_open_ = false;  // the last table may take more rows
};

Section& BodyReader::open_section(std::size_t depth) {
  Section* s = &plan_.sections[path_[0]];
  for (std::size_t k = 1; k <= depth; ++k) s = &s->children[path_[k]];
  return *s;
}

std::vector<Paragraph>& BodyReader::paragraphs() {
  if (!here_.section) return plan_.preamble;
  Section& s = current();
  return here_.in_box ? s.items.make().boxes.back().paragraphs : s.paragraphs;
}

std::vector<Table>& BodyReader::tables() {
  Section& s = current();
  SectionItems& items = s.items.make();
  return here_.in_box ? items.boxes.back().tables : items.tables;
}

void BodyReader::heading(const ast::Heading& h, ast::NumberStyle style, std::uint32_t children) {
  // A style already open closes back to that heading (this is its sibling);
  // a style not open nests under the current heading. Plans differ in their
  // ladders (一、（一）1. or 第一章 第一节 第一条), and one plan may skip a rung in
  // one part (一、 1.) and not in another (二、（一）1.).
  for (std::size_t depth = 0; depth < path_.size(); ++depth) {
    if (open_section(depth).style == style) {
      path_.resize(depth);
      break;
    }
  }
  const auto level = static_cast<unsigned>(path_.size() + 1);
  std::vector<Section>& siblings = path_.empty() ? plan_.sections : current().children;
  path_.push_back(siblings.size());
  Section& s = siblings.emplace_back();
  s.children.reserve(children);
  s.where = ctx_.source.location(h.marker.source);
  s.level = level;
  s.style = style;
  s.marker = h.marker.source;
  s.number = h.marker.numeral;
  s.value = h.marker.value;
  s.title_source = text::trim(h.title);
  // A unit list in brackets in the title (1．加强协同（责任单位：区科委）) gives
  // the section its units and is not part of its title.
  std::optional<std::string> cut;  // the title without its unit lists, when it has some
  std::vector<Unit> title_units;
  const auto cut_out = [&](std::string_view bracket) {
    if (!cut) cut.emplace(h.title);
    const auto at = cut->find(bracket);
    if (at != std::string::npos) cut->erase(at, bracket.size());
  };
  for (const auto& group : find_inline_labelled(h.title)) {
    bool units = false;
    for (const auto& list : group.groups) units = read_units(ctx_, list, plan_.texts, title_units) || units;
    if (units) cut_out(group.source);
  }
  for (const auto& bracket : find_parentheticals(h.title)) {
    if (read_unit_parenthetical(ctx_, bracket, plan_.texts, title_units)) cut_out(bracket.source);
  }
  s.title = cut ? std::string_view(plan_.texts.emplace_back(text::clean(*cut)))
                : text::clean_view(h.title, plan_.texts);
  if (!title_units.empty()) s.items.make().units = std::move(title_units);
  here_ = Container{true, false};
  open_ = false;
  table_open_ = false;
  // An inline heading's body is its first paragraph.
  if (!text::trim(h.body).empty()) text(h.body);
}

void BodyReader::add_fragment(Paragraph& p, std::string_view fragment) {
  fragment = text::trim(fragment);
  if (p.spans.empty()) p.where = ctx_.source.location(fragment);
  p.spans.push_back(fragment);
  // A line as written is a view into the source; a paragraph joined across
  // lines, or a line with conversion debris (both rare), is a new string.
  const bool debris = text::has_debris(fragment);
  if (p.text.empty() && !debris) {
    p.text = fragment;
  } else {
    std::string joined(p.text);
    joined += debris ? text::clean(fragment) : std::string(fragment);
    p.text = plan_.texts.emplace_back(std::move(joined));
  }
  inline_units(fragment);
}

void BodyReader::inline_units(std::string_view fragment) {
  if (!here_.section) return;
  for (const auto& group : find_inline_labelled(fragment)) {
    for (const auto& list : group.groups) {
      read_units(ctx_, list, plan_.texts, current().items.make().units);
    }
  }
  for (const auto& bracket : find_parentheticals(fragment)) {
    std::vector<Unit> units;
    if (!read_unit_parenthetical(ctx_, bracket, plan_.texts, units)) continue;
    std::vector<Unit>& own = current().items.make().units;
    for (auto& u : units) {
      if (std::none_of(own.begin(), own.end(), [&](const Unit& o) { return o.name == u.name; })) own.push_back(u);
    }
  }
}

void BodyReader::text(std::string_view line, Paragraph::Kind kind) {
  line = text::trim(line);
  if (line.empty()) return;
  auto& ps = paragraphs();
  // A paragraph broken by a page break (or a hard line wrap) goes on when its
  // last line did not end a sentence.
  if (open_ && kind == Paragraph::Kind::text && !ps.empty() &&
      !text::ends_sentence(ps.back().spans.back())) {
    add_fragment(ps.back(), line);
  } else {
    Paragraph p;
    p.kind = kind;
    add_fragment(p, line);
    // Room for a few at once: most sections have one to four paragraphs,
    // which would otherwise take three allocations as the list doubles.
    if (ps.capacity() == 0) ps.reserve(4);
    ps.push_back(std::move(p));
  }
  open_ = true;
  table_open_ = false;
}

void BodyReader::units(const ast::Labelled& list) {
  open_ = false;
  table_open_ = false;
  if (!here_.section) return;
  read_units(ctx_, list, plan_.texts, current().items.make().units);
}

void BodyReader::box(const ast::BoxHeader& b) {
  open_ = false;
  table_open_ = false;
  if (!here_.section) return;  // a box before any heading stays in the flow
  Box box;
  box.where = ctx_.source.location(b.source);
  box.number = std::string(b.number);
  box.title = text::clean(b.title);
  current().items.make().boxes.push_back(std::move(box));
  here_.in_box = true;
}

void BodyReader::table_row(std::string_view source, const std::vector<std::string_view>& cells) {
  open_ = false;
  if (!here_.section) {
    text(source);
    return;
  }
  auto& ts = tables();
  if (!table_open_ || ts.empty()) {
    Table t;
    t.where = ctx_.source.location(source);
    ts.push_back(std::move(t));
  }
  Table& t = ts.back();
  std::vector<std::string> row;
  for (auto c : cells) row.push_back(text::clean(c));
  if (t.rows.empty()) {
    t.indicator = std::any_of(row.begin(), row.end(), [](const std::string& c) {
      return c.find("指标") != std::string::npos;
    });
  }
  t.rows.push_back(std::move(row));
  t.row_locations.push_back(ctx_.source.location(source));
  table_open_ = true;
}


/// Numbering styles that a slip of the keyboard turns into each other:
/// The other style of a family: （一）/（1） and 一、/1．; none for the rest.
std::optional<ast::NumberStyle> sibling_style(ast::NumberStyle s) {
  using S = ast::NumberStyle;
  switch (s) {
    case S::paren_cn: return S::paren_arabic;
    case S::paren_arabic: return S::paren_cn;
    case S::dun: return S::arabic;
    case S::arabic: return S::dun;
    default: return std::nullopt;
  }
}

/// The body's headings: the lines the grammar read as headings, and the
/// lines opening with a bare number (1突破…) that continue a sequence 1, 2,
/// 3… — a number the grammar cannot tell from a quantity on one line alone.
class BodyHeadings {
 public:
  BodyHeadings(const BuildContext& ctx, const ast::Document& doc, const Regions& r);
  /// The heading at line i, or nothing.
  const ast::Heading* at(const ast::Document& doc, std::size_t i) const {
    if (const auto* h = as<ast::Heading>(doc.lines[i])) return h;
    if (bare_.empty() || !as<ast::Text>(doc.lines[i])) return nullptr;
    const auto it = std::lower_bound(bare_.begin(), bare_.end(), i,
                                     [](const auto& b, std::size_t line) { return b.first < line; });
    return it != bare_.end() && it->first == i ? &it->second : nullptr;
  }

 private:
  std::vector<std::pair<std::size_t, ast::Heading>> bare_;  // by line
};

BodyHeadings::BodyHeadings(const BuildContext& ctx, const ast::Document& doc, const Regions& r) {
  // A run: bare-numbered lines valued 1, 2, 3… with no typed heading between
  // them. A line that does not continue the run (3号文件 in its middle) is
  // text and leaves the run open; a 1 starts a new one. Runs of two or more
  // are headings.
  std::vector<std::pair<std::size_t, ast::Heading>> run;
  const auto close = [&] {
    if (run.size() >= 2) std::move(run.begin(), run.end(), std::back_inserter(bare_));
    run.clear();
  };
  for (std::size_t i = r.body_begin; i < r.body_end; ++i) {
    if (r.in_toc[i]) continue;
    if (as<ast::Heading>(doc.lines[i])) {
      close();
      continue;
    }
    const auto* t = as<ast::Text>(doc.lines[i]);
    // Only a line opening with a digit (ASCII, or full-width: EF BC 90–99)
    // may be one: most text lines are turned away by their first byte.
    if (!t || t->text.empty() || !((t->text[0] >= '0' && t->text[0] <= '9') || t->text[0] == '\xEF')) continue;
    auto h = parse_bare_heading(t->text);
    if (!h || h->marker.value == 0) continue;
    const std::string_view after = t->text.substr(h->marker.source.size());
    if (!ctx.lexicons.number_words.prefix_of(after).empty()) continue;
    if (h->marker.value == 1) {
      close();
      run.emplace_back(i, std::move(*h));
    } else if (!run.empty() && run.back().second.marker.value + 1 == h->marker.value) {
      run.emplace_back(i, std::move(*h));
    }
  }
  close();
}

/// The style each body heading stands for. A lone heading whose value
/// continues the sequence of a sibling style between two of its members
/// (（一） （2） （三）) is a numbering slip: it takes the sequence's style.
std::vector<ast::NumberStyle> heading_styles(const BuildContext& ctx, const ast::Document& doc,
                                             const Regions& r, const BodyHeadings& headings) {
  std::vector<ast::NumberStyle> styles(doc.lines.size(), ast::NumberStyle::dun);
  std::vector<std::uint32_t> lines;  // the body's headings, as line indexes
  lines.reserve(r.body_end - r.body_begin);
  for (std::size_t i = r.body_begin; i < r.body_end; ++i) {
    if (r.in_toc[i]) continue;
    if (const auto* h = headings.at(doc, i)) {
      styles[i] = h->marker.style;
      lines.push_back(static_cast<std::uint32_t>(i));
    }
  }
  const auto marker = [&](std::size_t k) -> const ast::Marker& { return headings.at(doc, lines[k])->marker; };
  // For heading k: the next heading of its own style and of its sibling
  // style (one backward pass), and the previous ones (kept while walking
  // forward). Two numbers per heading, whatever the number of headings.
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  constexpr std::size_t kStyles = static_cast<std::size_t>(ast::NumberStyle::bare) + 1;
  const auto index = [](ast::NumberStyle s) { return static_cast<std::size_t>(s); };
  std::vector<std::uint32_t> next_own(lines.size()), next_sibling(lines.size());
  std::array<std::uint32_t, kStyles> last;
  last.fill(kNone);
  for (std::size_t k = lines.size(); k-- > 0;) {
    const ast::NumberStyle style = marker(k).style;
    const auto sibling = sibling_style(style);
    next_own[k] = last[index(style)];
    next_sibling[k] = sibling ? last[index(*sibling)] : kNone;
    last[index(style)] = static_cast<std::uint32_t>(k);
  }
  last.fill(kNone);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const ast::Marker& m = marker(k);
    const std::uint32_t own_before = last[index(m.style)];
    last[index(m.style)] = static_cast<std::uint32_t>(k);
    const auto sibling = sibling_style(m.style);
    if (!sibling) continue;
    const std::uint32_t b = last[index(*sibling)];
    const std::uint32_t a = next_sibling[k];
    if (b == kNone || a == kNone) continue;
    // Lone: no heading of its own style between the two siblings.
    const std::uint32_t own_after = next_own[k];
    const bool lone = (own_before == kNone || own_before < b) && (own_after == kNone || own_after > a);
    const ast::Marker& bm = marker(b);
    const ast::Marker& am = marker(a);
    if (!lone || bm.value + 1 != m.value || am.value != m.value + 1) continue;
    styles[lines[k]] = *sibling;
    ctx.sink.report(Diagnostic{ctx.source.path(), ctx.source.location(m.source), "numbering-slip",
                               Severity::warning,
                               "“" + std::string(m.source) + "” breaks the sequence “" +
                                   std::string(bm.source) + "” … “" + std::string(am.source) +
                                   "”; read as its number " + std::to_string(m.value),
                               "number it in the style of its siblings"});
  }
  return styles;
}

/// How many sections each body heading will hold directly (and the plan:
/// `top`), by the nesting rule of BodyReader::heading run on styles alone,
/// so that every list of sections is allocated once, at its size.
struct ChildCounts {
  std::uint32_t top = 0;
  std::vector<std::uint32_t> of;  // per body heading, in order
};

ChildCounts child_counts(const ast::Document& doc, const Regions& r, const BodyHeadings& headings,
                         const std::vector<ast::NumberStyle>& styles) {
  ChildCounts counts;
  std::vector<std::pair<ast::NumberStyle, std::uint32_t>> path;  // open styles, heading ordinals
  for (std::size_t i = r.body_begin; i < r.body_end; ++i) {
    if (r.in_toc[i] || !headings.at(doc, i)) continue;
    for (std::size_t depth = 0; depth < path.size(); ++depth) {
      if (path[depth].first == styles[i]) {
        path.resize(depth);
        break;
      }
    }
    ++(path.empty() ? counts.top : counts.of[path.back().second]);
    path.emplace_back(styles[i], static_cast<std::uint32_t>(counts.of.size()));
    counts.of.push_back(0);
  }
  return counts;
}

}  // namespace

bool is_unit_list(const BuildContext& ctx, const ast::Labelled& list) {
  return facts::label_roles(ctx, text::clean(list.label)).has_value();
}

bool read_units(const BuildContext& ctx, const ast::Labelled& list, std::deque<std::string>& texts,
                std::vector<Unit>& out) {
  const auto roles = facts::label_roles(ctx, text::clean(list.label));
  if (!roles) return false;
  bool first = true;
  // Units stand one after another on a line: each is placed from the last.
  std::string_view last_item;
  Location last_at;
  const auto place = [&](std::string_view item) {
    last_at = ctx.source.location_after(last_item, last_at, item);
    last_item = item;
    return last_at;
  };
  for (auto item : list.items) {
    std::string_view name = text::clean_view(item, texts);
    UnitRole role = facts::role_in_list(*roles, first);
    // A lead word in brackets after a name makes it a lead: 区科委（牵头）.
    for (const auto& bracket : find_parentheticals(name)) {
      if (bracket.source.data() + bracket.source.size() != name.data() + name.size()) continue;
      if (bracket.clauses.size() == 1 && bracket.clauses[0].size() == 1 &&
          ctx.lexicons.unit_verbs_lead.contains(text::trim(bracket.clauses[0][0]))) {
        name.remove_suffix(bracket.source.size());
        role = UnitRole::lead;
      }
    }
    // 全国总工会等和各省级人民政府: the names after the first of an item are
    // never the list's first.
    bool first_part = true;
    for (const std::string_view part : facts::unit_names(ctx, name)) {
      if (part.empty()) continue;
      const UnitRole part_role = first_part ? role : facts::role_in_list(*roles, false);
      first_part = false;
      first = false;
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Unit& u) { return u.name == part; });
      const std::size_t at = item.find(part);
      if (!seen) out.push_back(Unit{part, part_role, place(at == std::string_view::npos ? item : item.substr(at)), false});
    }
  }
  return true;
}

bool read_unit_parenthetical(const BuildContext& ctx, const ast::Parenthetical& bracket,
                             std::deque<std::string>& texts, std::vector<Unit>& out) {
  // A name longer than this is prose, not a unit.
  constexpr std::size_t kLongestName = 40;
  struct Name {
    std::string_view text;  // trimmed, without its verb and trailers
    std::string_view item;  // as written, for its position
    bool lead;
  };
  std::vector<Name> names;
  bool any_lead = false;
  for (const auto& clause : bracket.clauses) {
    if (clause.empty()) return false;
    const std::string_view last = text::clean_view(clause.back(), texts);
    const auto verb = facts::unit_verb(ctx, last);
    if (!verb) return false;
    const bool lead = verb->lead;
    any_lead = any_lead || lead;
    for (std::size_t k = 0; k < clause.size(); ++k) {
      std::string_view item = k + 1 < clause.size() ? text::clean_view(clause[k], texts) : last;
      if (k + 1 == clause.size()) item.remove_suffix(verb->size);
      for (const std::string_view name : facts::unit_names(ctx, item)) {
        if (name.empty() || code_points(name) > kLongestName || ctx.lexicons.unit_sentence_words.occurs_in(name)) {
          return false;
        }
        // Placed where it stands in the source when it can be found there.
        const std::size_t at = clause[k].find(name);
        names.push_back(Name{name, at == std::string_view::npos ? clause[k] : clause[k].substr(at), lead});
      }
    }
  }
  std::string_view last_item;
  Location last_at;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const UnitRole role = (any_lead ? names[i].lead : i == 0) ? UnitRole::lead : UnitRole::support;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Unit& u) { return u.name == names[i].text; });
    last_at = ctx.source.location_after(last_item, last_at, names[i].item);
    last_item = names[i].item;
    if (!seen) out.push_back(Unit{names[i].text, role, last_at, false});
  }
  return true;
}

void read_body(const BuildContext& ctx, const ast::Document& doc, const Regions& regions,
               Plan& plan) {
  const BodyHeadings headings(ctx, doc, regions);
  const auto styles = heading_styles(ctx, doc, regions, headings);
  const ChildCounts counts = child_counts(doc, regions, headings, styles);
  plan.sections.reserve(counts.top);
  std::size_t heading = 0;
  BodyReader reader(ctx, plan);
  for (std::size_t i = regions.body_begin; i < regions.body_end; ++i) {
    if (regions.in_toc[i]) continue;
    const ast::Line& line = doc.lines[i];
    if (const auto* h = headings.at(doc, i)) {
      reader.heading(*h, styles[i], counts.of[heading++]);
    } else if (const auto* l = as<ast::LabelledLine>(line)) {
      if (!l->groups.empty() && is_unit_list(ctx, l->groups.front())) {
        for (const auto& group : l->groups) reader.units(group);
      } else {
        reader.text(l->source);
      }
    } else if (const auto* b = as<ast::Bullet>(line)) {
      reader.text(b->text, Paragraph::Kind::bullet);
    } else if (const auto* box = as<ast::BoxHeader>(line)) {
      reader.box(*box);
    } else if (const auto* row = as<ast::TableRow>(line)) {
      reader.table_row(row->source, row->cells);
    } else if (const auto* t = as<ast::Text>(line)) {
      reader.text(t->text);
    } else if (as<ast::Blank>(line) || as<ast::PageNumber>(line)) {
      reader.blank();
    } else {
      reader.break_flow();
    }
  }
  read_division_tables(ctx, doc, regions, plan);
}

}  // namespace planlint::detail

namespace planlint {

std::vector<TextPiece> clauses_of(const Paragraph& p, const SourceFile& source) {
  std::vector<TextPiece> clauses;
  std::string_view last;  // the last clause placed, and where
  Location last_at;
  for (std::size_t i = 0; i < p.spans.size(); ++i) {
    const std::string_view fragment = p.spans[i];
    const bool debris = text::has_debris(fragment);
    // A clause left open at the end of the previous line (a page break in
    // mid-sentence) takes this line's first clause.
    bool merge = i > 0 && !clauses.empty() && !text::ends_sentence(clauses.back().spans.back());
    for (const auto& c : split_clauses(fragment)) {
      std::string piece = debris ? text::clean(c.text) : std::string(text::trim(c.text));
      if (piece.empty()) continue;
      if (merge) {
        clauses.back().text += piece;
        clauses.back().spans.push_back(c.source);
        merge = false;
        continue;
      }
      // Clauses follow each other on a line: each is placed from the last.
      last_at = source.location_after(last, last_at, c.text);
      last = c.text;
      clauses.push_back(TextPiece{last_at, std::move(piece), {c.source}});
    }
  }
  return clauses;
}

}  // namespace planlint
