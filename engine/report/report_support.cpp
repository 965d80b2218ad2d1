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
