// Implements include/planlint/parse.hpp: the only non-grammar unit that sees
// the grammars' configuration.
#include "parse.hpp"

#include <algorithm>

#include "ast_adapted.hpp"
#include "clause.hpp"
#include "common.hpp"
#include "config.hpp"
#include "document.hpp"
#include "labelled.hpp"
#include "mention.hpp"
#include "numbering.hpp"
#include "rule_language.hpp"

namespace planlint {

namespace x3 = boost::spirit::x3;

namespace {

template <typename Parser, typename Attribute>
bool parse_prefix(std::string_view text, Parser const& parser, Attribute& attribute,
                  char const** stop = nullptr) {
  char const* first = text.data();
  char const* const last = text.data() + text.size();
  const bool ok = x3::parse(first, last, parser, attribute);
  if (stop) *stop = first;
  return ok;
}

}  // namespace

std::optional<ast::Document> parse_document(const SourceFile& source, DiagnosticSink& sink) {
  ast::Document document;
  document.lines.reserve(source.line_count());  // one node per line: no regrowth
  const std::string_view text = source.text();
  char const* stop = nullptr;
  const bool ok = parse_prefix(text, grammar::document(), document.lines, &stop);
  if (!ok || stop != text.data() + text.size()) {
    const Location at = source.location(static_cast<std::size_t>(stop - text.data()));
    sink.report(Diagnostic{source.path(), at, "parse-error", Severity::error,
                           "the plan grammar stopped here", ""});
    return std::nullopt;
  }
  return document;
}

std::optional<ast::Marker> parse_marker(std::string_view text) {
  ast::Marker marker;
  if (!parse_prefix(text, grammar::marker(), marker)) return std::nullopt;
  return marker;
}

std::optional<ast::Labelled> parse_labelled(std::string_view text) {
  ast::Labelled labelled;
  if (!parse_prefix(text, grammar::labelled(), labelled)) return std::nullopt;
  return labelled;
}

std::optional<ast::TocEntry> parse_toc_entry(std::string_view line) {
  ast::TocEntry entry;
  char const* stop = nullptr;
  if (!parse_prefix(line, grammar::toc_entry(), entry, &stop) || stop != line.data() + line.size()) {
    return std::nullopt;
  }
  return entry;
}

std::optional<ast::Heading> parse_bare_heading(std::string_view line) {
  ast::Heading heading;
  if (!parse_prefix(line, grammar::bare_heading(), heading)) return std::nullopt;
  return heading;
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> out;
  parse_prefix(line, grammar::all_cells(), out);
  return out;
}

std::vector<std::string_view> split_names(std::string_view text) {
  std::vector<std::string_view> out;
  parse_prefix(text, grammar::name_items(), out);
  return out;
}

std::vector<ast::Clause> split_clauses(std::string_view text) {
  std::vector<ast::Clause> out;
  parse_prefix(text, grammar::clauses(), out);
  return out;
}

std::vector<ast::Mention> find_mentions(std::string_view text) {
  std::vector<ast::Mention> out;
  parse_prefix(text, grammar::mentions(), out);
  return out;
}

namespace {

/// Tries `parser` at every opening bracket of text, ( or （, and keeps what
/// parses; the reading goes on after it. Each kind of bracket is searched for
/// again only once the reading has passed the last one found, so the text is
/// scanned once for each.
template <typename Parser, typename Found>
void find_bracketed(std::string_view text, Parser const& parser, Found&& found) {
  constexpr auto npos = std::string_view::npos;
  std::size_t ascii = text.find('(');
  std::size_t wide = text.find("（");
  for (std::size_t at = 0; at < text.size();) {
    if (ascii != npos && ascii < at) ascii = text.find('(', at);
    if (wide != npos && wide < at) wide = text.find("（", at);
    const std::size_t open = std::min(ascii, wide);
    if (open == npos) break;
    char const* stop = nullptr;
    if (found(text.substr(open), parser, stop)) {
      at = static_cast<std::size_t>(stop - text.data());
    } else {
      at = open + (open == ascii ? 1 : std::string_view("（").size());
    }
  }
}

}  // namespace

std::vector<ast::InlineLabelled> find_inline_labelled(std::string_view text) {
  std::vector<ast::InlineLabelled> out;
  find_bracketed(text, grammar::inline_labelled(), [&](std::string_view rest, auto const& parser, char const*& stop) {
    ast::InlineLabelled group;
    if (!parse_prefix(rest, parser, group, &stop)) return false;
    out.push_back(std::move(group));
    return true;
  });
  return out;
}

std::vector<ast::Parenthetical> find_parentheticals(std::string_view text) {
  std::vector<ast::Parenthetical> out;
  find_bracketed(text, grammar::parenthetical(), [&](std::string_view rest, auto const& parser, char const*& stop) {
    ast::Parenthetical p;
    if (!parse_prefix(rest, parser, p.clauses, &stop)) return false;
    p.source = std::string_view(rest.data(), static_cast<std::size_t>(stop - rest.data()));
    out.push_back(std::move(p));
    return true;
  });
  return out;
}

std::string_view statement_opening(std::string_view text) {
  std::string_view numeral;
  if (!parse_prefix(text, grammar::statement_opening(), numeral)) return {};
  return numeral;
}

std::optional<ast::RuleFile> parse_rule_file(const SourceFile& source, DiagnosticSink& sink) {
  ast::RuleFile file;
  grammar::RuleErrorHandler handler;
  const std::string_view text = source.text();
  char const* first = text.data();
  char const* const last = text.data() + text.size();
  const auto parser = x3::with<grammar::rule_error_handler_tag>(std::ref(handler))[grammar::rule_file()];
  const bool ok = x3::phrase_parse(first, last, parser, grammar::rule_skipper, file);
  if (ok && first == last) return file;
  char const* where = handler.failed_at ? handler.failed_at : first;
  std::string expected = handler.expected.empty() ? "a lexicon or rule declaration" : handler.expected;
  std::string found;
  if (where == last) {
    found = "the end of the file";
  } else {
    std::string_view rest(where, static_cast<std::size_t>(last - where));
    std::size_t n = 0;
    while (n < rest.size() && n < 24 && rest[n] != '\n' && rest[n] != '\r') ++n;
    // Do not cut a UTF-8 sequence.
    while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
    found = "“" + std::string(rest.substr(0, n)) + "”";
  }
  sink.report(Diagnostic{source.path(), source.location(static_cast<std::size_t>(where - text.data())),
                         "rule-syntax", Severity::error,
                         handler.message.empty() ? "expected " + expected + ", found " + found : handler.message,
                         ""});
  return std::nullopt;
}

}  // namespace planlint
