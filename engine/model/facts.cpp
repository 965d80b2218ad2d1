// What a plan's structure means: see facts.hpp. Every decision about roles,
// tasks, targets, stages and units is made here, once; as defined in
// docs/plan-model.md.
#include "facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "parse.hpp"
#include "text_util.hpp"

namespace planlint::facts {

namespace {

/// When a heading names two roles, the first of these wins.
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoleOrder{{
    {Role::timeline, "role-timeline"},
    {Role::goals, "role-goals"},
    {Role::safeguards, "role-safeguards"},
    {Role::background, "role-background"},
    {Role::guiding, "role-guiding"},
    {Role::tasks, "role-tasks"},
}};

/// A top-level heading takes the role of any role word it contains.
std::optional<Role> role_named_in(const BuildContext& ctx, std::string_view title) {
  for (std::size_t i = 0; i < kRoleOrder.size(); ++i) {
    if (ctx.lexicons.roles[i]->occurs_in(title)) return kRoleOrder[i].first;
  }
  return std::nullopt;
}

}  // namespace

bool opens_with_action(const BuildContext& ctx, std::string_view title) {
  title = text::trim(title);
  for (std::string_view a; !(a = ctx.lexicons.action_adverbs.prefix_of(title)).empty();) title.remove_prefix(a.size());
  return !ctx.lexicons.action_openers.prefix_of(title).empty();
}

bool carries_date(std::string_view text) {
  const auto mentions = find_mentions(text);
  return std::any_of(mentions.begin(), mentions.end(), [](const ast::Mention& m) {
    return m.kind != ast::MentionKind::quantity && m.year >= 1900;
  });
}

namespace {

/// What may stand before a role word in a role heading besides qualifiers:
/// the plan's subject, a few words naming what the plan is about
/// (智慧林业建设目标, 智慧林业保障措施), but no action (加强目标管理 is work that
/// mentions a goal) and no list.
bool names_subject(const BuildContext& ctx, std::string_view rest) {
  constexpr std::size_t kLongestSubject = 8;  // code points
  if (code_points(rest) > kLongestSubject) return false;
  for (std::string_view mark : {"，", "、", "。", "；", ",", "（", "("}) {
    if (rest.find(mark) != std::string_view::npos) return false;
  }
  return !opens_with_action(ctx, rest);
}

/// A nested heading takes a role only when it is a role heading: a role word
/// with nothing before it but qualifiers, a year and the plan's subject
/// (主要目标, 二〇三五年远景目标, 智慧林业建设目标).
std::optional<Role> role_of_nested(const BuildContext& ctx, std::string_view title) {
  title = text::trim(title);
  for (std::string_view end : {"：", ":", "。"}) {
    if (text::ends_with(title, end)) title.remove_suffix(end.size());
  }
  // A year before the role word: 二〇三五年远景目标, 2025年目标.
  const auto opens_with_numeral = [](std::string_view t) {
    if (!t.empty() && t[0] >= '0' && t[0] <= '9') return true;
    // UTF-8 does not match across character boundaries, so one search in
    // the list of numerals finds the first character among them.
    constexpr std::string_view numerals = "〇零一二三四五六七八九";
    const std::string_view first = text::first_char(t);
    return !first.empty() && numerals.find(first) != std::string_view::npos;
  };
  const auto mentions = opens_with_numeral(title) ? find_mentions(title) : std::vector<ast::Mention>{};
  if (!mentions.empty() && mentions[0].source.data() == title.data() &&
      mentions[0].kind != ast::MentionKind::quantity) {
    title.remove_prefix(mentions[0].source.size());
  }
  for (std::size_t i = 0; i < kRoleOrder.size(); ++i) {
    const Role role = kRoleOrder[i].first;
    const std::string_view word = ctx.lexicons.roles[i]->suffix_of(title);
    if (word.empty()) continue;
    std::string_view rest = title.substr(0, title.size() - word.size());
    const Lexicon& qualifiers = ctx.lexicons.role_qualifiers;
    while (!rest.empty()) {
      const std::string_view q = qualifiers.prefix_of(rest);
      if (q.empty()) break;
      rest.remove_prefix(q.size());
    }
    if (rest.empty() || names_subject(ctx, rest)) return role;
  }
  return std::nullopt;
}

/// A section's children are stages: two or more, each naming a stage word or
/// carrying a date in its heading, and one at least dated in its heading or
/// its first sentence (a procedure of undated steps is no timeline).
bool children_are_stages(const BuildContext& ctx, const Section& s) {
  if (s.children.size() < 2) return false;
  bool dated = false;
  for (const auto& c : s.children) {
    const bool dated_heading = carries_date(c.title_source);
    if (!dated_heading && !ctx.lexicons.stage_words.occurs_in(c.title)) return false;
    if (dated_heading) dated = true;
    if (!dated && !c.paragraphs.empty()) {
      const auto clauses = clauses_of(c.paragraphs[0], ctx.source);
      dated = !clauses.empty() && carries_date(clauses[0].text);
    }
  }
  return dated;
}

/// The items that would be a section's tasks: its finest numbered items, in
/// document order, but for those under a nested role heading of another role
/// (a 保障措施 inside the section holds no tasks).
void leaves_of(const BuildContext& ctx, const Section& s, std::vector<const Section*>& out) {
  for (const auto& c : s.children) {
    const auto role = role_of_nested(ctx, c.title);
    if (role && *role != Role::tasks) continue;
    if (c.children.empty()) {
      out.push_back(&c);
    } else {
      leaves_of(ctx, c, out);
    }
  }
}

/// A section holds work when its own heading opens with an action (打造…格局,
/// whose items may be written as outcomes: 中关村科学城建成…), or when more
/// than half of the items that would be its tasks open with an action or
/// carry units.
bool holds_work(const BuildContext& ctx, const Section& s) {
  if (opens_with_action(ctx, s.title)) return true;
  std::vector<const Section*> items;
  leaves_of(ctx, s, items);
  const auto work = std::count_if(items.begin(), items.end(), [&](const Section* item) {
    return opens_with_action(ctx, item->title) || !item->units().empty();
  });
  return 2 * static_cast<std::size_t>(work) > items.size();
}

}  // namespace

// ------------------------------------------------------------------ targets

Target target_of(const BuildContext& ctx, Location where, std::string text, const Spans& spans) {
  Target target;
  target.where = where;
  target.text = std::move(text);
  const Lexicon& units = ctx.lexicons.quantity_units;
  const Lexicon& cn_units = ctx.lexicons.quantity_units_cn;
  for (auto span : spans) {
    for (const auto& m : find_mentions(span)) {
      if (m.kind == ast::MentionKind::quantity) {
        const bool arabic = !m.number.empty() && m.number[0] >= '0' && m.number[0] <= '9';
        const std::string_view unit = (arabic ? units : cn_units).prefix_of(m.unit);
        if (unit.empty()) continue;
        target.quantities.push_back(
            Quantity{std::string(m.number), std::string(unit), ctx.source.location(m.source)});
      } else if (target.deadline == 0 && m.year >= 1900) {
        target.deadline = m.kind == ast::MentionKind::range && m.to_year ? m.to_year : m.year;
      }
    }
  }
  target.measured = !target.quantities.empty();
  return target;
}

namespace {

struct TargetText {
  Location where;
  std::string text;
  Spans spans;
};

Target make_target(const BuildContext& ctx, TargetText t) { return target_of(ctx, t.where, std::move(t.text), t.spans); }

/// Targets of a paragraph: the paragraph itself, or its 一是/二是 statements.
/// A lead-in ending in ： is not a target.
void paragraph_targets(const BuildContext& ctx, const Paragraph& p, std::vector<Target>& out) {
  const auto ends_in_colon = [](std::string_view line) {
    line = text::trim(line);
    return text::ends_with(line, "：") || text::ends_with(line, ":");
  };
  const bool lead_in = p.spans.empty() || ends_in_colon(p.spans.back());
  const std::vector<TextPiece> clauses = clauses_of(p, ctx.source);
  const auto opens_statement = [](const TextPiece& c) { return !statement_opening(c.text).empty(); };
  if (std::none_of(clauses.begin(), clauses.end(), opens_statement)) {
    // Most paragraphs: the paragraph itself is the target.
    if (!lead_in) out.push_back(make_target(ctx, TargetText{p.where, std::string(p.text), p.spans}));
    return;
  }
  std::vector<TargetText> pieces;
  TargetText lead;
  bool statements = false;
  for (const auto& c : clauses) {
    // The clause as written, with its 。 or ；.
    std::string written;
    for (auto span : c.spans) written += text::clean(span);
    if (!statement_opening(c.text).empty()) {
      statements = true;
      pieces.push_back(TargetText{c.where, written, c.spans});
    } else if (statements) {
      pieces.back().text += written;
      pieces.back().spans.insert(pieces.back().spans.end(), c.spans.begin(), c.spans.end());
    } else {
      if (lead.spans.empty()) lead.where = c.where;
      lead.text += written;
      lead.spans.insert(lead.spans.end(), c.spans.begin(), c.spans.end());
    }
  }
  const bool lead_is_lead_in = !lead.spans.empty() && ends_in_colon(lead.spans.back());
  if (!lead.spans.empty() && !lead_is_lead_in) out.push_back(make_target(ctx, std::move(lead)));
  for (auto& piece : pieces) out.push_back(make_target(ctx, std::move(piece)));
}

bool is_number(std::string_view cell) {
  cell = text::trim(cell);
  if (cell.empty()) return false;
  return std::all_of(cell.begin(), cell.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '%' || c == ',';
  });
}

/// Each data row of an indicator table is a target; the value is the one
/// under the latest year of the header (or the last number of the row).
void table_targets(const Table& t, std::vector<Target>& out) {
  if (!t.indicator || t.rows.size() < 2) return;
  std::size_t column = 0;
  unsigned column_year = 0;
  for (std::size_t c = 0; c < t.rows[0].size(); ++c) {
    for (const auto& m : find_mentions(t.rows[0][c])) {
      if (m.year > column_year) {
        column_year = m.year;
        column = c;
      }
    }
  }
  for (std::size_t r = 1; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    Target target;
    target.where = t.row_locations[r];
    target.text = row.empty() ? std::string() : row[0];
    std::string value;
    if (column > 0 && column < row.size() && is_number(row[column])) {
      value = row[column];
      target.deadline = column_year;
    } else {
      for (std::size_t c = 1; c < row.size(); ++c) {
        if (is_number(row[c])) value = row[c];
      }
    }
    if (!value.empty()) {
      std::string unit;
      const std::string& name = target.text;
      const std::size_t open = name.rfind("（");
      const std::size_t close = name.rfind("）");
      if (open != std::string::npos && close != std::string::npos && close > open) {
        unit = name.substr(open + std::string_view("（").size(),
                           close - open - std::string_view("（").size());
      }
      target.quantities.push_back(Quantity{value, unit, target.where});
      target.measured = true;
    }
    out.push_back(std::move(target));
  }
}

/// A numbered item under a goals section is one target: its title and text.
Target item_target(const BuildContext& ctx, const Section& item) {
  TargetText t{item.where, std::string(item.title), {item.title_source}};
  for (const auto& p : item.paragraphs) {
    t.text += "。";
    t.text += p.text;
    t.spans.insert(t.spans.end(), p.spans.begin(), p.spans.end());
  }
  return make_target(ctx, std::move(t));
}

/// A paragraph that opens with a goal label and a ： (具体指标：…, 总体要求与目标：…).
bool labelled_goal(const BuildContext& ctx, const Paragraph& p) {
  const std::string_view t = text::trim(p.text);
  const std::string_view label = ctx.lexicons.goal_labels.prefix_of(t);
  if (label.empty()) return false;
  const std::string_view rest = text::trim(t.substr(label.size()));
  return text::starts_with(rest, "：") || text::starts_with(rest, ":");
}

// ------------------------------------------------------------------ stages

std::string month_text(unsigned year, unsigned month) {
  return month ? fmt::format("{:04}-{:02}", year, month) : fmt::format("{:04}", year);
}

void date_stage(Stage& stage, std::string_view text) {
  for (const auto& m : find_mentions(text)) {
    if (m.kind == ast::MentionKind::quantity || m.year < 1900) continue;
    stage.from = month_text(m.year, m.month);
    if (m.kind == ast::MentionKind::range && m.to_year) stage.to = month_text(m.to_year, m.to_month);
    return;
  }
}

Stage make_stage(Location where, std::string name, const Spans& dated_text) {
  Stage stage;
  stage.where = where;
  stage.name = std::move(name);
  for (auto t : dated_text) {
    date_stage(stage, t);
    if (!stage.from.empty()) break;
  }
  return stage;
}

/// 集中整治阶段（2023年4月—9月）：各单位… → 集中整治阶段: a stage is named by
/// its words before a ： and without its bracketed dates.
std::string stage_name(std::string_view title) {
  for (std::string_view colon : {"：", ":"}) {
    const std::size_t at = title.find(colon);
    if (at != std::string_view::npos) title = title.substr(0, at);
  }
  title = text::trim(title);
  for (std::string_view open : {"（", "("}) {
    const std::size_t at = title.rfind(open);
    if (at == std::string_view::npos || at == 0) continue;
    const auto mentions = find_mentions(title.substr(at));
    if (!mentions.empty() && mentions[0].kind != ast::MentionKind::quantity) title = text::trim(title.substr(0, at));
  }
  return std::string(title);
}


void collect_stage_sections(const BuildContext& ctx, const Section& s, std::vector<Stage>& out) {
  for (const auto& c : s.children) {
    if (!c.children.empty()) {
      collect_stage_sections(ctx, c, out);
      continue;
    }
    std::string name = stage_name(c.title);
    Spans dated;
    dated.push_back(c.title);
    if (!c.paragraphs.empty()) {
      const auto clauses = clauses_of(c.paragraphs[0], ctx.source);
      if (!clauses.empty()) dated.insert(dated.end(), clauses[0].spans.begin(), clauses[0].spans.end());
    }
    out.push_back(make_stage(c.where, std::move(name), dated));
  }
}


constexpr std::size_t kExcerptCodePoints = 40;

/// A timeline written as paragraphs: each one opening with a date or naming
/// a 阶段 is a stage, named by the words before its first ：.
void paragraph_stages(const BuildContext& ctx, const Section& s, std::vector<Stage>& out) {
  for (const auto& p : s.paragraphs) {
    const auto clauses = clauses_of(p, ctx.source);
    if (clauses.empty()) continue;
    const std::string& first = clauses[0].text;
    if (!carries_date(first) && !ctx.lexicons.stage_words.occurs_in(first)) continue;
    out.push_back(make_stage(p.where, text::excerpt(stage_name(first), kExcerptCodePoints), clauses[0].spans));
  }
}

}  // namespace

