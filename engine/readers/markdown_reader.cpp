// Markdown plans: cmark parses the CommonMark, and a walk over its tree
// writes the plain text the plan grammar reads, one view line per heading,
// item, paragraph or table row, each with the source line and column it
// comes from. The grammar, the plan builder and the rules then work on the
// view as on any .txt plan; only positions are mapped back.
#include "markdown_reader.hpp"

#include <cmark.h>

#include <algorithm>
#include <array>
#include <memory>

#include "parse.hpp"
#include "planlint/source.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kAsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// ------------------------------------------------------------ source lines

/// A line of the source: where its text begins and ends, and where the next
/// line begins. Lines end as cmark ends them: \n, \r\n or a lone \r.
struct LineSpan {
  std::size_t begin = 0, end = 0, next = 0;
};

std::vector<LineSpan> split_lines(std::string_view text) {
  std::vector<LineSpan> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    const std::size_t next = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? i + 2 : i + 1;
    lines.push_back(LineSpan{begin, i, next});
    begin = next;
    i = next - 1;
  }
  if (begin < text.size()) lines.push_back(LineSpan{begin, text.size(), text.size()});
  return lines;
}

std::string_view right_trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The text with its YAML front matter (a `---` line first, up to a `---` or
/// `...` line) emptied: cmark would read it as a thematic break and a
/// paragraph or a Setext heading. The lines stay, empty, so that every later
/// line keeps its number and its columns.
std::string without_front_matter(std::string_view text) {
  const auto lines = split_lines(text);
  const auto line_text = [&](std::size_t k) { return text.substr(lines[k].begin, lines[k].end - lines[k].begin); };
  if (lines.empty() || right_trimmed(line_text(0)) != "---") return std::string(text);
  for (std::size_t close = 1; close < lines.size(); ++close) {
    const std::string_view fence = right_trimmed(line_text(close));
    if (fence != "---" && fence != "...") continue;
    std::string out;
    out.reserve(text.size());
    for (std::size_t k = 0; k <= close; ++k) out.append(text.substr(lines[k].end, lines[k].next - lines[k].end));
    out.append(text.substr(lines[close].next));
    return out;
  }
  return std::string(text);  // no closing fence: not front matter
}

// ------------------------------------------------------------ code points

char32_t decode(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n > s.size()) return c;
  char32_t cp = n == 1 ? c : c & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
  return cp;
}

/// CJK ideographs and punctuation, kana, fullwidth forms: text where a line
/// break is no space (from the CJK radicals on, U+2E80).
bool wide(char32_t c) { return c >= 0x2E80; }

/// Appends a piece of a paragraph's next source line: with a space between
/// Latin words, with nothing where either side is CJK.
void join_line(std::string& text, std::string_view next) {
  if (!text.empty() && !next.empty() && !wide(decode(text::last_char(text))) && !wide(decode(text::first_char(next)))) {
    text += ' ';
  }
  text.append(next);
}

/// At most `limit` bytes of s, cut at a code point boundary.
std::string_view head(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  while (limit > 0 && (static_cast<unsigned char>(s[limit]) & 0xC0u) == 0x80u) --limit;
  return s.substr(0, limit);
}

std::uint32_t count(std::string_view s) { return static_cast<std::uint32_t>(code_points(s)); }

// ------------------------------------------------------------ numbering

/// The numbering styles of the plan grammar the reader writes, from the
/// outermost: 一、 （一） 1. （1） ①.
enum Style : int { kDun, kParenCn, kArabic, kParenArabic, kCircled };

std::optional<int> ladder_style(ast::NumberStyle style) {
  switch (style) {
    case ast::NumberStyle::dun: return kDun;
    case ast::NumberStyle::paren_cn: return kParenCn;
    case ast::NumberStyle::arabic: return kArabic;
    case ast::NumberStyle::paren_arabic: return kParenArabic;
    case ast::NumberStyle::circled: return kCircled;
    default: return std::nullopt;  // 第一章 and the like: numbered, but no rung of this ladder
  }
}

/// 1 → 一, 12 → 十二, 40 → 四十; from 100 on, and 0, in digits.
std::string chinese_numeral(unsigned n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n == 0 || n >= 100) return std::to_string(n);
  if (n < 10) return std::string(kDigits[n]);
  return std::string(n >= 20 ? kDigits[n / 10] : "") + "十" + std::string(kDigits[n % 10]);
}

