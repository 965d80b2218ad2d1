// The syntax tree of a rule file (rules/*.rules): lexicons and rules.
// Plain data; views point into the rule file's SourceFile.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::ast {

/// `lexicon NAME { word word … }`
struct LexiconDecl {
  std::string_view source;
  std::string_view name;
  std::vector<std::string_view> words;
};

/// A condition: one node kind for every form, so that checking and
/// evaluation are each one walk over the tree.
struct Expr {
  enum class Op {
    number,          // 3           (number)
    string,          // "文字"      (text)
    boolean,         // true        (number != 0)
    list,            // [a, b]      (words)
    path,            // plan.kind   (words: the segments)
    call,            // count(units), any(stages, …)   (text: name, args)
    not_,            // not a       (args[0])
    and_,            // a and b and … (args: two or more)
    or_,             // a or b or …   (args: two or more)
    compare,         // a >= b      (text: the operator, args[0], args[1])
    in,              // a in [..]   (args[0], args[1])
    matches_lexicon, // a matches lexicon NAME   (args[0], text: NAME)
    matches_regex,   // a matches /re/           (args[0], text: pattern)
  };
  std::string_view source;
  Op op = Op::boolean;
  double number = 0;
  std::string text;
  std::vector<std::string> words;
  std::vector<Expr> args;
  bool grouped = false;  // written in parentheses: not joined to an and/or chain around it
};

/// `rule ID { severity … applies-to … when … require … message … hint … }`
struct RuleDecl {
  std::string_view source;
  std::string_view id;
  std::optional<std::string_view> severity;
  std::optional<std::string_view> applies_to;
  std::optional<Expr> when;
  std::optional<Expr> require;
  std::optional<std::string> message;
  std::optional<std::string> hint;
  std::optional<std::string> summary;
  // Where each field stands, for messages about it.
  std::string_view severity_at, applies_to_at, message_at, hint_at;
  std::vector<std::string_view> fields;  // the field keywords, in order (to catch repeats)
};

struct RuleFile {
  std::vector<LexiconDecl> lexicons;
  std::vector<RuleDecl> rules;
};

}  // namespace planlint::ast
