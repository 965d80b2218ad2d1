// The scorer's reading of both sides and its comparison (see score.hpp).
#include "score.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <variant>

#include "planlint/diagnostic.hpp"
#include "planlint/outline.hpp"
#include "planlint/plan.hpp"
#include "planlint/rule_set.hpp"
#include "planlint/source.hpp"

namespace planlint_score {

namespace {

// ------------------------------------------------------------- the annotation

template <typename T>
T field(const nlohmann::json& object, const char* key, const std::string& where) {
  if (!object.is_object()) throw InputError(where + " is not an object");
  const auto it = object.find(key);
  if (it == object.end()) throw InputError(where + " has no \"" + key + "\"");
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw InputError(where + ": \"" + key + "\" has the wrong type");
  }
}

unsigned line_field(const nlohmann::json& object, const std::string& where) {
  const auto value = field<nlohmann::json>(object, "line", where);
  if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0 || value.get<std::uint64_t>() > UINT32_MAX) {
    throw InputError(where + ": \"line\" is not a line number");
  }
  return value.get<unsigned>();
}

const nlohmann::json& array_field(const nlohmann::json& object, const char* key, const std::string& where) {
  if (!object.is_object()) throw InputError(where + " is not an object");
  const auto it = object.find(key);
  if (it == object.end()) throw InputError(where + " has no \"" + key + "\"");
  if (!it->is_array()) throw InputError(where + ": \"" + key + "\" is not an array");
  return *it;
}

Reading annotation_from_json(const nlohmann::json& doc) {
  Reading r;
  std::size_t i = 0;
  for (const auto& t : array_field(doc, "tasks", "the annotation")) {
    const std::string where = "tasks[" + std::to_string(i++) + "]";
    Task task{line_field(t, where), field<std::string>(t, "title", where),
              field<std::vector<std::string>>(t, "units", where), {}};
    if (!task.units.empty()) task.lead = task.units.front();
    r.tasks.push_back(std::move(task));
  }
  i = 0;
  for (const auto& t : array_field(doc, "targets", "the annotation")) {
    const std::string where = "targets[" + std::to_string(i++) + "]";
    r.targets.push_back(
        {line_field(t, where), field<std::string>(t, "text", where), field<bool>(t, "measured", where)});
  }
  const auto timeline = field<nlohmann::json>(doc, "timeline", "the annotation");
  r.timeline = field<bool>(timeline, "present", "timeline");
  r.acceptance = field<bool>(timeline, "has_acceptance_stage", "timeline");
  i = 0;
  for (const auto& s : array_field(timeline, "stages", "timeline")) {
    const std::string where = "timeline.stages[" + std::to_string(i++) + "]";
    // An annotated stage has no acceptance flag of its own: the plan's is
    // has_acceptance_stage.
    r.stages.push_back({line_field(s, where), field<std::string>(s, "name", where), false});
  }
  return r;
}

// ------------------------------------------------------------- the outline XML

const char* attribute(const tinyxml2::XMLElement& e, const char* name) {
  const char* value = e.Attribute(name);
  return value ? value : "";
}

unsigned line_of(const tinyxml2::XMLElement& e) { return e.UnsignedAttribute("line", 0); }

bool flag(const tinyxml2::XMLElement& e, const char* name) { return std::strcmp(attribute(e, name), "true") == 0; }

void collect(const tinyxml2::XMLElement& parent, Reading& r) {
  for (const auto* e = parent.FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view name = e->Name();
    if (name == "task") {
      Task task{line_of(*e), attribute(*e, "title"), {}, {}};
      std::string first_lead;
      for (const auto* u = e->FirstChildElement("unit"); u; u = u->NextSiblingElement("unit")) {
        task.units.emplace_back(attribute(*u, "name"));
        if (first_lead.empty() && std::strcmp(attribute(*u, "role"), "lead") == 0) first_lead = task.units.back();
      }
      task.lead = !first_lead.empty() ? first_lead : task.units.empty() ? std::string() : task.units.front();
      r.tasks.push_back(std::move(task));
    } else if (name == "target") {
      r.targets.push_back({line_of(*e), attribute(*e, "text"), flag(*e, "measured")});
    } else if (name == "stage") {
      r.stages.push_back({line_of(*e), attribute(*e, "name"), flag(*e, "acceptance")});
      r.timeline = true;
      if (r.stages.back().acceptance) r.acceptance = true;
    } else if (name == "section" && std::strcmp(attribute(*e, "role"), "timeline") == 0) {
      r.timeline = true;
    }
    collect(*e, r);
  }
}

