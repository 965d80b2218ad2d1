#include "utf8.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define PLANLINT_UTF8_VECTOR 1
#endif

namespace planlint::utf8 {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  std::uint32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(b)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool valid_text_scalar(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  // Two three-byte sequences (the common case in a plan: CJK text) per step
  // where eight bytes can be read; leads E0 and ED are left to the loop below.
  const auto simple_lead = [](std::uint64_t lead) { return lead != 0xE0 && lead != 0xED; };
  // The word tricks read the first byte as the lowest.
  constexpr bool little = std::endian::native == std::endian::little;
  while (i < n) {
    while (little && i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u || !simple_lead(w & 0xFF) || !simple_lead((w >> 24) & 0xFF)) break;
      i += 6;
    }
    if (i >= n) break;
    // Four bytes at a time where they can be read at once: four ASCII bytes
    // (none NUL), or a three-byte sequence (all CJK) with a lead E1–EF but
    // ED, whose continuations are checked with one mask. E0 (overlong
    // forms), ED (surrogates) and the rest take the general path.
    if (little && i + 4 <= n) {
      std::uint32_t w;
      std::memcpy(&w, p + i, 4);
      if ((w & 0x80808080u) == 0) {
        const bool nul = ((w - 0x01010101u) & ~w & 0x80808080u) != 0;
        if (nul) return false;
        i += 4;
        continue;
      }
      const std::uint32_t lead = w & 0xFFu;
      if ((w & 0xC0C0F0u) == 0x8080E0u && lead != 0xE0 && lead != 0xED) {
        i += 3;
        continue;
      }
    }
    const unsigned char c = p[i];
    const std::size_t len = sequence_length(s, i);
    if (len == 0 || c == 0) return false;
    i += len;
  }
  return true;
}

#ifdef PLANLINT_UTF8_VECTOR

namespace {

// The lookup algorithm of Keiser and Lemire, "Validating UTF-8 in less than
// one instruction per byte" (Software: Practice and Experience, 2021), on
// sixteen bytes at a time. Every error but a missing continuation shows in
// the first two bytes of a sequence: three tables, indexed by the high and
// low nibble of the byte before and the high nibble of the byte itself,
// each give the set of errors that nibble allows, and an error is one that
// all three allow. A continuation where none is due (or none where one is)
// is found from the two and three bytes before.
constexpr std::uint8_t kTooShort = 1 << 0;     // lead, then no continuation
constexpr std::uint8_t kTooLong = 1 << 1;      // ASCII, then a continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;    // E0, then 80–9F
constexpr std::uint8_t kTooLarge = 1 << 3;     // F4 90 and above
constexpr std::uint8_t kSurrogate = 1 << 4;    // ED, then A0–BF
constexpr std::uint8_t kOverlong2 = 1 << 5;    // C0 or C1
constexpr std::uint8_t kTooLarge1000 = 1 << 6; // F5 80 and above
constexpr std::uint8_t kOverlong4 = 1 << 6;    // F0, then 80–8F
constexpr std::uint8_t kTwoConts = 1 << 7;     // a continuation after a continuation
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

__attribute__((target("ssse3"))) __m128i table(std::uint8_t b0, std::uint8_t b1, std::uint8_t b2, std::uint8_t b3,
                                              std::uint8_t b4, std::uint8_t b5, std::uint8_t b6, std::uint8_t b7,
                                              std::uint8_t b8, std::uint8_t b9, std::uint8_t b10, std::uint8_t b11,
                                              std::uint8_t b12, std::uint8_t b13, std::uint8_t b14, std::uint8_t b15) {
  return _mm_setr_epi8(static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3),
                       static_cast<char>(b4), static_cast<char>(b5), static_cast<char>(b6), static_cast<char>(b7),
                       static_cast<char>(b8), static_cast<char>(b9), static_cast<char>(b10), static_cast<char>(b11),
                       static_cast<char>(b12), static_cast<char>(b13), static_cast<char>(b14), static_cast<char>(b15));
}

struct Checker {
  __m128i error = _mm_setzero_si128();
  __m128i previous = _mm_setzero_si128();    // the sixteen bytes before
  __m128i incomplete = _mm_setzero_si128();  // they end inside a sequence

  __attribute__((target("ssse3"))) static __m128i high_nibbles(__m128i v) {
    return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
  }

  __attribute__((target("ssse3"))) void step(__m128i input) {
    error = _mm_or_si128(error, _mm_cmpeq_epi8(input, _mm_setzero_si128()));  // NUL
    if (_mm_movemask_epi8(input) == 0) {  // all ASCII: only a sequence left open before can be wrong
      error = _mm_or_si128(error, incomplete);
      previous = input;
      return;
    }
    const __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
    const __m128i byte_1_high = _mm_shuffle_epi8(
        table(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0___
              kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10__
              kTooShort | kOverlong2,                                                          // 1100
              kTooShort,                                                                       // 1101
              kTooShort | kOverlong3 | kSurrogate,                                             // 1110
              kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),                             // 1111
        high_nibbles(prev1));
    const __m128i byte_1_low = _mm_shuffle_epi8(
        table(kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
              kCarry | kOverlong2,                            // ____0001
              kCarry, kCarry,                                 // ____001_
              kCarry | kTooLarge,                             // ____0100
              kCarry | kTooLarge | kTooLarge1000,             // ____0101
              kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,  // ____1___
              kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // ____1101
              kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000),
        _mm_and_si128(prev1, _mm_set1_epi8(0x0F)));
    const __m128i byte_2_high = _mm_shuffle_epi8(
        table(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0___
              kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,             // 1000
              kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,                              // 1001
              kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 101_
              kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
              kTooShort, kTooShort, kTooShort, kTooShort),                                             // 11__
        high_nibbles(input));
    const __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
    // A continuation is due where the byte two before is a lead of three or
    // four bytes (E0 and up), or the byte three before one of four (F0 and
    // up): only those bytes keep their top bit after these subtractions.
    const __m128i prev2 = _mm_alignr_epi8(input, previous, 14);
    const __m128i prev3 = _mm_alignr_epi8(input, previous, 13);
    const __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
    const __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
    const __m128i due = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
    error = _mm_or_si128(error, _mm_xor_si128(due, special));
    // Open at the end: a lead of four bytes in the last three, of three in
    // the last two, of two in the last one.
    const __m128i max = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, static_cast<char>(0xF0 - 1),
                                      static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
    incomplete = _mm_subs_epu8(input, max);
    previous = input;
  }
};

}  // namespace

__attribute__((target("ssse3"))) bool valid_text_vector(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  Checker check;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    check.step(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)));
  }
  if (i < n) {
    // The last bytes, padded with spaces: a sequence they leave open meets a
    // space and is too short.
    unsigned char last[16];
    std::memset(last, ' ', sizeof last);
    std::memcpy(last, p + i, n - i);
    check.step(_mm_loadu_si128(reinterpret_cast<const __m128i*>(last)));
  }
  const __m128i error = _mm_or_si128(check.error, check.incomplete);
  return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

bool has_vector() { return __builtin_cpu_supports("ssse3"); }

#else

bool valid_text_vector(std::string_view s) { return valid_text_scalar(s); }
bool has_vector() { return false; }

#endif

bool valid_text(std::string_view s) { return has_vector() ? valid_text_vector(s) : valid_text_scalar(s); }

}  // namespace planlint::utf8
