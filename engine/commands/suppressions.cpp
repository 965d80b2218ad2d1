// Suppressions: which findings a [[suppress]] entry covers, and the findings
// about entries that have expired or cover nothing.
#include "suppressions.hpp"

#include <ctime>
#include <utility>

#include "glob.hpp"

namespace planlint {

namespace fs = std::filesystem;

bool covers(const SuppressionSpec& s, const Finding& f) {
  const Diagnostic& d = f.diagnostic;
  if (s.rule != d.rule && !glob_match(s.rule, d.rule)) return false;
  const fs::path relative = fs::absolute(fs::path(d.file)).lexically_normal().lexically_relative(s.base);
  if (relative.empty() || *relative.begin() == "..") return false;
  if (!path_glob_match(s.file, relative.generic_string())) return false;
  return f.subject.find(s.subject) != std::string::npos;
}

namespace {

bool expired(const SuppressionSpec& s, const Date& today) { return s.expires && *s.expires < today; }

SuppressionTally::Key key_of(const SuppressionSpec& s) { return {s.source, s.where.line, s.where.column}; }

std::string described(const SuppressionSpec& s) {
  std::string out = "rule “" + s.rule + "”";
  if (s.file != "**") out += ", file “" + s.file + "”";
  if (!s.subject.empty()) out += ", subject “" + s.subject + "”";
  return out;
}

}  // namespace

Suppressed apply_suppressions(const std::vector<SuppressionSpec>& in_force, std::vector<Finding> findings,
                              const Date& today) {
  Suppressed out;
  out.counts.assign(in_force.size(), 0);
  for (auto& f : findings) {
    bool covered = false;
    for (std::size_t i = 0; i < in_force.size(); ++i) {
      if (expired(in_force[i], today) || !covers(in_force[i], f)) continue;
      ++out.counts[i];
      covered = true;
    }
    if (!covered) out.kept.push_back(std::move(f));
  }
  return out;
}

void tally(SuppressionTally& t, const std::vector<SuppressionSpec>& in_force, const std::vector<std::size_t>& counts) {
  for (std::size_t i = 0; i < in_force.size(); ++i) {
    const auto key = key_of(in_force[i]);
    t.specs.try_emplace(key, in_force[i]);
    t.counts[key] += i < counts.size() ? counts[i] : 0;
  }
}

std::vector<Diagnostic> suppression_findings(const SuppressionTally& t, const Date& today) {
  std::vector<Diagnostic> out;
  for (const auto& [key, s] : t.specs) {  // in order of file, line, column
    Diagnostic d;
    d.file = s.source;
    d.where = s.where;
    d.severity = Severity::warning;
    if (expired(s, today)) {
      d.rule = kSuppressionExpired;
      d.message = "suppression of " + described(s) + " expired on " + to_string(*s.expires) + "; its findings are reported again";
      d.hint = "fix the findings and remove this entry, or set a later “expires” with a reason that still holds";
    } else if (t.counts.at(key) == 0) {
      d.rule = kSuppressionUnused;
      d.message = "suppression of " + described(s) + " matched no finding";
      d.hint = "remove this entry, or correct its rule, file or subject";
    } else {
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Date local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace planlint