std::array<const Lexicon*, 6> role_lexicons(const Lexicons& all) {
  static_assert(kRoleOrder.size() == 6);
  std::array<const Lexicon*, 6> out{};
  for (std::size_t i = 0; i < kRoleOrder.size(); ++i) out[i] = &all.get(kRoleOrder[i].second);
  return out;
}

RoleFact role_of(const BuildContext& ctx, const Section& s, const Section* parent) {
  if (!parent) {
    // A role word decides; else what the section holds: stages, work, or
    // neither (scopes, definitions, procedures, bodies).
    if (const auto role = role_named_in(ctx, s.title)) return RoleFact{*role, true};
    return RoleFact{children_are_stages(ctx, s) ? Role::timeline
                    : holds_work(ctx, s)        ? Role::tasks
                                                : Role::other,
                    false};
  }
  if (const auto role = role_of_nested(ctx, s.title)) return RoleFact{*role, true};
  return RoleFact{parent->role, false};
}

std::vector<std::string_view> unnumbered_headings(const BuildContext& ctx, const std::vector<Paragraph>& paragraphs) {
  constexpr std::size_t kLongestHeading = 20;  // code points
  std::vector<std::string_view> out;
  // Line by line: a heading that lost its number does not end a sentence, so
  // the reader joins it to the paragraph under it.
  for (const auto& p : paragraphs) {
    for (const std::string_view span : p.spans) {
      const std::string_view t = text::trim(span);
      if (t.empty() || code_points(t) > kLongestHeading || text::ends_sentence(t)) continue;
      if (role_named_in(ctx, t)) out.push_back(t);
    }
  }
  return out;
}

