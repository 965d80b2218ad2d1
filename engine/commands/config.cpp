// .planlint.toml: reading one file with toml++, checking every key, and
// merging the files found above a plan into its settings (docs/config.md).
#include "config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <system_error>
#include <utility>

#include "glob.hpp"
#include "planlint/report.hpp"
#include "planlint/source.hpp"

namespace planlint {

namespace fs = std::filesystem;

std::string to_string(const ConfigError& e) {
  std::string out = e.path;
  if (e.line) out += ':' + std::to_string(e.line) + ':' + std::to_string(e.column);
  out += ": ";
  out += e.message;
  return out;
}

std::string to_string(const Date& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t n, int& out) {
    const char* end = text.data() + at + n;
    const auto [ptr, ec] = std::from_chars(text.data() + at, end, out);
    return ec == std::errc() && ptr == end;
  };
  Date d;
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[static_cast<std::size_t>(d.month - 1)]) {
    return std::nullopt;
  }
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

namespace {

std::string_view type_name(toml::node_type t) {
  switch (t) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date and time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string curly(std::string_view s) { return "“" + std::string(s) + "”"; }

/// Reads one parsed file into a ConfigFile, stopping at the first problem.
/// Keys are visited in the order of the text (toml++ keeps a table sorted
/// by key), so that the problem reported is the first a reader meets.
class Reader {
 public:
  Reader(const fs::path& path, ConfigError& error) : error_(error) {
    file_.path = path.string();
    file_.dir = path.parent_path();
  }

  std::optional<ConfigFile> read(const toml::table& root) {
    for (const auto& [key, node] : in_text_order(root)) {
      if (!entry(*key, *node)) return std::nullopt;
    }
    return std::move(file_);
  }

 private:
  using Entries = std::vector<std::pair<const toml::key*, const toml::node*>>;

  static Entries in_text_order(const toml::table& t) {
    Entries out;
    for (const auto& [k, v] : t) out.emplace_back(&k, &v);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      const auto& x = a.first->source().begin;
      const auto& y = b.first->source().begin;
      return std::pair(x.line, x.column) < std::pair(y.line, y.column);
    });
    return out;
  }

  bool fail(const toml::source_region& at, std::string message) {
    error_ = ConfigError{file_.path, at.begin.line, at.begin.column, std::move(message)};
    return false;
  }

  bool wrong_type(std::string_view key, const toml::node& node, std::string_view wanted) {
    return fail(node.source(), curly(key) + " must be " + std::string(wanted) + ", not " +
                                   std::string(type_name(node.type())));
  }

  std::string resolve(std::string_view relative) const { return (file_.dir / fs::path(relative)).lexically_normal().string(); }

  /// An array of non-empty strings; each checked by `check`, which returns
  /// why an item is refused (empty when it is fine).
  template <class Check>
  std::optional<std::vector<std::string>> strings(std::string_view key, const toml::node& node, Check check) {
    const auto* array = node.as_array();
    if (!array) {
      wrong_type(key, node, "an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) {
        fail(item.source(), curly(key) + " items must be strings, not " + std::string(type_name(item.type())));
        return std::nullopt;
      }
      std::string why = s->get().empty() ? "must not be empty" : check(s->get());
      if (!why.empty()) {
        fail(item.source(), curly(key) + " item " + curly(s->get()) + ": " + why);
        return std::nullopt;
      }
      out.push_back(s->get());
    }
    return out;
  }

  static std::string glob_check(std::string_view pattern) {
    const auto problem = glob_problem(pattern);
    return problem ? "not a valid pattern: " + *problem : std::string();
  }

  static std::string rule_pattern_check(std::string_view pattern) {
    if (pattern.find_first_of(" \t\n\r") != std::string_view::npos) return "a rule id has no blanks";
    return glob_check(pattern);
  }

  std::optional<std::string> string_value(std::string_view key, const toml::node& node) {
    const auto* s = node.as_string();
    if (!s) {
      wrong_type(key, node, "a string");
      return std::nullopt;
    }
    return s->get();
  }

