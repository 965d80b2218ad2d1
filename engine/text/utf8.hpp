// Validating UTF-8 text: the check every file passes before it is parsed.
#pragma once

#include <cstddef>
#include <string_view>

namespace planlint::utf8 {

/// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid
/// (cut short, overlong, a surrogate, above U+10FFFF).
std::size_t sequence_length(std::string_view s, std::size_t i);

/// True when every byte is part of a valid UTF-8 sequence and none is NUL,
/// with the fastest way this processor has.
bool valid_text(std::string_view s);

/// The same, a word at a time: for any processor.
bool valid_text_scalar(std::string_view s);

/// The same with vector instructions (utf8_lookup.inl): sixteen bytes a step
/// with SSSE3, thirty-two with AVX2; each only where this processor has it.
bool valid_text_ssse3(std::string_view s);
bool valid_text_avx2(std::string_view s);
bool has_ssse3();
bool has_avx2();

}  // namespace planlint::utf8