bool is_task(const Section& s) { return s.children.empty() && s.role == Role::tasks; }

std::vector<Unit> task_units(const Section& task, const std::vector<Unit>* inherited) {
  if (!task.units().empty()) return task.units();
  if (!inherited) return {};
  std::vector<Unit> units = *inherited;
  for (auto& u : units) u.inherited = true;
  return units;
}

std::optional<LabelRoles> label_roles(const BuildContext& ctx, std::string_view label) {
  if (ctx.lexicons.unit_labels_lead.contains(label)) return LabelRoles::all_lead;
  if (ctx.lexicons.unit_labels_support.contains(label)) return LabelRoles::all_support;
  if (ctx.lexicons.unit_labels.contains(label)) return LabelRoles::first_leads;
  return std::nullopt;
}

UnitRole role_in_list(LabelRoles roles, bool first) {
  switch (roles) {
    case LabelRoles::all_lead: return UnitRole::lead;
    case LabelRoles::all_support: return UnitRole::support;
    case LabelRoles::first_leads: return first ? UnitRole::lead : UnitRole::support;
  }
  return UnitRole::support;
}

std::optional<UnitVerb> unit_verb(const BuildContext& ctx, std::string_view clause) {
  const std::string_view lead_verb = ctx.lexicons.unit_verbs_lead.suffix_of(clause);
  const std::string_view other_verb = ctx.lexicons.unit_verbs.suffix_of(clause);
  const bool lead = lead_verb.size() >= other_verb.size() && !lead_verb.empty();
  const std::string_view verb = lead ? lead_verb : other_verb;
  if (verb.empty()) return std::nullopt;
  return UnitVerb{verb.size(), lead};
}

