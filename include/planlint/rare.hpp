// A part of an object that most objects of its kind lack, kept behind one
// pointer and made when it is first written.
//
// A section may hold boxes, tables, units, targets and stages, but most
// sections hold none of them: a plan of 100,000 headings would otherwise carry
// 100,000 sets of six empty vectors (144 bytes each, against 8 for the
// pointer). Rare<T> reads as a T that stays default-constructed until it is
// written, writes through make(), and copies deeply.
#pragma once

#include <memory>

namespace planlint {

template <typename T>
class Rare {
 public:
  Rare() = default;
  Rare(const Rare& other) : value_(copy(other.value_)) {}
  Rare& operator=(const Rare& other) {
    if (this != &other) value_ = copy(other.value_);
    return *this;
  }
  Rare(Rare&&) noexcept = default;
  Rare& operator=(Rare&&) noexcept = default;

  bool has_value() const { return value_ != nullptr; }
  /// The value; a default one (shared, never written) while there is none.
  const T& get() const { return value_ ? *value_ : none(); }
  /// The value for writing, made if there is none yet.
  T& make() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }

 private:
  static const T& none() {
    static const T value{};
    return value;
  }
  static std::unique_ptr<T> copy(const std::unique_ptr<T>& value) {
    return value ? std::make_unique<T>(*value) : nullptr;
  }

  std::unique_ptr<T> value_;
};

}  // namespace planlint
