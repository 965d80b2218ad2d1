// Pass 1 of the plan builder: what stands around the body. The cover notice
// (关于印发…的通知, 各…：, 现将…, issuer and date), the plan's own title, kind and
// period, the table of contents, and the trailer (附件, 抄送, 印发).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>

#include "plan_builder_detail.hpp"
#include "parse.hpp"
#include "text_util.hpp"

namespace planlint::detail {

namespace {

constexpr std::size_t kMaxTitleCodePoints = 60;
constexpr std::size_t kMaxIssuerCodePoints = 30;

std::string format_date(unsigned year, unsigned month, unsigned day) {
  if (day) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (month) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}", year);
}

bool is_blankish(const ast::Line& line) {
  return as<ast::Blank>(line) || as<ast::PageNumber>(line);
}

/// A date standing alone on its line (2020年2月26日): the mention, or nothing.
std::optional<ast::Mention> standalone_date(const ast::Line& line) {
  if (!as<ast::Text>(line)) return std::nullopt;
  const std::string_view t = text::trim(line_text(line));
  // A date line is short, opens with a digit or a Chinese numeral, and
  // names a year (年).
  if (t.empty() || t.size() > 48 || !((t[0] >= '0' && t[0] <= '9') || static_cast<unsigned char>(t[0]) >= 0xE3)) {
    return std::nullopt;
  }
  if (t.find("年") == std::string_view::npos) return std::nullopt;
  const auto mentions = find_mentions(t);
  if (mentions.size() != 1 || mentions[0].kind != ast::MentionKind::date) return std::nullopt;
  if (text::trim(mentions[0].source) != t) return std::nullopt;
  return mentions[0];
}

/// `(2020—2022年)` or `（2020—2022 年）`: a plan period in brackets.
std::optional<std::pair<unsigned, unsigned>> bracketed_period(std::string_view t) {
  t = text::trim(t);
  const bool open = text::starts_with(t, "（") || text::starts_with(t, "(");
  const bool close = text::ends_with(t, "）") || text::ends_with(t, ")");
  if (!open || !close) return std::nullopt;
  const auto mentions = find_mentions(t);
  if (mentions.size() != 1 || mentions[0].kind != ast::MentionKind::range) return std::nullopt;
  if (mentions[0].to_year == 0) return std::nullopt;
  return std::pair{mentions[0].year, mentions[0].to_year};
}

/// A title line without its trailing bracketed period, and the period.
struct TitleAndPeriod {
  std::string_view title;
  std::optional<std::pair<unsigned, unsigned>> period;
};

TitleAndPeriod strip_period(std::string_view title) {
  // bracketed_period() wants the closing bracket last: most lines have none.
  const std::string_view trimmed = text::trim(title);
  if (!text::ends_with(trimmed, "）") && !text::ends_with(trimmed, ")")) return {title, std::nullopt};
  for (std::string_view open : {"（", "("}) {
    const std::size_t at = title.rfind(open);
    if (at == std::string_view::npos || at == 0) continue;
    if (auto period = bracketed_period(title.substr(at))) return {text::trim(title.substr(0, at)), period};
  }
  return {title, std::nullopt};
}

bool is_issuer_like(const BuildContext& ctx, std::string_view t) {
  t = text::trim(t);
  if (t.empty() || code_points(t) > kMaxIssuerCodePoints) return false;
  for (std::string_view p : {"。", "，", "：", "；", "、", ",", ":"}) {
    if (t.find(p) != std::string_view::npos) return false;
  }
  if (text::ends_with(t, "文件")) t.remove_suffix(std::string_view("文件").size());
  return !ctx.lexicons.issuer_suffixes.suffix_of(t).empty();
}

std::string issuer_name(std::string_view t) {
  std::string s = text::clean(t);
  if (text::ends_with(s, "文件")) s.resize(s.size() - std::string_view("文件").size());
  return s;
}

bool is_notice_line(const BuildContext& ctx, std::string_view t) {
  return ctx.lexicons.notice_markers.occurs_in(t) || t.find("《") != std::string_view::npos;
}

/// `附件`, `附件1`, `附件 2`: an attachment label, with what follows it.
std::optional<std::string_view> after_attachment_label(const BuildContext& ctx, std::string_view t) {
  const std::string_view label = ctx.lexicons.attachment_labels.prefix_of(t);
  if (label.empty()) return std::nullopt;
  t.remove_prefix(label.size());
  while (!t.empty() && ((t[0] >= '0' && t[0] <= '9') || t[0] == ' ')) t.remove_prefix(1);
  return t;
}

bool is_trailer_line(const BuildContext& ctx, const ast::Line& line) {
  // Cheap tests on the raw line first: almost no line is a trailer line.
  const std::string_view raw = text::trim(line_text(line));
  const bool labelled = !ctx.lexicons.attachment_labels.prefix_of(raw).empty() ||
                        !ctx.lexicons.trailer_labels.prefix_of(raw).empty();
  if (!labelled && !text::ends_with(raw, "印发") && !text::ends_with(raw, "印发**")) return false;
  const std::string t = text::clean(raw);
  if (auto rest = after_attachment_label(ctx, t)) {
    return rest->empty() || text::starts_with(*rest, "：") || text::starts_with(*rest, ":");
  }
  const std::string_view label = ctx.lexicons.trailer_labels.prefix_of(t);
  if (!label.empty()) {
    const std::string_view rest = std::string_view(t).substr(label.size());
    if (text::starts_with(text::trim(rest), "：") || text::starts_with(text::trim(rest), ":")) {
      return true;
    }
  }
  // 北京市门头沟区人民政府办公室    2020年2月26日印发
  if (text::ends_with(t, "印发")) {
    for (const auto& m : find_mentions(t)) {
      if (m.kind == ast::MentionKind::date) return true;
    }
  }
  return false;
}

/// Marks tables of contents: 目录 and the entry lines (and blanks) after it.
std::vector<bool> find_toc(const ast::Document& doc) {
  std::vector<bool> in_toc(doc.lines.size(), false);
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (!as<ast::TocHeader>(doc.lines[i])) continue;
    in_toc[i] = true;
    std::size_t last_entry = i;
    for (std::size_t j = i + 1; j < doc.lines.size(); ++j) {
      if (parse_toc_entry(text::trim(line_text(doc.lines[j])))) {
        last_entry = j;
      } else if (!is_blankish(doc.lines[j])) {
        break;
      }
    }
    for (std::size_t j = i; j <= last_entry; ++j) in_toc[j] = true;
    i = last_entry;
  }
  return in_toc;
}