std::string_view unit_name(const BuildContext& ctx, std::string_view name) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (const Lexicon* words : {&ctx.lexicons.unit_name_trailers, &ctx.lexicons.unit_verbs}) {
      const std::string_view w = words->suffix_of(name);
      if (!w.empty() && w.size() < name.size()) {
        name.remove_suffix(w.size());
        trimmed = true;
      }
    }
    if (text::ends_with(name, "。")) {
      name.remove_suffix(std::string_view("。").size());
      trimmed = true;
    }
  }
  return text::trim(name);
}

std::vector<std::string_view> unit_names(const BuildContext& ctx, std::string_view item) {
  std::vector<std::string_view> out;
  while (true) {
    const std::string_view closer = ctx.lexicons.list_closers.find_in(item);
    if (closer.empty()) break;
    const std::size_t at = item.find(closer);
    out.push_back(unit_name(ctx, item.substr(0, at)));
    item.remove_prefix(at + closer.size());
  }
  out.push_back(unit_name(ctx, item));
  return out;
}

std::vector<Target> targets_of(const BuildContext& ctx, const Section& s, const Section* parent) {
  std::vector<Target> out;
  if (s.role != Role::goals) {
    for (const auto& p : s.paragraphs) {
      if (labelled_goal(ctx, p)) out.push_back(make_target(ctx, TargetText{p.where, std::string(p.text), p.spans}));
    }
    return out;
  }
  // An item its parent lists among its targets holds none of its own.
  if (parent && child_shape(*parent, s) == ChildShape::listed) return out;
  for (const auto& p : s.paragraphs) paragraph_targets(ctx, p, out);
  for (const auto& t : s.tables()) table_targets(t, out);
  for (const auto& b : s.boxes()) {
    for (const auto& t : b.tables) table_targets(t, out);
  }
  for (const auto& c : s.children) {
    if (child_shape(s, c) != ChildShape::listed) continue;
    if (c.paragraphs.size() >= 2) {
      // An item of several paragraphs: each paragraph is a target.
      for (const auto& p : c.paragraphs) paragraph_targets(ctx, p, out);
    } else {
      out.push_back(item_target(ctx, c));
    }
  }
  return out;
}

