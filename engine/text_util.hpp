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
