// The rule-file grammar: what parses into what, and the message and position
// of each kind of syntax error.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "parse.hpp"

namespace data = boost::unit_test::data;
using Op = planlint::ast::Expr::Op;

namespace {

std::optional<planlint::ast::RuleFile> parse(const planlint::SourceFile& file, planlint::DiagnosticList& sink) {
  return planlint::parse_rule_file(file, sink);
}

/// The condition of `rule x { … require <text> … }`.
planlint::ast::Expr condition(const std::string& text, planlint::SourceFile& keep) {
  keep = planlint::SourceFile("t.rules", "rule x { severity error applies-to task require " + text +
                                             " message \"m\" }");
  planlint::DiagnosticList sink;
  auto file = parse(keep, sink);
  BOOST_TEST_REQUIRE(file.has_value(), (sink.items.empty() ? "" : sink.items[0].message));
  BOOST_TEST_REQUIRE(file->rules.size() == 1u);
  return *file->rules[0].require;
}

struct ConditionCase {
  std::string text;
  Op op;
  std::size_t args;
  std::string detail;  // operator, function name, lexicon or pattern
};
std::ostream& operator<<(std::ostream& out, const ConditionCase& c) { return out << c.text; }

const ConditionCase kConditions[] = {
    {"count(units) > 0", Op::compare, 2, ">"},
    {"measured", Op::path, 0, ""},
    {"not measured", Op::not_, 1, ""},
    {"measured and deadline >= 2025", Op::and_, 2, ""},
    {"a or b and c", Op::or_, 2, ""},  // and binds tighter than or
    {"(a or b) and c", Op::and_, 2, ""},
    {"plan.kind in [实施方案, 工作方案]", Op::in, 2, ""},
    {"title matches lexicon acceptance-stage", Op::matches_lexicon, 1, "acceptance-stage"},
    {"title matches /^加强.{2,}$/", Op::matches_regex, 1, "^加强.{2,}$"},
    {"any(stages, name matches lexicon acceptance-stage)", Op::call, 2, "any"},
    {"issuer != \"\"", Op::compare, 2, "!="},
    {"true", Op::boolean, 0, ""},
    // A chain is one node, however long: nothing walks it recursively.
    {"a and b and c", Op::and_, 3, ""},
    {"a or b or c and d", Op::or_, 3, ""},
    {"(a and b) and c", Op::and_, 2, ""},  // a group stays a node of its own
};

}  // namespace

BOOST_AUTO_TEST_SUITE(grammar_rule_language)

BOOST_DATA_TEST_CASE(conditions_parse_into_their_tree, data::make(kConditions), c) {
  planlint::SourceFile keep("", "");
  const auto e = condition(c.text, keep);
  BOOST_TEST(static_cast<int>(e.op) == static_cast<int>(c.op));
  BOOST_TEST(e.args.size() == c.args);
  if (!c.detail.empty()) BOOST_TEST(e.text == c.detail);
  BOOST_TEST(std::string(e.source) == c.text);
}

BOOST_AUTO_TEST_CASE(a_whole_file_with_lexicons_comments_and_rules) {
  const planlint::SourceFile file("t.rules",
                                  "# comment\nlexicon stage-words { 验收 总结 }\n\n"
                                  "rule stage.named {\n  severity warning  # why\n  applies-to stage\n"
                                  "  when plan.kind in [实施方案]\n  require name matches lexicon stage-words\n"
                                  "  message \"阶段“{name}”\"\n  hint \"改名\"\n  summary \"s\"\n}\n");
  planlint::DiagnosticList sink;
  const auto parsed = parse(file, sink);
  BOOST_TEST_REQUIRE(parsed.has_value());
  BOOST_TEST_REQUIRE(parsed->lexicons.size() == 1u);
  BOOST_TEST(std::string(parsed->lexicons[0].name) == "stage-words");
  BOOST_TEST(parsed->lexicons[0].words.size() == 2u);
  BOOST_TEST_REQUIRE(parsed->rules.size() == 1u);
  const auto& r = parsed->rules[0];
  BOOST_TEST(std::string(r.id) == "stage.named");
  BOOST_TEST(std::string(*r.severity) == "warning");
  BOOST_TEST(std::string(*r.applies_to) == "stage");
  BOOST_TEST(r.when.has_value());
  BOOST_TEST(*r.message == "阶段“{name}”");
  BOOST_TEST(*r.hint == "改名");
  BOOST_TEST(file.location(r.source).line == 4u);
}

