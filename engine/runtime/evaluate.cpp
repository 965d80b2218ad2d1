// Checking conditions when a rule file loads, compiling them (every name
// looked up once, for every scope), and evaluating them as a walk over the
// compiled condition: no code is built from strings.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "planlint/rule.hpp"
#include "text_util.hpp"

namespace planlint {

std::string RegexCache::add(const std::string& pattern) {
  if (compiled_.count(pattern)) return {};
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) return re->error();
  compiled_.emplace(pattern, std::move(re));
  return {};
}

bool RegexCache::matches(const std::string& pattern, std::string_view text) const {
  const auto it = compiled_.find(pattern);
  return it != compiled_.end() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *it->second);
}

namespace {

using Op = ast::Expr::Op;

constexpr std::size_t kExcerpt = 30;

class Checker {
 public:
  Checker(const SourceFile& file, const Lexicons& lexicons, RegexCache& regexes, DiagnosticSink& sink)
      : file_(file), lexicons_(lexicons), regexes_(regexes), sink_(sink) {}

  std::optional<ValueType> check(const ast::Expr& e, Scope scope);
  bool ok() const { return ok_; }

 private:
  std::optional<ValueType> fail(const ast::Expr& e, std::string message) {
    sink_.report(Diagnostic{file_.path(), file_.location(e.source), "rule-check", Severity::error,
                            std::move(message), ""});
    ok_ = false;
    return std::nullopt;
  }
  std::optional<ValueType> expect(const ast::Expr& e, Scope scope, ValueType want, std::string_view what);
  std::optional<ValueType> path(const ast::Expr& e, Scope scope);
  std::optional<ValueType> call(const ast::Expr& e, Scope scope);