/// The number `value` in `style`, to stand before `text`.
std::string number_marker(int style, unsigned value, std::string_view text) {
  switch (style) {
    case kDun: return chinese_numeral(value) + "、";
    case kParenCn: return "（" + chinese_numeral(value) + "）";
    case kArabic:
      // "1.2025年…" would read as the decimal 1.2: a space keeps it a number.
      return std::to_string(value) + "." + (!text.empty() && text[0] >= '0' && text[0] <= '9' ? " " : "");
    case kParenArabic: return "（" + std::to_string(value) + "）";
    default:
      if (value >= 1 && value <= 20) {  // ① U+2460 … ⑳ U+2473
        return std::string{'\xE2', '\x91', static_cast<char>(0xA0 + value - 1)};
      }
      return "（" + std::to_string(value) + "）";
  }
}

// ------------------------------------------------------------ the view

/// Where a piece of text comes from: the source line, cmark's byte column (0
/// when it gives none) and the first literal text, which is looked for in
/// the line (cmark's inline columns are wrong on lazy continuation lines).
struct Anchor {
  std::uint32_t line = 0;
  int column = 0;
  std::string literal;
};

/// The text of a block between two line breaks of its source.
struct Segment {
  std::string text;
  Anchor anchor;
  bool hard = false;  // after a hard line break (two spaces or a backslash)
  bool anchored = false;
};

class ViewBuilder {
 public:
  explicit ViewBuilder(std::string_view source) : source_(source), lines_(split_lines(source)) {}

  void walk(cmark_node* document);
  MarkdownText take() { return std::move(view_); }

 private:
  /// A list item's number or bullet, written before its first line.
  struct ItemMarker {
    bool bullet = false;
    int style = kArabic;
    unsigned value = 0;
  };
  struct List {
    bool ordered = false;
    unsigned next = 1;
  };

  std::vector<Segment> segments_of(cmark_node* block) const;
  void heading(cmark_node* node);
  void paragraph(cmark_node* node);
  bool table(const std::vector<Segment>& segments);
  ItemMarker item_marker() const;
  std::uint32_t column_of(const Anchor& anchor) const;
  void emit(std::string_view prefix, std::string_view text, const Anchor& anchor, std::uint32_t skipped = 0);

  std::string_view source_;
  std::vector<LineSpan> lines_;
  MarkdownText view_;
  bool block_start_ = false;  // the next line opens a block: a blank line goes before it
  std::uint32_t last_line_ = 0;
  std::vector<List> lists_;
  std::optional<ItemMarker> pending_item_;  // the open item has no line yet
  std::optional<int> section_style_;        // the enclosing heading's style
  std::array<unsigned, 7> counters_{};      // headings seen per level under the current parents
};

void ViewBuilder::walk(cmark_node* document) {
  const IterPtr iter(cmark_iter_new(document));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
      case CMARK_NODE_PARAGRAPH:
        // A leaf for the view: its inlines are read at once, then the walk
        // goes on after it.
        if (!enter) break;
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
          heading(node);
        } else {
          paragraph(node);
        }
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
        break;
      case CMARK_NODE_LIST:
        if (enter) {
          const int start = cmark_node_get_list_start(node);
          lists_.push_back(List{cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                static_cast<unsigned>(std::max(start, 0))});
        } else {
          lists_.pop_back();
        }
        break;
      case CMARK_NODE_ITEM:
        if (enter) {
          pending_item_ = item_marker();
        } else {
          pending_item_.reset();  // an item with no text: its number is dropped
          ++lists_.back().next;
        }
        break;
      default:
        // The document and block quotes: their children are read. Code
        // blocks, HTML blocks and thematic breaks hold nothing a plan says.
        break;
    }
  }
}

std::vector<Segment> ViewBuilder::segments_of(cmark_node* block) const {
  std::vector<Segment> segments(1);
  segments.back().anchor.line = static_cast<std::uint32_t>(cmark_node_get_start_line(block));
  const IterPtr iter(cmark_iter_new(block));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        const char* literal = cmark_node_get_literal(node);
        std::string piece = literal ? literal : "";
        std::replace(piece.begin(), piece.end(), '\n', ' ');  // none expected; a view line is one line
        std::replace(piece.begin(), piece.end(), '\r', ' ');
        Segment& segment = segments.back();
        if (!segment.anchored && !piece.empty()) {
          segment.anchored = true;
          if (const int line = cmark_node_get_start_line(node); line > 0) {
            segment.anchor.line = static_cast<std::uint32_t>(line);
            segment.anchor.column = cmark_node_get_start_column(node);
          }
          segment.anchor.literal = piece;
        }
        segment.text += piece;
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: {
        Segment next;
        next.anchor.line = segments.back().anchor.line + 1;
        next.hard = cmark_node_get_type(node) == CMARK_NODE_LINEBREAK;
        segments.push_back(std::move(next));
        break;
      }
      case CMARK_NODE_IMAGE:
        // A picture's alt text is no sentence of the plan.
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
        break;
      default:
        // Emphasis and links: their text is read. Inline HTML: left out.
        break;
    }
  }
  return segments;
}

