// Text helpers the plan reader runs on every line: trimming blanks (ASCII,
// U+3000, NBSP, a stray \r) and spotting conversion debris.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "text_util.hpp"

BOOST_AUTO_TEST_SUITE(text_util)

BOOST_AUTO_TEST_CASE(trim_removes_every_kind_of_blank_at_both_ends) {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases{
      {"", ""},
      {"   ", ""},
      {"\u3000\u3000一、总体要求", "一、总体要求"},
      {"\t 责任单位：区科委 \r", "责任单位：区科委"},
      {"\u00A0方案\u00A0", "方案"},
      {"\u3000 \u00A0\t目标\t\u00A0 \u3000", "目标"},
      {"中\u3000间", "中\u3000间"},  // blanks inside stay
      {"\xE3\x80", "\xE3\x80"},      // a cut-off U+3000 is not a blank
      {"一\xC2", "一\xC2"},
  };
  for (const auto& c : cases) BOOST_TEST(std::string(planlint::text::trim(c.in)) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(debris_is_a_star_or_a_bracket) {
  BOOST_TEST(!planlint::text::has_debris("推动知识产权高质量发展"));
  BOOST_TEST(planlint::text::has_debris("**一、总体要求**"));
  BOOST_TEST(planlint::text::has_debris("[bookmark: _Toc1]标题"));
  BOOST_TEST(planlint::text::clean("  **一、总体要求**  ") == "一、总体要求");
}

BOOST_AUTO_TEST_SUITE_END()
