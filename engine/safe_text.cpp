// Plan text and paths made safe for terminals and for XML (text_util.hpp).
#include <array>
#include <cstring>

#include "text_util.hpp"
#include "utf8.hpp"

namespace planlint::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

void append_hex_byte(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

/// True when s may hold a byte that terminal_safe changes: a control byte
/// but tab, DEL, or any byte above 0x7F (C1 controls are C2 80–C2 9F, and
/// invalid UTF-8 is above 0x7F). A loop without an early exit, which the
/// compiler vectorises; the second pass runs only on text with such bytes.
bool may_need_terminal_escape(std::string_view s, bool& non_ascii) {
  unsigned control = 0;
  unsigned high = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    control |= static_cast<unsigned>((c < 0x20 && c != '\t') || c == 0x7F);
    high |= c & 0x80u;
  }
  non_ascii = high != 0;
  return control != 0;
}

/// The valid UTF-8 sequence at s[i], or 0.
std::size_t sequence_at(std::string_view s, std::size_t i) { return utf8::sequence_length(s, i); }

}  // namespace

std::string terminal_safe(std::string_view s) {
  bool non_ascii = false;
  const bool control = may_need_terminal_escape(s, non_ascii);
  if (!control && !non_ascii) return std::string(s);
  if (!control && utf8::valid_text(s) && s.find("\xC2") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        append_hex_byte(out, c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t n = sequence_at(s, i);
    if (n == 0) {
      append_hex_byte(out, c);  // not UTF-8
      ++i;
      continue;
    }
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += "\\u00";  // a C1 control, U+0080–U+009F
      const auto low = static_cast<unsigned char>(static_cast<unsigned char>(s[i + 1]) & 0x3F) | 0x80u;
      out += kHex[low >> 4];
      out += kHex[low & 15];
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

namespace {

/// True when s holds a C0 control but tab, LF and CR.
bool has_xml_control(std::string_view s) {
  unsigned bad = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    bad |= static_cast<unsigned>(c < 0x20 && c != '\t' && c != '\n' && c != '\r');
  }
  return bad != 0;
}

/// True when s holds U+FFFE or U+FFFF (EF BF BE, EF BF BF).
bool has_xml_nonchar(std::string_view s) {
  for (std::size_t at = s.find("\xEF\xBF"); at != std::string_view::npos; at = s.find("\xEF\xBF", at + 2)) {
    if (at + 2 < s.size() && (s[at + 2] == '\xBE' || s[at + 2] == '\xBF')) return true;
  }
  return false;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string_view xml_safe(std::string_view s, std::string& buffer) {
  unsigned high = 0;
  for (const char ch : s) high |= static_cast<unsigned char>(ch) & 0x80u;
  const bool non_ascii = high != 0;
  const bool control = has_xml_control(s);
  if (!control && (!non_ascii || (!has_xml_nonchar(s) && utf8::valid_text(s)))) return s;
  buffer.clear();
  buffer.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        buffer.append(kReplacement);
      } else {
        buffer += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t n = sequence_at(s, i);
    if (n == 0) {
      buffer.append(kReplacement);
      ++i;
    } else if (n == 3 && c == 0xEF && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
      buffer.append(kReplacement);
      i += 3;
    } else {
      buffer.append(s.substr(i, n));
      i += n;
    }
  }
  return buffer;
}

std::string xml_safe(std::string_view s) {
  std::string buffer;
  const std::string_view safe = xml_safe(s, buffer);
  return safe.data() == buffer.data() ? std::move(buffer) : std::string(safe);
}

std::string xml_path(std::string_view path, bool& encoded) {
  std::string buffer;
  encoded = xml_safe(path, buffer).data() != path.data();
  if (!encoded) return std::string(path);
  std::string out;
  out.reserve(path.size() + 16);
  const auto percent = [&out](unsigned char c) {
    out += '%';
    out += kHexUpper[c >> 4];
    out += kHexUpper[c & 15];
  };
  for (std::size_t i = 0; i < path.size();) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == '%' || c == 0x7F) {
        percent(c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t n = sequence_at(path, i);
    const bool nonchar = n == 3 && c == 0xEF && path[i + 1] == '\xBF' && (path[i + 2] == '\xBE' || path[i + 2] == '\xBF');
    if (n == 0 || nonchar) {
      for (std::size_t k = 0; k < (n ? n : 1); ++k) percent(static_cast<unsigned char>(path[i + k]));
      i += n ? n : 1;
    } else {
      out.append(path.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace planlint::text