// ------------------------------------------------------------- comparison

/// The first `n` code points of a UTF-8 text, with … when it is longer.
std::string excerpt(const std::string& text, std::size_t n = 40) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    if (points == n) return text.substr(0, i) + "…";
    ++points;
  }
  return text;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// Pairs the items of `want` and `got` by line (equal lines pair in order)
/// and calls miss(w), extra(g) and match(w, g).
template <typename T, typename Miss, typename Extra, typename Match>
void pair_by_line(const std::vector<T>& want, const std::vector<T>& got, Miss miss, Extra extra, Match match) {
  auto sorted = [](const std::vector<T>& items) {
    std::vector<const T*> out;
    for (const auto& i : items) out.push_back(&i);
    std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->line < b->line; });
    return out;
  };
  const auto w = sorted(want);
  const auto g = sorted(got);
  std::size_t i = 0, j = 0;
  while (i < w.size() || j < g.size()) {
    if (j == g.size() || (i < w.size() && w[i]->line < g[j]->line)) {
      miss(*w[i++]);
    } else if (i == w.size() || g[j]->line < w[i]->line) {
      extra(*g[j++]);
    } else {
      match(*w[i++], *g[j++]);
    }
  }
}

/// pair_by_line for one kind of item, counting matches, misses and extras
/// and writing a line for each miss and extra ("miss task 22 （一）…").
template <typename T, typename Match>
void count_by_line(const std::vector<T>& want, const std::vector<T>& got, const char* kind,
                   std::string T::*text, unsigned& tp, unsigned& fp, unsigned& fn, std::vector<std::string>& out,
                   Match match) {
  const auto line = [&](const char* what, const T& item) {
    out.push_back(std::string(what) + " " + kind + " " + std::to_string(item.line) + " " + excerpt(item.*text));
  };
  pair_by_line(
      want, got,
      [&](const T& w) {
        ++fn;
        line("miss", w);
      },
      [&](const T& g) {
        ++fp;
        line("extra", g);
      },
      [&](const T& w, const T& g) {
        ++tp;
        match(w, g);
      });
}

Figure ratio(unsigned part, unsigned whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

}  // namespace

nlohmann::json read_json(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the " + what + ": " + std::strerror(errno));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path + ": malformed " + what + ": " + e.what());
  }
}

Reading read_annotation(const std::string& path) {
  const nlohmann::json doc = read_json(path, "annotation");
  try {
    return annotation_from_json(doc);
  } catch (const InputError& e) {
    throw InputError(path + ": malformed annotation: " + e.what());
  }
}

Reading reading_from_outline_xml(const std::string& xml, const std::string& path, std::string& note) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) {
    throw InputError(path + ": planlint's outline XML is not well-formed: " + doc.ErrorStr());
  }
  const auto* root = doc.FirstChildElement("planlint-outline");
  const auto* plan = root ? root->FirstChildElement("plan") : nullptr;
  if (!plan) throw InputError(path + ": planlint's outline XML has no plan element");
  Reading r;
  if (const char* error = plan->Attribute("error")) {
    note = path + ": planlint could not read the plan (" + error + "); scored as reading nothing";
    return r;
  }
  collect(*plan, r);
  return r;
}

