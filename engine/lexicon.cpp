#include "planlint/lexicon.hpp"

#include <algorithm>

namespace planlint {

std::string_view Lexicon::find_in(std::string_view text) const {
  for (const auto& w : words) {
    if (text.find(w) != std::string_view::npos) return w;
  }
  return {};
}

std::string_view Lexicon::suffix_of(std::string_view text) const {
  for (const auto& w : words) {
    if (text.size() >= w.size() && text.substr(text.size() - w.size()) == w) return w;
  }
  return {};
}

std::string_view Lexicon::prefix_of(std::string_view text) const {
  for (const auto& w : words) {
    if (text.substr(0, w.size()) == w) return w;
  }
  return {};
}

bool Lexicon::contains(std::string_view word) const {
  return std::find(words.begin(), words.end(), word) != words.end();
}

void Lexicons::add(Lexicon lexicon) {
  std::stable_sort(lexicon.words.begin(), lexicon.words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  auto name = lexicon.name;
  by_name_[std::move(name)] = std::move(lexicon);
}

const Lexicon& Lexicons::get(std::string_view name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? empty_ : it->second;
}

std::vector<std::string> Lexicons::names() const {
  std::vector<std::string> out;
  for (const auto& [name, lexicon] : by_name_) out.push_back(name);
  return out;
}

const std::vector<std::string_view>& required_lexicons() {
  static const std::vector<std::string_view> names{
      "acceptance-stage",    "attachment-labels", "issuer-suffixes",  "notice-markers",
      "plan-kinds",          "quantity-units",    "quantity-units-cn", "role-background",
      "role-goals",          "role-guiding",      "role-qualifiers",  "role-safeguards",
      "role-tasks",          "role-timeline",     "trailer-labels",   "unit-labels",
      "unit-labels-lead",    "unit-labels-support"};
  return names;
}

}  // namespace planlint
