// Character classes and small parsers shared by the plan grammars.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "config.hpp"

namespace planlint::grammar::common {

using x3::char_;
using x3::lit;

/// Horizontal blanks: space, tab, ideographic space U+3000, NBSP U+00A0.
inline auto const hspace = lit(' ') | lit('\t') | lit("\u3000") | lit("\u00A0");

/// A line ends with \r\n, \n, or a lone \r (old Mac files, stray returns).
inline auto const eol_char = lit('\n') | lit('\r');
inline auto const eol = lit("\r\n") | lit('\n') | lit('\r');
inline auto const line_end = eol | x3::eoi;

/// Where the line that `first` is in ends (at its \r or \n, or at `last`):
/// two memchr calls rather than a test per byte.
inline char const* find_line_end(char const* first, char const* last) {
  const auto n = static_cast<std::size_t>(last - first);
  auto const* nl = static_cast<char const*>(std::memchr(first, '\n', n));
  char const* end = nl ? nl : last;
  auto const* cr = static_cast<char const*>(std::memchr(first, '\r', static_cast<std::size_t>(end - first)));
  return cr ? cr : end;
}

/// Skips to the end of the line (not past it); always succeeds. Wrap it in
/// raw[] for the text it skipped.
struct to_line_end_parser : x3::parser<to_line_end_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Context, typename RContext, typename Attribute>
  bool parse(char const*& first, char const* const& last, Context const&, RContext&, Attribute&) const {
    first = find_line_end(first, last);
    return true;
  }
};
inline to_line_end_parser const to_line_end{};

/// One or more bytes, none of them one of `stops`: what +~char_(stops)
/// matches, read in one loop over a table. Running text is read in such
/// runs up to the bytes that may begin something (a mark, a bracket, a line
/// end); the stops are lead bytes or ASCII, so a run never ends inside a
/// character.
struct bytes_except_parser : x3::parser<bytes_except_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::array<bool, 256> stop{};
  explicit constexpr bytes_except_parser(std::string_view stops) {
    for (const char c : stops) stop[static_cast<unsigned char>(c)] = true;
  }
  template <typename Context, typename RContext, typename Attribute>
  bool parse(char const*& first, char const* const& last, Context const&, RContext&, Attribute&) const {
    char const* p = first;
    while (p != last && !stop[static_cast<unsigned char>(*p)]) ++p;
    if (p == first) return false;
    first = p;
    return true;
  }
};
constexpr bytes_except_parser bytes_except(std::string_view stops) { return bytes_except_parser(stops); }

/// Succeeds, consuming nothing, when a tab comes before the next \n: a quick
/// test before a table row is tried. A tab after a lone \r passes it too,
/// and the row then fails where the line ends, as it should.
struct tab_ahead_parser : x3::parser<tab_ahead_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Context, typename RContext, typename Attribute>
  bool parse(char const*& first, char const* const& last, Context const&, RContext&, Attribute&) const {
    const auto n = static_cast<std::size_t>(last - first);
    auto const* nl = static_cast<char const*>(std::memchr(first, '\n', n));
    const std::size_t line = nl ? static_cast<std::size_t>(nl - first) : n;
    return std::memchr(first, '\t', line) != nullptr;
  }
};
inline tab_ahead_parser const tab_ahead{};

/// Any one UTF-8 encoded character (lead byte and its continuations).
inline auto const utf8_char = char_('\x00', '\x7F') |
                              (char_('\xC0', '\xFF') >> *char_('\x80', '\xBF'));

/// A CJK ideograph (U+4E00–U+9FFF): three bytes, lead byte E4–E9.
inline auto const cjk = char_('\xE4', '\xE9') >> char_('\x80', '\xBF') >> char_('\x80', '\xBF');

/// ASCII and full-width digits.
inline auto const digit = char_('0', '9') | (lit("\xEF\xBC") >> char_('\x90', '\x99'));

