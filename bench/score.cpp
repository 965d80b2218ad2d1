// planlint_score: how well planlint reads an annotated corpus of plans.
//
//   planlint_score [--details] [--json FILE] [--ratchet FILE] CORPUS_DIR
//
// CORPUS_DIR holds plan texts dNN_x.txt, each with its hand annotation
// dNN_x.expected.json. Prints one row of figures per plan and a corpus row
// (micro-averaged); --details lists every miss and extra; --json writes all
// figures; --ratchet compares the corpus figures with recorded minimums.
// Exit 0, or 1 when a figure fell below its minimum, or 2 for a usage error or
// a file that cannot be used. The definitions are in docs/accuracy.md.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "score.hpp"

namespace fs = std::filesystem;
using namespace planlint_score;

namespace {

constexpr const char* kUsage = "usage: planlint_score [--details] [--json FILE] [--ratchet FILE] CORPUS_DIR";
constexpr const char* kAnnotationSuffix = ".expected.json";

struct Options {
  bool details = false;
  std::string json;
  std::string ratchet;
  std::string corpus;
};

struct UsageError {
  std::string message;
};

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError{arg + " needs a file"};
      return argv[++i];
    };
    if (arg == "--details") {
      o.details = true;
    } else if (arg == "--json") {
      o.json = value();
    } else if (arg == "--ratchet") {
      o.ratchet = value();
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kUsage << "\n";
      std::exit(0);
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError{"unknown option " + arg};
    } else if (o.corpus.empty()) {
      o.corpus = arg;
    } else {
      throw UsageError{"one corpus directory only (got " + o.corpus + " and " + arg + ")"};
    }
  }
  if (o.corpus.empty()) throw UsageError{"no corpus directory"};
  return o;
}

struct CorpusFile {
  std::string name;  // dNN_x
  std::string text;  // its plan text
  std::string annotation;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The plans of the corpus, sorted by name; every text needs its annotation
/// and every annotation its text.
std::vector<CorpusFile> list_corpus(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(dir + ": " + (fs::exists(dir, ec) ? "not a directory" : "no such corpus directory"));
  }
  std::map<std::string, CorpusFile> files;
  fs::directory_iterator it(dir, ec);
  if (ec) throw InputError(dir + ": cannot read the corpus directory: " + ec.message());
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) throw InputError(dir + ": cannot read the corpus directory: " + ec.message());
    const std::string file = it->path().filename().string();
    const std::string path = it->path().string();
    if (ends_with(file, kAnnotationSuffix)) {
      files[file.substr(0, file.size() - std::string(kAnnotationSuffix).size())].annotation = path;
    } else if (ends_with(file, ".txt")) {
      files[file.substr(0, file.size() - 4)].text = path;
    }
  }
  if (ec) throw InputError(dir + ": cannot read the corpus directory: " + ec.message());
  std::vector<CorpusFile> out;
  for (auto& [name, f] : files) {
    f.name = name;
    const std::string base = (fs::path(dir) / name).string();
    if (f.annotation.empty()) throw InputError(f.text + ": no annotation (" + base + kAnnotationSuffix + ")");
    if (f.text.empty()) throw InputError(f.annotation + ": no plan text (" + base + ".txt)");
    out.push_back(std::move(f));
  }
  if (out.empty()) throw InputError(dir + ": no plan texts (*.txt) in the corpus directory");
  return out;
}

// ------------------------------------------------------------- the table

std::string format(const Figure& f) {
  if (!f) return "—";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", *f);
  return buffer;
}