  const SourceFile& file_;
  const Lexicons& lexicons_;
  RegexCache& regexes_;
  DiagnosticSink& sink_;
  bool ok_ = true;
};

std::string names_in(Scope scope) {
  std::string out;
  for (const auto& a : attributes()) {
    if (find_attribute(a.name, scope) == &a) out += (out.empty() ? "" : ", ") + std::string(a.name);
  }
  return out;
}

std::string relations_in(Scope scope) {
  std::string out;
  for (const auto& r : relations()) {
    if (find_relation(r.name, scope) == &r) out += (out.empty() ? "" : ", ") + std::string(r.name);
  }
  return out;
}

std::optional<ValueType> Checker::expect(const ast::Expr& e, Scope scope, ValueType want,
                                         std::string_view what) {
  const auto got = check(e, scope);
  if (!got) return std::nullopt;
  if (*got != want) {
    return fail(e, std::string(what) + " needs " + std::string(to_string(want)) + ", but “" +
                       std::string(e.source) + "” is " + std::string(to_string(*got)));
  }
  return got;
}

std::optional<ValueType> Checker::path(const ast::Expr& e, Scope scope) {
  // relation.relation.attribute, where every relation but the last leads to one node.
  for (std::size_t i = 0; i + 1 < e.words.size(); ++i) {
    const RelationInfo* r = find_relation(e.words[i], scope);
    if (!r || !r->single) {
      return fail(e, "“" + e.words[i] + "” does not lead to one node from a " +
                         std::string(to_string(scope)) + " (use plan or parent before a dot)");
    }
    scope = r->target;
  }
  const std::string& last = e.words.back();
  if (const AttributeInfo* a = find_attribute(last, scope)) return a->type;
  if (find_relation(last, scope)) {
    return fail(e, "“" + last + "” is a relation; use it in count(" + last + "), any(" + last +
                       ", …) or all(" + last + ", …)");
  }
  return fail(e, "unknown attribute “" + last + "” of a " + std::string(to_string(scope)) +
                     " (known: " + names_in(scope) + ")");
}

std::optional<ValueType> Checker::call(const ast::Expr& e, Scope scope) {
  const bool known = std::any_of(functions().begin(), functions().end(),
                                 [&](const FunctionInfo& f) { return f.name == e.text; });
  if (!known) return fail(e, "unknown function “" + e.text + "” (known: count, any, all, none)");
  const std::size_t arity = e.text == "count" ? 1 : 2;
  if (e.args.size() != arity) {
    return fail(e, e.text + " takes " + std::to_string(arity) + " argument" + (arity > 1 ? "s" : "") +
                       ", not " + std::to_string(e.args.size()));
  }
  const ast::Expr& rel = e.args[0];
  if (rel.op != Op::path || rel.words.size() != 1) {
    return fail(rel, "the first argument of " + e.text + " is a relation: " + relations_in(scope));
  }
  const RelationInfo* r = find_relation(rel.words[0], scope);
  if (!r) {
    return fail(rel, "unknown relation “" + rel.words[0] + "” of a " + std::string(to_string(scope)) +
                         " (known: " + relations_in(scope) + ")");
  }
  if (e.text == "count") return ValueType::number;
  if (!expect(e.args[1], r->target, ValueType::boolean, e.text + "'s condition")) return std::nullopt;
  return ValueType::boolean;
}

std::optional<ValueType> Checker::check(const ast::Expr& e, Scope scope) {
  switch (e.op) {
    case Op::number: return ValueType::number;
    case Op::string: return ValueType::text;
    case Op::boolean: return ValueType::boolean;
    case Op::list: return ValueType::words;
    case Op::path: return path(e, scope);
    case Op::call: return call(e, scope);
    case Op::not_:
      return expect(e.args[0], scope, ValueType::boolean, "not") ? std::optional(ValueType::boolean)
                                                                  : std::nullopt;
    case Op::and_:
    case Op::or_: {
      bool all = true;
      for (const auto& arg : e.args) {
        all = expect(arg, scope, ValueType::boolean, e.op == Op::and_ ? "and" : "or") && all;
      }
      return all ? std::optional(ValueType::boolean) : std::nullopt;
    }
    case Op::compare: {
      const auto a = check(e.args[0], scope);
      const auto b = check(e.args[1], scope);
      if (!a || !b) return std::nullopt;
      if (*a != *b) {
        return fail(e, "cannot compare " + std::string(to_string(*a)) + " with " +
                           std::string(to_string(*b)) + " in “" + std::string(e.source) + "”");
      }
      if (*a != ValueType::number && e.text != "==" && e.text != "!=") {
        return fail(e, "“" + e.text + "” compares numbers; " + std::string(to_string(*a)) +
                           " can only be compared with == or !=");
      }
      return ValueType::boolean;
    }
    case Op::in: {
      const auto a = expect(e.args[0], scope, ValueType::text, "in");
      const auto b = expect(e.args[1], scope, ValueType::words, "in");
      return a && b ? std::optional(ValueType::boolean) : std::nullopt;
    }
    case Op::matches_lexicon:
      if (!expect(e.args[0], scope, ValueType::text, "matches")) return std::nullopt;
      if (!lexicons_.has(e.text)) {
        std::string known;
        for (const auto& n : lexicons_.names()) known += (known.empty() ? "" : ", ") + n;
        return fail(e, "unknown lexicon “" + e.text + "” (known: " + known + ")");
      }
      return ValueType::boolean;
    case Op::matches_regex: {
      if (!expect(e.args[0], scope, ValueType::text, "matches")) return std::nullopt;
      const std::string error = regexes_.add(e.text);
      if (!error.empty()) return fail(e, "invalid regular expression /" + e.text + "/: " + error);
      return ValueType::boolean;
    }
  }
  return std::nullopt;
}

// ------------------------------------------------------------------ evaluation

bool truthy(const Value& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b;
  return false;
}

/// The scope of a node, as a rule sees it: a section of the outermost
/// timeline is a timeline.
Scope scope_of(const PlanGraph& g, Vertex v) {
  switch (g[v].kind) {
    case NodeKind::plan: return Scope::plan;
    case NodeKind::section: return in_scope(g, v, Scope::timeline) ? Scope::timeline : Scope::section;
    case NodeKind::task: return Scope::task;
    case NodeKind::target: return Scope::target;
    case NodeKind::stage: return Scope::stage;
    case NodeKind::unit: return Scope::unit;
    case NodeKind::attachment: return Scope::attachment;
  }
  return Scope::plan;
}

std::size_t index_of(Scope s) { return static_cast<std::size_t>(s); }

Value default_of(ValueType type) {
  switch (type) {
    case ValueType::boolean: return false;
    case ValueType::number: return 0.0;
    case ValueType::text: return std::string();
    case ValueType::words: return std::vector<std::string>();
  }
  return std::string();
}

/// relation.relation.attribute from v, as resolved for v's scope. A path
/// that does not exist from there (checked for another scope) reads as
/// empty, and so does a parent that turns out to be the plan.
Value read_path(const Condition& c, const PlanGraph& g, Vertex v) {
  const Condition::Path& path = c.paths[index_of(scope_of(g, v))];
  if (!path.attribute) return std::string();
  for (const RelationInfo* r : path.relations) {
    const Vertices next = related(*r, g, v);
    if (next.empty()) return std::string();
    v = next.front();
  }
  const Scope last = path.last;
  const bool fits = in_scope(g, v, last) || (last == Scope::section && in_scope(g, v, Scope::timeline));
  return fits ? path.attribute->get(g[v]) : default_of(path.attribute->type);
}

Condition::Op compare_op(std::string_view op) {
  using C = Condition::Op;
  if (op == "==") return C::equal;
  if (op == "!=") return C::not_equal;
  if (op == ">=") return C::greater_equal;
  if (op == "<=") return C::less_equal;
  if (op == ">") return C::greater;
  return C::less;
}

Condition::Op call_op(std::string_view name) {
  using C = Condition::Op;
  if (name == "count") return C::count;
  if (name == "any") return C::any;
  if (name == "all") return C::all;
  return C::none;
}

}  // namespace

