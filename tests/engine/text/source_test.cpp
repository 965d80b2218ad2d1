// Reading a file: the UTF-8 check (its word-at-a-time path and its
// sixteen-bytes-a-step path) must accept and reject exactly what a
// byte-by-byte decoder does, at every alignment; columns count code points.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "planlint/source.hpp"
#include "utf8.hpp"

namespace {

/// A plain decoder after RFC 3629: valid when every sequence is complete,
/// not overlong, not a surrogate, at most U+10FFFF, and no byte is NUL.
bool reference_valid(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    const std::uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

bool valid(const std::string& s) { return !planlint::check_utf8_text(s).has_value(); }

/// The bytes of `s` in hexadecimal, to name a failing case.
std::string hex(const std::string& s) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out += {digits[b >> 4], digits[b & 15], ' '};
  }
  return out;
}

/// Every way of checking agrees with the reference on `s` (the vector ones
/// only where this processor has them). Silent when they do: the sweeps
/// below make millions of cases.
void all_agree(const std::string& s) {
  const bool expected = reference_valid(s);
  if (planlint::utf8::valid_text_scalar(s) != expected) BOOST_ERROR("scalar check differs on " << hex(s));
  if (planlint::utf8::has_ssse3() && planlint::utf8::valid_text_ssse3(s) != expected) {
    BOOST_ERROR("SSSE3 check differs on " << hex(s));
  }
  if (planlint::utf8::has_avx2() && planlint::utf8::valid_text_avx2(s) != expected) {
    BOOST_ERROR("AVX2 check differs on " << hex(s));
  }
}

