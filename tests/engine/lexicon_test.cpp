// Lexicon queries: the trie walks must answer as a search for each word in
// turn would, longest word first and, among words of one length, the first
// listed.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "planlint/lexicon.hpp"

namespace {

using planlint::Lexicon;

Lexicon make(std::vector<std::string> words) { return Lexicon("test", std::move(words), "test.rules", {1, 1}); }

/// What the queries meant before they were indexed: one search per word,
/// longest first.
std::string slow_find_in(const Lexicon& l, std::string_view text) {
  for (const auto& w : l.words()) {
    if (text.find(w) != std::string_view::npos) return w;
  }
  return {};
}

struct Case {
  std::vector<std::string> words;
  std::string text;
  std::string find_in, prefix_of, suffix_of;
};

const std::vector<Case> kCases{
    {{"目标", "主要目标", "任务"}, "一、主要目标", "主要目标", "", "主要目标"},
    {{"目标", "主要目标", "任务"}, "目标任务", "目标", "目标", "任务"},
    {{"实施方案", "方案", "工作方案"}, "某区知识产权工作方案", "工作方案", "", "工作方案"},
    {{"局", "委", "办"}, "区市场监督管理局", "局", "", "局"},
    {{"甲乙", "乙丙"}, "甲乙丙", "甲乙", "甲乙", "乙丙"},  // two of one length: the first listed
    {{"乙丙", "甲乙"}, "甲乙丙", "乙丙", "甲乙", "乙丙"},
    {{"附件"}, "", "", "", ""},
    {{}, "任何文字", "", "", ""},
    {{"ab", "abc", "b"}, "xabcx", "abc", "", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon)

BOOST_AUTO_TEST_CASE(queries_answer_longest_first) {
  for (const auto& c : kCases) {
    const Lexicon l = make(c.words);
    BOOST_TEST(std::string(l.find_in(c.text)) == c.find_in, c.text);
    BOOST_TEST(std::string(l.find_in(c.text)) == slow_find_in(l, c.text), c.text);
    BOOST_TEST(std::string(l.prefix_of(c.text)) == c.prefix_of, c.text);
    BOOST_TEST(std::string(l.suffix_of(c.text)) == c.suffix_of, c.text);
  }
}

BOOST_AUTO_TEST_CASE(contains_is_exact) {
  const Lexicon l = make({"牵头单位", "责任单位", "单位"});
  BOOST_TEST(l.contains("单位"));
  BOOST_TEST(l.contains("责任单位"));
  BOOST_TEST(!l.contains("责任"));
  BOOST_TEST(!l.contains("责任单位：区科委"));
  BOOST_TEST(!l.contains(""));
}

BOOST_AUTO_TEST_CASE(words_are_kept_longest_first_in_listed_order) {
  const Lexicon l = make({"方案", "实施方案", "规划", "工作方案"});
  const std::vector<std::string> expected{"实施方案", "工作方案", "方案", "规划"};
  BOOST_TEST(l.words() == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
