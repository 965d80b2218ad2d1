// Word (.docx) files into plain text (docx_reader.hpp, docs/docx.md).
//
// The package is opened from memory with libzip; word/document.xml,
// word/numbering.xml and word/styles.xml are parsed with tinyxml2. Nothing
// else is read: headers, footers, footnotes, endnotes and comments live in
// other parts and so are left out by not being opened.
#include "docx_reader.hpp"

#include <dlfcn.h>
#include <tinyxml2.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <set>
#include <utility>

namespace planlint {

namespace {

using tinyxml2::XMLElement;

constexpr std::string_view kDocumentPart = "word/document.xml";
constexpr std::string_view kNumberingPart = "word/numbering.xml";
constexpr std::string_view kStylesPart = "word/styles.xml";

/// Element nesting followed at most. tinyxml2 already refuses documents
/// nested deeper than 100 elements; this keeps the walks bounded whatever
/// the parser's limit becomes.
constexpr int kMaxDepth = 128;
/// Hops along style, numStyleLink and basedOn chains: they may form loops.
constexpr int kMaxHops = 32;
/// Levels of a list, as in Word.
constexpr int kLevels = 9;
/// A lvlText longer than this is not a real one; it is cut, so that a
/// hostile numbering part cannot multiply the text of every paragraph.
constexpr std::size_t kMaxLevelText = 64;
/// Complex fields open at once; deeper ones are counted but not told apart.
constexpr std::size_t kMaxFieldDepth = 64;

// ---------------------------------------------------------------- Package

/// libzip's functions, found when a zip is first opened rather than linked:
/// with libzip come libcrypto and its relocations, which would cost every run
/// about 1.7 ms at start (docs/performance.md), Word documents or not. The
/// library stays loaded once opened (RTLD_NODELETE), so a later dlopen only
/// finds it again.
struct ZipApi {
  decltype(&zip_compression_method_supported) compression_method_supported;
  decltype(&zip_discard) discard;
  decltype(&zip_error_fini) error_fini;
  decltype(&zip_error_init) error_init;
  decltype(&zip_error_strerror) error_strerror;
  decltype(&zip_fclose) fclose;
  decltype(&zip_file_strerror) file_strerror;
  decltype(&zip_fopen_index) fopen_index;
  decltype(&zip_fread) fread;
  decltype(&zip_name_locate) name_locate;
  decltype(&zip_open_from_source) open_from_source;
  decltype(&zip_source_buffer_create) source_buffer_create;
  decltype(&zip_source_free) source_free;
  decltype(&zip_stat_index) stat_index;
  decltype(&zip_stat_init) stat_init;
  decltype(&zip_strerror) strerror;
};

template <typename F>
bool find_symbol(void* library, const char* name, F& out) {
  void* symbol = ::dlsym(library, name);
  if (!symbol) return false;
  out = reinterpret_cast<F>(symbol);
  return true;
}

std::optional<ZipApi> load_libzip(std::string& why) {
  void* library = ::dlopen(PLANLINT_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!library) {
    const char* reason = ::dlerror();
    why = std::string("cannot load " PLANLINT_LIBZIP_SONAME " (install libzip4): ") + (reason ? reason : "");
    return std::nullopt;
  }
  ZipApi api{};
  const bool found = find_symbol(library, "zip_compression_method_supported", api.compression_method_supported) &&
                     find_symbol(library, "zip_discard", api.discard) &&
                     find_symbol(library, "zip_error_fini", api.error_fini) &&
                     find_symbol(library, "zip_error_init", api.error_init) &&
                     find_symbol(library, "zip_error_strerror", api.error_strerror) &&
                     find_symbol(library, "zip_fclose", api.fclose) &&
                     find_symbol(library, "zip_file_strerror", api.file_strerror) &&
                     find_symbol(library, "zip_fopen_index", api.fopen_index) &&
                     find_symbol(library, "zip_fread", api.fread) &&
                     find_symbol(library, "zip_name_locate", api.name_locate) &&
                     find_symbol(library, "zip_open_from_source", api.open_from_source) &&
                     find_symbol(library, "zip_source_buffer_create", api.source_buffer_create) &&
                     find_symbol(library, "zip_source_free", api.source_free) &&
                     find_symbol(library, "zip_stat_index", api.stat_index) &&
                     find_symbol(library, "zip_stat_init", api.stat_init) &&
                     find_symbol(library, "zip_strerror", api.strerror);
  if (!found) {
    why = "cannot load " PLANLINT_LIBZIP_SONAME ": a function is missing";
    return std::nullopt;
  }
  return api;
}

/// An open archive, closed through the library it came from.
struct ZipDiscard {
  decltype(&zip_discard) discard;
  void operator()(zip_t* zip) const { discard(zip); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipFileClose {
  decltype(&zip_fclose) fclose;
  void operator()(zip_file_t* file) const { fclose(file); }
};

/// A zip archive over bytes held by the caller, or null with `why` set.
ZipHandle open_zip(const ZipApi& z, std::string_view bytes, std::string& why) {
  zip_error_t error;
  z.error_init(&error);
  zip_source_t* source = z.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    why = z.error_strerror(&error);
    z.error_fini(&error);
    return ZipHandle(nullptr, ZipDiscard{z.discard});
  }
  zip_t* zip = z.open_from_source(source, ZIP_RDONLY, &error);
  if (!zip) {
    why = z.error_strerror(&error);
    z.source_free(source);  // not taken by the archive when opening fails
    z.error_fini(&error);
    return ZipHandle(nullptr, ZipDiscard{z.discard});
  }
  z.error_fini(&error);
  return ZipHandle(zip, ZipDiscard{z.discard});
}

/// "256 MiB", or "1000 bytes" for a bound that is no whole number of MiB.
std::string size_words(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

enum class PartStatus { read, absent, failed };

/// Reads the entry `name` into `out`, spending `budget` (uncompressed bytes
/// left). The declared size is checked first and the entry read in chunks,
/// so that an entry that lies about its size is stopped at the bound too.
PartStatus read_part(const ZipApi& z, zip_t* zip, std::string_view name, std::size_t& budget, std::string& out,
                     DocxError& error) {
  const std::string entry(name);
  const zip_int64_t index = z.name_locate(zip, entry.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return PartStatus::absent;
  auto fail = [&](std::string_view why) {
    error.message = entry + ": " + std::string(why);
    return PartStatus::failed;
  };
  zip_stat_t st;
  z.stat_init(&st);
  if (z.stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) return fail(z.strerror(zip));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return fail("encrypted (the document is password-protected)");
  }
  if ((st.valid & ZIP_STAT_COMP_METHOD) && !z.compression_method_supported(st.comp_method, 0)) {
    return fail("unsupported compression method " + std::to_string(st.comp_method));
  }
  const std::string over = "larger than the limit of " + size_words(budget) + " uncompressed";
  if ((st.valid & ZIP_STAT_SIZE) && st.size > budget) return fail(over);
  std::unique_ptr<zip_file_t, ZipFileClose> file(z.fopen_index(zip, static_cast<zip_uint64_t>(index), 0),
                                                 ZipFileClose{z.fclose});
  if (!file) return fail(z.strerror(zip));
  out.clear();
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
  constexpr std::size_t kChunk = 64 * 1024;
  char chunk[kChunk];
  for (;;) {
    const zip_int64_t n = z.fread(file.get(), chunk, kChunk);
    if (n < 0) return fail(z.file_strerror(file.get()));
    if (n == 0) break;
    if (static_cast<std::size_t>(n) > budget - out.size()) return fail(over);
    out.append(chunk, static_cast<std::size_t>(n));
  }
  budget -= out.size();
  return PartStatus::read;
}

// ---------------------------------------------------------------- XML

/// tinyxml2 (before 10) drops a text node that is only whitespace, which
/// would lose `<w:t xml:space="preserve"> </w:t>`, the run Word writes for a
/// lone space between differently formatted runs. Writing the first blank of
/// such a text as a character reference keeps it.
std::string keep_blank_texts(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + xml.size() / 64);
  std::size_t copied = 0;
  for (std::size_t close = xml.find("</"); close != std::string_view::npos; close = xml.find("</", close + 2)) {
    std::size_t start = close;
    while (start > copied && (xml[start - 1] == ' ' || xml[start - 1] == '\t' || xml[start - 1] == '\n' ||
                              xml[start - 1] == '\r')) {
      --start;
    }
    if (start == close || start == 0 || xml[start - 1] != '>') continue;
    // Only the text elements: w:t, and anything else ending in ":t>".
    const std::string_view tag = xml.substr(close + 2, xml.find('>', close) - close - 2);
    if (tag != "t" && !(tag.size() > 2 && tag.substr(tag.size() - 2) == ":t")) continue;
    out.append(xml.substr(copied, start - copied));
    out += "&#" + std::to_string(static_cast<int>(xml[start])) + ';';
    copied = start + 1;
  }
  out.append(xml.substr(copied));
  return out;
}

/// "mismatched element" for XML_ERROR_MISMATCHED_ELEMENT.
std::string xml_error_words(const tinyxml2::XMLDocument& doc) {
  std::string name = doc.ErrorName() ? doc.ErrorName() : "error";
  if (name.rfind("XML_ERROR_", 0) == 0) name.erase(0, 10);
  if (name.rfind("XML_", 0) == 0) name.erase(0, 4);
  for (char& c : name) c = c == '_' ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return name;
}

bool parse_xml(std::string_view part, std::string_view xml, tinyxml2::XMLDocument& doc, DocxError& error) {
  const std::string text = keep_blank_texts(xml);
  if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS || !doc.RootElement()) {
    const int line = doc.Error() ? doc.ErrorLineNum() : 1;
    error.message = std::string(part) + ": XML error at line " + std::to_string(line) + ": " +
                    (doc.Error() ? xml_error_words(doc) : std::string("no root element"));
    return false;
  }
  return true;
}

/// The prefix a part gives the WordprocessingML namespace (nearly always
/// "w"), so that elements are matched by namespace and not by the accident
/// of a prefix; read from the root element, where Word declares it.
struct Names {
  std::string prefix = "w";