std::optional<ValueType> check_expr(const ast::Expr& e, Scope scope, const SourceFile& file,
                                    const Lexicons& lexicons, RegexCache& regexes,
                                    DiagnosticSink& sink) {
  Checker checker(file, lexicons, regexes, sink);
  auto type = checker.check(e, scope);
  return checker.ok() ? type : std::nullopt;
}

Condition compile_condition(const ast::Expr& e) {
  using C = Condition::Op;
  Condition c;
  const auto args = [&](std::size_t n) {
    for (std::size_t i = 0; i < n && i < e.args.size(); ++i) c.args.push_back(compile_condition(e.args[i]));
  };
  switch (e.op) {
    case Op::number: c.value = e.number; break;
    case Op::string: c.value = e.text; break;
    case Op::boolean: c.value = e.number != 0; break;
    case Op::list: c.value = e.words; break;
    case Op::path:
      c.op = C::path;
      for (std::size_t s = 0; s < Condition::kScopes && !e.words.empty(); ++s) {
        Condition::Path& path = c.paths[s];
        Scope scope = static_cast<Scope>(s);
        bool found = true;
        for (std::size_t i = 0; found && i + 1 < e.words.size(); ++i) {
          const RelationInfo* r = find_relation(e.words[i], scope);
          found = r != nullptr;
          if (r) {
            path.relations.push_back(r);
            scope = r->target;
          }
        }
        path.attribute = found ? find_attribute(e.words.back(), scope) : nullptr;
        path.last = scope;
      }
      break;
    case Op::call: {
      c.op = call_op(e.text);
      const bool named = !e.args.empty() && !e.args[0].words.empty();
      for (std::size_t s = 0; s < Condition::kScopes && named; ++s) {
        const std::string& relation = e.args[0].words[0];
        const RelationInfo* r = find_relation(relation, static_cast<Scope>(s));
        // A timeline has every relation of a section.
        if (!r && static_cast<Scope>(s) == Scope::timeline) r = find_relation(relation, Scope::section);
        c.relations[s] = r;
      }
      if (c.op != C::count && e.args.size() > 1) c.args.push_back(compile_condition(e.args[1]));
      break;
    }
    case Op::not_: c.op = C::not_; args(1); break;
    case Op::and_: c.op = C::and_; args(e.args.size()); break;
    case Op::or_: c.op = C::or_; args(e.args.size()); break;
    case Op::compare: c.op = compare_op(e.text); args(2); break;
    case Op::in: c.op = C::in; args(2); break;
    case Op::matches_lexicon: c.op = C::matches_lexicon; c.name = e.text; args(1); break;
    case Op::matches_regex: c.op = C::matches_regex; c.name = e.text; args(1); break;
  }
  return c;
}

