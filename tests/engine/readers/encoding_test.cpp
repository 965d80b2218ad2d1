// Decoding plans that are not UTF-8 (engine/encoding.cpp): what is decided
// without --encoding, what a forced name does, and where a bad byte is said
// to be. The seed plans in GB18030 and UTF-16 (fixtures/encodings/) decode
// to the seeds byte for byte.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "encoding.hpp"
#include "planlint/source.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

struct Case {
  std::string name;
  std::string bytes;
  std::optional<std::string> forced;
  // Decoded: the text and the encoding named. Refused: the message.
  std::string utf8, encoding, error;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const std::string kHint = "; if it is GBK/GB18030 or UTF-16 text, pass --encoding NAME";

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::vector<Case> kCases = {
    // ------------------------------------------------------------ decided
    {"empty", "", std::nullopt, "", "UTF-8", ""},
    {"utf8", "一、总体要求\n", std::nullopt, "一、总体要求\n", "UTF-8", ""},
    {"utf8 with BOM", "\xEF\xBB\xBF一、总体要求\n", std::nullopt, "一、总体要求\n", "UTF-8 with BOM", ""},
    // 一 U+4E00, 、 U+3001, A, \n.
    {"utf16le with BOM", std::string("\xFF\xFE\x00\x4E\x01\x30\x41\x00\x0A\x00", 10), std::nullopt, "一、A\n",
     "UTF-16LE", ""},
    {"utf16be with BOM", std::string("\xFE\xFF\x4E\x00\x30\x01\x00\x41", 8), std::nullopt, "一、A", "UTF-16BE", ""},
    // U+1F600 as the pair D83D DE00.
    {"utf16le surrogate pair", std::string("\xFF\xFE\x3D\xD8\x00\xDE\x41\x00", 8), std::nullopt,
     "\xF0\x9F\x98\x80" "A", "UTF-16LE", ""},
    {"utf16be surrogate pair", std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6), std::nullopt, "\xF0\x9F\x98\x80",
     "UTF-16BE", ""},
    {"gb18030 two-byte", "\xD6\xD0\xCE\xC4\n", std::nullopt, "中文\n", "GB18030", ""},
    // å (U+00E5) and U+20000 are four-byte sequences.
    {"gb18030 four-byte", "\xD6\xD0\x81\x30\x8A\x32\x95\x32\x82\x36", std::nullopt,
     "中\xC3\xA5\xF0\xA0\x80\x80", "GB18030", ""},
    // Over the 16 KiB the converter writes at a time.
    {"gb18030 longer than a chunk", repeat("\xD6\xD0", 20000) + "\n", std::nullopt, repeat("中", 20000) + "\n",
     "GB18030", ""},
    // ------------------------------------------------------------ refused
    // 0x80 is no GB18030 lead byte: neither encoding, today's message and the hint.
    {"neither utf8 nor gb18030", "abc\x80\n", std::nullopt, "", "",
     "not UTF-8 text: invalid byte 0x80 at line 1, column 4" + kHint},
    {"binary stays binary", std::string("ab\0\xD6\xD0", 5), std::nullopt, "", "",
     "not text: NUL byte at line 1, column 3"},
    // A UTF-8 BOM says UTF-8: GB18030 is not tried.
    {"utf8 BOM then gbk", "\xEF\xBB\xBF\xD6\xD0", std::nullopt, "", "",
     "not UTF-8 text: invalid byte 0xD6 at line 1, column 1"},
    {"utf16 odd length", std::string("\xFF\xFE\x41\x00\x0A\x00\x42", 7), std::nullopt, "", "",
     "not UTF-16LE text: incomplete sequence 0x42 at line 2, column 1 (the text ends inside a character)"},
    {"utf16 cut inside a pair", std::string("\xFE\xFF\x00\x41\xD8\x3D", 6), std::nullopt, "", "",
     "not UTF-16BE text: incomplete sequence 0xD8 0x3D at line 1, column 2 (the text ends inside a character)"},
    {"utf16 lone low surrogate", std::string("\xFF\xFE\x41\x00\x00\xDC\x41\x00", 8), std::nullopt, "", "",
     "not UTF-16LE text: invalid byte 0x00 0xDC at line 1, column 2"},
    {"utf16 NUL character", std::string("\xFF\xFE\x41\x00\x00\x00", 6), std::nullopt, "", "",
     "not text: NUL character at line 1, column 2"},
    {"gb18030 error after a chunk", repeat("\xD6\xD0", 10000) + "\n\xB0\xA1\x80", std::string("GB18030"), "", "",
     "not GB18030 text: invalid byte 0x80 at line 2, column 2"},
    // ------------------------------------------------------------ forced
    {"forced gbk, any case", "\xD6\xD0\xCE\xC4", std::string("gbk"), "中文", "GBK", ""},
    {"forced utf-16le without BOM", std::string("\x00\x4E\x0A\x00", 4), std::string("utf-16le"), "一\n",
     "UTF-16LE", ""},
    {"forced utf-16le keeps no BOM", std::string("\xFF\xFE\x00\x4E", 4), std::string("UTF-16LE"), "一",
     "UTF-16LE", ""},
    {"forced utf-8", "一", std::string("utf8"), "一", "UTF-8", ""},
    {"forced utf-8 refuses gbk", "\xD6\xD0", std::string("UTF-8"), "", "",
     "not UTF-8 text: invalid byte 0xD6 at line 1, column 1"},
    // 标题 / (blank) / 一、总体要求 then 0x81 0x20: a lead byte and no trail.
    {"forced gb18030 names line, column and bytes",
     "\xB1\xEA\xCC\xE2\n\n\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xD2\xAA\xC7\xF3\x81\x20", std::string("GB18030"), "", "",
     "not GB18030 text: invalid byte 0x81 0x20 at line 3, column 7"},
    {"forced gb18030 cut short", "\xD6\xD0\x81\x30", std::string("GB18030"), "", "",
     "not GB18030 text: incomplete sequence 0x81 0x30 at line 1, column 2 (the text ends inside a character)"},
    // glibc reads a four-byte sequence whole: with three bytes left it
    // finds the text cut short before it looks at them.
    {"forced gb18030 bad four-byte at the end", "\xD6\xD0\x81\x30\x20", std::string("GB18030"), "", "",
     "not GB18030 text: incomplete sequence 0x81 0x30 0x20 at line 1, column 2 (the text ends inside a character)"},
    {"forced gb18030 bad four-byte", "\xD6\xD0\x81\x30\x20\x41", std::string("GB18030"), "", "",
     "not GB18030 text: invalid byte 0x81 0x30 0x20 0x41 at line 1, column 2"},
    {"forced latin-1 never fails", "caf\xE9", std::string("latin1"), "caf\xC3\xA9", "LATIN1", ""},
    {"unknown encoding", "abc", std::string("no-such-encoding"), "", "",
     "unknown encoding NO-SUCH-ENCODING (iconv --list shows the names)"},
    // iconv would skip bad bytes with //IGNORE: such a name is refused.
    {"no iconv suffixes", "abc", std::string("GBK//IGNORE"), "", "",
     "unknown encoding (a name has only letters, digits and - _ . :)"},
    {"empty name", "abc", std::string(""), "", "", "unknown encoding (a name has only letters, digits and - _ . :)"},
};

