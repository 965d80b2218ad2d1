// Named word lists (lexicons): the vocabulary planlint reads plans with.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"

namespace planlint {

/// Words as a byte trie. One walk over a text meets every word that begins
/// where the walk begins, whatever the number of words.
class WordTrie {
 public:
  void insert(std::string_view word, std::uint32_t id);

  /// A word matched at the start of a walk: its id and its length in bytes.
  struct Match {
    std::uint32_t id = 0;
    std::size_t length = 0;
  };
  /// The longest word that text starts with.
  std::optional<Match> longest_prefix(std::string_view text) const;
  /// The longest word that text ends with, for a trie of reversed words.
  std::optional<Match> longest_reversed_suffix(std::string_view text) const;
  /// Whether a word may begin with this byte (a quick test before a walk).
  bool may_begin(unsigned char byte) const { return root_[byte] != 0; }
  /// Whether a word may begin with these two bytes: a quicker test than the
  /// first steps of a walk, where one byte tells little (every character of
  /// a CJK block shares its first byte). A word of one byte always passes;
  /// a pair of bytes no word begins with may pass too, rarely.
  bool may_begin(unsigned char first, unsigned char second) const {
    const std::uint32_t node = root_[first];
    return node != 0 && (nodes_[node].word >= 0 || pairs_[pair_index(first, second)]);
  }

 private:
  // Children are a list through next_sibling (few per node: a linear scan is
  // enough), all nodes in one vector; 0 ends a list (the root is no child).
  struct Node {
    std::uint32_t first_child = 0;
    std::uint32_t next_sibling = 0;
    std::int32_t word = -1;  // id of the word ending here; -1: none
    unsigned char byte = 0;
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;  // 0: none
  template <typename Step>
  std::optional<Match> walk(Step&& step, std::size_t size) const;

  static std::size_t pair_index(unsigned char first, unsigned char second) {
    return (static_cast<std::size_t>(first) * 61 + second) % kPairs;
  }

  std::vector<Node> nodes_{Node{}};
  std::array<std::uint32_t, 256> root_{};  // the root's children by byte; 0: none
  // The first two bytes of the words, hashed: a word's pair sets its bit.
  static constexpr std::size_t kPairs = 1024;
  std::bitset<kPairs> pairs_;
};

/// A named word list, matched longest word first (among words of one
/// length, the first listed wins). Every query is one walk of a trie.
class Lexicon {
 public:
  Lexicon() = default;
  Lexicon(std::string name, std::vector<std::string> words, std::string file, Location where);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& words() const { return words_; }  // longest first
  const std::string& file() const { return file_; }
  Location where() const { return where_; }

  /// The longest word that occurs anywhere in text (empty when none).
  std::string_view find_in(std::string_view text) const;
  bool occurs_in(std::string_view text) const { return !find_in(text).empty(); }
  /// The longest word text ends with (empty when none).
  std::string_view suffix_of(std::string_view text) const;
  /// The longest word text starts with (empty when none).
  std::string_view prefix_of(std::string_view text) const;
  bool contains(std::string_view word) const;

 private:
  std::string name_;
  std::vector<std::string> words_;
  std::string file_;
  Location where_;
  WordTrie forward_;   // the words
  WordTrie backward_;  // the words reversed, for suffixes
};

/// All lexicons by name. A later declaration of a name replaces the earlier.
class Lexicons {
 public:
  void add(Lexicon lexicon);
  /// The lexicon of that name; an empty one when there is none.
  const Lexicon& get(std::string_view name) const;
  bool has(std::string_view name) const { return by_name_.find(name) != by_name_.end(); }
  std::vector<std::string> names() const;

 private:
  std::map<std::string, Lexicon, std::less<>> by_name_;
  Lexicon empty_;
};

/// Lexicons the plan reader needs; a rule set that lacks one is rejected.
const std::vector<std::string_view>& required_lexicons();

}  // namespace planlint
