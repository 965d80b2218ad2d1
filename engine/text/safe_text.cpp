// Plan text and paths made safe for terminals and for XML (text_util.hpp).
#include "text_util.hpp"
#include "utf8.hpp"

namespace planlint::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// What a text holds that an output may have to change, found in one pass
/// without an early exit (which the compiler vectorises): nearly all text
/// holds none of it and is passed on as it is.
struct Bytes {
  bool terminal_control = false;  // C0 but tab, or DEL
  bool xml_control = false;       // C0 but tab, LF and CR
  bool high = false;              // above 0x7F: C1 controls, non-characters and invalid bytes live there
};

Bytes scan(std::string_view s) {
  unsigned terminal = 0, xml = 0, high = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    terminal |= static_cast<unsigned>((c < 0x20 && c != '\t') || c == 0x7F);
    xml |= static_cast<unsigned>(c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    high |= c & 0x80u;
  }
  return Bytes{terminal != 0, xml != 0, high != 0};
}

/// U+FFFE or U+FFFF (EF BF BE, EF BF BF), which XML forbids.
bool is_nonchar(std::string_view sequence) {
  return sequence.size() == 3 && sequence[0] == '\xEF' && sequence[1] == '\xBF' &&
         (sequence[2] == '\xBE' || sequence[2] == '\xBF');
}

bool has_nonchar(std::string_view s) {
  for (std::size_t at = s.find("\xEF\xBF"); at != std::string_view::npos; at = s.find("\xEF\xBF", at + 2)) {
    if (is_nonchar(s.substr(at, 3))) return true;
  }
  return false;
}

/// Walks s a character at a time: ascii(c) for an ASCII byte, sequence(view)
/// for a valid UTF-8 sequence, invalid(c) for a byte that begins none.
template <typename Ascii, typename Sequence, typename Invalid>
void for_each_character(std::string_view s, Ascii&& ascii, Sequence&& sequence, Invalid&& invalid) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : utf8::sequence_length(s, i);
    if (c < 0x80) {
      ascii(c);
    } else if (n == 0) {
      invalid(c);
    } else {
      sequence(s.substr(i, n));
    }
    i += n ? n : 1;
  }
}

void append_hex(std::string& out, const char* prefix, unsigned char c, const char* digits = kHex) {
  out += prefix;
  out += digits[c >> 4];
  out += digits[c & 15];
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  const Bytes bytes = scan(s);
  if (!bytes.terminal_control &&
      (!bytes.high || (utf8::valid_text(s) && s.find('\xC2') == std::string_view::npos))) {
    return std::string(s);
  }
  std::string out;
  out.reserve(s.size() + 16);
  for_each_character(
      s,
      [&](unsigned char c) {
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
          append_hex(out, "\\x", c);
        } else {
          out += static_cast<char>(c);
        }
      },
      [&](std::string_view seq) {
        const auto second = static_cast<unsigned char>(seq.size() == 2 ? seq[1] : 0);
        if (seq[0] == '\xC2' && second >= 0x80 && second < 0xA0) {
          append_hex(out, "\\u00", second);  // a C1 control, U+0080–U+009F
        } else {
          out.append(seq);
        }
      },
      [&](unsigned char c) { append_hex(out, "\\x", c); });  // not UTF-8
  return out;
}

std::string_view xml_safe(std::string_view s, std::string& buffer) {
  const Bytes bytes = scan(s);
  if (!bytes.xml_control && (!bytes.high || (!has_nonchar(s) && utf8::valid_text(s)))) return s;
  buffer.clear();
  buffer.reserve(s.size() + 8);
  for_each_character(
      s,
      [&](unsigned char c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          buffer.append(kReplacement);
        } else {
          buffer += static_cast<char>(c);
        }
      },
      [&](std::string_view seq) { buffer.append(is_nonchar(seq) ? kReplacement : seq); },
      [&](unsigned char) { buffer.append(kReplacement); });
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
  const auto percent = [&out](unsigned char c) { append_hex(out, "%", c, kHexUpper); };
  for_each_character(
      path,
      [&](unsigned char c) {
        if (c < 0x20 || c == '%' || c == 0x7F) {
          percent(c);
        } else {
          out += static_cast<char>(c);
        }
      },
      [&](std::string_view seq) {
        if (is_nonchar(seq)) {
          for (const char b : seq) percent(static_cast<unsigned char>(b));
        } else {
          out.append(seq);
        }
      },
      percent);
  return out;
}

}  // namespace planlint::text
