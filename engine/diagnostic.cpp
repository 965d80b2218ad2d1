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

void sort_diagnostics(std::vector<Diagnostic>& list) {
  if (std::is_sorted(list.begin(), list.end())) return;
  std::vector<std::uint32_t> order(list.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&list](std::uint32_t a, std::uint32_t b) { return list[a] < list[b]; });
  std::vector<Diagnostic> sorted;
  sorted.reserve(list.size());
  for (const std::uint32_t i : order) sorted.push_back(std::move(list[i]));
  list = std::move(sorted);
}

std::vector<Diagnostic> DiagnosticQueue::take_sorted() {
  std::vector<std::uint32_t> order(items_.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!std::is_sorted(items_.begin(), items_.end())) {
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) { return items_[a] < items_[b]; });
  }
  std::vector<Diagnostic> sorted;
  sorted.reserve(items_.size());
  for (const std::uint32_t i : order) sorted.push_back(std::move(items_[i]));
  items_.clear();
  items_.shrink_to_fit();
  return sorted;
}

}  // namespace planlint
