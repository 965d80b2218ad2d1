// Pass 3 of the plan builder: records in the plan what its sections mean —
// roles, tasks and their units, targets, stages — as facts.hpp decides them.
// Also the plan builder's entry points and the figures of a plan.
#include <ostream>
#include <utility>

#include "facts.hpp"
#include "plan_builder_detail.hpp"
#include "parse.hpp"
#include "text_util.hpp"

namespace planlint {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::guiding: return "guiding";
    case Role::background: return "background";
    case Role::goals: return "goals";
    case Role::tasks: return "tasks";
    case Role::safeguards: return "safeguards";
    case Role::timeline: return "timeline";
    case Role::other: return "other";
  }
  return "other";
}

std::string_view to_string(UnitRole role) { return role == UnitRole::lead ? "lead" : "support"; }

std::ostream& operator<<(std::ostream& out, Role role) { return out << to_string(role); }
std::ostream& operator<<(std::ostream& out, UnitRole role) { return out << to_string(role); }

namespace detail {

namespace {

/// Roles, tasks and task units, from the top down: a section's role is
/// decided knowing its parent's.
void record_roles_and_tasks(const BuildContext& ctx, std::vector<Section>& sections, const Section* parent,
                            const std::vector<Unit>* inherited) {
  for (auto& s : sections) {
    const facts::RoleFact role = facts::role_of(ctx, s, parent);
    s.role = role.role;
    s.role_heading = role.heading;
    s.task = facts::is_task(s);
    if (s.task) {
      auto units = facts::task_units(s, inherited);
      if (!units.empty()) s.items.make().task_units = std::move(units);
    }
    record_roles_and_tasks(ctx, s.children, &s, s.units().empty() ? inherited : &s.units());
  }
}

/// Targets and stages, once every role is known.
void record_targets_and_stages(const BuildContext& ctx, std::vector<Section>& sections, const Section* parent) {
  for (auto& s : sections) {
    auto targets = facts::targets_of(ctx, s, parent);
    if (!targets.empty()) s.items.make().targets = std::move(targets);
    auto stages = facts::stages_of(ctx, s, parent);
    if (!stages.empty()) s.items.make().stages = std::move(stages);
    record_targets_and_stages(ctx, s.children, &s);
  }
}

}  // namespace

PlanLexicons::PlanLexicons(const Lexicons& all)
    : acceptance_stage(all.get("acceptance-stage")),
      follow_up_stages(all.get("follow-up-stages")),
      goal_labels(all.get("goal-labels")),
      action_adverbs(all.get("action-adverbs")),
      action_openers(all.get("action-openers")),
      stage_words(all.get("stage-words")),
      attachment_labels(all.get("attachment-labels")),
      issuer_suffixes(all.get("issuer-suffixes")),
      list_closers(all.get("list-closers")),
      notice_markers(all.get("notice-markers")),
      number_words(all.get("number-words")),
      plan_kinds(all.get("plan-kinds")),
      quantity_units(all.get("quantity-units")),
      quantity_units_cn(all.get("quantity-units-cn")),
      role_qualifiers(all.get("role-qualifiers")),
      serial_columns(all.get("serial-columns")),
      trailer_labels(all.get("trailer-labels")),
      unit_labels(all.get("unit-labels")),
      unit_labels_lead(all.get("unit-labels-lead")),
      unit_labels_support(all.get("unit-labels-support")),
      unit_name_trailers(all.get("unit-name-trailers")),
      unit_sentence_words(all.get("unit-sentence-words")),
      unit_verbs(all.get("unit-verbs")),
      unit_verbs_lead(all.get("unit-verbs-lead")),
      roles(facts::role_lexicons(all)) {}

void read_model(const BuildContext& ctx, Plan& plan) {
  record_roles_and_tasks(ctx, plan.sections, nullptr, nullptr);
  plan.targets = facts::preamble_targets(ctx, plan.preamble);
  record_targets_and_stages(ctx, plan.sections, nullptr);
}

}  // namespace detail

Plan build_plan(const SourceFile& source, const ast::Document& document, const Lexicons& lexicons,
                DiagnosticSink& sink) {
  Plan plan;
  plan.path = source.path();
  const detail::PlanLexicons words(lexicons);
  const detail::BuildContext ctx{source, words, sink};
  const detail::Regions regions = detail::read_front_and_back(ctx, document, plan);
  detail::read_body(ctx, document, regions, plan);
  detail::read_model(ctx, plan);
  if (plan.sections.empty()) {
    const std::vector<std::string_view> headings = facts::unnumbered_headings(ctx, plan.preamble);
    if (headings.size() >= 2) {
      // A plan whose numbering stayed behind in the word processor (automatic
      // numbering is not text): say so, rather than report a plan with no tasks.
      std::string names;
      for (std::size_t i = 0; i < headings.size() && i < 3; ++i) {
        names += (i ? "、" : "") + std::string(headings[i]);
      }
      sink.report(Diagnostic{source.path(), source.location(headings[0]), "numbering-lost", Severity::warning,
                             "no numbered headings, but " + std::to_string(headings.size()) +
                                 " lines read as headings (" + names +
                                 (headings.size() > 3 ? "…" : "") + "): the numbering was lost when the text was saved",
                             "check the .docx itself, or in Word convert the automatic numbering to text "
                             "before saving as plain text"});
    } else {
      sink.report(Diagnostic{source.path(), plan.title.empty() ? Location{1, 1} : plan.title_at,
                             "plan-structure", Severity::warning,
                             "no numbered sections: this text does not read as a plan",
                             "a plan is divided into numbered sections such as 一、 （一） 1."});
    }
  }
  return plan;
}

std::optional<Plan> read_plan(const SourceFile& source, const Lexicons& lexicons, DiagnosticSink& sink) {
  const auto document = parse_document(source, sink);
  if (!document) return std::nullopt;
  return build_plan(source, *document, lexicons, sink);
}

PlanFigures figures_of(const Plan& plan) {
  PlanFigures f;
  for (const auto& t : plan.targets) {
    ++f.targets;
    if (t.measured) ++f.measured;
  }
  for_each_section(plan.sections, [&](const Section& s, const Section*) {
    if (s.task) {
      ++f.tasks;
      if (!s.task_units().empty()) ++f.tasks_with_units;
    }
    for (const auto& t : s.targets()) {
      ++f.targets;
      if (t.measured) ++f.measured;
    }
    for (const auto& st : s.stages()) {
      ++f.stages;
      if (st.acceptance) f.acceptance = true;
    }
  });
  return f;
}

}  // namespace planlint