  /// One of `choices`, as written.
  std::optional<std::string> choice(std::string_view key, const toml::node& node,
                                    std::initializer_list<std::string_view> choices) {
    auto value = string_value(key, node);
    if (!value) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *value) != choices.end()) return value;
    std::string list;
    for (const auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    fail(node.source(), curly(key) + " must be one of " + list + ", not " + curly(*value));
    return std::nullopt;
  }

  static std::optional<Severity> severity_named(std::string_view name) {
    if (name == "error") return Severity::error;
    if (name == "warning") return Severity::warning;
    if (name == "info") return Severity::info;
    return std::nullopt;  // off, never
  }

  bool entry(const toml::key& key, const toml::node& node) {
    const std::string_view name = key.str();
    if (name == "root") {
      const auto* b = node.as_boolean();
      if (!b) return wrong_type(name, node, "true or false");
      file_.root = b->get();
      return true;
    }
    if (name == "rules") {
      auto list = strings(name, node, [](std::string_view) { return std::string(); });
      if (!list) return false;
      for (auto& f : *list) f = resolve(f);
      file_.rules = std::move(list);
      return true;
    }
    if (name == "enable" || name == "disable") return switches(name, node);
    if (name == "severity") return severity(node);
    if (name == "include" || name == "exclude") {
      auto list = strings(name, node, glob_check);
      if (!list) return false;
      (name == "include" ? file_.include : file_.exclude) = std::move(list);
      return true;
    }
    if (name == "fail-on") {
      const auto value = choice(name, node, {"error", "warning", "info", "never"});
      if (!value) return false;
      file_.fail_on = severity_named(*value);
      return true;
    }
    if (name == "max-warnings") {
      const auto* i = node.as_integer();
      if (!i) return wrong_type(name, node, "an integer");
      if (i->get() < 0) return fail(node.source(), curly(name) + " must be 0 or more, not " + std::to_string(i->get()));
      file_.max_warnings = i->get();
      return true;
    }
    if (name == "baseline") {
      const auto value = string_value(name, node);
      if (!value) return false;
      if (value->empty()) return fail(node.source(), curly(name) + " must not be empty");
      file_.baseline = resolve(*value);
      return true;
    }
    if (name == "formats") return formats(node);
    if (name == "suppress") return suppressions(node);
    return fail(key.source(), "unknown key " + curly(name) +
                                  " (known: baseline, disable, enable, exclude, fail-on, formats, include, "
                                  "max-warnings, root, rules, severity, suppress)");
  }

  // Within one file, broad patterns apply before exact ids, and disabling
  // before enabling: `disable = ["*"]` with `enable = ["task.*"]` keeps the
  // task rules, `enable = ["task.*"]` with `disable = ["task.unit-missing"]`
  // drops the one rule. Order within the file's text then does not matter.
  bool switches(std::string_view name, const toml::node& node) {
    auto list = strings(name, node, rule_pattern_check);
    if (!list) return false;
    const bool enabled = name == "enable";
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string& pattern = (*list)[i];
      for (const auto& s : file_.switches) {
        if (s.pattern == pattern && s.enabled != enabled) {
          return fail((*node.as_array())[i].source(), "rule " + curly(pattern) + " is both enabled and disabled here");
        }
      }
      file_.switches.push_back(RuleSwitch{std::move(pattern), enabled, file_.path});
    }
    const auto rank = [](const RuleSwitch& s) { return (is_glob(s.pattern) ? 0 : 2) + (s.enabled ? 1 : 0); };
    std::stable_sort(file_.switches.begin(), file_.switches.end(),
                     [&](const RuleSwitch& a, const RuleSwitch& b) { return rank(a) < rank(b); });
    return true;
  }

  // `task.unit-missing = "off"` in [severity] is, to TOML, a dotted key: a
  // table `task` holding `unit-missing`. Rule ids are read back by joining
  // the keys, so that it need not be quoted.
  bool severity(const toml::node& node) {
    const auto* table = node.as_table();
    if (!table) return wrong_type("severity", node, "a table ([severity])");
    return severity_entries(*table, "");
  }

  bool severity_entries(const toml::table& table, const std::string& prefix) {
    for (const auto& [key, value] : in_text_order(table)) {
      const std::string id = prefix + std::string(key->str());
      if (const auto* nested = value->as_table()) {
        if (!severity_entries(*nested, id + ".")) return false;
        continue;
      }
      if (is_glob(id)) return fail(key->source(), "[severity] takes rule ids, not patterns: " + curly(id));
      const auto level = choice("severity." + id, *value, {"error", "warning", "info", "off"});
      if (!level) return false;
      file_.severity[id] = severity_named(*level);
    }
    return true;
  }

  bool formats(const toml::node& node) {
    auto list = strings("formats", node, [](std::string_view item) {
      // The names --format takes: one list, so that the two cannot differ.
      const auto& names = report_format_names();
      const std::string_view format = item.substr(0, item.find('='));
      if (std::find(names.begin(), names.end(), format) == names.end()) {
        std::string known;
        for (const auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
        return "no report format " + curly(format) + " (" + known + ")";
      }
      if (item.find('=') != std::string_view::npos && item.substr(item.find('=') + 1).empty()) {
        return std::string("NAME=FILE needs a file after =");
      }
      return std::string();
    });
    if (!list) return false;
    std::vector<FormatSpec> out;
    for (const auto& item : *list) {
      const std::size_t eq = item.find('=');
      out.push_back(FormatSpec{item.substr(0, eq), eq == std::string::npos ? "" : resolve(item.substr(eq + 1))});
    }
    file_.formats = std::move(out);
    return true;
  }

  bool suppressions(const toml::node& node) {
    const auto* array = node.as_array();
    if (!array || (!array->empty() && !array->is_array_of_tables())) {
      return wrong_type("suppress", node, "an array of tables (write each entry as [[suppress]])");
    }
    for (const auto& item : *array) {
      if (!suppression(*item.as_table())) return false;
    }
    return true;
  }

  bool suppression(const toml::table& table) {
    SuppressionSpec s;
    s.source = file_.path;
    s.base = file_.dir;
    s.file = "**";
    const auto& begin = table.source().begin;
    s.where = Location{begin.line, begin.column};
    bool has_rule = false;
    for (const auto& [key, value] : in_text_order(table)) {
      const std::string_view name = key->str();
      const std::string qualified = "suppress." + std::string(name);
      if (name == "expires") {
        if (const auto* d = value->as_date()) {
          const auto& day = d->get();
          s.expires = Date{day.year, day.month, day.day};
          continue;
        }
        const auto text = string_value(qualified, *value);
        if (!text) return false;
        s.expires = parse_date(*text);
        if (!s.expires) return fail(value->source(), curly(qualified) + " must be a date YYYY-MM-DD, not " + curly(*text));
        continue;
      }
      std::string* target = name == "rule"      ? &s.rule
                            : name == "file"    ? &s.file
                            : name == "subject" ? &s.subject
                            : name == "reason"  ? &s.reason
                                                : nullptr;
      if (!target) {
        return fail(key->source(),
                    "unknown key " + curly(name) + " in [[suppress]] (known: expires, file, reason, rule, subject)");
      }
      auto text = string_value(qualified, *value);
      if (!text) return false;
      if (text->empty()) return fail(value->source(), curly(qualified) + " must not be empty");
      if (name == "rule" || name == "file") {
        const std::string why = name == "rule" ? rule_pattern_check(*text) : glob_check(*text);
        if (!why.empty()) return fail(value->source(), curly(qualified) + ": " + why);
      }
      has_rule = has_rule || name == "rule";
      *target = std::move(*text);
    }
    if (!has_rule) return fail(table.source(), "[[suppress]] needs a rule (a rule id or a pattern such as \"*\")");
    if (s.reason.find_first_not_of(" \t") == std::string::npos) {
      return fail(table.source(), "[[suppress]] needs a reason: why this finding is accepted, for the next reader");
    }
    file_.suppressions.push_back(std::move(s));
    return true;
  }

  ConfigError& error_;
  ConfigFile file_;
};

}  // namespace

