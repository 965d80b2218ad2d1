// A list that is empty for most of the objects that have one, kept in one
// pointer: the vector behind it is made when the first item is added.
//
// A section has boxes, tables, targets, stages and units, but most sections
// have none of them; a plan with 100,000 headings would otherwise carry
// 100,000 sets of empty vectors. RareList reads like a vector (range for,
// size, [], push_back) and copies like one.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace planlint {

template <typename T>
class RareList {
 public:
  RareList() = default;
  RareList(std::vector<T> items) { *this = std::move(items); }  // a vector converts
  RareList(const RareList& other) : items_(copy(other.items_)) {}
  RareList& operator=(const RareList& other) {
    if (this != &other) items_ = copy(other.items_);
    return *this;
  }
  RareList(RareList&&) noexcept = default;
  RareList& operator=(RareList&&) noexcept = default;
  RareList& operator=(std::vector<T> items) {
    if (items.empty()) {
      items_.reset();
    } else {
      items_ = std::make_unique<std::vector<T>>(std::move(items));
    }
    return *this;
  }

  bool empty() const { return !items_ || items_->empty(); }
  std::size_t size() const { return items_ ? items_->size() : 0; }

  const T* begin() const { return items_ ? items_->data() : nullptr; }
  const T* end() const { return items_ ? items_->data() + items_->size() : nullptr; }
  T* begin() { return items_ ? items_->data() : nullptr; }
  T* end() { return items_ ? items_->data() + items_->size() : nullptr; }

  const T& operator[](std::size_t i) const { return (*items_)[i]; }
  T& operator[](std::size_t i) { return (*items_)[i]; }
  const T& at(std::size_t i) const {
    if (i >= size()) throw std::out_of_range("RareList::at");
    return (*items_)[i];
  }
  const T& front() const { return items_->front(); }
  const T& back() const { return items_->back(); }
  T& back() { return items_->back(); }

  void push_back(T item) { items().push_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return items().emplace_back(std::forward<Args>(args)...);
  }

  /// The vector itself, made if there is none yet (for code that fills a
  /// std::vector).
  std::vector<T>& items() {
    if (!items_) items_ = std::make_unique<std::vector<T>>();
    return *items_;
  }

 private:
  static std::unique_ptr<std::vector<T>> copy(const std::unique_ptr<std::vector<T>>& items) {
    return items ? std::make_unique<std::vector<T>>(*items) : nullptr;
  }

  std::unique_ptr<std::vector<T>> items_;
};

}  // namespace planlint
