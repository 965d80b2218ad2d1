#include "report_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <vector>

#include "text_util.hpp"

namespace planlint::report {

// ------------------------------------------------------------------ XML

std::string StringPrinter::take_part() {
  if (!text_.empty() && text_.back() == '\n') text_.pop_back();
  return std::move(text_);
}

void StringPrinter::Print(const char* format, ...) {
  va_list args;
  va_start(args, format);
  char small[256];
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(small, sizeof small, format, copy);
  va_end(copy);
  if (n >= 0 && static_cast<std::size_t>(n) < sizeof small) {
    text_.append(small, static_cast<std::size_t>(n));
  } else if (n >= 0) {
    std::vector<char> big(static_cast<std::size_t>(n) + 1);
    std::vsnprintf(big.data(), big.size(), format, args);
    text_.append(big.data(), static_cast<std::size_t>(n));
  }
  va_end(args);
}

void push_number(tinyxml2::XMLPrinter& p, const char* name, std::size_t value) {
  std::array<char, 24> digits{};  // zero-filled: the text ends with a NUL
  std::to_chars(digits.data(), digits.data() + digits.size() - 1, value);
  p.PushAttribute(name, digits.data());
}

const char* xml_c_str(const std::string& value, std::string& buffer) {
  return text::xml_safe(value, buffer).data() == value.data() ? value.c_str() : buffer.c_str();
}

// ----------------------------------------------------------------- JSON

std::string dump_json(const nlohmann::ordered_json& value, int indent, std::size_t base) {
  std::string text = value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (base == 0) return text;
  // The dump holds no raw line break but those between its lines (a line
  // break in a string is written \n), so each one starts a line to shift.
  const std::string pad(base, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 16 + base);
  out += pad;
  for (const char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

std::string json_path(std::string_view path, bool& encoded) { return text::xml_path(path, encoded); }

// -------------------------------------------------------------- paths

std::string relative_path(std::string_view path, std::string_view base) {
  if (path.empty() || path.front() != '/') return std::string(path);
  while (base.size() > 1 && base.back() == '/') base.remove_suffix(1);
  if (base.empty()) return {};
  if (base == "/") return std::string(path.substr(1));
  if (path.size() > base.size() + 1 && path.starts_with(base) && path[base.size()] == '/') {
    return std::string(path.substr(base.size() + 1));
  }
  return {};
}

namespace {

void percent_encode(std::string& out, std::string_view s) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

}  // namespace

std::string uri_of_relative(std::string_view relative) {
  std::string out;
  out.reserve(relative.size() + 16);
  percent_encode(out, relative);
  return out;
}

std::string file_uri(std::string_view absolute) {
  std::string out = "file://";
  percent_encode(out, absolute);
  return out;
}

// -------------------------------------------------------- fingerprints

namespace {

// SHA-256 (FIPS 180-4), written out here: the fingerprints need a hash that
// anyone can recompute (sha256sum), and planlint links no crypto library.
constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void sha256_block(std::array<std::uint32_t, 8>& h, const unsigned char* block) {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i) {
    w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16) |
           (std::uint32_t{block[4 * i + 2]} << 8) | std::uint32_t{block[4 * i + 3]};
  }
  for (std::size_t i = 16; i < 64; ++i) {
    const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (std::size_t i = 0; i < 64; ++i) {
    const std::uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t whole = bytes.size() / 64 * 64;
  for (std::size_t at = 0; at < whole; at += 64) sha256_block(h, data + at);
  // The tail, a 1 bit, zeros, and the length in bits: one or two blocks.
  std::array<unsigned char, 128> tail{};
  const std::size_t rest = bytes.size() - whole;
  std::copy(data + whole, data + bytes.size(), tail.begin());
  tail[rest] = 0x80;
  const std::size_t blocks = rest < 56 ? 1 : 2;
  const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
  for (std::size_t i = 0; i < 8; ++i) tail[blocks * 64 - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (std::size_t b = 0; b < blocks; ++b) sha256_block(h, tail.data() + 64 * b);
  constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const std::uint32_t word : h) {
    for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(word >> shift) & 15];
  }
  return out;
}

std::string normalised(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  bool space = false;
  for (std::size_t i = 0; i < message.size();) {
    const char c = message[i];
    std::size_t blank = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      blank = 1;
    } else if (message.substr(i, 3) == "\xE3\x80\x80") {  // U+3000, the full-width space
      blank = 3;
    }
    if (blank) {
      space = !out.empty();
      i += blank;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    ++i;
  }
  return out;
}

std::size_t Occurrences::next(const std::string& key) {
  const auto [at, added] = seen_.try_emplace(key, 1);
  if (!added) ++at->second;
  return at->second;
}

std::string subject_key(const Diagnostic& d, std::size_t rank) {
  std::string key = d.rule;
  key += '\n';
  key += normalised(d.message);
  if (rank > 1) {
    key += '\n';
    key += std::to_string(rank);
  }
  return key;
}

// -------------------------------------------------------------- misc

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::ptrdiff_t rule_index(const ReportContext& context, std::string_view id) {
  const auto at = std::find_if(context.rules.begin(), context.rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return at == context.rules.end() ? -1 : at - context.rules.begin();
}

}  // namespace planlint::report
