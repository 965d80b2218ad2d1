// Glob patterns of the configuration: rule ids (`task.*`) and paths
// relative to a config file's directory (`archive/**/*.txt`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace planlint {

/// Whether `text` matches `pattern` as a whole. Within one `/`-separated
/// segment: `*` any run of characters, `?` one character (a code point, so
/// that `?` matches one Chinese character), `[abc]` `[a-z]` one of a class
/// (`[!…]` or `[^…]` negated), `\c` the character c itself. Neither `*` nor
/// `?` nor a class matches `/`. A segment that is exactly `**` matches zero
/// or more whole segments (`**/a.txt` is a.txt at any depth); `**` inside a
/// segment (`a**`) is `*`. A leading dot
/// is matched like any other character: hidden folders are a separate rule
/// of the configuration, not of the pattern.
bool glob_match(std::string_view pattern, std::string_view text);

/// Whether a relative path (with `/`) is matched by `pattern` itself or lies
/// in a directory the pattern matches: `archive` matches `archive/2020/a.txt`.
/// A leading `./` or `/` and a trailing `/` of the pattern are ignored (every
/// pattern is relative to its config file's directory).
bool path_glob_match(std::string_view pattern, std::string_view relative_path);

/// True when the text has a glob character (`*`, `?`, `[`).
bool is_glob(std::string_view pattern);

/// Why a pattern is malformed (empty, an unclosed `[`, a trailing `\`), or
/// nothing when it is well formed. glob_match reads a malformed pattern's
/// `[` and `\` as themselves; the configuration refuses it instead.
std::optional<std::string> glob_problem(std::string_view pattern);

}  // namespace planlint