  explicit Names(const XMLElement* root) {
    for (const auto* a = root->FirstAttribute(); a; a = a->Next()) {
      const std::string_view value = a->Value();
      if (value != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" &&
          value != "http://purl.oclc.org/ooxml/wordprocessingml/main") {
        continue;
      }
      const std::string_view name = a->Name();
      if (name == "xmlns") prefix.clear();
      else if (name.rfind("xmlns:", 0) == 0) prefix = std::string(name.substr(6));
    }
  }

  /// The local name of `e` when it is in the namespace, else empty.
  std::string_view local(const XMLElement* e) const { return strip(e->Name()); }

  /// The value of the attribute `name` (local name) of `e`, or null.
  const char* attribute(const XMLElement* e, std::string_view name) const {
    for (const auto* a = e->FirstAttribute(); a; a = a->Next()) {
      if (strip(a->Name()) == name) return a->Value();
    }
    return nullptr;
  }

  /// The first child of `e` with local name `name`, or null.
  const XMLElement* child(const XMLElement* e, std::string_view name) const {
    for (const auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (local(c) == name) return c;
    }
    return nullptr;
  }

  /// w:val of the child `name` of `e`, or null (also when e is null).
  const char* child_value(const XMLElement* e, std::string_view name) const {
    const XMLElement* c = e ? child(e, name) : nullptr;
    return c ? attribute(c, "val") : nullptr;
  }

