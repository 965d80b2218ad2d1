// The accuracy scorer (planlint_score): planlint's reading of each plan of an
// annotated corpus against the hand annotation, by the definitions of
// docs/accuracy.md. planlint's view is taken only from the outline XML, so the
// scorer depends on the public API and the XML contract, not on the model.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace planlint_score {

/// A file that cannot be used (unreadable, malformed): the message is one
/// line naming the file; planlint_score exits 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ------------------------------------------------------------- what is compared

struct Task {
  unsigned line = 0;
  std::string title;
  std::vector<std::string> units;  // lead first
  std::string lead;                // empty when there are no units
};

struct Target {
  unsigned line = 0;
  std::string text;
  bool measured = false;
};

struct Stage {
  unsigned line = 0;
  std::string name;
  bool acceptance = false;
};

/// One side's reading of a plan: the annotation's, or planlint's.
struct Reading {
  std::vector<Task> tasks;
  std::vector<Target> targets;
  std::vector<Stage> stages;
  bool timeline = false;
  bool acceptance = false;  // some stage is an acceptance stage
};

/// Reads a JSON file; `what` names it in the InputError when it cannot be
/// read or parsed ("annotation", "ratchet file").
nlohmann::json read_json(const std::string& path, const std::string& what);

/// Reads `path`, a dNN_x.expected.json annotation. Throws InputError.
Reading read_annotation(const std::string& path);

/// planlint's reading of the plan text at `path`, through the public API and
/// the outline XML. `note` gets a line when planlint could not read the plan
/// (its reading is then empty). Throws InputError when the text is unreadable.
Reading read_planlint(const std::string& path, std::string& note);

/// planlint's reading taken from an outline XML document (its first plan).
Reading reading_from_outline_xml(const std::string& xml, const std::string& path, std::string& note);

// ------------------------------------------------------------- counts and figures

/// Counts of a comparison, summed over plans for the corpus row.
struct Counts {
  unsigned task_tp = 0, task_fp = 0, task_fn = 0;
  unsigned unit_tp = 0, unit_fp = 0, unit_fn = 0;
  unsigned lead_right = 0, lead_total = 0;
  unsigned target_tp = 0, target_fp = 0, target_fn = 0;
  unsigned measured_right = 0, measured_total = 0;
  unsigned timeline_right = 0, timeline_total = 0;
  unsigned stage_tp = 0, stage_fp = 0, stage_fn = 0;
  unsigned acceptance_right = 0, acceptance_total = 0;

  Counts& operator+=(const Counts& other);
};

/// A figure, or nothing when it is undefined (a share of zero items).
using Figure = std::optional<double>;

struct Figures {
  Figure task_precision, task_recall, task_f1;
  Figure unit_precision, unit_recall, unit_f1;
  Figure lead;
  Figure target_precision, target_recall, target_f1;
  Figure measured;
  Figure timeline;
  Figure stage_precision, stage_recall, stage_f1;
  Figure acceptance;
};

Figures figures_of(const Counts& counts);

/// The figures a ratchet file may hold, by name, in the table's order.
struct NamedFigure {
  const char* name;
  Figure Figures::*figure;
};
const std::vector<NamedFigure>& ratchet_figures();
/// Every figure by its JSON name (the ratchet's names and the precisions and recalls).
const std::vector<NamedFigure>& all_figures();

/// One plan compared: counts, and one line per miss or extra
/// ("miss task 22 （一）…").
struct PlanScore {
  std::string name;  // the text's file name without .txt
  Counts counts;
  std::vector<std::string> details;
};

PlanScore compare(const std::string& name, const Reading& want, const Reading& got);

}  // namespace planlint_score
