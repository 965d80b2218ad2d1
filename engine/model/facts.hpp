// What a plan's structure means. Pure functions over the section tree that
// the plan builder reads from the grammar (headings, paragraphs, tables, unit
// lists as written): each says what one thing is — a section's role, a task,
// a target and whether it is measured, its deadline, a stage and whether it
// closes the timeline, a unit's role, a name. plan_model.cpp records their
// answers in the plan once; the outline, the graph and the rule attributes
// read what was recorded (or call child_shape and opens_timeline, which are
// defined here too) and decide nothing themselves.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan_builder_detail.hpp"
#include "planlint/plan.hpp"

namespace planlint::facts {

using detail::BuildContext;

// ------------------------------------------------------------------ roles

/// The role lexicons in the order a heading naming two roles is decided
/// (timeline, goals, safeguards, background, guiding, tasks).
std::array<const Lexicon*, 6> role_lexicons(const Lexicons& all);

/// A section's role, and whether its own words give it.
struct RoleFact {
  Role role = Role::other;
  bool heading = false;
};

/// The role of section `s` under `parent` (whose role is decided first; null
/// at the top). At the top a role word anywhere in the heading decides, else
/// what the section holds: stages, work, or neither. Nested, only a role
/// heading (a role word with qualifiers and the plan's subject before it)
/// takes a role of its own; any other keeps its parent's.
RoleFact role_of(const BuildContext& ctx, const Section& s, const Section* parent);

/// True when a text opens with an action (加强, 推进 …), possibly after
/// adverbs (大力, 全面 …).
bool opens_with_action(const BuildContext& ctx, std::string_view text);

/// True when a text carries a date, a year or a range of dates.
bool carries_date(std::string_view text);

/// Lines of a text with no numbered headings that read as headings whose
/// numbering was lost: short, not ending a sentence, and naming a role
/// (总体要求, 主要任务, 保障措施 …). Views into the source.
std::vector<std::string_view> unnumbered_headings(const BuildContext& ctx, const std::vector<Paragraph>& paragraphs);

// ------------------------------------------------------------------ tasks and units

/// A task: a section with no numbered children under a tasks section.
bool is_task(const Section& s);

/// A task's units: its own, else those of its nearest ancestor that names
/// some (`inherited`, null when none), marked as inherited.
std::vector<Unit> task_units(const Section& task, const std::vector<Unit>* inherited);

/// How a unit label gives roles: 牵头单位 makes every unit a lead, 配合单位
/// every unit a support, 责任单位 the first a lead and the rest support.
enum class LabelRoles { all_lead, all_support, first_leads };
std::optional<LabelRoles> label_roles(const BuildContext& ctx, std::string_view label);
UnitRole role_in_list(LabelRoles roles, bool first);

/// The verb that closes a clause of an unlabelled unit bracket (区科技局牵头,
/// 区教育局配合): its length in bytes, and whether it makes a lead. The longer
/// word decides: 牵头负责 is a lead word, 负责 alone is not. None when the
/// clause ends in no unit verb.
struct UnitVerb {
  std::size_t size = 0;
  bool lead = false;
};
std::optional<UnitVerb> unit_verb(const BuildContext& ctx, std::string_view clause);

/// A unit's name without the words after it that are not part of it (等,
/// 按职责分工负责, a final 。): A、B等 → A, B; C按职责分工负责 → C.
std::string_view unit_name(const BuildContext& ctx, std::string_view name);

/// The names in one listed item, each trimmed by unit_name: one, unless a
/// word of `list-closers` (等和, 等及) ends a list inside it and opens another:
/// 全国总工会等和各省级人民政府 → 全国总工会, 各省级人民政府. 等 is never part of
/// a name, so what follows it is a name of its own.
std::vector<std::string_view> unit_names(const BuildContext& ctx, std::string_view item);

// ------------------------------------------------------------------ targets

/// The targets section `s` holds: for a goals section that is not itself an
/// item listed by its parent, its paragraphs, indicator tables and listed
/// items; for any other, its labelled goal paragraphs (主要目标：…).
std::vector<Target> targets_of(const BuildContext& ctx, const Section& s, const Section* parent);

/// Targets of the preamble: its labelled goal paragraphs.
std::vector<Target> preamble_targets(const BuildContext& ctx, const std::vector<Paragraph>& preamble);

/// A target from its text: the quantities it states (measured when it states
/// one), and its deadline (the year it names, the end of a range).
Target target_of(const BuildContext& ctx, Location where, std::string text, const Spans& spans);

// ------------------------------------------------------------------ stages

/// The stages of a section that opens a timeline (opens_timeline): its
/// finest children, or its paragraphs that open with a date or name a 阶段;
/// each named, dated, and marked when it closes the timeline. None for any
/// other section.
std::vector<Stage> stages_of(const BuildContext& ctx, const Section& s, const Section* parent);

/// Which stages close the timeline: a stage names acceptance (验收, 总结, 评估,
/// 考核) and only follow-up stages (巩固, 提升, 推广 …) come after it.
std::vector<bool> closing_stages(const BuildContext& ctx, const std::vector<Stage>& stages);

}  // namespace planlint::facts