/// The plan's title line(s): the last line before the first heading that
/// ends with a kind of plan, with the short lines it was broken from.
struct TitleLines {
  std::size_t first = 0, last = 0;
  bool found = false;
};

TitleLines find_title(const BuildContext& ctx, const ast::Document& doc,
                      const std::vector<bool>& in_toc, std::size_t start, std::size_t first_heading) {
  TitleLines title;
  const Lexicon& kinds = ctx.lexicons.plan_kinds;
  for (std::size_t i = start; i < first_heading; ++i) {
    const auto& line = doc.lines[i];
    if (in_toc[i] || !as<ast::Text>(line)) continue;
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(line), buffer);
    const std::string_view candidate = strip_period(t).title;
    if (kinds.suffix_of(candidate).empty() || is_notice_line(ctx, t)) continue;
    if (after_attachment_label(ctx, t) || code_points(t) > kMaxTitleCodePoints) continue;
    title = TitleLines{i, i, true};
  }
  if (!title.found) return title;
  // A title broken over lines: walk back over short lines that do not end a
  // sentence and are neither notice, issuer, date nor aside.
  for (std::size_t i = title.first; i > start;) {
    std::size_t j = i - 1;
    while (j > start && is_blankish(doc.lines[j])) --j;
    const auto& line = doc.lines[j];
    if (!as<ast::Text>(line) || in_toc[j]) break;
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(line), buffer);
    if (t.empty() || code_points(t) > kMaxTitleCodePoints / 2 || text::ends_sentence(t)) break;
    if (text::starts_with(t, "（") || text::starts_with(t, "(")) break;
    if (is_notice_line(ctx, t) || is_issuer_like(ctx, t) || standalone_date(line)) break;
    if (after_attachment_label(ctx, t)) break;
    title.first = j;
    i = j;
  }
  return title;
}

