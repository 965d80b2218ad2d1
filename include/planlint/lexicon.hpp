// Named word lists (lexicons): the vocabulary planlint reads plans with.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/diagnostic.hpp"

namespace planlint {

struct Lexicon {
  std::string name;
  std::vector<std::string> words;  // longest first
  std::string file;
  Location where;

  /// The longest word that occurs anywhere in text (empty when none).
  std::string_view find_in(std::string_view text) const;
  bool occurs_in(std::string_view text) const { return !find_in(text).empty(); }
  /// The longest word text ends with (empty when none).
  std::string_view suffix_of(std::string_view text) const;
  /// The longest word text starts with (empty when none).
  std::string_view prefix_of(std::string_view text) const;
  bool contains(std::string_view word) const;
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
