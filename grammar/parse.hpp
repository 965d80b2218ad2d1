// Entry points of the grammars. Nothing here exposes Spirit.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "planlint/ast/rules.hpp"
#include "planlint/diagnostic.hpp"
#include "planlint/source.hpp"

namespace planlint {

/// Parses a plan into classified lines. Every line of text is some kind of
/// line, so this only fails on a defect of the grammar, reported to `sink`
/// as a parse-error at the line where it stopped.
std::optional<ast::Document> parse_document(const SourceFile& source, DiagnosticSink& sink);

/// Grammar pieces, used by the plan builder (and tested one by one).
std::optional<ast::Marker> parse_marker(std::string_view text);  // whole marker prefix
std::optional<ast::Labelled> parse_labelled(std::string_view text);
/// A whole line as a table-of-contents entry (`一、总体要求.....4`).
std::optional<ast::TocEntry> parse_toc_entry(std::string_view line);
/// A line opening with a bare number (1突破…) as a heading: a candidate,
/// whatever the number counts (2025年 is one too); the plan builder decides.
std::optional<ast::Heading> parse_bare_heading(std::string_view line);
std::vector<ast::Clause> split_clauses(std::string_view text);
/// A table row (one line) split at its tabs, empty cells kept.
std::vector<std::string_view> split_cells(std::string_view line);
/// A list of names without a label (a table cell), split on 、，；.
std::vector<std::string_view> split_names(std::string_view text);
std::vector<ast::Mention> find_mentions(std::string_view text);
std::vector<ast::InlineLabelled> find_inline_labelled(std::string_view text);

/// Unlabelled lists of names in brackets found in text: `（A牵头，B、C配合）`.
/// A bracket that a labelled list claims (find_inline_labelled) is not one.
std::vector<ast::Parenthetical> find_parentheticals(std::string_view text);
/// "一是…" → "一"; empty when the text does not open a numbered statement.
std::string_view statement_opening(std::string_view text);

/// Parses a rule file. On a syntax error reports one diagnostic (rule
/// "rule-syntax") naming line, column and what was expected.
std::optional<ast::RuleFile> parse_rule_file(const SourceFile& source, DiagnosticSink& sink);

}  // namespace planlint
