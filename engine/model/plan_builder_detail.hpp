// Shared by the plan builder's passes: front_matter.cpp (title, notice,
// trailer), plan_builder.cpp (sections and paragraphs), plan_model.cpp
// (roles, tasks, targets, stages, units).
#pragma once

#include <array>

#include <boost/variant/get.hpp>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "planlint/diagnostic.hpp"
#include "planlint/lexicon.hpp"
#include "planlint/plan.hpp"
#include "planlint/source.hpp"

namespace planlint::detail {

/// The lexicons the plan reader uses, looked up by name once per plan
/// rather than at every heading and line.
struct PlanLexicons {
  explicit PlanLexicons(const Lexicons& all);
  const Lexicon& acceptance_stage;
  const Lexicon& follow_up_stages;
  const Lexicon& goal_labels;
  const Lexicon& action_adverbs;
  const Lexicon& action_openers;
  const Lexicon& stage_words;
  const Lexicon& attachment_labels;
  const Lexicon& issuer_suffixes;
  const Lexicon& list_closers;
  const Lexicon& notice_markers;
  const Lexicon& number_words;
  const Lexicon& plan_kinds;
  const Lexicon& quantity_units;
  const Lexicon& quantity_units_cn;
  const Lexicon& role_qualifiers;
  const Lexicon& serial_columns;
  const Lexicon& trailer_labels;
  const Lexicon& unit_labels;
  const Lexicon& unit_labels_lead;
  const Lexicon& unit_labels_support;
  const Lexicon& unit_name_trailers;
  const Lexicon& unit_sentence_words;
  const Lexicon& unit_verbs;
  const Lexicon& unit_verbs_lead;
  /// role-timeline, role-goals, …: the order in which a heading naming two
  /// roles takes the first (see kRoleOrder in plan_model.cpp).
  std::array<const Lexicon*, 6> roles;
};

struct BuildContext {
  const SourceFile& source;
  const PlanLexicons& lexicons;
  DiagnosticSink& sink;
};

template <typename T>
const T* as(const ast::Line& line) {
  return boost::get<T>(&line.get());
}

/// The text of a line as the grammar saw it (after leading blanks).
std::string_view line_text(const ast::Line& line);

/// Where the body of the plan lies, in line indexes [begin, end).
struct Regions {
  std::size_t body_begin = 0;
  std::size_t body_end = 0;
  std::vector<bool> in_toc;  // per line: part of a table of contents
};

/// Pass 1: title, kind, issuer, date, period, document number, attachments;
/// and where the body begins and ends.
Regions read_front_and_back(const BuildContext& ctx, const ast::Document& doc, Plan& plan);

/// Pass 2: sections, paragraphs, boxes, tables and unit lists of the body.
void read_body(const BuildContext& ctx, const ast::Document& doc, const Regions& regions,
               Plan& plan);

/// Pass 3: roles, tasks, targets, stages, inherited units.
void read_model(const BuildContext& ctx, Plan& plan);

/// Pass 2, after the sections: units given by task-division tables (in the
/// body or in an attachment after it) to the tasks and groups their rows name.
void read_division_tables(const BuildContext& ctx, const ast::Document& doc, const Regions& regions, Plan& plan);

/// True when the list's label is a unit label (责任单位, 牵头单位 …).
bool is_unit_list(const BuildContext& ctx, const ast::Labelled& list);

/// A unit list (责任单位：A、B) as units, when its label is a unit label.
/// Names are views into the source, or into `texts` when cleaned.
/// Returns false when the label is not one.
bool read_units(const BuildContext& ctx, const ast::Labelled& list, std::deque<std::string>& texts,
                std::vector<Unit>& out);

/// An unlabelled unit list in brackets (（A牵头，B、C配合）, （A、B负责）) as
/// units, when every clause ends in a word of `unit-verbs-lead` or
/// `unit-verbs`. The names before a lead word lead, the rest support; with
/// no lead word the first name leads. Returns false, adding nothing, when the
/// bracket is not such a list (（商务部指导）, （一）, a sentence that describes).
bool read_unit_parenthetical(const BuildContext& ctx, const ast::Parenthetical& bracket,
                             std::deque<std::string>& texts, std::vector<Unit>& out);

}  // namespace planlint::detail
