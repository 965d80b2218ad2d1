// Plans in GB18030 (GBK) and UTF-16, as government offices still save them:
// decided from the bytes or forced by name, and decoded with glibc's iconv.
// Decoding is strict: a byte the encoding does not have is an error naming
// where it is, never dropped or replaced (no //IGNORE, no //TRANSLIT), so
// that what planlint reads is what the file holds.
#include "encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "planlint/source.hpp"

namespace planlint {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kHint = "; if it is GBK/GB18030 or UTF-16 text, pass --encoding NAME";
constexpr auto kFailed = static_cast<std::size_t>(-1);

/// An iconv conversion descriptor from one encoding to UTF-8, closed when it
/// goes out of scope.
class Converter {
 public:
  explicit Converter(const std::string& from) : cd_(::iconv_open("UTF-8", from.c_str())) {}
  ~Converter() {
    if (valid()) ::iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  bool valid() const { return cd_ != reinterpret_cast<iconv_t>(std::intptr_t{-1}); }
  iconv_t get() const { return cd_; }
  /// Back to the initial shift state, as before the first byte.
  void reset() const { ::iconv(cd_, nullptr, nullptr, nullptr, nullptr); }

 private:
  iconv_t cd_;
};

/// Where a conversion stopped: the offset of the first byte not converted,
/// and whether the text ended inside a character rather than at a sequence
/// the encoding does not have.
struct Stop {
  std::size_t offset = 0;
  bool incomplete = false;
};

/// Converts `in` to UTF-8, appending to `out` through a fixed buffer: the
/// output grows by what each step produced, never by a guess at the whole.
/// On a bad sequence `out` holds everything before it.
std::optional<Stop> convert(const Converter& converter, std::string_view in, std::string& out) {
  std::array<char, 16384> buffer;
  // iconv's input is char** for historical reasons; it does not write to it.
  char* next = const_cast<char*>(in.data());
  std::size_t left = in.size();
  const auto step = [&](bool flush) {
    char* to = buffer.data();
    std::size_t room = buffer.size();
    const std::size_t result = flush ? ::iconv(converter.get(), nullptr, nullptr, &to, &room)
                                     : ::iconv(converter.get(), &next, &left, &to, &room);
    const int cause = errno;
    out.append(buffer.data(), static_cast<std::size_t>(to - buffer.data()));
    return result == kFailed ? cause : 0;
  };
  while (left > 0) {
    const int cause = step(false);
    if (cause == 0 || cause == E2BIG) continue;
    return Stop{in.size() - left, cause == EINVAL};
  }
  // A stateful encoding (ISO-2022-JP) may still owe its return to the initial state.
  for (int cause = step(true); cause == E2BIG;) cause = step(true);
  return std::nullopt;
}

/// Line and column (1-based, code points) just after `decoded`.
Location location_after(std::string_view decoded) {
  const std::size_t last_break = decoded.rfind('\n');
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(decoded.begin(), decoded.end(), '\n'));
  const std::size_t column =
      1 + code_points(last_break == std::string_view::npos ? decoded : decoded.substr(last_break + 1));
  return Location{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

std::string described(Location at) {
  return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

std::string hex_bytes(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += {'0', 'x', kDigits[b >> 4], kDigits[b & 15]};
  }
  return out;
}

/// How many bytes at the start of `rest` make the sequence the converter
/// refused: iconv says where a bad sequence starts, not how long it is, so
/// ever longer prefixes are tried until one is refused rather than found
/// incomplete (0x81 alone is the start of a GB18030 pair; 0x81 0x20 is bad).
std::size_t bad_sequence_length(const Converter& converter, std::string_view rest) {
  const std::size_t longest = std::min<std::size_t>(4, rest.size());
  for (std::size_t n = 1; n < longest; ++n) {
    converter.reset();
    std::string ignored;
    const auto stop = convert(converter, rest.substr(0, n), ignored);
    if (!stop || !stop->incomplete) return n;
  }
  return longest;
}

/// UTF-8 text, with or without a BOM, has nothing to convert: it passes the
/// check every file passes, with its messages.
std::optional<DecodedText> as_utf8(std::string_view bytes, DecodeError& error) {
  const bool bom = bytes.starts_with(kUtf8Bom);
  if (auto bad = check_utf8_text(bytes)) {
    error = DecodeError{bad->message, bad->where};
    return std::nullopt;
  }
  if (bom) bytes.remove_prefix(kUtf8Bom.size());
  return DecodedText{std::string(bytes), bom ? "UTF-8 with BOM" : "UTF-8"};
}

/// `bytes` decoded from `from`, or the first bad sequence in `error`. The
/// message calls the text `shown` ("not GBK text: …"). A character U+0000 is
/// refused as a NUL byte is in UTF-8: such a file is not text.
std::optional<DecodedText> with_iconv(std::string_view bytes, const std::string& from, std::string shown,
                                      DecodeError& error) {
  const Converter converter(from);
  if (!converter.valid()) {
    const int cause = errno;
    error = cause == EINVAL ? DecodeError{"unknown encoding " + from + " (iconv --list shows the names)"}
                            : DecodeError{"cannot decode " + from + ": " + std::strerror(cause)};
    return std::nullopt;
  }
  std::string out;
  // Most plans are CJK: three UTF-8 bytes for two GB18030 or UTF-16 bytes.
  out.reserve(bytes.size() + bytes.size() / 2);
  if (const auto stop = convert(converter, bytes, out)) {
    const std::string_view rest = bytes.substr(stop->offset);
    const Location at = location_after(out);
    std::ostringstream message;
    message << "not " << shown << " text: ";
    if (stop->incomplete) {
      message << "incomplete sequence " << hex_bytes(rest.substr(0, 4)) << " at " << described(at)
              << " (the text ends inside a character)";
    } else {
      message << "invalid byte " << hex_bytes(rest.substr(0, bad_sequence_length(converter, rest))) << " at "
              << described(at);
    }
    error = DecodeError{message.str(), at};
    return std::nullopt;
  }
  if (const std::size_t nul = out.find('\0'); nul != std::string::npos) {
    const Location at = location_after(std::string_view(out).substr(0, nul));
    error = DecodeError{"not text: NUL character at " + described(at), at};
    return std::nullopt;
  }
  // A BOM the forced encoding did not take for one (UTF-16LE names no BOM).
  if (std::string_view(out).starts_with(kUtf8Bom)) out.erase(0, kUtf8Bom.size());
  return DecodedText{std::move(out), std::move(shown)};
}

/// The name as iconv takes it, upper-cased; nothing when it holds more than
/// an encoding name may (a "//IGNORE" suffix would make iconv skip bytes).
std::optional<std::string> encoding_name(std::string_view forced) {
  if (forced.empty() || forced.size() > 64) return std::nullopt;
  std::string name;
  for (const char c : forced) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                         c == '-' || c == '_' || c == '.' || c == ':';
    if (!allowed) return std::nullopt;
    name += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return name;
}

std::optional<DecodedText> decode_forced(std::string_view bytes, std::string_view forced, DecodeError& error) {
  const auto name = encoding_name(forced);
  if (!name) {
    error = DecodeError{"unknown encoding (a name has only letters, digits and - _ . :)"};
    return std::nullopt;
  }
  // UTF-8 needs no conversion, and keeps the messages of every other file.
  if (*name == "UTF-8" || *name == "UTF8") return as_utf8(bytes, error);
  return with_iconv(bytes, *name, *name, error);
}

}  // namespace

std::optional<DecodedText> decode_text(std::string_view bytes, std::optional<std::string_view> forced,
                                       DecodeError& error) {
  if (forced) return decode_forced(bytes, *forced, error);
  // A UTF-16 BOM cannot begin UTF-8 text (0xFE and 0xFF never occur in it).
  if (bytes.starts_with(kUtf16LeBom)) return with_iconv(bytes.substr(2), "UTF-16LE", "UTF-16LE", error);
  if (bytes.starts_with(kUtf16BeBom)) return with_iconv(bytes.substr(2), "UTF-16BE", "UTF-16BE", error);
  // A UTF-8 BOM says what the text is: no other encoding is tried.
  if (bytes.starts_with(kUtf8Bom)) return as_utf8(bytes, error);
  const auto bad = check_utf8_text(bytes);
  if (!bad) return DecodedText{std::string(bytes), "UTF-8"};
  // A NUL byte makes a binary file, not text in another encoding: it keeps
  // its message, and is not tried as GB18030 (where NUL is a character).
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    error = DecodeError{bad->message, bad->where};
    return std::nullopt;
  }
  DecodeError gb_error;
  if (auto gb = with_iconv(bytes, "GB18030", "GB18030", gb_error)) return gb;
  // Neither: the UTF-8 message, since UTF-8 is what planlint expects.
  error = DecodeError{bad->message + std::string(kHint), bad->where};
  return std::nullopt;
}

}  // namespace planlint
