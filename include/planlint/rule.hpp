// Rules as loaded from rule files: checked against the vocabulary when the
// file is loaded, evaluated over a plan graph.
#pragma once

#include <boost/container/small_vector.hpp>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "planlint/ast/rules.hpp"
#include "planlint/diagnostic.hpp"
#include "planlint/graph.hpp"
#include "planlint/lexicon.hpp"

namespace re2 {
class RE2;
}

namespace planlint {

/// What a rule applies to: a kind of node; `timeline` is a section whose
/// role is timeline (the outermost one of a timeline).
enum class Scope { plan, section, task, target, stage, timeline, unit, attachment };
std::string_view to_string(Scope scope);

enum class ValueType { boolean, number, text, words };
std::string_view to_string(ValueType type);

using Value = std::variant<bool, double, std::string, std::vector<std::string>>;

struct AttributeInfo;
struct RelationInfo;

/// A condition as it is evaluated: made from a checked expression when its
/// rule loads, with every name already looked up, so that evaluating it over
/// thousands of nodes looks nothing up by name. A node's scope is known only
/// when it is evaluated (a section may be a timeline), so paths and
/// relations are resolved for each scope it may have.
struct Condition {
  enum class Op : std::uint8_t {
    constant,  // a number, text, true/false or list: `value`
    path,      // relation.relation.attribute: `paths`
    count,     // count(relation): `relations`
    any,       // any(relation, args[0])
    all,       // all(relation, args[0])
    none,      // none(relation, args[0])
    not_, and_, or_,
    equal, not_equal, less, less_equal, greater, greater_equal,  // args[0] op args[1]
    in,               // args[0] in args[1]
    matches_lexicon,  // args[0] matches lexicon `name`
    matches_regex,    // args[0] matches /`name`/
  };
  static constexpr std::size_t kScopes = 8;  // the values of Scope
  /// relation.relation.attribute from a node of one scope: the relations to
  /// follow, the attribute to read (null where the path does not exist) and
  /// the scope the last node should have.
  struct Path {
    std::vector<const RelationInfo*> relations;
    const AttributeInfo* attribute = nullptr;
    Scope last = Scope::plan;
  };

  Op op = Op::constant;
  Value value;
  std::string name;
  std::array<Path, kScopes> paths{};                      // by the scope of the node
  std::array<const RelationInfo*, kScopes> relations{};  // by the scope of the node
  std::vector<Condition> args;
};

/// Makes the condition of an expression that check_expr accepted.
Condition compile_condition(const ast::Expr& e);

/// A message or hint as its rule gives it, with {placeholders}: split once,
/// when the rule loads, into literal text and placeholders, each placeholder
/// already parsed into the expression it reads (`title`, `plan.kind`,
/// `count(units)`) or `excerpt`.
struct Template {
  struct Piece {
    enum class Kind : std::uint8_t { none, excerpt, value };
    std::string text;  // literal text before the placeholder
    Kind kind = Kind::none;
    std::string name;  // the placeholder as written, without its braces
    ast::Expr expr;    // for Kind::value: the placeholder as an expression
    Condition value;   // and as it is evaluated
  };
  std::string text;  // as written
  std::vector<Piece> pieces;

  /// Without placeholders every finding's text is `text`.
  bool constant() const { return pieces.size() == 1 && pieces[0].kind == Piece::Kind::none; }
};

/// Splits a template into its pieces. Any text is a template; check_template
/// says whether its placeholders exist.
Template make_template(std::string text);

struct Rule {
  std::string id;
  Severity severity = Severity::warning;
  Scope applies_to = Scope::plan;
  std::optional<Condition> when;
  Condition require;
  Template message;
  Template hint;
  std::string summary;  // one line for `planlint rules`
  bool enabled = true;
  std::string file;
  Location where;
};

/// Compiled regular expressions of the rules, by pattern (RE2, UTF-8).
class RegexCache {
 public:
  /// Compiles and keeps `pattern`; returns the error text when it is invalid.
  std::string add(const std::string& pattern);
  bool matches(const std::string& pattern, std::string_view text) const;

 private:
  std::map<std::string, std::shared_ptr<const re2::RE2>> compiled_;
};

// ------------------------------------------------------------------ vocabulary

/// One attribute a condition may read, with its type and the scopes it
/// exists in. The table is in engine/attributes.cpp, sorted by name.
struct AttributeInfo {
  std::string_view name;
  ValueType type;
  std::vector<Scope> scopes;
  std::string_view doc;
  Value (*get)(const NodeData&);
};

/// Nodes a relation leads to. Most relations lead to a few: they are kept in
/// place, without an allocation.
using Vertices = boost::container::small_vector<Vertex, 16>;

/// One relation to neighbours in the graph (units, tasks, parent, plan…).
struct RelationInfo {
  std::string_view name;
  Scope target;
  bool single;  // parent and plan lead to one node
  std::vector<Scope> scopes;
  std::string_view doc;
  Vertices (*get)(const PlanGraph&, Vertex);
};

/// Functions: count(relation), any(relation, condition), all(…), none(…).
struct FunctionInfo {
  std::string_view name;
  std::string_view signature;
  std::string_view doc;
};

const std::vector<AttributeInfo>& attributes();
const std::vector<RelationInfo>& relations();
const std::vector<FunctionInfo>& functions();
const AttributeInfo* find_attribute(std::string_view name, Scope scope);
const RelationInfo* find_relation(std::string_view name, Scope scope);
bool in_scope(const PlanGraph& g, Vertex v, Scope scope);
Vertices related(const RelationInfo& r, const PlanGraph& g, Vertex v);
std::optional<Scope> parse_scope(std::string_view name);

// ------------------------------------------------------------------ checking and evaluation

/// What a check or an evaluation needs besides the expression.
struct RuleEnvironment {
  const Lexicons& lexicons;
  const RegexCache& regexes;
};

/// Checks an expression in a scope: names, types, lexicons, regexes. Reports
/// each problem to `sink` at its place in `file`; returns its type when fine.
std::optional<ValueType> check_expr(const ast::Expr& e, Scope scope, const SourceFile& file,
                                    const Lexicons& lexicons, RegexCache& regexes,
                                    DiagnosticSink& sink);

/// Checks a message template: each {name} must be an attribute path of the
/// scope (`title`, `plan.kind`), `excerpt`, or `count(relation)`.
bool check_template(const Template& t, Scope scope, const SourceFile& file, std::string_view at,
                    DiagnosticSink& sink);

Value evaluate(const Condition& c, const PlanGraph& g, Vertex v, const RuleEnvironment& env);
std::string expand_template(const Template& t, const PlanGraph& g, Vertex v, const RuleEnvironment& env);

/// Applies every enabled rule to every node of its scope; a finding is a
/// node whose `when` holds and whose `require` does not.
void evaluate_rules(const std::vector<Rule>& rules, const PlanGraph& g, const RuleEnvironment& env,
                    DiagnosticSink& sink);

}  // namespace planlint
