#include "planlint/diagnostic.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <tuple>

namespace planlint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::ostream& operator<<(std::ostream& out, Severity s) { return out << to_string(s); }

bool operator<(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.where, a.rule) < std::tie(b.file, b.where, b.rule);
}

std::uint32_t DiagnosticQueue::name(std::string_view text, std::uint32_t previous) {
  // A rule's findings come one after another: most often the name is the
  // previous finding's.
  if (previous < names_.size() && names_[previous] == text) return previous;
  if (names_.size() <= kIndexFrom) {
    const auto found = std::find(names_.begin(), names_.end(), text);
    if (found != names_.end()) return static_cast<std::uint32_t>(found - names_.begin());
  } else {
    const auto found = name_index_.find(text);
    if (found != name_index_.end()) return found->second;
  }
  const auto index = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(text);
  if (names_.size() == kIndexFrom + 1) {
    for (std::uint32_t i = 0; i < names_.size(); ++i) name_index_.emplace(names_[i], i);
  } else if (names_.size() > kIndexFrom + 1) {
    name_index_.emplace(names_.back(), index);
  }
  return index;
}

void DiagnosticQueue::report(Diagnostic d) {
  report_borrowed(d.file, d.where, d.rule, d.severity, std::move(d.message), d.hint);
}

void DiagnosticQueue::report_borrowed(std::string_view file, Location where, std::string_view rule,
                                      Severity severity, std::string message, std::string_view hint) {
  constexpr auto kNone = static_cast<std::uint32_t>(-1);
  const Entry* last = items_.empty() ? nullptr : &items_.back();
  const std::uint32_t f = name(file, last ? last->file : kNone);
  const std::uint32_t r = name(rule, last ? last->rule : kNone);
  const std::uint32_t h = name(hint, last ? last->hint : kNone);
  items_.push_back(Entry{where, severity, f, r, h, std::move(message)});
}

std::vector<Diagnostic> DiagnosticQueue::take_sorted() {
  // The order of operator< on diagnostics (file, line, column, rule id),
  // worked out on the compact entries: making the diagnostics first and
  // then sorting them would hold them twice over at once (a file of 200,000
  // headings peaked about 7 MB higher).
  // Names compare by their rank among all names, worked out once: a
  // comparison of two entries is then a comparison of numbers.
  std::vector<std::uint32_t> by_name(names_.size());
  std::iota(by_name.begin(), by_name.end(), 0u);
  std::sort(by_name.begin(), by_name.end(), [this](std::uint32_t a, std::uint32_t b) { return names_[a] < names_[b]; });
  std::vector<std::uint32_t> rank(names_.size());
  for (std::uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  const auto before = [&rank](const Entry& a, const Entry& b) {
    return std::tie(rank[a.file], a.where, rank[a.rule]) < std::tie(rank[b.file], b.where, rank[b.rule]);
  };
  std::vector<std::uint32_t> order(items_.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!std::is_sorted(items_.begin(), items_.end(), before)) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return before(items_[a], items_[b]); });
  }
  std::vector<Diagnostic> sorted;
  sorted.reserve(items_.size());
  for (const std::uint32_t i : order) {
    Entry& e = items_[i];
    sorted.push_back(
        Diagnostic{names_[e.file], e.where, names_[e.rule], e.severity, std::move(e.message), names_[e.hint]});
  }
  items_.clear();
  items_.shrink_to_fit();
  names_.clear();
  name_index_.clear();
  return sorted;
}

}  // namespace planlint