Reading read_planlint(const std::string& path, std::string& note) {
  static const planlint::RuleSet rules = [] {
    planlint::RuleSet set;
    planlint::DiagnosticList sink;
    if (!planlint::load_rules({}, set, sink)) {
      std::string why = sink.items.empty() ? "unknown error" : sink.items.front().message;
      throw InputError("planlint's built-in rule files do not load: " + why);
    }
    return set;
  }();

  planlint::LoadError error;
  const auto source = planlint::load_source(path, error);
  if (!source) throw InputError(path + ": " + error.message);

  planlint::DiagnosticList sink;  // warnings about the plan are not scored
  std::vector<planlint::OutlineEntry> entries;
  if (auto plan = planlint::read_plan(*source, rules.lexicons, sink)) {
    entries.push_back({path, std::move(*plan)});
  } else {
    std::string why = sink.items.empty() ? "parse error" : sink.items.front().message;
    entries.push_back({path, why});
  }
  std::ostringstream xml;
  planlint::write_outline_xml(xml, entries);
  return reading_from_outline_xml(xml.str(), path, note);
}

Counts& Counts::operator+=(const Counts& o) {
  task_tp += o.task_tp, task_fp += o.task_fp, task_fn += o.task_fn;
  unit_tp += o.unit_tp, unit_fp += o.unit_fp, unit_fn += o.unit_fn;
  lead_right += o.lead_right, lead_total += o.lead_total;
  target_tp += o.target_tp, target_fp += o.target_fp, target_fn += o.target_fn;
  measured_right += o.measured_right, measured_total += o.measured_total;
  timeline_right += o.timeline_right, timeline_total += o.timeline_total;
  stage_tp += o.stage_tp, stage_fp += o.stage_fp, stage_fn += o.stage_fn;
  acceptance_right += o.acceptance_right, acceptance_total += o.acceptance_total;
  return *this;
}

Figures figures_of(const Counts& c) {
  Figures f;
  f.task_precision = ratio(c.task_tp, c.task_tp + c.task_fp);
  f.task_recall = ratio(c.task_tp, c.task_tp + c.task_fn);
  f.task_f1 = ratio(2 * c.task_tp, 2 * c.task_tp + c.task_fp + c.task_fn);
  f.unit_precision = ratio(c.unit_tp, c.unit_tp + c.unit_fp);
  f.unit_recall = ratio(c.unit_tp, c.unit_tp + c.unit_fn);
  f.unit_f1 = ratio(2 * c.unit_tp, 2 * c.unit_tp + c.unit_fp + c.unit_fn);
  f.lead = ratio(c.lead_right, c.lead_total);
  f.target_precision = ratio(c.target_tp, c.target_tp + c.target_fp);
  f.target_recall = ratio(c.target_tp, c.target_tp + c.target_fn);
  f.target_f1 = ratio(2 * c.target_tp, 2 * c.target_tp + c.target_fp + c.target_fn);
  f.measured = ratio(c.measured_right, c.measured_total);
  f.timeline = ratio(c.timeline_right, c.timeline_total);
  f.stage_precision = ratio(c.stage_tp, c.stage_tp + c.stage_fp);
  f.stage_recall = ratio(c.stage_tp, c.stage_tp + c.stage_fn);
  f.stage_f1 = ratio(2 * c.stage_tp, 2 * c.stage_tp + c.stage_fp + c.stage_fn);
  f.acceptance = ratio(c.acceptance_right, c.acceptance_total);
  return f;
}

const std::vector<NamedFigure>& ratchet_figures() {
  static const std::vector<NamedFigure> names = {
      {"task_f1", &Figures::task_f1},     {"unit_f1", &Figures::unit_f1},   {"lead", &Figures::lead},
      {"target_f1", &Figures::target_f1}, {"measured", &Figures::measured}, {"timeline", &Figures::timeline},
      {"stage_f1", &Figures::stage_f1},   {"acceptance", &Figures::acceptance},
  };
  return names;
}