std::vector<Target> preamble_targets(const BuildContext& ctx, const std::vector<Paragraph>& preamble) {
  std::vector<Target> out;
  for (const auto& p : preamble) {
    if (labelled_goal(ctx, p)) out.push_back(make_target(ctx, TargetText{p.where, std::string(p.text), p.spans}));
  }
  return out;
}

std::vector<Stage> stages_of(const BuildContext& ctx, const Section& s, const Section* parent) {
  std::vector<Stage> stages;
  if (!opens_timeline(s, parent)) return stages;
  if (!s.children.empty()) {
    collect_stage_sections(ctx, s, stages);
  } else {
    paragraph_stages(ctx, s, stages);
  }
  const std::vector<bool> closing = closing_stages(ctx, stages);
  for (std::size_t i = 0; i < stages.size(); ++i) stages[i].acceptance = closing[i];
  return stages;
}

std::vector<bool> closing_stages(const BuildContext& ctx, const std::vector<Stage>& stages) {
  // A stage that evaluates something in the middle of the timeline (指标评估分析
  // before 形成体检报告) does not close it.
  std::vector<bool> closing(stages.size(), false);
  bool only_follow_ups_after = true;
  for (std::size_t i = stages.size(); i-- > 0;) {
    closing[i] = only_follow_ups_after && ctx.lexicons.acceptance_stage.occurs_in(stages[i].name);
    if (!ctx.lexicons.follow_up_stages.occurs_in(stages[i].name)) only_follow_ups_after = false;
  }
  return closing;
}

}  // namespace planlint::facts

namespace planlint {

ChildShape child_shape(const Section& parent, const Section& child) {
  if (child.task) return ChildShape::task;
  if (!child.children.empty()) return ChildShape::section;
  if (child.role == Role::goals && parent.role == Role::goals && !child.role_heading) {
    return ChildShape::listed;  // a numbered target item, listed among the targets
  }
  if (child.role == Role::timeline && parent.role == Role::timeline) {
    return ChildShape::listed;  // a stage, listed among the stages
  }
  return ChildShape::section;
}

bool opens_timeline(const Section& s, const Section* parent) {
  return s.role == Role::timeline && (parent == nullptr || parent->role != Role::timeline);
}

}  // namespace planlint
