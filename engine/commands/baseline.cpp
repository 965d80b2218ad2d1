// Baselines: subjects, fingerprints, the JSON file, and matching a run's
// findings against it.
#include "baseline.hpp"

#include <xxhash.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>
#include <tuple>
#include <utility>

#include "parse.hpp"
#include "text_util.hpp"

namespace planlint {

namespace fs = std::filesystem;

namespace {

/// Bytes of a blank at the start of `s` (space, tab, U+3000, NBSP), or 0.
std::size_t blank_at(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') return 1;
  if (s.starts_with("\u3000")) return 3;
  if (s.starts_with("\u00A0")) return 2;
  return 0;
}

constexpr int kVersion = 1;
constexpr std::size_t kSubjectExcerpt = 40;  // code points of a subject kept for readers

}  // namespace

std::string subject_of(const Diagnostic& d, const SourceFile& source) {
  if (d.where.line == 0 || d.where.line > source.line_count()) return {};
  std::string_view line = text::trim(source.line(d.where.line));
  // A heading's number is its place among its siblings, not what it says.
  // Bare numbers (1突破…) are left: the grammar offers 2025年 as one too.
  if (const auto marker = parse_marker(line); marker && marker->style != ast::NumberStyle::bare) {
    line = text::trim(line.substr(marker->source.size()));
  }
  std::string out;
  out.reserve(line.size());
  // Byte by byte: a blank's first byte is never inside another character.
  while (!line.empty()) {
    if (blank_at(line)) {
      while (const std::size_t n = blank_at(line)) line.remove_prefix(n);
      out += ' ';  // never at the ends: the line is trimmed
    } else {
      out += line.front();
      line.remove_prefix(1);
    }
  }
  return out;
}

std::string fingerprint(std::string_view subject) {
  const XXH64_hash_t h = XXH3_64bits(subject.data(), subject.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::string baseline_key(const fs::path& dir, std::string_view file) {
  const fs::path absolute = fs::absolute(fs::path(file)).lexically_normal();
  const fs::path relative = absolute.lexically_relative(fs::absolute(dir).lexically_normal());
  return (relative.empty() ? absolute : relative).generic_string();
}

Baseline make_baseline(const std::vector<Finding>& findings, const fs::path& dir) {
  Baseline b;
  b.dir = fs::absolute(dir).lexically_normal();
  for (const auto& f : findings) {
    auto& entry = b.files[baseline_key(b.dir, f.diagnostic.file)][f.diagnostic.rule][fingerprint(f.subject)];
    if (entry.count++ == 0) entry.subject = text::excerpt(f.subject, kSubjectExcerpt);
  }
  return b;
}

void write_baseline(std::ostream& out, const Baseline& baseline) {
  // nlohmann's object is a std::map: keys come out sorted by their bytes.
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [file, rules] : baseline.files) {
    nlohmann::json by_rule = nlohmann::json::object();
    for (const auto& [rule, entries] : rules) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& [print, entry] : entries) {
        list.push_back({{"fingerprint", print}, {"count", entry.count}, {"subject", entry.subject}});
      }
      by_rule[rule] = std::move(list);
    }
    files[file] = std::move(by_rule);
  }
  const nlohmann::json doc = {{"version", kVersion}, {"files", std::move(files)}};
  // Invalid UTF-8 in a subject (from a file name or plan text) is replaced
  // rather than thrown about.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

namespace {

bool is_fingerprint(const std::string& s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::optional<Baseline> parse_baseline(std::string_view json, const fs::path& path, LoadError& error) {
  const auto fail = [&](std::string message) {
    error.message = std::move(message);
    return std::nullopt;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    // what() is "[json.exception.parse_error.101] parse error at line 3, column 5: …".
    std::string what = e.what();
    if (const auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
    return fail("not a baseline: " + what);
  }
  if (!doc.is_object() || !doc.contains("version") || !doc.contains("files")) {
    return fail("not a baseline: an object with \"version\" and \"files\" was expected");
  }
  if (!doc["version"].is_number_integer() || doc["version"].get<long long>() != kVersion) {
    return fail("baseline version " + doc["version"].dump() + " is not one this planlint reads (1)");
  }
  if (!doc["files"].is_object()) return fail("\"files\" must be an object");

  Baseline b;
  b.dir = fs::absolute(path).lexically_normal().parent_path();
  for (const auto& [file, rules] : doc["files"].items()) {
    const std::string where = "files[\"" + file + "\"]";
    if (!rules.is_object()) return fail(where + " must be an object of rule ids");
    for (const auto& [rule, entries] : rules.items()) {
      const std::string at = where + "[\"" + rule + "\"]";
      if (!entries.is_array()) return fail(at + " must be an array of entries");
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const std::string item = at + "[" + std::to_string(i) + "]";
        if (!e.is_object() || !e.contains("fingerprint") || !e["fingerprint"].is_string() ||
            !is_fingerprint(e["fingerprint"].get<std::string>())) {
          return fail(item + " needs a \"fingerprint\" of 16 lowercase hex digits");
        }
        if (!e.contains("count") || !e["count"].is_number_unsigned() || e["count"].get<std::size_t>() == 0) {
          return fail(item + " needs a \"count\" of 1 or more");
        }
        auto& entry = b.files[file][rule][e["fingerprint"].get<std::string>()];
        entry.count += e["count"].get<std::size_t>();  // an entry written twice adds up
        if (e.contains("subject") && e["subject"].is_string()) entry.subject = e["subject"].get<std::string>();
      }
    }
  }
  return b;
}

std::optional<Baseline> read_baseline(const fs::path& path, LoadError& error) {
  // A baseline of a large tree can hold tens of thousands of entries; the
  // bound is that of a plan.
  const auto bytes = read_file_bytes(path.string(), error);
  if (!bytes) return std::nullopt;
  return parse_baseline(*bytes, path, error);
}

BaselineMatch apply_baseline(const Baseline& baseline, std::vector<Finding> findings,
                             const std::vector<std::string>& checked) {
  using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint
  std::map<Key, std::size_t> left;
  for (const auto& [file, rules] : baseline.files) {
    for (const auto& [rule, entries] : rules) {
      for (const auto& [print, entry] : entries) left[Key{file, rule, print}] = entry.count;
    }
  }

  BaselineMatch m;
  for (auto& f : findings) {
    const auto found = left.find(Key{baseline_key(baseline.dir, f.diagnostic.file), f.diagnostic.rule,
                                     fingerprint(f.subject)});
    if (found != left.end() && found->second > 0) {
      --found->second;
      ++m.matched;
    } else {
      m.fresh.push_back(std::move(f));
    }
  }

  std::set<std::string> run;
  for (const auto& file : checked) run.insert(baseline_key(baseline.dir, file));
  for (const auto& [key, count] : left) {
    const auto& [file, rule, print] = key;
    if (count == 0 || !run.contains(file)) continue;
    m.stale.push_back(StaleEntry{file, rule, print, count, baseline.files.at(file).at(rule).at(print).subject});
  }
  return m;
}

void prune(Baseline& baseline, const std::vector<StaleEntry>& stale) {
  for (const auto& s : stale) {
    const auto file = baseline.files.find(s.file);
    if (file == baseline.files.end()) continue;
    const auto rule = file->second.find(s.rule);
    if (rule == file->second.end()) continue;
    const auto entry = rule->second.find(s.fingerprint);
    if (entry == rule->second.end()) continue;
    entry->second.count -= std::min(entry->second.count, s.count);
    if (entry->second.count == 0) rule->second.erase(entry);
    if (rule->second.empty()) file->second.erase(rule);
    if (file->second.empty()) baseline.files.erase(file);
  }
}

}  // namespace planlint