/// Where the plan begins when a cover notice carries it as an attachment: the
/// line after a bare `附件` or `附件1` line (no ： after it) that a notice line
/// (关于印发…, 现将…) stands before and a plan's title follows. 0 when the
/// plan is not an attachment.
std::size_t attachment_start(const BuildContext& ctx, const ast::Document& doc, const std::vector<bool>& in_toc) {
  bool notice = false;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (in_toc[i] || is_blankish(doc.lines[i])) continue;
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(doc.lines[i]), buffer);
    if (!notice) {
      notice = is_notice_line(ctx, t);
      continue;
    }
    const auto rest = after_attachment_label(ctx, t);
    if (!rest || !text::trim(*rest).empty()) continue;
    std::size_t j = i + 1;
    while (j < doc.lines.size() && is_blankish(doc.lines[j])) ++j;
    if (j == doc.lines.size() || !as<ast::Text>(doc.lines[j])) continue;
    std::string title_buffer;
    const std::string_view title = text::clean_view(line_text(doc.lines[j]), title_buffer);
    if (!ctx.lexicons.plan_kinds.suffix_of(strip_period(title).title).empty() &&
        code_points(title) <= kMaxTitleCodePoints) {
      return i + 1;
    }
  }
  return 0;
}

void read_attachments(const BuildContext& ctx, const ast::Document& doc,
                      const std::vector<bool>& in_toc, Plan& plan) {
  auto bare = [](std::string_view t) {
    std::string out;
    for (std::size_t i = 0; i < t.size();) {
      if (text::starts_with(t.substr(i), "《") || text::starts_with(t.substr(i), "》")) {
        i += std::string_view("《").size();
      } else {
        out.push_back(t[i++]);
      }
    }
    return std::string(text::trim(out));
  };
  const Lexicon& labels = ctx.lexicons.attachment_labels;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (in_toc[i] || labels.prefix_of(text::trim(line_text(doc.lines[i]))).empty()) continue;
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(doc.lines[i]), buffer);
    auto rest = after_attachment_label(ctx, t);
    if (!rest) continue;
    std::string_view title = text::trim(*rest);
    if (!text::starts_with(title, "：") && !text::starts_with(title, ":")) continue;
    title.remove_prefix(text::starts_with(title, "：") ? std::string_view("：").size() : 1);
    title = text::trim(title);
    if (title.empty()) continue;
    // 附件：1.甲方案 then 2.乙清单 on the lines below: a numbered list of
    // attachments, each without its number.
    std::vector<std::pair<std::string_view, std::string_view>> listed;  // title, its line
    const auto numbered = parse_marker(title);
    listed.emplace_back(numbered ? text::trim(title.substr(numbered->source.size())) : title,
                        line_text(doc.lines[i]));
    for (std::size_t j = i + 1; numbered && j < doc.lines.size(); ++j) {
      const auto* h = as<ast::Heading>(doc.lines[j]);
      if (!h || h->marker.style != numbered->style) break;
      listed.emplace_back(text::trim(h->source.substr(h->marker.source.size())), h->source);
    }
    for (const auto& [name, at] : listed) {
      Attachment a{ctx.source.location(at), text::clean(name), false};
      const std::string wanted = bare(a.title);
      // Present when its content follows: a later line carries its title.
      for (std::size_t j = i + 1; j < doc.lines.size() && !a.present; ++j) {
        const std::string_view raw = line_text(doc.lines[j]);
        if (!as<ast::Text>(doc.lines[j]) || raw.size() + 8 < wanted.size()) continue;
        if (raw.find(std::string_view(wanted).substr(0, 9)) == std::string_view::npos) continue;
        if (bare(text::clean(raw)) == wanted) {
          a.present = true;
        }
      }
      plan.attachments.push_back(std::move(a));
    }
  }
}

}  // namespace

std::string_view line_text(const ast::Line& line) {
  return boost::apply_visitor([](const auto& node) { return node.source; }, line.get());
}

