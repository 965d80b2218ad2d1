// Lexicon queries: the trie walks must answer as a search for each word in
// turn would, longest word first and, among words of one length, the first
// listed.
#include <boost/test/unit_test.hpp>

#include <random>
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
    {{"a", "bc"}, "xbca", "bc", "", "a"},  // words of one byte pass the two-byte test
    {{"a"}, "ab", "a", "a", ""},
    {{"任务"}, "任", "", "", ""},
};

/// The longest word text starts (or ends) with, one comparison per word.
std::string slow_prefix_of(const Lexicon& l, std::string_view text) {
  for (const auto& w : l.words()) {
    if (text.starts_with(w)) return w;
  }
  return {};
}
std::string slow_suffix_of(const Lexicon& l, std::string_view text) {
  for (const auto& w : l.words()) {
    if (text.ends_with(w)) return w;
  }
  return {};
}

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

BOOST_AUTO_TEST_CASE(queries_agree_with_a_search_per_word_on_random_texts) {
  // Words and texts of characters that share first bytes (every one of
  // them begins with E4 to E9), so that the walks and the two-byte test
  // meet many near misses.
  const std::vector<std::string> chars{"任", "务", "目", "标", "主", "要", "工", "作", "保", "障", "措", "施", "a", "b"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, chars.size() - 1);
  const auto random_text = [&](std::size_t length) {
    std::string t;
    for (std::size_t k = 0; k < length; ++k) t += chars[pick(random)];
    return t;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> words;
    for (int k = 0; k < 1 + round % 8; ++k) words.push_back(random_text(1 + static_cast<std::size_t>(k % 3)));
    const Lexicon l = make(words);
    for (int t = 0; t < 20; ++t) {
      const std::string text = random_text(static_cast<std::size_t>(t % 7));
      BOOST_TEST(std::string(l.find_in(text)) == slow_find_in(l, text), text);
      BOOST_TEST(std::string(l.prefix_of(text)) == slow_prefix_of(l, text), text);
      BOOST_TEST(std::string(l.suffix_of(text)) == slow_suffix_of(l, text), text);
    }
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