const std::vector<std::string> kSeeds = {"beichen-ip-pilot-2022", "beijing-ip-14th-fyp-2021",
                                         "mentougou-ip-pilot-2020", "sancheng-yiqu-ip-action-2020",
                                         "tongzhou-ip-pilot-2024"};

}  // namespace

BOOST_AUTO_TEST_SUITE(encoding)

BOOST_DATA_TEST_CASE(decodes_or_names_the_bad_byte, data::make(kCases), c) {
  planlint::DecodeError error;
  const std::optional<std::string_view> forced =
      c.forced ? std::optional<std::string_view>(*c.forced) : std::nullopt;
  const auto decoded = planlint::decode_text(c.bytes, forced, error);
  if (c.error.empty()) {
    BOOST_TEST_REQUIRE(decoded.has_value(), error.message);
    BOOST_TEST(decoded->utf8 == c.utf8);
    BOOST_TEST(decoded->encoding == c.encoding);
  } else {
    BOOST_TEST_REQUIRE(!decoded.has_value());
    BOOST_TEST(error.message == c.error);
  }
}

// The Latin-1 file of fixtures/bad/ is UTF-8 with GBK bytes in it: neither.
BOOST_AUTO_TEST_CASE(mixed_file_is_refused_with_the_hint) {
  const auto bytes = planlint::testing::read_file(planlint::testing::source_path("fixtures/bad/latin1.txt"));
  planlint::DecodeError error;
  BOOST_TEST_REQUIRE(!planlint::decode_text(bytes, std::nullopt, error).has_value());
  BOOST_TEST(error.message.starts_with("not UTF-8 text: invalid byte 0xD6 at line 3, column 3"));
  BOOST_TEST(error.message.ends_with(kHint));
}

