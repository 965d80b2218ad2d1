// The syntax tree of a rule file (rules/*.rules): lexicons and rules.
// Plain data; views point into the rule file's SourceFile.
#pragma once

#include <string_view>
#include <vector>

namespace planlint::ast {

/// `lexicon NAME { word word … }`
struct LexiconDecl {
  std::string_view source;
  std::string_view name;
  std::vector<std::string_view> words;
};

struct RuleFile {
  std::vector<LexiconDecl> lexicons;
};

}  // namespace planlint::ast
