// Plans written in Markdown: parsed with cmark (CommonMark) and turned into a
// plain-text "view" laid out as the plan grammar expects a plan (a title
// line, numbered headings, numbered items, paragraphs one to a line, table
// rows with tabs), with the place in the Markdown source of every view line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planlint/source.hpp"

namespace planlint {

/// Where a view line comes from: its Markdown source line, and how view
/// columns map to source columns (planlint::LineOrigin, origin_column): the
/// first `prefix` columns are a number or bullet the reader wrote (一、 for
/// `## 总体要求`, 1. for a list item, —— for a bullet).
using ViewLineOrigin = LineOrigin;

/// The view: lines ending in \n, one origin per line.
struct MarkdownText {
  std::string text;
  std::vector<ViewLineOrigin> origins;
};

/// Reads Markdown (UTF-8, a BOM allowed) into a view:
/// - YAML front matter (`---` … `---` or `...` at the very start) is skipped;
/// - a level-1 heading that opens the document is the plan's title line; a
///   deeper heading is a section heading, numbered by its level (2 一、,
///   3 （一）, 4 1., 5 （1）, 6 ①; counted afresh under each parent) unless its
///   text starts with a number of its own, which is kept as written;
/// - an ordered list's items are numbered from the list's start in the style
///   one level below the enclosing heading's (1. when no section heading
///   encloses them), each nested list one level further; a bullet list's
///   items are —— bullets;
/// - a paragraph is one line (its source lines joined: nothing between CJK,
///   a space between Latin words; a hard line break starts a new line);
///   emphasis, code spans and links are their text; images, raw HTML, code
///   blocks and thematic breaks are left out; block quotes are read as their
///   paragraphs; a GFM pipe table (a paragraph to CommonMark) becomes rows of
///   tab-separated cells without its |---| row;
/// - blocks are separated by a blank line; table rows are not.
/// Fails (with a one-line `error`) only on text that is not UTF-8.
std::optional<MarkdownText> read_markdown(std::string_view utf8, std::string& error);

}  // namespace planlint