std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string pad(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

/// The short names of the rows: "d01" for d01_guoban-…, when those are unique.
std::vector<std::string> row_labels(const std::vector<PlanScore>& plans) {
  std::vector<std::string> labels;
  std::map<std::string, int> seen;
  for (const auto& p : plans) {
    labels.push_back(p.name.substr(0, p.name.find('_')));
    ++seen[labels.back()];
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (seen[labels[i]] > 1) labels[i] = plans[i].name;
  }
  return labels;
}

void print_table(const std::vector<PlanScore>& plans, const Counts& corpus) {
  const auto labels = row_labels(plans);
  std::size_t label_width = std::string("corpus").size();
  for (const auto& l : labels) label_width = std::max(label_width, width(l));
  label_width += 2;
  constexpr std::size_t w = 7;
  // Two header rows: the item, then the figure.
  const std::vector<std::pair<std::string, std::string>> columns = {
      {"task", "P"},   {"", "R"},     {"", "F1"},    {"unit", "F1"},     {"lead", ""}, {"target", "P"},
      {"", "R"},       {"", "F1"},    {"meas.", ""}, {"time-", "line"}, {"stage", "P"}, {"", "R"},
      {"", "F1"},      {"accept", ""}};
  std::string top = pad("", label_width), bottom = pad("plan", label_width);
  for (const auto& [a, b] : columns) {
    top += pad(a, w);
    bottom += pad(b, w);
  }
  auto trimmed = [](std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  std::cout << trimmed(top) << "\n" << trimmed(bottom) << "\n";
  auto row = [&](const std::string& label, const Counts& c) {
    const Figures f = figures_of(c);
    std::string line = pad(label, label_width);
    for (const Figure* x : {&f.task_precision, &f.task_recall, &f.task_f1, &f.unit_f1, &f.lead, &f.target_precision,
                            &f.target_recall, &f.target_f1, &f.measured, &f.timeline, &f.stage_precision,
                            &f.stage_recall, &f.stage_f1, &f.acceptance}) {
      line += pad(format(*x), w);
    }
    std::cout << trimmed(line) << "\n";
  };
  for (std::size_t i = 0; i < plans.size(); ++i) row(labels[i], plans[i].counts);
  row("corpus", corpus);
}

// ------------------------------------------------------------- JSON

nlohmann::ordered_json figures_json(const Counts& c) {
  nlohmann::ordered_json out;
  const Figures f = figures_of(c);
  for (const auto& [name, member] : all_figures()) {
    const Figure& x = f.*member;
    out[name] = x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
  }
  out["counts"] = {
      {"task_tp", c.task_tp},
      {"task_fp", c.task_fp},
      {"task_fn", c.task_fn},
      {"unit_tp", c.unit_tp},
      {"unit_fp", c.unit_fp},
      {"unit_fn", c.unit_fn},
      {"lead_right", c.lead_right},
      {"lead_total", c.lead_total},
      {"target_tp", c.target_tp},
      {"target_fp", c.target_fp},
      {"target_fn", c.target_fn},
      {"measured_right", c.measured_right},
      {"measured_total", c.measured_total},
      {"timeline_right", c.timeline_right},
      {"timeline_total", c.timeline_total},
      {"stage_tp", c.stage_tp},
      {"stage_fp", c.stage_fp},
      {"stage_fn", c.stage_fn},
      {"acceptance_right", c.acceptance_right},
      {"acceptance_total", c.acceptance_total},
  };
  return out;
}

void write_json(const std::string& path, const std::vector<PlanScore>& plans, const Counts& corpus) {
  nlohmann::ordered_json doc;
  doc["corpus"] = figures_json(corpus);
  doc["corpus"]["plans"] = plans.size();
  doc["plans"] = nlohmann::ordered_json::array();
  for (const auto& p : plans) {
    nlohmann::ordered_json plan;
    plan["name"] = p.name;
    plan.update(figures_json(p.counts));
    plan["details"] = p.details;
    doc["plans"].push_back(std::move(plan));
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << doc.dump(1) << "\n";
  out.close();
  if (!out) throw InputError(path + ": cannot write the JSON figures");
}

// ------------------------------------------------------------- the ratchet

/// Rounds a figure down to 3 decimals (the form a ratchet file records).
double floor3(double x) { return std::floor(x * 1000 + 1e-9) / 1000; }

using Minimums = std::vector<std::pair<std::string, double>>;  // in the table's order

/// The minimums recorded in a ratchet file: a JSON object of figures.
Minimums read_ratchet(const std::string& path) {
  const nlohmann::json doc = read_json(path, "ratchet file");
  if (!doc.is_object() || doc.empty()) throw InputError(path + ": malformed ratchet file: not an object of figures");
  for (const auto& [key, value] : doc.items()) {
    bool known = false;
    for (const auto& n : ratchet_figures()) known = known || key == n.name;
    if (!known) throw InputError(path + ": malformed ratchet file: unknown figure \"" + key + "\"");
    if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1) {
      throw InputError(path + ": malformed ratchet file: \"" + key + "\" is not a number from 0 to 1");
    }
  }
  Minimums out;
  for (const auto& n : ratchet_figures()) {
    if (doc.contains(n.name)) out.emplace_back(n.name, doc[n.name].get<double>());
  }
  return out;
}

/// Compares the corpus figures with the minimums of `path`; returns the
/// number of figures below their minimum, each named on standard error.
int check_ratchet(const std::string& path, const Minimums& minimums, const Counts& corpus) {
  const Figures f = figures_of(corpus);
  int below = 0;
  for (const auto& [name, minimum] : minimums) {
    Figure x;
    for (const auto& n : ratchet_figures()) {
      if (name == n.name) x = f.*n.figure;
    }
    char line[512];
    if (!x || *x < minimum - 1e-9) {
      ++below;
      if (x) {
        std::snprintf(line, sizeof line, "accuracy ratchet: %s fell below its minimum: %.4f < %.3f (%s)",
                      name.c_str(), *x, minimum, path.c_str());
      } else {
        std::snprintf(line, sizeof line, "accuracy ratchet: %s is undefined (no item to count), minimum %.3f (%s)",
                      name.c_str(), minimum, path.c_str());
      }
      std::cerr << line << "\n";
    } else if (floor3(*x) > minimum + 1e-9) {
      std::snprintf(line, sizeof line, "accuracy ratchet: %s rose to %.3f: raise its minimum from %.3f to %.3f in %s",
                    name.c_str(), *x, minimum, floor3(*x), path.c_str());
      std::cout << line << "\n";
    }
  }
  if (below == 0) std::cout << "accuracy ratchet: every figure at or above its minimum (" << path << ")\n";
  return below;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse_options(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "planlint_score: " << e.message << "\n" << kUsage << "\n";
    return 2;
  }
  try {
    const Minimums minimums = options.ratchet.empty() ? Minimums{} : read_ratchet(options.ratchet);
    std::vector<PlanScore> plans;
    Counts corpus;
    for (const auto& f : list_corpus(options.corpus)) {
      const Reading want = read_annotation(f.annotation);
      std::string note;
      const Reading got = read_planlint(f.text, note);
      if (!note.empty()) std::cerr << "planlint_score: " << note << "\n";
      plans.push_back(compare(f.name, want, got));
      corpus += plans.back().counts;
    }
    if (options.details) {
      for (const auto& p : plans) {
        std::cout << p.name << ":" << (p.details.empty() ? " no miss, no extra" : "") << "\n";
        for (const auto& d : p.details) std::cout << "  " << d << "\n";
      }
      std::cout << "\n";
    }
    print_table(plans, corpus);
    if (!options.json.empty()) write_json(options.json, plans, corpus);
    const bool below = !options.ratchet.empty() && check_ratchet(options.ratchet, minimums, corpus) > 0;
    if (!std::cout.flush()) throw InputError("cannot write to standard output");
    return below ? 1 : 0;
  } catch (const InputError& e) {
    std::cerr << "planlint_score: " << e.what() << "\n";
    return 2;
  }
}