struct ErrorCase {
  std::string text;
  unsigned line, column;
  std::string message;
};
std::ostream& operator<<(std::ostream& out, const ErrorCase& c) { return out << c.text; }

const ErrorCase kErrors[] = {
    {"rule x {\n  severity error\n  aplies-to task\n}\n", 3, 3,
     "expected a field (severity, applies-to, when, require, message, hint, summary) or '}', found “aplies-to task”"},
    {"lexicon { a b }", 1, 9, "expected a name (letters, digits, - . _), found “{ a b }”"},
    {"rule x { require count(units > 0 }", 1, 34, "expected ')', found “}”"},
    {"rule x { message \"unterminated }", 1, 33, "expected '\"', found the end of the file"},
    {"rule x { require title matches }", 1, 32,
     "expected lexicon NAME or a regular expression /…/, found “}”"},
    {"rules x {}", 1, 1, "expected a lexicon or rule declaration, found “rules x {}”"},
    {"rule 名字 { }", 1, 6, "expected a name (letters, digits, - . _), found “名字 { }”"},
};

BOOST_DATA_TEST_CASE(syntax_errors_say_where_and_what_was_expected, data::make(kErrors), c) {
  const planlint::SourceFile file("bad.rules", c.text);
  planlint::DiagnosticList sink;
  BOOST_TEST(!parse(file, sink).has_value());
  BOOST_TEST_REQUIRE(sink.items.size() == 1u);
  const auto& d = sink.items[0];
  BOOST_TEST(d.file == "bad.rules");
  BOOST_TEST(d.where.line == c.line);
  BOOST_TEST(d.where.column == c.column);
  BOOST_TEST(d.message == c.message);
  BOOST_TEST(d.rule == "rule-syntax");
}

// Nesting is bounded well below what the stack holds: about 8,000 levels
// overflowed it before the bound (SIGSEGV in every command that loads rules).
struct NestingCase {
  std::string name;
  std::string open, close;
  unsigned column;  // where level 65 starts its condition (level 1 opens at column 49)
};
std::ostream& operator<<(std::ostream& out, const NestingCase& c) { return out << c.name; }

const NestingCase kNesting[] = {
    {"not", "not ", "", 49 + 64 * 4 + 4},
    {"parentheses", "(", ")", 49 + 64 * 1 + 1},
    {"function arguments", "any(units, ", ")", 49 + 64 * 11 + 4},  // before level 65's first argument
};

BOOST_DATA_TEST_CASE(conditions_nested_too_deep_are_an_error_at_their_place, data::make(kNesting), c) {
  const std::string prefix = "rule x { severity error applies-to task require ";
  for (const std::size_t depth : {std::size_t{8000}, std::size_t{200000}}) {
    std::string text = prefix;
    for (std::size_t i = 0; i < depth; ++i) text += c.open;
    text += "true";
    for (std::size_t i = 0; i < depth; ++i) text += c.close;
    text += " message \"m\" }";
    const planlint::SourceFile file("deep.rules", text);
    planlint::DiagnosticList sink;
    BOOST_TEST(!parse(file, sink).has_value());
    BOOST_TEST_REQUIRE(sink.items.size() == 1u);
    const auto& d = sink.items[0];
    BOOST_TEST(d.message.find("nested more than 64 levels") != std::string::npos);
    BOOST_TEST(d.where.line == 1u);
    BOOST_TEST(d.where.column == c.column);
  }
  // 64 levels still parse.
  std::string text = prefix;
  for (int i = 0; i < 64; ++i) text += c.open;
  text += "true";
  for (int i = 0; i < 64; ++i) text += c.close;
  text += " message \"m\" }";
  const planlint::SourceFile file("ok.rules", text);
  planlint::DiagnosticList sink;
  BOOST_TEST(parse(file, sink).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