std::uint32_t ViewBuilder::column_of(const Anchor& anchor) const {
  if (anchor.line == 0 || anchor.line > lines_.size()) return 1;
  const LineSpan span = lines_[anchor.line - 1];
  const std::string_view line = source_.substr(span.begin, span.end - span.begin);
  const auto indent = static_cast<std::size_t>(text::trim(line).data() - line.data());
  const std::size_t hint =
      std::min(anchor.column > 0 ? static_cast<std::size_t>(anchor.column - 1) : indent, line.size());
  if (const std::string_view probe = head(anchor.literal, 32); !probe.empty()) {
    const std::size_t at = line.substr(hint).starts_with(probe) ? hint : line.find(probe);
    if (at != std::string_view::npos) return count(line.substr(0, at)) + 1;
  }
  // An escape or an entity (\* &amp;) is not written as it reads: the text
  // after the punctuation it stands for is looked for instead, and the
  // columns from there on are exact.
  const std::string_view literal = anchor.literal;
  const std::size_t skipped = std::min(literal.size(), literal.find_first_not_of(kAsciiPunctuation));
  const std::size_t run_end = std::min(literal.size(), literal.find_first_of(kAsciiPunctuation, skipped));
  const std::string_view run = head(literal.substr(skipped, run_end - skipped), 32);
  if (const std::size_t at = run.empty() ? std::string_view::npos : line.find(run); at != std::string_view::npos) {
    return static_cast<std::uint32_t>(std::max<std::int64_t>(1, std::int64_t{count(line.substr(0, at))} + 1 -
                                                                    static_cast<std::int64_t>(skipped)));
  }
  return count(line.substr(0, hint)) + 1;  // cmark's column is the best there is
}

void ViewBuilder::emit(std::string_view prefix, std::string_view text, const Anchor& anchor, std::uint32_t skipped) {
  if (prefix.empty() && text.empty()) return;
  if (block_start_ && !view_.origins.empty()) {
    const auto after = std::min<std::uint32_t>(last_line_ + 1, static_cast<std::uint32_t>(lines_.size()));
    view_.text += '\n';
    view_.origins.push_back(ViewLineOrigin{after, 0, 0});
  }
  block_start_ = false;
  const std::uint32_t prefix_columns = count(prefix);
  const auto lines = static_cast<std::uint32_t>(std::max<std::size_t>(lines_.size(), 1));
  const std::uint32_t line = std::clamp(anchor.line == 0 ? last_line_ + 1 : anchor.line, 1u, lines);
  const std::int64_t shift = std::int64_t{column_of(anchor)} + skipped - (std::int64_t{prefix_columns} + 1);
  view_.text.append(prefix);
  view_.text.append(text);
  view_.text += '\n';
  view_.origins.push_back(ViewLineOrigin{line, static_cast<std::int32_t>(shift), prefix_columns});
  last_line_ = std::max(last_line_, line);
}

ViewBuilder::ItemMarker ViewBuilder::item_marker() const {
  const List& list = lists_.back();
  if (!list.ordered) return ItemMarker{true, 0, 0};
  // One rung below the enclosing heading (1. under the title or none), one
  // more for each list the item's list is nested in.
  const int base = section_style_ ? *section_style_ + 1 : static_cast<int>(kArabic);
  const int style = std::min<int>(base + static_cast<int>(lists_.size()) - 1, kCircled);
  return ItemMarker{false, style, list.next};
}

