#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "planlint/source.hpp"

namespace planlint::text {

namespace {

// Blanks: space, tab, a stray \r, U+3000 (E3 80 80) and NBSP (C2 A0),
// recognised by their bytes (trim runs on every line).
std::size_t blank_prefix(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\r') return 1;
  if (c == 0xE3 && s.size() >= 3 && s[1] == '\x80' && s[2] == '\x80') return 3;
  if (c == 0xC2 && s.size() >= 2 && s[1] == '\xA0') return 2;
  return 0;
}

std::size_t blank_suffix(std::string_view s) {
  if (s.empty()) return 0;
  const std::size_t n = s.size();
  const auto c = static_cast<unsigned char>(s[n - 1]);
  if (c == ' ' || c == '\t' || c == '\r') return 1;
  if (c == 0x80 && n >= 3 && s[n - 2] == '\x80' && s[n - 3] == '\xE3') return 3;
  if (c == 0xA0 && n >= 2 && s[n - 2] == '\xC2') return 2;
  return 0;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (std::size_t n = blank_prefix(s)) s.remove_prefix(n);
  while (std::size_t n = blank_suffix(s)) s.remove_suffix(n);
  return s;
}

bool has_debris(std::string_view s) {
  return std::memchr(s.data(), '*', s.size()) != nullptr || std::memchr(s.data(), '[', s.size()) != nullptr;
}

std::string clean(std::string_view s) {
  s = trim(s);
  // Most text carries no markup.
  if (!has_debris(s)) return std::string(s);
  const auto is_opener = [](char c) { return c == '*' || c == '['; };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto found = std::find_if(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(), is_opener);
    const std::size_t next = found == s.end() ? std::string_view::npos : static_cast<std::size_t>(found - s.begin());
    out.append(s.substr(i, next - i));
    if (next == std::string_view::npos) break;
    i = next;
    if (s.compare(i, 2, "**") == 0) {
      i += 2;
    } else if (s.compare(i, 10, "[bookmark:") == 0) {
      const std::size_t close = s.find(']', i);
      i = close == std::string_view::npos ? s.size() : close + 1;
    } else {
      out.push_back(s[i++]);
    }
  }
  return std::string(trim(out));
}

std::string_view clean_view(std::string_view s, std::deque<std::string>& store) {
  s = trim(s);
  if (!has_debris(s)) return s;
  return store.emplace_back(clean(s));
}

std::string_view clean_view(std::string_view s, std::string& buffer) {
  s = trim(s);
  if (!has_debris(s)) return s;
  buffer = clean(s);
  return buffer;
}

std::string_view first_char(std::string_view s) {
  if (s.empty()) return s;
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

std::string_view last_char(std::string_view s) {
  if (s.empty()) return s;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return s.substr(i);
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  static constexpr std::array<std::string_view, 8> closers{"”", "’", "）", ")", "」", "』", "**", "\""};
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (auto c : closers) {
      if (ends_with(s, c)) {
        // A closing bracket ends the line's sentence when something ended
        // inside it (…。”) or when it closes an aside such as （责任单位：…）.
        if (c == "）" || c == ")") return true;
        s.remove_suffix(c.size());
        again = true;
      }
    }
  }
  static constexpr std::array<std::string_view, 10> enders{"。", "！", "？", "；", "：", "!",
                                                           "?",  ";",  ":",  "…"};
  for (auto e : enders) {
    if (ends_with(s, e)) return true;
  }
  return false;
}

void append_excerpt(std::string& out, std::string_view s, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == limit) {
        out.append(s.substr(0, i));
        out.append("…");
        return;
      }
      ++count;
    }
  }
  out.append(s);
}

std::string excerpt(std::string_view s, std::size_t limit) {
  std::string out;
  append_excerpt(out, s, limit);
  return out;
}

}  // namespace planlint::text
