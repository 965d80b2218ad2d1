// Globs are matched here rather than with fnmatch(3): under the "C" locale
// planlint runs in, fnmatch's `?` and classes see bytes, so `?` would match a
// third of a Chinese character. The syntax is fnmatch's with FNM_PATHNAME
// (wildcards stop at `/`), plus `**` segments as in gitignore.
#include "glob.hpp"

#include <cstdint>
#include <vector>

namespace planlint {

namespace {

/// The code point at s[i] and its length; a byte that does not start valid
/// UTF-8 is taken as one character of its own value.
std::pair<char32_t, std::size_t> next_char(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) n = 1;
  if (n == 1) return {b, 1};
  char32_t c = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont & 0xC0) != 0x80) return {b, 1};
    c = (c << 6) | (cont & 0x3F);
  }
  return {c, n};
}

/// A class `[…]` starting at p[i] (the `[`): whether `c` is in it, and the
/// index after its `]`; nothing when the class is not closed.
std::optional<std::pair<bool, std::size_t>> match_class(std::string_view p, std::size_t i, char32_t c) {
  std::size_t j = i + 1;
  const bool negated = j < p.size() && (p[j] == '!' || p[j] == '^');
  if (negated) ++j;
  bool found = false;
  bool first = true;
  while (j < p.size() && (p[j] != ']' || first)) {
    first = false;
    if (p[j] == '\\' && j + 1 < p.size()) ++j;
    auto [lo, n] = next_char(p, j);
    j += n;
    char32_t hi = lo;
    if (j + 1 < p.size() && p[j] == '-' && p[j + 1] != ']') {
      ++j;
      if (p[j] == '\\' && j + 1 < p.size()) ++j;
      auto [h, m] = next_char(p, j);
      hi = h;
      j += m;
    }
    if (lo <= c && c <= hi) found = true;
  }
  if (j >= p.size()) return std::nullopt;
  return std::pair{found != negated, j + 1};
}

/// One segment against one name (neither holds `/`). The classic greedy
/// match that backs up only to the last `*`: linear for one star, quadratic
/// at worst, never exponential.
bool match_segment(std::string_view p, std::string_view t) {
  std::size_t pi = 0, ti = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      while (pi < p.size() && p[pi] == '*') ++pi;
      star_p = pi;
      star_t = ti;
      continue;
    }
    const auto [c, n] = next_char(t, ti);
    bool step = false;
    std::size_t after = pi;
    if (pi < p.size()) {
      if (p[pi] == '?') {
        step = true;
        after = pi + 1;
      } else if (p[pi] == '[') {
        if (const auto cls = match_class(p, pi, c)) {
          step = cls->first;
          after = cls->second;
        } else {
          step = c == U'[';
          after = pi + 1;
        }
      } else {
        std::size_t q = pi;
        if (p[q] == '\\' && q + 1 < p.size()) ++q;
        const auto [pc, m] = next_char(p, q);
        step = pc == c;
        after = q + m;
      }
    }
    if (step) {
      pi = after;
      ti += n;
    } else if (star_p != std::string_view::npos) {
      pi = star_p;
      star_t += next_char(t, star_t).second;
      ti = star_t;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<std::string_view> segments(std::string_view s) {
  std::vector<std::string_view> out;
  for (;;) {
    const std::size_t slash = s.find('/');
    out.push_back(s.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    s.remove_prefix(slash + 1);
  }
}

/// reach[j]: the first i pattern segments can match the first j path
/// segments. Filled segment by segment, so several `**` cost
/// patterns × path segments, not a search of every split.
std::vector<bool> reachable(const std::vector<std::string_view>& pattern, const std::vector<std::string_view>& path) {
  std::vector<bool> reach(path.size() + 1, false);
  reach[0] = true;
  for (const auto seg : pattern) {
    std::vector<bool> next(path.size() + 1, false);
    for (std::size_t j = 0; j <= path.size(); ++j) {
      if (!reach[j]) continue;
      if (seg == "**") {
        for (std::size_t k = j; k <= path.size(); ++k) next[k] = true;
        break;  // everything after j is reachable already
      }
      if (j < path.size() && match_segment(seg, path[j])) next[j + 1] = true;
    }
    reach = std::move(next);
  }
  return reach;
}

std::string_view strip_pattern(std::string_view p) {
  while (p.starts_with("./")) p.remove_prefix(2);
  while (p.starts_with('/')) p.remove_prefix(1);
  while (p.size() > 1 && p.ends_with('/')) p.remove_suffix(1);
  return p;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return reachable(segments(pattern), segments(text)).back();
}

bool path_glob_match(std::string_view pattern, std::string_view relative_path) {
  pattern = strip_pattern(pattern);
  while (relative_path.starts_with("./")) relative_path.remove_prefix(2);
  const auto reach = reachable(segments(pattern), segments(relative_path));
  // The path itself, or a directory above it (a prefix of whole segments).
  for (std::size_t j = 1; j < reach.size(); ++j) {
    if (reach[j]) return true;
  }
  return false;
}

bool is_glob(std::string_view pattern) { return pattern.find_first_of("*?[") != std::string_view::npos; }

std::optional<std::string> glob_problem(std::string_view pattern) {
  if (pattern.empty()) return "an empty pattern";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      if (i + 1 == pattern.size()) return "a pattern ending in a lone \\";
      ++i;
    } else if (pattern[i] == '[') {
      const auto cls = match_class(pattern, i, 0);
      if (!cls) return "a [ with no ] to close it";
      i = cls->second - 1;
    }
  }
  return std::nullopt;
}

}  // namespace planlint
