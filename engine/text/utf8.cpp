#include "utf8.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

// The vector checks need GCC's target pragmas; elsewhere the word-at-a-time
// check serves alone.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
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

/// Sixteen entries, one for each value of a nibble.
struct Table {
  std::uint8_t bytes[16];
};

}  // namespace

// The check of utf8_lookup.inl, compiled once for SSSE3 (sixteen bytes a
// step) and once for AVX2 (thirty-two): each namespace gives it the
// operations on its registers.

#pragma GCC push_options
#pragma GCC target("ssse3")
namespace ssse3 {
namespace {

using Reg = __m128i;
constexpr std::size_t kWidth = 16;

Reg zero() { return _mm_setzero_si128(); }
Reg splat(std::uint8_t b) { return _mm_set1_epi8(static_cast<char>(b)); }
Reg load(const std::uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
Reg subs(Reg a, Reg b) { return _mm_subs_epu8(a, b); }
Reg equal(Reg a, Reg b) { return _mm_cmpeq_epi8(a, b); }
Reg high_nibbles(Reg v) { return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F)); }
Reg lookup(const Table& t, Reg v) { return _mm_shuffle_epi8(load(t.bytes), v); }
template <int N>
Reg before(Reg input, Reg previous) {
  return _mm_alignr_epi8(input, previous, 16 - N);
}
bool all_ascii(Reg v) { return _mm_movemask_epi8(v) == 0; }
bool none(Reg v) { return _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) == 0xFFFF; }

#include "utf8_lookup.inl"

}  // namespace
}  // namespace ssse3
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2")
namespace avx2 {
namespace {

using Reg = __m256i;
constexpr std::size_t kWidth = 32;

Reg zero() { return _mm256_setzero_si256(); }
Reg splat(std::uint8_t b) { return _mm256_set1_epi8(static_cast<char>(b)); }
Reg load(const std::uint8_t* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
Reg subs(Reg a, Reg b) { return _mm256_subs_epu8(a, b); }
Reg equal(Reg a, Reg b) { return _mm256_cmpeq_epi8(a, b); }
Reg high_nibbles(Reg v) { return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F)); }
// The shuffle looks up within each half, so both halves hold the table.
Reg lookup(const Table& t, Reg v) {
  return _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.bytes))), v);
}
// alignr shifts within each half: the half before each half comes first
// (the upper half of `previous` and the lower half of `input`).
template <int N>
Reg before(Reg input, Reg previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}
bool all_ascii(Reg v) { return _mm256_movemask_epi8(v) == 0; }
bool none(Reg v) { return _mm256_testz_si256(v, v) != 0; }

#include "utf8_lookup.inl"

}  // namespace
}  // namespace avx2
#pragma GCC pop_options

bool valid_text_ssse3(std::string_view s) {
  return ssse3::valid(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}
bool valid_text_avx2(std::string_view s) {
  return avx2::valid(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}
bool has_ssse3() { return __builtin_cpu_supports("ssse3"); }
bool has_avx2() { return __builtin_cpu_supports("avx2"); }

#else

bool valid_text_ssse3(std::string_view s) { return valid_text_scalar(s); }
bool valid_text_avx2(std::string_view s) { return valid_text_scalar(s); }
bool has_ssse3() { return false; }
bool has_avx2() { return false; }

#endif

bool valid_text(std::string_view s) {
  if (has_avx2()) return valid_text_avx2(s);
  return has_ssse3() ? valid_text_ssse3(s) : valid_text_scalar(s);
}

}  // namespace planlint::utf8