/// Chinese numeral characters. All are three bytes: their first two bytes are
/// checked against the few that occur, so that other characters are turned
/// away before any literal is compared.
inline auto const cn_lead = &(char_("\xE3\xE4\xE5\xE7\xE9") >> char_("\x80\x85\x8D\x99\x9B\xB8\xB9\xBA"));
inline auto const cn_digit = cn_lead >> (lit("零") | lit("〇") | lit("一") | lit("二") | lit("两") |
                                         lit("三") | lit("四") | lit("五") | lit("六") | lit("七") |
                                         lit("八") | lit("九"));
inline auto const cn_numeral_char = cn_lead >> (cn_digit | lit("十") | lit("百") | lit("千"));

/// The Chinese numeral characters above, and for each lead byte E3–E9 the
/// second bytes they go on with (as bits of the byte's low six): one shift
/// and mask turns most characters away before the full comparison.
inline constexpr std::string_view kNumeralChars[] = {"零", "〇", "一", "二", "两", "三", "四", "五",
                                                     "六", "七", "八", "九", "十", "百", "千"};
inline constexpr std::array<std::uint64_t, 7> kNumeralSecondBytes = [] {
  std::array<std::uint64_t, 7> masks{};
  for (const std::string_view c : kNumeralChars) {
    masks[static_cast<unsigned char>(c[0]) - 0xE3] |= std::uint64_t{1} << (static_cast<unsigned char>(c[1]) & 0x3F);
  }
  return masks;
}();

/// True when a number or a year may begin at p: an ASCII digit or one of the
/// Chinese numeral characters above (all three bytes long).
inline bool may_start_number(char const* p, char const* last) {
  const auto c = static_cast<unsigned char>(*p);
  if (c >= '0' && c <= '9') return true;
  if (last - p < 3 || c < 0xE3 || c > 0xE9) return false;
  if (!((kNumeralSecondBytes[c - 0xE3] >> (static_cast<unsigned char>(p[1]) & 0x3F)) & 1)) return false;
  const std::uint32_t v = std::uint32_t{c} << 16 | std::uint32_t{static_cast<unsigned char>(p[1])} << 8 |
                          static_cast<unsigned char>(p[2]);
  switch (v) {  // the characters' UTF-8 bytes, as numbers
    case 0xE99BB6:  // 零
    case 0xE38087:  // 〇
    case 0xE4B880:  // 一
    case 0xE4BA8C:  // 二
    case 0xE4B8A4:  // 两
    case 0xE4B889:  // 三
    case 0xE59B9B:  // 四
    case 0xE4BA94:  // 五
    case 0xE585AD:  // 六
    case 0xE4B883:  // 七
    case 0xE585AB:  // 八
    case 0xE4B99D:  // 九
    case 0xE58D81:  // 十
    case 0xE799BE:  // 百
    case 0xE58D83:  // 千
      return true;
    default:
      return false;
  }
}

/// Skips the characters at which no number can begin (see may_start_number);
/// always succeeds. Running text is mostly such characters.
struct to_number_start_parser : x3::parser<to_number_start_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Context, typename RContext, typename Attribute>
  bool parse(char const*& first, char const* const& last, Context const&, RContext&, Attribute&) const {
    while (first != last && !may_start_number(first, last)) {
      const auto c = static_cast<unsigned char>(*first);
      const std::ptrdiff_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      first += std::min(n, last - first);
    }
    return true;
  }
};
inline to_number_start_parser const to_number_start{};

inline auto const open_paren = lit("（") | lit('(');
inline auto const close_paren = lit("）") | lit(')');
inline auto const colon = lit("：") | lit(':');

/// Debris left by document conversion: `[bookmark: _Toc123]`, markdown bold.
inline auto const debris =
    x3::omit[(lit("[bookmark:") >> *(char_ - ']' - eol_char) >> ']') | lit("**")];

/// Blanks and debris at the start of a line.
inline auto const lead = x3::omit[*(hspace | debris)];

}  // namespace planlint::grammar::common
