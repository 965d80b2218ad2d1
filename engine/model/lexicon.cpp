#include "planlint/lexicon.hpp"

#include <algorithm>

namespace planlint {

void WordTrie::insert(std::string_view word, std::uint32_t id) {
  if (word.empty()) return;
  if (word.size() >= 2) pairs_.set(pair_index(static_cast<unsigned char>(word[0]), static_cast<unsigned char>(word[1])));
  std::uint32_t node = 0;
  for (const char ch : word) {
    const auto byte = static_cast<unsigned char>(ch);
    std::uint32_t next = child(node, byte);
    if (next == 0) {
      next = static_cast<std::uint32_t>(nodes_.size());
      Node added;
      added.byte = byte;
      added.next_sibling = nodes_[node].first_child;
      nodes_.push_back(added);
      nodes_[node].first_child = next;
      if (node == 0) root_[byte] = next;
    }
    node = next;
  }
  if (nodes_[node].word < 0) nodes_[node].word = static_cast<std::int32_t>(id);  // a repeated word keeps its first id
}

std::uint32_t WordTrie::child(std::uint32_t node, unsigned char byte) const {
  if (node == 0) return root_[byte];
  for (std::uint32_t c = nodes_[node].first_child; c != 0; c = nodes_[c].next_sibling) {
    if (nodes_[c].byte == byte) return c;
  }
  return 0;
}

template <typename Step>
std::optional<WordTrie::Match> WordTrie::walk(Step&& step, std::size_t size) const {
  std::optional<Match> best;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < size; ++i) {
    node = child(node, step(i));
    if (node == 0) break;
    if (nodes_[node].word >= 0) best = Match{static_cast<std::uint32_t>(nodes_[node].word), i + 1};
  }
  return best;
}

std::optional<WordTrie::Match> WordTrie::longest_prefix(std::string_view text) const {
  return walk([text](std::size_t i) { return static_cast<unsigned char>(text[i]); }, text.size());
}

std::optional<WordTrie::Match> WordTrie::longest_reversed_suffix(std::string_view text) const {
  const std::size_t n = text.size();
  return walk([text, n](std::size_t i) { return static_cast<unsigned char>(text[n - 1 - i]); }, n);
}

Lexicon::Lexicon(std::string name, std::vector<std::string> words, std::string file, Location where)
    : name_(std::move(name)), words_(std::move(words)), file_(std::move(file)), where_(where) {
  std::stable_sort(words_.begin(), words_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (std::uint32_t id = 0; id < words_.size(); ++id) {
    forward_.insert(words_[id], id);
    backward_.insert(std::string(words_[id].rbegin(), words_[id].rend()), id);
  }
}

std::string_view Lexicon::find_in(std::string_view text) const {
  // The longest match over all starting points; among matches of one
  // length, the word listed first (the lowest id).
  std::optional<WordTrie::Match> best;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto first = static_cast<unsigned char>(text[at]);
    if (at + 1 < text.size() ? !forward_.may_begin(first, static_cast<unsigned char>(text[at + 1]))
                             : !forward_.may_begin(first)) {
      continue;
    }
    const auto m = forward_.longest_prefix(text.substr(at));
    if (m && (!best || m->length > best->length || (m->length == best->length && m->id < best->id))) best = m;
  }
  return best ? std::string_view(words_[best->id]) : std::string_view();
}

std::string_view Lexicon::suffix_of(std::string_view text) const {
  // The reversed words begin with a word's last two bytes, in reverse; the
  // last byte alone is tested first, as in prefix_of.
  const std::size_t n = text.size();
  if (n == 0 || !backward_.may_begin(static_cast<unsigned char>(text[n - 1]))) return {};
  if (n >= 2 && !backward_.may_begin(static_cast<unsigned char>(text[n - 1]), static_cast<unsigned char>(text[n - 2]))) {
    return {};
  }
  const auto m = backward_.longest_reversed_suffix(text);
  return m ? std::string_view(words_[m->id]) : std::string_view();
}

std::string_view Lexicon::prefix_of(std::string_view text) const {
  // Most texts asked about begin with no word's first two bytes. The first
  // byte alone is tested first: cheaper, and it turns most texts away.
  if (text.empty() || !forward_.may_begin(static_cast<unsigned char>(text[0]))) return {};
  if (text.size() >= 2 && !forward_.may_begin(static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]))) {
    return {};
  }
  const auto m = forward_.longest_prefix(text);
  return m ? std::string_view(words_[m->id]) : std::string_view();
}

bool Lexicon::contains(std::string_view word) const {
  if (word.empty() || !forward_.may_begin(static_cast<unsigned char>(word[0]))) return false;
  const auto m = forward_.longest_prefix(word);
  return m && m->length == word.size();
}

void Lexicons::add(Lexicon lexicon) {
  auto name = lexicon.name();
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
      "acceptance-stage",    "action-adverbs",    "action-openers",   "attachment-labels",
      "follow-up-stages",    "goal-labels",       "issuer-suffixes",  "list-closers",     "notice-markers",   "number-words",   "stage-words",
      "plan-kinds",          "quantity-units",    "quantity-units-cn", "role-background",
      "role-goals",          "role-guiding",      "role-qualifiers",  "role-safeguards",
      "role-tasks",          "role-timeline",     "serial-columns",     "trailer-labels",   "unit-labels",
      "unit-labels-lead",    "unit-labels-support", "unit-name-trailers", "unit-sentence-words",
      "unit-verbs",          "unit-verbs-lead"};
  return names;
}

}  // namespace planlint