const std::vector<NamedFigure>& all_figures() {
  static const std::vector<NamedFigure> names = {
      {"task_precision", &Figures::task_precision},
      {"task_recall", &Figures::task_recall},
      {"task_f1", &Figures::task_f1},
      {"unit_precision", &Figures::unit_precision},
      {"unit_recall", &Figures::unit_recall},
      {"unit_f1", &Figures::unit_f1},
      {"lead", &Figures::lead},
      {"target_precision", &Figures::target_precision},
      {"target_recall", &Figures::target_recall},
      {"target_f1", &Figures::target_f1},
      {"measured", &Figures::measured},
      {"timeline", &Figures::timeline},
      {"stage_precision", &Figures::stage_precision},
      {"stage_recall", &Figures::stage_recall},
      {"stage_f1", &Figures::stage_f1},
      {"acceptance", &Figures::acceptance},
  };
  return names;
}

PlanScore compare(const std::string& name, const Reading& want, const Reading& got) {
  PlanScore s;
  s.name = name;
  Counts& c = s.counts;
  auto& out = s.details;

  // Tasks by line; then the units of each matched task.
  std::vector<std::pair<const Task*, const Task*>> matched_tasks;
  count_by_line(want.tasks, got.tasks, "task", &Task::title, c.task_tp, c.task_fp, c.task_fn, out,
                [&](const Task& w, const Task& g) { matched_tasks.emplace_back(&w, &g); });
  for (const auto& [w, g] : matched_tasks) {
    const std::set<std::string> wanted(w->units.begin(), w->units.end());
    const std::set<std::string> given(g->units.begin(), g->units.end());
    std::vector<std::string> missing, extra;
    std::set<std::string> seen;
    for (const auto& u : w->units) {
      if (!seen.insert(u).second) continue;
      if (given.count(u)) {
        ++c.unit_tp;
      } else {
        ++c.unit_fn;
        missing.push_back(u);
      }
    }
    seen.clear();
    for (const auto& u : g->units) {
      if (!seen.insert(u).second || wanted.count(u)) continue;
      ++c.unit_fp;
      extra.push_back(u);
    }
    if (!missing.empty() || !extra.empty()) {
      std::string line = "units " + std::to_string(w->line) + ":";
      if (!missing.empty()) line += " missing " + joined(missing);
      if (!missing.empty() && !extra.empty()) line += ";";
      if (!extra.empty()) line += " extra " + joined(extra);
      out.push_back(line);
    }
    if (!w->units.empty()) {
      ++c.lead_total;
      if (g->lead == w->lead) {
        ++c.lead_right;
      } else {
        out.push_back("lead " + std::to_string(w->line) + ": want " + w->lead + ", got " +
                      (g->lead.empty() ? std::string("none") : g->lead));
      }
    }
  }

  // Targets by line, and the measured flag of each matched one. Measured
  // accuracy counts every annotated target: a missed one is not read right.
  std::vector<std::string> measured_lines;
  count_by_line(want.targets, got.targets, "target", &Target::text, c.target_tp, c.target_fp, c.target_fn, out,
                [&](const Target& w, const Target& g) {
                  if (w.measured == g.measured) {
                    ++c.measured_right;
                  } else {
                    measured_lines.push_back("measured " + std::to_string(w.line) + ": want " +
                                             (w.measured ? "true" : "false") + ", got " +
                                             (g.measured ? "true" : "false"));
                  }
                });
  c.measured_total += static_cast<unsigned>(want.targets.size());
  out.insert(out.end(), measured_lines.begin(), measured_lines.end());

  ++c.timeline_total;
  if (want.timeline == got.timeline) {
    ++c.timeline_right;
  } else {
    out.push_back(std::string("timeline: want ") + (want.timeline ? "present" : "absent") + ", got " +
                  (got.timeline ? "present" : "absent"));
  }

  count_by_line(want.stages, got.stages, "stage", &Stage::name, c.stage_tp, c.stage_fp, c.stage_fn, out,
                [](const Stage&, const Stage&) {});

  ++c.acceptance_total;
  if (want.acceptance == got.acceptance) {
    ++c.acceptance_right;
  } else {
    out.push_back(std::string("acceptance: want ") + (want.acceptance ? "yes" : "no") + ", got " +
                  (got.acceptance ? "yes" : "no"));
  }
  return s;
}

}  // namespace planlint_score
