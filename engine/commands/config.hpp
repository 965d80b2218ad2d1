// The configuration of a run: `.planlint.toml` files found upward from each
// checked file, nearer ones overriding farther ones (docs/config.md).
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"

namespace planlint {

/// The name of a configuration file.
inline constexpr std::string_view kConfigFileName = ".planlint.toml";

/// A configuration that cannot be used: a TOML syntax error, an unknown key,
/// a value of the wrong type or out of range. Line and column (code points)
/// are 1-based; 0 when the file as a whole is at fault (it cannot be read).
struct ConfigError {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

/// path:line:column: message (the form of every planlint diagnostic).
std::string to_string(const ConfigError& e);

/// A value with the configuration file that gave it; an empty source means
/// planlint's default.
template <class T>
struct Setting {
  T value{};
  std::string source;
};

/// A calendar date, for `expires`.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
};
/// YYYY-MM-DD.
std::string to_string(const Date& d);
/// A valid YYYY-MM-DD date, or nothing.
std::optional<Date> parse_date(std::string_view text);

/// One `enable` or `disable` entry: a rule id or a glob over rule ids.
struct RuleSwitch {
  std::string pattern;
  bool enabled = true;
  std::string source;
};

/// Path globs of one configuration file, relative to its directory.
struct PathPatterns {
  std::filesystem::path base;  // the directory of the file that gave them
  std::vector<std::string> globs;
  std::string source;
};

/// `formats` entry: a report format and the file it goes to (empty: the
/// standard output, or --output).
struct FormatSpec {
  std::string name;
  std::string file;  // resolved against the config file's directory
  friend bool operator==(const FormatSpec&, const FormatSpec&) = default;
};

/// One `[[suppress]]` entry, with where it was written.
struct SuppressionSpec {
  std::string rule;               // rule id or glob
  std::string file;               // path glob, relative to `base`; "**" when not given
  std::string subject;            // text the finding's subject must contain; empty: any
  std::string reason;
  std::optional<Date> expires;    // in force through this day
  std::string source;             // the configuration file
  std::filesystem::path base;     // its directory
  Location where;                 // of the entry's [[suppress]] header in `source`
};

/// The severity a `[severity]` entry gives a rule; nothing: "off".
using SeverityLevel = std::optional<Severity>;

/// The effective configuration for one file: every value, with the file that
/// gave it. Lists that accumulate (rules, switches, exclude, suppressions)
/// are in the order they apply, farthest configuration first; a nearer
/// entry applied later overrides a farther one.
struct Settings {
  std::vector<std::string> files;                       // the configuration files read, farthest first
  std::vector<Setting<std::string>> rules;               // rule files, resolved; loaded in this order
  std::vector<RuleSwitch> switches;                      // enable/disable, in the order they apply
  std::map<std::string, Setting<SeverityLevel>> severity;  // rule id → level
  std::optional<PathPatterns> include;                   // the nearest file's; none: every plan file
  std::vector<PathPatterns> exclude;                     // every file's
  Setting<std::optional<Severity>> fail_on{Severity::error, ""};  // nothing: never
  Setting<std::optional<std::int64_t>> max_warnings;     // nothing: no limit
  Setting<std::string> baseline;                         // resolved path; empty: none
  Setting<std::vector<FormatSpec>> formats;              // empty: as the command line says
  std::vector<SuppressionSpec> suppressions;             // every file's
};

/// One configuration file as written: a key not given is nothing. Paths are
/// resolved against the file's directory.
struct ConfigFile {
  std::string path;
  std::filesystem::path dir;
  bool root = false;
  std::optional<std::vector<std::string>> rules;
  std::vector<RuleSwitch> switches;  // in the order they apply within the file
  std::map<std::string, SeverityLevel> severity;
  std::optional<std::vector<std::string>> include;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::optional<Severity>> fail_on;
  std::optional<std::int64_t> max_warnings;
  std::optional<std::string> baseline;
  std::optional<std::vector<FormatSpec>> formats;
  std::vector<SuppressionSpec> suppressions;
};

/// The text of a configuration file, as read from `path` (which names it in
/// errors and gives the directory paths are resolved against). The first
/// problem, in the order of the text, is reported.
std::optional<ConfigFile> parse_config(std::string_view text, const std::filesystem::path& path, ConfigError& error);
/// The same, reading the file.
std::optional<ConfigFile> read_config(const std::filesystem::path& path, ConfigError& error);

/// What a run has read: each directory's configuration file (or that it has
/// none), read once, and each directory's effective settings. Owned by the
/// caller for one run; not shared between threads (resolve the settings of
/// the inputs before checking them in parallel).
class ConfigCache {
 public:
  /// Configuration files read so far (not counting directories without one).
  std::size_t files_read() const { return files_read_; }

 private:
  struct Entry {
    std::shared_ptr<const ConfigFile> file;  // null: no configuration file there
    std::optional<ConfigError> error;
  };
  struct Resolved {
    std::optional<Settings> settings;
    ConfigError error;
  };
  std::map<std::filesystem::path, Entry> dirs_;
  std::map<std::filesystem::path, Resolved> settings_;
  std::size_t files_read_ = 0;
  friend std::optional<Settings> settings_for(const std::filesystem::path&, ConfigCache&, ConfigError&);
};

/// The settings for `file`: the `.planlint.toml` files of its directory and
/// every directory above it, up to the filesystem root or the first file
/// with `root = true`, merged farthest first. A file with no configuration
/// above it gets the defaults. Fails with the first unusable configuration
/// file on the way (every file below it reports the same error).
std::optional<Settings> settings_for(const std::filesystem::path& file, ConfigCache& cache, ConfigError& error);

/// Merges configuration files, farthest first, into settings.
Settings merge(const std::vector<std::shared_ptr<const ConfigFile>>& farthest_first);

/// Whether `file` is checked when met in a directory walk: not under a
/// hidden folder (a name starting with a dot) below the outermost
/// configuration's directory unless `include` names it; matched by the
/// nearest `include`, when there is one; matched by no `exclude`.
bool included(const Settings& settings, const std::filesystem::path& file);

/// What the configuration says about a rule's being on: the last switch
/// whose pattern matches the id, or nothing when none does.
std::optional<bool> rule_switch(const Settings& settings, std::string_view rule_id);

/// The `[severity]` entry for a rule, or null.
const Setting<SeverityLevel>* severity_override(const Settings& settings, std::string_view rule_id);

/// The effective settings and the file that gave each (`planlint config
/// FILE`): the configuration files, then one `key = value  # source` line
/// per setting (`+=` for lists that add up, `none` for a setting not set),
/// the source being `default` for planlint's own.
std::string describe(const Settings& settings);

}  // namespace planlint
