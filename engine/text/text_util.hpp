// Small helpers on UTF-8 text shared by the plan builder and the reports.
#pragma once

#include <deque>
#include <string>
#include <string_view>

namespace planlint::text {

/// Strips horizontal blanks (space, tab, U+3000, NBSP) at both ends.
std::string_view trim(std::string_view s);

/// True when s holds the opener of conversion debris (`**`, `[bookmark:…]`):
/// a `*` or a `[`. Two memchr calls; most text has neither.
bool has_debris(std::string_view s);

/// The text as a reader sees it: conversion debris ([bookmark: …], markdown
/// **) removed and blanks trimmed.
std::string clean(std::string_view s);

/// clean(s) as a view: s trimmed when it carries no debris (most text), else
/// the cleaned text appended to `store`, whose strings never move.
std::string_view clean_view(std::string_view s, std::deque<std::string>& store);
/// The same for a text needed only for a moment: the cleaned text, when there
/// is debris, goes into `buffer` (and lives until its next use).
std::string_view clean_view(std::string_view s, std::string& buffer);

/// True when the text ends a sentence or a lead-in (。！？；： and the like,
/// possibly followed by a closing quote or bracket).
bool ends_sentence(std::string_view s);

/// The first code point of s (empty view when s is empty).
std::string_view first_char(std::string_view s);

/// The last code point of s (empty view when s is empty).
std::string_view last_char(std::string_view s);

/// At most `limit` code points of s, with … appended when it was cut.
std::string excerpt(std::string_view s, std::size_t limit);
/// The same, appended to `out`.
void append_excerpt(std::string& out, std::string_view s, std::size_t limit);

// Inline, so that a comparison with a literal (a few bytes) is compiled in
// place rather than through a call to memcmp.
inline bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
inline bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

}  // namespace planlint::text

namespace planlint::text {

// ------------------------------------------------------------ safe output
// Plan text and file names come from anyone. These keep them from breaking
// an output format or driving the terminal that shows them.

/// The text with every control character but tab (C0, DEL, C1) and every
/// byte that is not part of valid UTF-8 shown as a visible escape (`\x1b`,
/// `\u009b`), so that no sequence in a plan reaches a terminal raw. Text
/// without such characters (nearly all) comes back unchanged.
std::string terminal_safe(std::string_view s);

/// The text as XML 1.0 allows it in content and attributes: C0 controls but
/// tab, LF and CR, U+FFFE, U+FFFF and bytes that are not valid UTF-8 are
/// each replaced by U+FFFD. Returns `s` itself when it needs nothing, else
/// the replaced text, kept in `buffer`.
std::string_view xml_safe(std::string_view s, std::string& buffer);
/// The same, as a string.
std::string xml_safe(std::string_view s);

/// A file path for an XML attribute. A path that is valid UTF-8 and free of
/// characters XML forbids is itself; any other is percent-encoded (each such
/// byte, and every `%`, as %XX: decoding gives the bytes back) and `encoded`
/// is set, so that the writer can say so.
std::string xml_path(std::string_view path, bool& encoded);

}  // namespace planlint::text