std::optional<ConfigFile> parse_config(std::string_view text, const fs::path& path, ConfigError& error) {
  try {
    const toml::table root = toml::parse(text, std::string_view(path.native()));
    return Reader(path, error).read(root);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    error = ConfigError{path.string(), at.line, at.column, std::string(e.description())};
    return std::nullopt;
  }
}

std::optional<ConfigFile> read_config(const fs::path& path, ConfigError& error) {
  LoadError load;
  // Bounded like a plan: a configuration is a few hundred bytes.
  const auto bytes = read_file_bytes(path.string(), load, ReadLimits{std::size_t{1} << 20, 1});
  if (!bytes) {
    error = ConfigError{path.string(), 0, 0, load.message};
    return std::nullopt;
  }
  return parse_config(*bytes, path, error);
}

Settings merge(const std::vector<std::shared_ptr<const ConfigFile>>& farthest_first) {
  Settings s;
  for (const auto& f : farthest_first) {
    const std::string& from = f->path;
    s.files.push_back(from);
    if (f->rules) {
      for (const auto& r : *f->rules) s.rules.push_back(Setting<std::string>{r, from});
    }
    s.switches.insert(s.switches.end(), f->switches.begin(), f->switches.end());
    for (const auto& [id, level] : f->severity) s.severity[id] = Setting<SeverityLevel>{level, from};
    if (f->include) s.include = PathPatterns{f->dir, *f->include, from};
    if (f->exclude) s.exclude.push_back(PathPatterns{f->dir, *f->exclude, from});
    if (f->fail_on) s.fail_on = {*f->fail_on, from};
    if (f->max_warnings) s.max_warnings = {*f->max_warnings, from};
    if (f->baseline) s.baseline = {*f->baseline, from};
    if (f->formats) s.formats = {*f->formats, from};
    s.suppressions.insert(s.suppressions.end(), f->suppressions.begin(), f->suppressions.end());
  }
  return s;
}