// Pieces a text is made of: valid ones of every length and the edge cases of
// three-byte sequences, and broken ones.
const std::vector<std::string> kPieces{
    "a", "1", "\n", " ", "责任单位", "。", "（一）", "“", "é", "€", "\xF0\x9F\x98\x80",  // valid
    "\xE0\xA0\x80",  // U+0800, the smallest three-byte character
    "\xED\x9F\xBF",  // U+D7FF, just below the surrogates
    "\xEF\xBF\xBF",  // U+FFFF
    "\xE0\x80\x80",  // overlong
    "\xED\xA0\x80",  // a surrogate
    "\xE4\xB8",      // cut short
    "\x80",          // a lone continuation
    "\xC0\xAF",      // overlong two-byte
    "\xF4\x90\x80\x80",  // above U+10FFFF
    "\xFF",
    std::string(1, '\0'),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(source_file)

BOOST_AUTO_TEST_CASE(utf8_cases) {
  struct Case {
    std::string text;
    bool valid;
  };
  const std::vector<Case> cases{
      {"", true},
      {"某区知识产权工作方案", true},
      {"abcdefgh责任单位：区科委\n", true},
      {"\xE0\xA0\x80\xED\x9F\xBF", true},
      {"责任\xE0\x80\x80单位", false},
      {"责任\xED\xA0\x80单位", false},
      {"责任单位\xE4\xB8", false},
      {"abc" + std::string(1, '\0') + "defgh", false},
      {"责任单位" + std::string(1, '\0'), false},
      {"\xEF\xBB\xBF" "方案", true},  // a BOM is not text but allowed
  };
  for (const auto& c : cases) BOOST_TEST(valid(c.text) == c.valid, c.text);
}

BOOST_AUTO_TEST_CASE(utf8_agrees_with_a_plain_decoder_at_every_alignment) {
  std::mt19937 random(20261121);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> coin(0, 9);
  for (int round = 0; round < 4000; ++round) {
    std::string text(static_cast<std::size_t>(round % 8), 'x');  // shifts the pieces against 8-byte words
    const int pieces = 1 + round % 12;
    for (int k = 0; k < pieces; ++k) {
      // Mostly valid CJK, as in a plan; now and then any piece.
      text += coin(random) < 7 ? std::string("知识产权") : kPieces[pick(random)];
    }
    BOOST_TEST(valid(text) == reference_valid(text), "round " << round);
    all_agree(text);
  }
}

BOOST_AUTO_TEST_CASE(utf8_every_lead_and_continuation_at_every_place_in_a_block) {
  // Each byte from 80 to FF, then a space or each byte from 80 to FF, after
  // 0 to 33 bytes of ASCII: every pair starts at every place of a sixteen-
  // and a thirty-two-byte block, crosses into the next one (and from one
  // half of a thirty-two-byte block into the other), and ends the text or not.
  std::vector<char> seconds{' '};
  for (unsigned b = 0x80; b <= 0xFF; ++b) seconds.push_back(static_cast<char>(b));
  for (unsigned first = 0x80; first <= 0xFF; ++first) {
    for (const char second : seconds) {
      for (std::size_t shift = 0; shift < 34; ++shift) {
        const std::string text = std::string(shift, 'a') + static_cast<char>(first) + second;
        all_agree(text);
        all_agree(text + "知识产权");
      }
    }
  }
  // Leads of three and four bytes with each continuation, then a few third
  // and fourth bytes, placed to cross the end of a block.
  const unsigned char thirds[] = {0x20, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  for (unsigned first = 0xE0; first <= 0xFF; ++first) {
    for (unsigned second = 0x80; second <= 0xBF; ++second) {
      for (const unsigned char third : thirds) {
        for (const std::size_t shift : {0u, 12u, 13u, 14u, 15u, 16u, 28u, 29u, 30u, 31u, 32u}) {
          const std::string seq{static_cast<char>(first), static_cast<char>(second), static_cast<char>(third),
                                static_cast<char>(third)};
          for (const std::size_t keep : {3u, 4u}) {
            const std::string text = std::string(shift, 'a') + seq.substr(0, keep);
            all_agree(text);
            all_agree(text + "知识产权");
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(utf8_vector_path_on_long_texts) {
  // Many blocks, then one bad byte at each place of the last ones: a lone
  // continuation, and a NUL.
  std::string plan;
  for (int k = 0; k < 40; ++k) plan += "一、总体要求（2024年）责任单位：区科委、区市场监管局\n";
  BOOST_TEST(planlint::utf8::valid_text(plan));
  all_agree(plan);
  for (std::size_t at = plan.size() - 70; at < plan.size(); ++at) {
    std::string broken = plan;
    broken[at] = '\x80';
    all_agree(broken);
    broken[at] = '\0';
    BOOST_TEST(!planlint::utf8::valid_text(broken));
    all_agree(broken);
  }
}

BOOST_AUTO_TEST_CASE(columns_count_code_points) {
  const planlint::SourceFile source("t.txt", "一、总体要求\n  1.ab（二）\n");
  const std::string_view text = source.text();
  BOOST_TEST(source.location(text.find("总体")).column == 3u);
  BOOST_TEST(source.location(text.find("ab")).line == 2u);
  BOOST_TEST(source.location(text.find("ab")).column == 5u);
  BOOST_TEST(source.location(text.find("（二）")).column == 7u);
  BOOST_TEST(planlint::code_points("责任a单位") == 5u);
  BOOST_TEST(planlint::code_points(std::string(70000, 'a') + "责") == 70001u);
}

BOOST_AUTO_TEST_CASE(a_location_after_another_matches_a_direct_one) {
  const std::string text = "一、总体要求\n  1.ab（二）\r\n三\r四、x";
  const planlint::SourceFile source("t.txt", text);
  const std::string_view all = source.text();
  const auto at = [&](const char* piece) { return all.substr(all.find(piece)); };
  // Same line, a line end between (\n, \r\n, a lone \r), and back again.
  const std::pair<const char*, const char*> pairs[] = {
      {"一、", "要求"}, {"1.", "（二）"}, {"要求", "ab"}, {"（二）", "三"}, {"三", "四"}, {"x", "ab"}};
  for (const auto& [from, to] : pairs) {
    const auto direct = source.location(at(to));
    const auto after = source.location_after(at(from), source.location(at(from)), at(to));
    BOOST_TEST(after.line == direct.line, from << " → " << to);
    BOOST_TEST(after.column == direct.column, from << " → " << to);
  }
  // A piece outside the file has no place, as with location().
  const std::string elsewhere = "要求";
  BOOST_TEST(source.location_after(at("一、"), source.location(at("一、")), elsewhere).line == 0u);
}

BOOST_AUTO_TEST_CASE(columns_on_long_lines_match_a_direct_count) {
  // Short lines, then one of about 30 kB mixing CJK and ASCII, then short
  // lines again: columns past the first few kB of the long line come from
  // the per-block table, the others from a direct count.
  std::string text = "一、总体要求\n（一）目标\n";
  const std::size_t long_start = text.size();
  for (int k = 0; k < 3000; ++k) text += (k % 3 == 0) ? "ab" : "知识产权";
  const std::size_t long_end = text.size();
  text += "\n二、任务\n";
  const planlint::SourceFile source("t.txt", text);
  for (std::size_t offset = long_start; offset <= long_end; offset += 997) {
    // Step back to a character boundary, as every view the grammar hands out starts on one.
    while ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
    const auto at = source.location(offset);
    BOOST_TEST(at.line == 3u, "offset " << offset);
    BOOST_TEST(at.column == planlint::code_points(std::string_view(text).substr(long_start, offset - long_start)) + 1,
               "offset " << offset);
  }
  BOOST_TEST(source.location(text.find("二、")).line == 4u);
  BOOST_TEST(source.location(text.find("二、")).column == 1u);
  BOOST_TEST(source.location(text.find("目标")).column == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