Value evaluate(const Condition& c, const PlanGraph& g, Vertex v, const RuleEnvironment& env) {
  using C = Condition::Op;
  const auto arg = [&](std::size_t i) { return evaluate(c.args[i], g, v, env); };
  const auto number = [&](std::size_t i) { return std::get<double>(arg(i)); };
  switch (c.op) {
    case C::constant: return c.value;
    case C::path: return read_path(c, g, v);
    case C::count:
    case C::any:
    case C::all:
    case C::none: {
      const RelationInfo* r = c.relations[index_of(scope_of(g, v))];
      const Vertices nodes = r ? related(*r, g, v) : Vertices{};
      if (c.op == C::count) return static_cast<double>(nodes.size());
      const auto holds = [&](Vertex u) { return truthy(evaluate(c.args[0], g, u, env)); };
      if (c.op == C::any) return std::any_of(nodes.begin(), nodes.end(), holds);
      if (c.op == C::all) return std::all_of(nodes.begin(), nodes.end(), holds);
      return std::none_of(nodes.begin(), nodes.end(), holds);
    }
    case C::not_: return !truthy(arg(0));
    case C::and_:
      return std::all_of(c.args.begin(), c.args.end(), [&](const Condition& a) { return truthy(evaluate(a, g, v, env)); });
    case C::or_:
      return std::any_of(c.args.begin(), c.args.end(), [&](const Condition& a) { return truthy(evaluate(a, g, v, env)); });
    case C::equal: return arg(0) == arg(1);
    case C::not_equal: return arg(0) != arg(1);
    case C::less: return number(0) < number(1);
    case C::less_equal: return number(0) <= number(1);
    case C::greater: return number(0) > number(1);
    case C::greater_equal: return number(0) >= number(1);
    case C::in: {
      const Value item = arg(0);
      const Value list = arg(1);
      const auto& words = std::get<std::vector<std::string>>(list);
      return std::find(words.begin(), words.end(), std::get<std::string>(item)) != words.end();
    }
    case C::matches_lexicon: return env.lexicons.get(c.name).occurs_in(std::get<std::string>(arg(0)));
    case C::matches_regex: return env.regexes.matches(c.name, std::get<std::string>(arg(0)));
  }
  return false;
}

namespace {

/// Calls f(name, start, end) for each {name} of a template.
template <typename F>
void for_each_placeholder(std::string_view text, F&& f) {
  for (std::size_t at = 0; (at = text.find('{', at)) != std::string_view::npos;) {
    const std::size_t close = text.find('}', at);
    if (close == std::string_view::npos) break;
    f(text.substr(at + 1, close - at - 1), at, close + 1);
    at = close + 1;
  }
}

/// A placeholder as an expression: `title`, `plan.kind`, or `count(units)`.
/// Its source is left empty: the expression belongs to a template, not to
/// the text of a rule file, and check_template reports its problems itself.
ast::Expr placeholder_expr(std::string_view name) {
  ast::Expr e;
  if (text::starts_with(name, "count(") && text::ends_with(name, ")")) {
    e.op = Op::call;
    e.text = "count";
    ast::Expr relation;
    relation.op = Op::path;
    relation.words.emplace_back(name.substr(6, name.size() - 7));
    e.args.push_back(std::move(relation));
    return e;
  }
  e.op = Op::path;
  for (std::size_t start = 0;;) {
    const std::size_t dot = name.find('.', start);
    e.words.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return e;
}

/// A value as a template shows it, appended to `out`.
void append_text(std::string& out, const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) {
    out += *s;
  } else if (const auto* d = std::get_if<double>(&v)) {
    out += std::floor(*d) == *d ? std::to_string(static_cast<long long>(*d)) : std::to_string(*d);
  } else if (const auto* b = std::get_if<bool>(&v)) {
    out += *b ? "true" : "false";
  } else {
    bool first = true;
    for (const auto& w : std::get<std::vector<std::string>>(v)) {
      if (!first) out += "、";
      out += w;
      first = false;
    }
  }
}

/// Appends the template expanded for node v to `out`.
void expand_into(std::string& out, const Template& t, const PlanGraph& g, Vertex v, const RuleEnvironment& env) {
  for (const auto& piece : t.pieces) {
    out += piece.text;
    switch (piece.kind) {
      case Template::Piece::Kind::none: break;
      case Template::Piece::Kind::excerpt:
        // A section's text is its paragraphs, joined; other nodes' is their title, read in place.
        if (g[v].section()) {
          text::append_excerpt(out, node_text(g[v]), kExcerpt);
        } else {
          text::append_excerpt(out, g[v].title(), kExcerpt);
        }
        break;
      case Template::Piece::Kind::value: append_text(out, evaluate(piece.value, g, v, env)); break;
    }
  }
}

}  // namespace