std::optional<Settings> settings_for(const fs::path& file, ConfigCache& cache, ConfigError& error) {
  // Lexical, as .clang-tidy is found: the directories the path names, links
  // not resolved (a plan reached through a link takes the configuration of
  // where it was reached).
  const fs::path absolute = fs::absolute(file).lexically_normal();
  std::error_code ec;
  fs::path dir = fs::is_directory(absolute, ec) ? absolute : absolute.parent_path();
  if (dir.has_relative_path() && !dir.has_filename()) dir = dir.parent_path();  // "/a/b/" → "/a/b"

  if (const auto found = cache.settings_.find(dir); found != cache.settings_.end()) {
    if (!found->second.settings) error = found->second.error;
    return found->second.settings;
  }

  std::vector<std::shared_ptr<const ConfigFile>> chain;  // nearest first
  std::optional<ConfigError> failure;
  for (fs::path d = dir;; d = d.parent_path()) {
    auto [it, added] = cache.dirs_.try_emplace(d);
    ConfigCache::Entry& entry = it->second;
    if (added) {
      const fs::path candidate = d / kConfigFileName;
      std::error_code status_ec;
      if (fs::exists(fs::symlink_status(candidate, status_ec))) {
        ConfigError e;
        if (auto parsed = read_config(candidate, e)) {
          entry.file = std::make_shared<const ConfigFile>(std::move(*parsed));
        } else {
          entry.error = std::move(e);
        }
        ++cache.files_read_;
      }
    }
    if (entry.error) {
      failure = entry.error;
      break;
    }
    if (entry.file) {
      chain.push_back(entry.file);
      if (entry.file->root) break;
    }
    if (d == d.root_path() || d.parent_path() == d) break;
  }

  ConfigCache::Resolved resolved;
  if (failure) {
    resolved.error = *failure;
  } else {
    std::reverse(chain.begin(), chain.end());
    resolved.settings = merge(chain);
  }
  const auto& stored = cache.settings_.emplace(dir, std::move(resolved)).first->second;
  if (!stored.settings) error = stored.error;
  return stored.settings;
}