void ViewBuilder::heading(cmark_node* node) {
  const auto segments = segments_of(node);
  std::string title;
  for (const auto& segment : segments) join_line(title, text::trim(segment.text));
  if (title.empty()) return;  // `##` alone: no section, and nothing counted
  const int level = std::clamp(cmark_node_get_heading_level(node), 1, 6);
  // Counted whether numbered in the text or not: `## 一、…` then `## 任务`
  // makes the second 二、.
  ++counters_[static_cast<std::size_t>(level)];
  std::fill(counters_.begin() + level + 1, counters_.end(), 0u);
  block_start_ = true;
  if (level == 1) {
    // The plan's title when it opens the document, as a .txt plan has it; a
    // later one stands as written too (a heading if it has a number).
    section_style_.reset();
    emit({}, title, segments.front().anchor);
    return;
  }
  if (const auto marker = parse_marker(title)) {
    section_style_ = ladder_style(marker->style).value_or(level - 2);
    emit({}, title, segments.front().anchor);
    return;
  }
  section_style_ = level - 2;
  emit(number_marker(level - 2, counters_[static_cast<std::size_t>(level)], title), title,
       segments.front().anchor);
}

bool ViewBuilder::table(const std::vector<Segment>& segments) {
  const auto is_row = [](const Segment& s) { return text::trim(s.text).starts_with('|'); };
  const auto cells_of = [](const Segment& s) {
    std::string_view row = text::trim(s.text);
    row.remove_prefix(1);
    if (row.ends_with('|')) row.remove_suffix(1);
    std::vector<std::string_view> cells;
    for (std::size_t at = 0;;) {
      const std::size_t bar = row.find('|', at);
      cells.push_back(text::trim(row.substr(at, bar == std::string_view::npos ? bar : bar - at)));
      if (bar == std::string_view::npos) break;
      at = bar + 1;
    }
    return cells;
  };
  const auto is_delimiter = [&](const Segment& s) {
    if (!is_row(s)) return false;
    for (const std::string_view cell : cells_of(s)) {
      std::string_view dashes = cell;
      if (dashes.starts_with(':')) dashes.remove_prefix(1);
      if (dashes.ends_with(':')) dashes.remove_suffix(1);
      if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) return false;
    }
    return true;
  };
  // GFM's table: a header row, then the delimiter row.
  if (segments.size() < 2 || !is_row(segments[0]) || !is_delimiter(segments[1])) return false;
  std::size_t k = 0;
  for (; k < segments.size() && is_row(segments[k]); ++k) {
    if (k == 1) continue;  // the delimiter row
    const auto cells = cells_of(segments[k]);
    std::string row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) row += '\t';
      row.append(cells[c]);
    }
    // The view line begins at the first cell's text, past the | before it.
    const std::string_view all = segments[k].text;
    const std::uint32_t skipped =
        cells.front().empty() ? 0 : count(all.substr(0, static_cast<std::size_t>(cells.front().data() - all.data())));
    emit({}, row, segments[k].anchor, skipped);
  }
  // Lines after the rows are a paragraph of their own.
  if (k < segments.size()) {
    block_start_ = true;
    std::string rest;
    for (std::size_t j = k; j < segments.size(); ++j) join_line(rest, segments[j].text);
    emit({}, rest, segments[k].anchor);
  }
  return true;
}

void ViewBuilder::paragraph(cmark_node* node) {
  const auto segments = segments_of(node);
  block_start_ = true;
  std::string prefix;
  if (pending_item_) {
    const ItemMarker item = *pending_item_;
    prefix = item.bullet ? "——" : number_marker(item.style, item.value, segments.front().text);
    pending_item_.reset();
  }
  if (prefix.empty() && table(segments)) return;
  std::string text;
  const Segment* first = &segments.front();
  for (const auto& segment : segments) {
    if (segment.hard && &segment != first) {
      emit(prefix, text, first->anchor);
      prefix.clear();
      text.clear();
      first = &segment;
    }
    join_line(text, segment.text);
  }
  emit(prefix, text, first->anchor);
}

}  // namespace

std::optional<MarkdownText> read_markdown(std::string_view utf8, std::string& error) {
  if (const auto bad = check_utf8_text(utf8)) {
    error = bad->message;
    return std::nullopt;
  }
  if (utf8.starts_with(kBom)) utf8.remove_prefix(kBom.size());
  const std::string source = without_front_matter(utf8);
  const NodePtr document(cmark_parse_document(source.data(), source.size(), CMARK_OPT_SOURCEPOS));
  if (!document) {
    error = "cannot parse Markdown (out of memory?)";
    return std::nullopt;
  }
  ViewBuilder builder(source);
  builder.walk(document.get());
  return builder.take();
}

}  // namespace planlint