Template make_template(std::string text) {
  Template t;
  std::size_t done = 0;
  for_each_placeholder(text, [&](std::string_view name, std::size_t start, std::size_t end) {
    Template::Piece piece;
    piece.text = text.substr(done, start - done);
    piece.name = name;
    if (name == "excerpt") {
      piece.kind = Template::Piece::Kind::excerpt;
    } else {
      piece.kind = Template::Piece::Kind::value;
      piece.expr = placeholder_expr(name);
      piece.value = compile_condition(piece.expr);
    }
    t.pieces.push_back(std::move(piece));
    done = end;
  });
  Template::Piece last;
  last.text = text.substr(done);
  t.pieces.push_back(std::move(last));
  t.text = std::move(text);
  return t;
}

bool check_template(const Template& t, Scope scope, const SourceFile& file, std::string_view at,
                    DiagnosticSink& sink) {
  bool ok = true;
  Lexicons none;
  RegexCache regexes;
  for (const auto& piece : t.pieces) {
    if (piece.kind != Template::Piece::Kind::value) continue;
    DiagnosticList problems;
    Checker checker(file, none, regexes, problems);
    if (!checker.check(piece.expr, scope)) {
      sink.report(Diagnostic{file.path(), file.location(at), "rule-check", Severity::error,
                             "unknown placeholder {" + piece.name + "} for a " + std::string(to_string(scope)) +
                                 " (known: excerpt, " + names_in(scope) + ", count(" + relations_in(scope) + "))",
                             ""});
      ok = false;
    }
  }
  return ok;
}

std::string expand_template(const Template& t, const PlanGraph& g, Vertex v, const RuleEnvironment& env) {
  std::string out;
  expand_into(out, t, g, v, env);
  return out;
}

void evaluate_rules(const std::vector<Rule>& rules, const PlanGraph& g, const RuleEnvironment& env,
                    DiagnosticSink& sink) {
  const std::string& path = boost::get_property(g, boost::graph_bundle).path;
  // Messages are expanded into one buffer and then copied at their size:
  // a message grown piece by piece would be reallocated as it grows, and
  // keep the room it grew into for as long as the finding is held.
  std::string message;
  std::string hint;
  for (const Rule& rule : rules) {
    if (!rule.enabled) continue;
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
      const Vertex v = *it;
      if (!in_scope(g, v, rule.applies_to)) continue;
      if (rule.when && !truthy(evaluate(*rule.when, g, v, env))) continue;
      if (truthy(evaluate(rule.require, g, v, env))) continue;
      Location where = g[v].where();
      if (where.line == 0) where = Location{1, 1};
      // The file name, rule id and most hints are the same for every
      // finding: they are lent to the sink rather than copied for each.
      message.clear();
      expand_into(message, rule.message, g, v, env);
      if (!rule.hint.constant()) {
        hint.clear();
        expand_into(hint, rule.hint, g, v, env);
      }
      sink.report_borrowed(path, where, rule.id, rule.severity, std::string(message),
                           rule.hint.constant() ? std::string_view(rule.hint.text) : std::string_view(hint));
    }
  }
}

}  // namespace planlint