namespace {

/// The path of `file` below `base`, with `/`; nothing when it is not below.
std::optional<std::string> relative_below(const fs::path& file, const fs::path& base) {
  const fs::path rel = file.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

bool any_match(const PathPatterns& patterns, const fs::path& file, bool* names_hidden = nullptr) {
  const auto rel = relative_below(file, patterns.base);
  if (!rel) return false;
  for (const auto& glob : patterns.globs) {
    if (!path_glob_match(glob, *rel)) continue;
    if (names_hidden) {
      // The pattern spells a hidden name out (`.drafts/**`), rather than
      // reaching it through a wildcard.
      const std::string_view g = glob;
      *names_hidden = *names_hidden || g.starts_with('.') || g.find("/.") != std::string_view::npos;
    }
    return true;
  }
  return false;
}

bool under_hidden_folder(const fs::path& file, const fs::path& base) {
  const fs::path rel = file.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return false;
  for (auto it = rel.begin(); it != rel.end(); ++it) {
    if (std::next(it) == rel.end()) break;  // the file's own name
    const std::string name = it->string();
    if (name.size() > 1 && name[0] == '.' && name != "..") return true;
  }
  return false;
}

}  // namespace

bool included(const Settings& settings, const fs::path& file) {
  const fs::path path = fs::absolute(file).lexically_normal();
  bool names_hidden = false;
  if (settings.include && !any_match(*settings.include, path, &names_hidden)) return false;
  if (!names_hidden && !settings.files.empty() &&
      under_hidden_folder(path, fs::path(settings.files.front()).parent_path())) {
    return false;
  }
  for (const auto& e : settings.exclude) {
    if (any_match(e, path)) return false;
  }
  return true;
}

std::optional<bool> rule_switch(const Settings& settings, std::string_view rule_id) {
  std::optional<bool> on;
  for (const auto& s : settings.switches) {
    if (s.pattern == rule_id || glob_match(s.pattern, rule_id)) on = s.enabled;
  }
  return on;
}

const Setting<SeverityLevel>* severity_override(const Settings& settings, std::string_view rule_id) {
  const auto found = settings.severity.find(std::string(rule_id));
  return found == settings.severity.end() ? nullptr : &found->second;
}

namespace {

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string toml_strings(const std::vector<std::string>& list) {
  std::string out = "[";
  for (const auto& s : list) out += (out.size() > 1 ? ", " : "") + toml_string(s);
  return out + "]";
}

/// `line  # source` (or `# default`). Not aligned: sources are long paths.
void add_line(std::string& out, const std::string& line, std::string_view source) {
  out += line + "  # " + (source.empty() ? std::string("default") : std::string(source)) + '\n';
}

std::string_view severity_name(const std::optional<Severity>& s, std::string_view none) {
  return s ? to_string(*s) : none;
}

}  // namespace

std::string describe(const Settings& s) {
  std::string out = "# configuration files, farthest first\n";
  if (s.files.empty()) out += "#   (none: planlint's defaults)\n";
  for (const auto& f : s.files) out += "#   " + f + '\n';

  add_line(out, "fail-on = " + toml_string(severity_name(s.fail_on.value, "never")), s.fail_on.source);
  add_line(out, "max-warnings = " + (s.max_warnings.value ? std::to_string(*s.max_warnings.value) : "none"),
           s.max_warnings.source);
  add_line(out, "baseline = " + (s.baseline.value.empty() ? "none" : toml_string(s.baseline.value)),
           s.baseline.source);
  std::vector<std::string> formats;
  for (const auto& f : s.formats.value) formats.push_back(f.file.empty() ? f.name : f.name + '=' + f.file);
  add_line(out, "formats = " + (formats.empty() ? "none" : toml_strings(formats)), s.formats.source);
  for (const auto& r : s.rules) add_line(out, "rules += " + toml_string(r.value), r.source);
  for (const auto& w : s.switches) {
    add_line(out, std::string(w.enabled ? "enable" : "disable") + " += " + toml_string(w.pattern), w.source);
  }
  for (const auto& [id, level] : s.severity) {
    add_line(out, "severity." + toml_string(id) + " = " + toml_string(severity_name(level.value, "off")), level.source);
  }
  if (s.include) {
    add_line(out, "include = " + toml_strings(s.include->globs), s.include->source);
  }
  for (const auto& e : s.exclude) add_line(out, "exclude += " + toml_strings(e.globs), e.source);
  for (const auto& x : s.suppressions) {
    std::string line = "suppress += { rule = " + toml_string(x.rule) + ", file = " + toml_string(x.file);
    if (!x.subject.empty()) line += ", subject = " + toml_string(x.subject);
    if (x.expires) line += ", expires = " + to_string(*x.expires);
    line += ", reason = " + toml_string(x.reason) + " }";
    add_line(out, line, x.source + ':' + std::to_string(x.where.line));
  }
  return out;
}

}  // namespace planlint