BOOST_DATA_TEST_CASE(seed_plans_decode_to_the_seeds, data::make(kSeeds), seed) {
  using planlint::testing::read_file;
  using planlint::testing::source_path;
  const auto expected = read_file(source_path("fixtures/plans/" + seed + ".txt"));
  const std::vector<std::pair<std::string, std::string>> versions = {{".gb18030.txt", "GB18030"},
                                                                     {".utf16le.txt", "UTF-16LE"}};
  for (const auto& [suffix, encoding] : versions) {
    BOOST_TEST_CONTEXT(seed + suffix) {
      planlint::DecodeError error;
      const auto decoded = planlint::decode_text(read_file(source_path("fixtures/encodings/" + seed + suffix)),
                                                 std::nullopt, error);
      BOOST_TEST_REQUIRE(decoded.has_value(), error.message);
      BOOST_TEST(decoded->encoding == encoding);
      BOOST_TEST((decoded->utf8 == expected));  // byte for byte (not printed: a whole plan)
    }
  }
}

// Any bytes, of any length (odd ones too), in any encoding: decoded to
// valid UTF-8 or refused with a one-line message, never a crash (the
// sanitizer build runs this too).
BOOST_AUTO_TEST_CASE(random_bytes_decode_or_fail_cleanly) {
  std::mt19937 random(20240607);
  const std::vector<std::string> heads = {"", "\xFF\xFE", "\xFE\xFF", "\xEF\xBB\xBF"};
  const std::vector<std::optional<std::string>> forced = {std::nullopt, "GB18030", "UTF-16", "UTF-16BE", "BIG5",
                                                         "ISO-2022-JP", "UTF-8"};
  for (int round = 0; round < 4000; ++round) {
    std::string bytes = heads[static_cast<std::size_t>(round) % heads.size()];
    const auto size = std::uniform_int_distribution<std::size_t>(0, 40)(random);
    for (std::size_t k = 0; k < size; ++k) {
      // Mostly bytes of CJK encodings, some ASCII, few NULs.
      const auto b = std::uniform_int_distribution<int>(0, 9)(random) < 7 ? std::uniform_int_distribution<int>(0x80, 0xFF)(random)
                                                                          : std::uniform_int_distribution<int>(0, 0x7F)(random);
      bytes += static_cast<char>(b);
    }
    const auto& name = forced[static_cast<std::size_t>(round / 4) % forced.size()];
    planlint::DecodeError error;
    const auto decoded = planlint::decode_text(bytes, name ? std::optional<std::string_view>(*name) : std::nullopt, error);
    if (decoded) {
      if (planlint::check_utf8_text(decoded->utf8)) BOOST_ERROR("not UTF-8 out of " << decoded->encoding);
    } else if (error.message.empty() || error.message.find('\n') != std::string::npos) {
      BOOST_ERROR("bad message: " << error.message);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
