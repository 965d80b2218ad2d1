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

namespace planlint {

/// Where a view line comes from. `line` is the source line (1-based); a view
/// column plus `column_shift` is the source column (code points, 1-based).
/// The first `prefix` columns of the view line are a number or bullet the
/// reader wrote (一、 for `## 总体要求`, 1. for a list item, —— for a bullet):
/// columns inside it map to the source column of the text after it.
struct ViewLineOrigin {
  std::uint32_t line = 0;
  std::int32_t column_shift = 0;
  std::uint32_t prefix = 0;
};

/// The source column of a view column, by the rules above (at least 1).
std::uint32_t source_column(const ViewLineOrigin& origin, std::uint32_t view_column);

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