Regions read_front_and_back(const BuildContext& ctx, const ast::Document& doc, Plan& plan) {
  Regions regions;
  const std::size_t n = doc.lines.size();
  regions.in_toc = find_toc(doc);
  // A plan carried by a notice as its attachment is read from there on.
  const std::size_t start = attachment_start(ctx, doc, regions.in_toc);

  std::size_t first_heading = n;
  for (std::size_t i = start; i < n; ++i) {
    if (!regions.in_toc[i] && as<ast::Heading>(doc.lines[i])) {
      first_heading = i;
      break;
    }
  }

  // Title, kind, period.
  const TitleLines title = find_title(ctx, doc, regions.in_toc, start, first_heading);
  std::size_t after_title = 0;
  if (title.found) {
    std::string joined;
    for (std::size_t i = title.first; i <= title.last; ++i) {
      if (as<ast::Text>(doc.lines[i])) joined += text::clean(line_text(doc.lines[i]));
    }
    const TitleAndPeriod stripped = strip_period(joined);
    plan.title = std::string(stripped.title);
    if (stripped.period) std::tie(plan.period_start, plan.period_end) = *stripped.period;
    plan.title_at = ctx.source.location(line_text(doc.lines[title.first]));
    const std::string_view kind = ctx.lexicons.plan_kinds.suffix_of(plan.title);
    plan.kind = kind.empty() ? "other" : std::string(kind);
    after_title = title.last + 1;
    // A period on the line under the title: (2020—2022 年)
    std::size_t j = after_title;
    while (j < n && is_blankish(doc.lines[j])) ++j;
    if (j < n && plan.period_start == 0) {
      if (auto period = bracketed_period(text::clean(line_text(doc.lines[j])))) {
        plan.period_start = period->first;
        plan.period_end = period->second;
        after_title = j + 1;
      }
    }
  } else {
    plan.kind = "other";
  }

  // The body begins after the title and whatever stands under it: issuer,
  // date, an aside such as （此件公开发布）, a table of contents.
  std::size_t body_begin = title.found ? after_title : start;
  std::optional<std::size_t> date_line;
  while (body_begin < n) {
    const auto& line = doc.lines[body_begin];
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(line), buffer);
    if (regions.in_toc[body_begin] || is_blankish(line)) {
      ++body_begin;
    } else if (standalone_date(line)) {
      date_line = body_begin++;
    } else if (title.found && as<ast::Text>(line) && is_issuer_like(ctx, t)) {
      ++body_begin;
    } else if (title.found && (text::starts_with(t, "（") || text::starts_with(t, "(")) &&
               (text::ends_with(t, "）") || text::ends_with(t, ")")) && code_points(t) < 20) {
      ++body_begin;
    } else {
      break;
    }
  }
  if (!title.found) body_begin = std::min(body_begin, first_heading);

  // Date and issuer: the date line under the title, else the notice's last.
  if (!date_line && title.found) {
    for (std::size_t i = 0; i < title.first; ++i) {
      if (standalone_date(doc.lines[i])) date_line = i;
    }
  }
  if (date_line) {
    const auto m = *standalone_date(doc.lines[*date_line]);
    plan.date = format_date(m.year, m.month, m.day);
    std::size_t j = *date_line;
    while (j > 0 && is_blankish(doc.lines[j - 1])) --j;
    if (j > 0 && is_issuer_like(ctx, line_text(doc.lines[j - 1]))) {
      plan.issuer = issuer_name(line_text(doc.lines[j - 1]));
    }
  }
  if (plan.issuer.empty() && title.found) {
    // The notice's letterhead (天津市北辰区人民政府, …人民政府文件) or its
    // title's sender (北京市知识产权局关于印发…).
    for (std::size_t i = 0; i < title.first && plan.issuer.empty(); ++i) {
      if (is_blankish(doc.lines[i])) continue;
      std::string buffer;
      const std::string_view t = text::clean_view(line_text(doc.lines[i]), buffer);
      const std::size_t about = t.find("关于");
      if (is_issuer_like(ctx, t)) {
        plan.issuer = issuer_name(t);
      } else if (about != std::string::npos && about > 0 &&
                 is_issuer_like(ctx, std::string_view(t).substr(0, about))) {
        plan.issuer = issuer_name(std::string_view(t).substr(0, about));
      }
    }
  }

  // Document number: 京知局〔2020〕57号.
  for (std::size_t i = 0; i < (title.found ? title.first : 0); ++i) {
    std::string buffer;
    const std::string_view t = text::clean_view(line_text(doc.lines[i]), buffer);
    if (t.find("〔") != std::string::npos && text::ends_with(t, "号") && code_points(t) < 30) {
      plan.document_number = t;
    }
  }

  // The trailer: the first 附件, 抄送 or 印发 line after the body begins.
  std::size_t body_end = n;
  for (std::size_t i = body_begin; i < n; ++i) {
    if (!regions.in_toc[i] && is_trailer_line(ctx, doc.lines[i])) {
      body_end = i;
      break;
    }
  }
  read_attachments(ctx, doc, regions.in_toc, plan);

  regions.body_begin = body_begin;
  regions.body_end = std::max(body_begin, body_end);
  return regions;
}

}  // namespace planlint::detail
