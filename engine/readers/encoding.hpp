// Plans that are not UTF-8: deciding what a text's encoding is, and decoding
// it to UTF-8 strictly (glibc's iconv, never skipping or replacing a byte).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>

#include "planlint/source.hpp"

namespace planlint {

/// A text decoded to UTF-8.
struct DecodedText {
  std::string utf8;      // never starts with a BOM: the BOM, if any, is in `encoding`
  std::string encoding;  // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "GB18030",
                         // or a forced name as given, upper-cased ("GBK")
};

/// Why a text could not be decoded.
struct DecodeError {
  DecodeError() = default;
  explicit DecodeError(std::string why, Location at = {}) : message(std::move(why)), where(at) {}
  std::string message;  // one line, no path: names line, column and byte
  Location where;       // of the bad byte (line 0: the text as a whole, e.g. an unknown encoding)
};

/// Decides a text's encoding and decodes it. Without `forced`: UTF-8 (with
/// or without a BOM) as it is; UTF-16LE or UTF-16BE when the text starts
/// with their BOM; otherwise a text that is not valid UTF-8 but is valid
/// GB18030 (and has no NUL byte) is read as GB18030. `forced` (--encoding
/// NAME) decodes with that encoding alone: any name iconv knows,
/// case-insensitive. A sequence the encoding does not have, a text that ends
/// inside a character, an unknown name or a NUL character fail with `error`:
/// line and column (code points, 1-based) are counted in the decoded text up
/// to the bad byte.
std::optional<DecodedText> decode_text(std::string_view bytes, std::optional<std::string_view> forced,
                                       DecodeError& error);

}  // namespace planlint