 private:
  std::string_view strip(std::string_view name) const {
    if (prefix.empty()) return name.find(':') == std::string_view::npos ? name : std::string_view();
    if (name.size() <= prefix.size() || name[prefix.size()] != ':' || name.substr(0, prefix.size()) != prefix) {
      return {};
    }
    return name.substr(prefix.size() + 1);
  }
};

std::optional<std::int64_t> to_integer(const char* s) {
  if (!s) return std::nullopt;
  const std::string_view v(s);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end == v.data()) return std::nullopt;
  // Word's numbers are small; clamping keeps every later sum in range.
  return std::clamp<std::int64_t>(n, -1'000'000'000, 1'000'000'000);
}

/// On/off properties (w:isLgl): present and not "0", "false" or "off".
bool is_on(const Names& w, const XMLElement* e) {
  if (!e) return false;
  const char* v = w.attribute(e, "val");
  if (!v) return true;
  const std::string_view s(v);
  return s != "0" && s != "false" && s != "off";
}

// ---------------------------------------------------------------- Numbers

void append_code_point(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr std::array<std::string_view, 10> kChineseDigits{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/// 〇一二…, digit by digit: 10 → 一〇.
std::string ideograph_digits(std::int64_t n) {
  if (n < 0) return std::to_string(n);
  std::string out;
  for (const char c : std::to_string(n)) out += kChineseDigits[static_cast<std::size_t>(c - '0')];
  return out;
}

/// 一 … 十 十一 … 九十九 ; from 100 on Word writes the digits (一〇〇).
std::string chinese_counting(std::int64_t n) {
  if (n >= 100 || n <= 0) return ideograph_digits(n);
  std::string out;
  if (n >= 20) out += kChineseDigits[static_cast<std::size_t>(n / 10)];
  if (n >= 10) out += "十";
  if (n % 10 != 0 || n < 10) out += kChineseDigits[static_cast<std::size_t>(n % 10)];
  return out;
}

/// 一 … 十 十一 … 一百 一百零一 … 九千九百九十九; beyond, digit by digit.
std::string chinese_counting_thousand(std::int64_t n) {
  if (n >= 10000 || n <= 0) return ideograph_digits(n);
  constexpr std::array<std::string_view, 4> kUnits{"千", "百", "十", ""};
  const std::array<std::int64_t, 4> digits{n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
  std::string out;
  bool zero = false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (digits[i] == 0) {
      zero = !out.empty();
      continue;
    }
    if (zero) out += "零";
    zero = false;
    if (!(i == 2 && digits[i] == 1 && out.empty())) out += kChineseDigits[static_cast<std::size_t>(digits[i])];
    out += kUnits[i];
  }
  return out;
}

std::string roman(std::int64_t n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  constexpr std::array<std::pair<int, std::string_view>, 13> kRoman{{{1000, "M"}, {900, "CM"}, {500, "D"},
                                                                     {400, "CD"}, {100, "C"}, {90, "XC"},
                                                                     {50, "L"}, {40, "XL"}, {10, "X"},
                                                                     {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}};
  std::string out;
  for (const auto& [value, letters] : kRoman) {
    for (; n >= value; n -= value) out += letters;
  }
  if (!upper) {
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// A … Z, then AA, BB … (Word repeats the letter rather than counting in
/// base 26); past 30 repetitions, decimal.
std::string letters(std::int64_t n, bool upper) {
  if (n <= 0 || n > 26 * 30) return std::to_string(n);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), letter);
}

}  // namespace

std::string format_list_number(std::int64_t n, std::string_view fmt) {
  if (fmt == "none") return {};
  if (fmt == "chineseCounting") return chinese_counting(n);
  if (fmt == "chineseCountingThousand" || fmt == "chineseLegalSimplified" || fmt == "taiwaneseCountingThousand") {
    return chinese_counting_thousand(n);
  }
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital") return ideograph_digits(n);
  if (fmt == "ideographTraditional" && n >= 1 && n <= 10) {
    constexpr std::array<std::string_view, 10> kStems{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return std::string(kStems[static_cast<std::size_t>(n - 1)]);
  }
  if (fmt == "ideographZodiac" && n >= 1 && n <= 12) {
    constexpr std::array<std::string_view, 12> kBranches{"子", "丑", "寅", "卯", "辰", "巳",
                                                         "午", "未", "申", "酉", "戌", "亥"};
    return std::string(kBranches[static_cast<std::size_t>(n - 1)]);
  }
  if ((fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") && n >= 1 && n <= 20) {
    std::string out;
    append_code_point(out, static_cast<std::uint32_t>(0x2460 + n - 1));
    return out;
  }
  if ((fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") && n >= 0) {
    std::string out;
    for (const char c : std::to_string(n)) append_code_point(out, static_cast<std::uint32_t>(0xFF10 + (c - '0')));
    return out;
  }
  if (fmt == "upperLetter" || fmt == "lowerLetter") return letters(n, fmt == "upperLetter");
  if (fmt == "upperRoman" || fmt == "lowerRoman") return roman(n, fmt == "upperRoman");
  if (fmt == "decimalZero" && n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

namespace {

// ---------------------------------------------------------------- Numbering definitions

enum class Suffix { tab, space, nothing };

struct Level {
  std::int64_t start = 1;
  std::string format = "decimal";
  std::string text;       // w:lvlText
  int restart = -1;       // w:lvlRestart; -1: after any outer level
  bool legal = false;     // w:isLgl: every number in decimal
  Suffix suffix = Suffix::tab;
  std::string style;      // w:pStyle: the paragraph style linked to this level
};

struct AbstractNum {
  std::array<Level, kLevels> levels;
  std::string num_style_link;  // the levels are those of this numbering style's list
};

struct Num {
  std::int64_t abstract = -1;
  std::array<std::optional<std::int64_t>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
};

struct Style {
  std::string based_on;
  std::optional<std::int64_t> num_id;
  std::optional<std::int64_t> ilvl;
};

struct Numbering {
  std::map<std::int64_t, AbstractNum> abstracts;
  std::map<std::int64_t, Num> nums;
  std::map<std::string, Style, std::less<>> styles;
  std::string default_style;  // the paragraph style of paragraphs that name none
};

/// A level index as Word bounds it.
int level_index(std::optional<std::int64_t> v) {
  return static_cast<int>(std::clamp<std::int64_t>(v.value_or(0), 0, kLevels - 1));
}

Level read_level(const Names& w, const XMLElement* lvl, Level level) {
  if (const auto v = to_integer(w.child_value(lvl, "start"))) level.start = *v;
  if (const char* v = w.child_value(lvl, "numFmt")) level.format = v;
  if (const char* v = w.child_value(lvl, "lvlText")) level.text = std::string(v).substr(0, kMaxLevelText);
  if (const auto v = to_integer(w.child_value(lvl, "lvlRestart"))) level.restart = static_cast<int>(std::clamp<std::int64_t>(*v, 0, kLevels));
  if (const XMLElement* e = w.child(lvl, "isLgl")) level.legal = is_on(w, e);
  if (const char* v = w.child_value(lvl, "suff")) {
    const std::string_view s(v);
    level.suffix = s == "space" ? Suffix::space : s == "nothing" ? Suffix::nothing : Suffix::tab;
  }
  if (const char* v = w.child_value(lvl, "pStyle")) level.style = v;
  return level;
}

void read_numbering_part(const tinyxml2::XMLDocument& doc, Numbering& numbering) {
  const XMLElement* root = doc.RootElement();
  const Names w(root);
  for (const auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view name = w.local(e);
    if (name == "abstractNum") {
      const auto id = to_integer(w.attribute(e, "abstractNumId"));
      if (!id) continue;
      AbstractNum abstract;
      if (const char* v = w.child_value(e, "numStyleLink")) abstract.num_style_link = v;
      for (const auto* lvl = e->FirstChildElement(); lvl; lvl = lvl->NextSiblingElement()) {
        if (w.local(lvl) != "lvl") continue;
        const int i = level_index(to_integer(w.attribute(lvl, "ilvl")));
        abstract.levels[static_cast<std::size_t>(i)] = read_level(w, lvl, Level{});
      }
      numbering.abstracts.insert_or_assign(*id, std::move(abstract));
    } else if (name == "num") {
      const auto id = to_integer(w.attribute(e, "numId"));
      if (!id) continue;
      Num num;
      num.abstract = to_integer(w.child_value(e, "abstractNumId")).value_or(-1);
      for (const auto* o = e->FirstChildElement(); o; o = o->NextSiblingElement()) {
        if (w.local(o) != "lvlOverride") continue;
        const auto i = static_cast<std::size_t>(level_index(to_integer(w.attribute(o, "ilvl"))));
        if (const auto v = to_integer(w.child_value(o, "startOverride"))) num.start_override[i] = *v;
        // An overriding w:lvl is complete in itself; what it leaves out takes
        // the defaults, as in Word, not the abstract level's values.
        if (const XMLElement* lvl = w.child(o, "lvl")) num.level_override[i] = read_level(w, lvl, Level{});
      }
      numbering.nums.insert_or_assign(*id, std::move(num));
    }
  }
}

void read_styles_part(const tinyxml2::XMLDocument& doc, Numbering& numbering) {
  const XMLElement* root = doc.RootElement();
  const Names w(root);
  for (const auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
    if (w.local(e) != "style") continue;
    const char* id = w.attribute(e, "styleId");
    if (!id) continue;
    const char* type = w.attribute(e, "type");
    Style style;
    if (const char* v = w.child_value(e, "basedOn")) style.based_on = v;
    const XMLElement* ppr = w.child(e, "pPr");
    const XMLElement* num_pr = ppr ? w.child(ppr, "numPr") : nullptr;
    style.num_id = to_integer(w.child_value(num_pr, "numId"));
    style.ilvl = to_integer(w.child_value(num_pr, "ilvl"));
    const char* is_default = w.attribute(e, "default");
    if (type && std::string_view(type) == "paragraph" && is_default &&
        (std::string_view(is_default) == "1" || std::string_view(is_default) == "true")) {
      numbering.default_style = id;
    }
    numbering.styles.insert_or_assign(id, std::move(style));
  }
}

/// The list a numbered paragraph belongs to, resolved.
struct ListRef {
  std::int64_t num_id = 0;
  std::int64_t abstract_id = 0;
  int level = 0;
};

/// Follows numStyleLink: the abstractNum that only names a numbering style
/// stands for the list of that style's num.
std::optional<std::int64_t> resolve_abstract(const Numbering& numbering, std::int64_t abstract_id) {
  for (int hop = 0; hop < kMaxHops; ++hop) {
    const auto a = numbering.abstracts.find(abstract_id);
    if (a == numbering.abstracts.end()) return std::nullopt;
    if (a->second.num_style_link.empty()) return abstract_id;
    const auto s = numbering.styles.find(a->second.num_style_link);
    if (s == numbering.styles.end() || !s->second.num_id) return abstract_id;
    const auto n = numbering.nums.find(*s->second.num_id);
    if (n == numbering.nums.end() || n->second.abstract == abstract_id) return abstract_id;
    abstract_id = n->second.abstract;
  }
  return std::nullopt;
}

/// The numbering of a paragraph: its own w:numPr, else what its paragraph
/// style (and the styles that one is based on) give; numId 0 means none.
std::optional<ListRef> list_of(const Names& w, const XMLElement* ppr, const Numbering& numbering) {
  std::optional<std::int64_t> num_id, ilvl;
  const XMLElement* num_pr = ppr ? w.child(ppr, "numPr") : nullptr;
  num_id = to_integer(w.child_value(num_pr, "numId"));
  ilvl = to_integer(w.child_value(num_pr, "ilvl"));
  const char* own_style = w.child_value(ppr, "pStyle");
  std::string style = own_style ? own_style : numbering.default_style;
  std::vector<std::string> chain;  // the styles walked, for a level linked by w:pStyle
  for (int hop = 0; hop < kMaxHops && !style.empty() && !(num_id && ilvl); ++hop) {
    const auto s = numbering.styles.find(style);
    if (s == numbering.styles.end() || std::find(chain.begin(), chain.end(), style) != chain.end()) break;
    chain.push_back(style);
    if (!num_id) num_id = s->second.num_id;
    if (!ilvl && s->second.ilvl) ilvl = s->second.ilvl;
    style = s->second.based_on;
  }
  if (!num_id || *num_id <= 0) return std::nullopt;
  const auto n = numbering.nums.find(*num_id);
  if (n == numbering.nums.end()) return std::nullopt;
  const auto abstract_id = resolve_abstract(numbering, n->second.abstract);
  if (!abstract_id) return std::nullopt;
  ListRef ref{*num_id, *abstract_id, level_index(ilvl)};
  if (!ilvl && !chain.empty()) {
    // No level given: the level of the list that names one of the styles.
    const auto& levels = numbering.abstracts.at(*abstract_id).levels;
    for (int i = 0; i < kLevels; ++i) {
      const auto& linked = levels[static_cast<std::size_t>(i)].style;
      if (!linked.empty() && std::find(chain.begin(), chain.end(), linked) != chain.end()) {
        ref.level = i;
        break;
      }
    }
  }
  return ref;
}

// ---------------------------------------------------------------- Numbering state

/// The counters of one list. Kept per abstractNum: paragraphs of two nums on
/// one abstractNum continue one sequence, as Word's "continue numbering"
/// does; a num with a w:startOverride restarts the overridden levels the
/// first time one of its paragraphs comes (docs/docx.md).
struct ListCounters {
  std::array<std::int64_t, kLevels> value{};
  std::array<bool, kLevels> seen{};  // numbered since the level last restarted
};

struct NumberingState {
  std::map<std::int64_t, ListCounters> lists;
  std::set<std::int64_t> used_nums;
};

const Level& level_of(const Numbering& numbering, const ListRef& ref, int i) {
  const Num& num = numbering.nums.at(ref.num_id);
  const auto k = static_cast<std::size_t>(i);
  if (num.level_override[k]) return *num.level_override[k];
  return numbering.abstracts.at(ref.abstract_id).levels[k];
}

std::int64_t start_of(const Numbering& numbering, const ListRef& ref, int i) {
  const auto& start = numbering.nums.at(ref.num_id).start_override[static_cast<std::size_t>(i)];
  return start ? *start : level_of(numbering, ref, i).start;
}

/// Symbol and Wingdings bullets are private-use characters in their fonts;
/// a reader sees the shapes.
std::string bullet_text(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kBullets{{
      {"\xEF\x82\xB7", "•"},  // U+F0B7, Symbol
      {"\xEF\x82\xA7", "▪"},  // U+F0A7, Wingdings
      {"\xEF\x81\xAC", "●"},  // U+F06C, Wingdings
      {"\xEF\x81\xB6", "◆"},  // U+F076, Wingdings
      {"\xEF\x81\xAE", "■"},  // U+F06E, Wingdings
      {"\xEF\x83\x98", "➢"},  // U+F0D8, Wingdings
  }};
  for (const auto& [from, to] : kBullets) {
    if (text == from) return std::string(to);
  }
  return std::string(text);
}

/// True when a number ends in a separator, after which Word's tab or space
/// is left out so that the line reads as a typed heading (一、总体要求).
bool ends_in_separator(std::string_view number) {
  for (const std::string_view sep : {"、", "．", ".", "）", ")", "：", ":", "，", ",", "﹒", "】", "]", "〕"}) {
    if (number.size() >= sep.size() && number.substr(number.size() - sep.size()) == sep) return true;
  }
  return false;
}

/// Counts the paragraph in its list and returns its number as shown, with
/// what stands for the tab or space after it.
std::string next_number(const Numbering& numbering, const ListRef& ref, NumberingState& state, bool has_text) {
  ListCounters& c = state.lists[ref.abstract_id];
  const Num& num = numbering.nums.at(ref.num_id);
  if (state.used_nums.insert(ref.num_id).second) {
    for (std::size_t k = 0; k < kLevels; ++k) {
      if (num.start_override[k]) c.seen[k] = false;
    }
  }
  const auto at = static_cast<std::size_t>(ref.level);
  c.value[at] = c.seen[at] ? c.value[at] + 1 : start_of(numbering, ref, ref.level);
  c.seen[at] = true;
  // Inner levels restart when an outer one advances: by default after any
  // outer level; with lvlRestart N only after levels above N; 0, never.
  for (int k = ref.level + 1; k < kLevels; ++k) {
    const int restart = level_of(numbering, ref, k).restart;
    if (restart < 0 || ref.level < restart) c.seen[static_cast<std::size_t>(k)] = false;
  }

  const Level& level = level_of(numbering, ref, ref.level);
  std::string number;
  if (level.format == "bullet") {
    number = bullet_text(level.text);
  } else {
    const std::string_view text = level.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const int k = text[i + 1] - '1';
        const auto ku = static_cast<std::size_t>(k);
        const std::int64_t value = c.seen[ku] ? c.value[ku] : start_of(numbering, ref, k);
        const Level& shown = level_of(numbering, ref, k);
        number += format_list_number(value, level.legal && shown.format != "none" ? "decimal" : shown.format);
        ++i;
      } else {
        number += text[i];
      }
    }
  }
  if (number.empty() || !has_text || level.suffix == Suffix::nothing || ends_in_separator(number)) return number;
  return number + ' ';
}

// ---------------------------------------------------------------- Document

/// What reading the body carries from one paragraph to the next.
struct Reader {
  const Names& w;
  const Numbering& numbering;
  NumberingState numbering_state;
  // Complex fields open at this point: for each, whether its result (after
  // w:fldChar separate) has begun. Text shows only inside results. A field
  // may span paragraphs, so this lives here.
  std::vector<bool> fields;
  std::size_t fields_beyond = 0;  // open fields past kMaxFieldDepth
  // The text made so far, against the bound: numbering can make a paragraph
  // far longer than its XML, so the bound is checked as the text grows.
  std::size_t text_bytes = 0;
  std::size_t max_text_bytes = 0;
  bool over = false;
};

bool shows_text(const Reader& r) {
  return r.fields_beyond == 0 && std::all_of(r.fields.begin(), r.fields.end(), [](bool b) { return b; });
}

void field_char(Reader& r, const char* type) {
  const std::string_view t = type ? type : "";
  if (t == "begin") {
    if (r.fields.size() < kMaxFieldDepth) r.fields.push_back(false);
    else ++r.fields_beyond;
  } else if (t == "separate") {
    if (r.fields_beyond == 0 && !r.fields.empty()) r.fields.back() = true;
  } else if (t == "end") {
    if (r.fields_beyond > 0) --r.fields_beyond;
    else if (!r.fields.empty()) r.fields.pop_back();
  }
}

void read_run(Reader& r, const XMLElement* run, std::string& out) {
  for (const auto* e = run->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view name = r.w.local(e);
    if (name == "fldChar") {
      field_char(r, r.w.attribute(e, "fldCharType"));
    } else if (!shows_text(r)) {
      continue;
    } else if (name == "t") {
      if (const char* t = e->GetText()) out += t;
    } else if (name == "tab" || name == "ptab") {
      out += '\t';
    } else if (name == "br" || name == "cr") {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (name == "noBreakHyphen") {
      out += '-';
    }
    // instrText (field codes), delText, footnote and comment references,
    // drawings and symbols show no text of this part.
  }
}

/// The runs of a paragraph and of what wraps them (insertions, hyperlinks,
/// simple fields, content controls); deletions are passed over.
void read_inline(Reader& r, const XMLElement* parent, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  for (const auto* e = parent->FirstChildElement(); e; e = e->NextSiblingElement()) {
    const std::string_view name = r.w.local(e);
    if (name == "r") {
      read_run(r, e, out);
    } else if (name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
               name == "customXml" || name == "fldSimple" || name == "bdo" || name == "dir" ||
               name == "sdtContent") {
      read_inline(r, e, out, depth + 1);
    } else if (name == "sdt") {
      if (const XMLElement* content = r.w.child(e, "sdtContent")) read_inline(r, content, out, depth + 1);
    }
    // del and moveFrom: text that was taken out; pPr: read by the caller.
  }
}

std::string read_paragraph(Reader& r, const XMLElement* p) {
  std::string text;
  read_inline(r, p, text, 0);
  const auto list = list_of(r.w, r.w.child(p, "pPr"), r.numbering);
  if (list) text = next_number(r.numbering, *list, r.numbering_state, !text.empty()) + text;
  // A line per paragraph: line breaks a part may hold in its text or in a
  // lvlText (&#10;) are blanks.
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  r.text_bytes += text.size() + 1;
  r.over = r.over || r.text_bytes > r.max_text_bytes;
  return text;
}

void read_blocks(Reader& r, const XMLElement* parent, std::vector<std::string>& lines, int depth);

/// The cells of the table rows in `parent` (a w:tbl, or a content control
/// or custom XML element wrapping rows), each row a line of cells joined by
/// tabs.
void read_rows(Reader& r, const XMLElement* parent, std::vector<std::string>& lines, int depth) {
  if (depth > kMaxDepth) return;
  for (const auto* e = parent->FirstChildElement(); e && !r.over; e = e->NextSiblingElement()) {
    const std::string_view name = r.w.local(e);
    if (name == "sdt" || name == "customXml") {
      const XMLElement* content = name == "sdt" ? r.w.child(e, "sdtContent") : e;
      if (content) read_rows(r, content, lines, depth + 1);
      continue;
    }
    if (name != "tr") continue;
    std::vector<std::string> cells;
    // The cells of a row, also those wrapped in content controls.
    auto read_cells = [&](auto&& self, const XMLElement* row, int d) -> void {
      if (d > kMaxDepth) return;
      for (const auto* c = row->FirstChildElement(); c; c = c->NextSiblingElement()) {
        const std::string_view cname = r.w.local(c);
        if (cname == "sdt" || cname == "customXml") {
          const XMLElement* content = cname == "sdt" ? r.w.child(c, "sdtContent") : c;
          if (content) self(self, content, d + 1);
          continue;
        }
        if (cname != "tc") continue;
        const XMLElement* tc_pr = r.w.child(c, "tcPr");
        const XMLElement* merge = tc_pr ? r.w.child(tc_pr, "vMerge") : nullptr;
        const char* merge_val = merge ? r.w.attribute(merge, "val") : nullptr;
        // A vertically merged cell below the first shows nothing of its own.
        if (merge && (!merge_val || std::string_view(merge_val) != "restart")) {
          cells.emplace_back();
          continue;
        }
        std::vector<std::string> inner;
        read_blocks(r, c, inner, d + 1);
        std::string cell;
        for (const auto& piece : inner) {
          if (piece.empty()) continue;
          if (!cell.empty()) cell += ' ';
          cell += piece;
        }
        // A tab inside a cell (or between the cells of a nested table) would
        // make a column of its own.
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        cells.push_back(std::move(cell));
      }
    };
    read_cells(read_cells, e, depth + 1);
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line += '\t';
      line += cells[i];
    }
    lines.push_back(std::move(line));
  }
}

/// Block-level content: paragraphs and tables, and the content controls and
/// custom XML elements that wrap them.
void read_blocks(Reader& r, const XMLElement* parent, std::vector<std::string>& lines, int depth) {
  if (depth > kMaxDepth) return;
  for (const auto* e = parent->FirstChildElement(); e && !r.over; e = e->NextSiblingElement()) {
    const std::string_view name = r.w.local(e);
    if (name == "p") {
      lines.push_back(read_paragraph(r, e));
    } else if (name == "tbl") {
      read_rows(r, e, lines, depth + 1);
    } else if (name == "sdt") {
      if (const XMLElement* content = r.w.child(e, "sdtContent")) read_blocks(r, content, lines, depth + 1);
    } else if (name == "customXml" || name == "ins" || name == "moveTo") {
      read_blocks(r, e, lines, depth + 1);
    }
  }
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::optional<DocxText> read_docx(std::string_view bytes, DocxError& error, const DocxLimits& limits) {
  if (!looks_like_zip(bytes)) {
    error.message = "not a Word document: not a zip archive";
    return std::nullopt;
  }
  std::string why;
  const auto z = load_libzip(why);
  if (!z) {
    error.message = why;
    return std::nullopt;
  }
  const ZipHandle zip = open_zip(*z, bytes, why);
  if (!zip) {
    error.message = "not a Word document: a damaged zip archive (" + why + ")";
    return std::nullopt;
  }
  std::size_t budget = limits.max_bytes;
  std::string document_xml;
  switch (read_part(*z, zip.get(), kDocumentPart, budget, document_xml, error)) {
    case PartStatus::absent:
      error.message = "not a Word document: no word/document.xml";
      return std::nullopt;
    case PartStatus::failed:
      return std::nullopt;
    case PartStatus::read:
      break;
  }

  std::string styles_xml, numbering_xml;
  for (auto [name, xml] : {std::pair{kStylesPart, &styles_xml}, std::pair{kNumberingPart, &numbering_xml}}) {
    if (read_part(*z, zip.get(), name, budget, *xml, error) == PartStatus::failed) return std::nullopt;
  }
  return read_wordml(document_xml, numbering_xml, styles_xml, error, limits);
}

std::optional<DocxText> read_wordml(std::string_view document_xml, std::string_view numbering_xml,
                                    std::string_view styles_xml, DocxError& error, const DocxLimits& limits) {
  // Styles before numbering: numStyleLink resolves through the styles.
  Numbering numbering;
  if (!styles_xml.empty()) {
    tinyxml2::XMLDocument styles;
    if (!parse_xml(kStylesPart, styles_xml, styles, error)) return std::nullopt;
    read_styles_part(styles, numbering);
  }
  if (!numbering_xml.empty()) {
    tinyxml2::XMLDocument lists;
    if (!parse_xml(kNumberingPart, numbering_xml, lists, error)) return std::nullopt;
    read_numbering_part(lists, numbering);
  }

  tinyxml2::XMLDocument doc;
  if (!parse_xml(kDocumentPart, document_xml, doc, error)) return std::nullopt;
  const Names w(doc.RootElement());
  const XMLElement* body = w.child(doc.RootElement(), "body");
  if (w.local(doc.RootElement()) != "document" || !body) {
    error.message = "word/document.xml: not a WordprocessingML document (no w:document/w:body)";
    return std::nullopt;
  }

  Reader reader{w, numbering, {}, {}, 0, 0, limits.max_bytes, false};
  std::vector<std::string> lines;
  read_blocks(reader, body, lines, 0);

  DocxText result;
  std::size_t size = 0;
  for (const auto& line : lines) size += line.size() + 1;
  if (reader.over || size > limits.max_bytes || lines.size() > UINT32_MAX) {
    error.message = "the text is larger than the limit of " + size_words(limits.max_bytes);
    return std::nullopt;
  }
  result.text.reserve(size);
  result.origins.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    result.text += lines[i];
    result.text += '\n';
    result.origins.push_back(TextLineOrigin{static_cast<std::uint32_t>(i + 1)});
  }
  return result;
}

std::optional<std::string> refused_format(std::string_view bytes) {
  constexpr std::string_view kOle2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  if (bytes.substr(0, kOle2.size()) == kOle2) {
    // A password-protected .docx is an OLE2 file too, holding the package
    // encrypted in a stream of this name (UTF-16 in the directory).
    constexpr std::string_view kEncrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(kEncrypted) != std::string_view::npos) {
      return "a password-protected Office document: remove the password (save it again without one) "
             "and convert it with soffice --headless --convert-to docx FILE";
    }
    return "a Word 97-2003 or WPS document (.doc/.wps): convert it with soffice --headless --convert-to docx FILE";
  }
  if (bytes.substr(0, 5) == "%PDF-") return "a PDF: convert it with pdftotext -layout FILE";
  if (!looks_like_zip(bytes)) return std::nullopt;
  std::string why;
  const auto z = load_libzip(why);
  if (!z) return std::nullopt;
  const ZipHandle zip = open_zip(*z, bytes, why);
  if (!zip) return std::nullopt;
  std::size_t budget = 1024;  // a mimetype entry is one short line
  std::string mimetype;
  DocxError ignored;
  if (read_part(*z, zip.get(), "mimetype", budget, mimetype, ignored) != PartStatus::read) return std::nullopt;
  if (mimetype.rfind("application/vnd.oasis.opendocument.text", 0) == 0) {
    return "an OpenDocument text (.odt): convert it with soffice --headless --convert-to docx FILE";
  }
  return std::nullopt;
}

}  // namespace planlint
