#include "numbering_def.hpp"

#include <array>

namespace planlint::grammar::parser {

BOOST_SPIRIT_INSTANTIATE(marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(bare_marker_type, iterator_type, context_type)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

namespace {

// Value of the Chinese digit at the start of s (advancing s), or -1.
int take_cn_digit(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, int>, 12> digits{{
      {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3},
      {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
  }};
  for (const auto& [text, value] : digits) {
    if (s.substr(0, text.size()) == text) {
      s.remove_prefix(text.size());
      return value;
    }
  }
  return -1;
}

int take_cn_unit(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, int>, 3> units{{
      {"十", 10}, {"百", 100}, {"千", 1000}}};
  for (const auto& [text, value] : units) {
    if (s.substr(0, text.size()) == text) {
      s.remove_prefix(text.size());
      return value;
    }
  }
  return -1;
}

}  // namespace

unsigned numeral_value(std::string_view s) {
  if (s.empty()) return 0;
  // ①–⑳
  if (s.size() == 3 && s[0] == '\xE2' && s[1] == '\x91') {
    const auto c = static_cast<unsigned char>(s[2]);
    if (c >= 0xA0 && c <= 0xB3) return c - 0xA0 + 1;
  }
  // ASCII and full-width digits.
  unsigned value = 0;
  bool arabic = true;
  for (std::size_t i = 0; i < s.size() && arabic;) {
    if (s[i] >= '0' && s[i] <= '9') {
      value = value * 10 + static_cast<unsigned>(s[i] - '0');
      i += 1;
    } else if (s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      value = value * 10 + static_cast<unsigned>(static_cast<unsigned char>(s[i + 2]) - 0x90);
      i += 3;
    } else {
      arabic = false;
    }
  }
  if (arabic) return value;
  // Chinese: digits and units, 十 alone meaning 10 (十一 = 11, 二十三 = 23).
  unsigned total = 0;
  int pending = -1;
  while (!s.empty()) {
    const int digit = take_cn_digit(s);
    if (digit >= 0) {
      pending = digit;
      continue;
    }
    const int unit = take_cn_unit(s);
    if (unit < 0) return 0;
    total += static_cast<unsigned>((pending < 0 ? 1 : pending) * unit);
    pending = -1;
  }
  if (pending > 0) total += static_cast<unsigned>(pending);
  return total;
}

}  // namespace planlint::grammar
