#pragma once
// Boxed<T>: a rarely-set part of a model struct, kept on the heap only once it is set, so the
// common case costs one pointer. Reads (`*box`, `box->field`) give a default T when nothing
// was set; writes go through `box.edit()` (allocates) or `box = T{...}`. Copies are deep.
#include <memory>
#include <utility>

namespace kpi::model {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : part_(other.part_ ? std::make_unique<T>(*other.part_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) part_ = other.part_ ? std::make_unique<T>(*other.part_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    part_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Boxed() = default;

  const T& operator*() const { return part_ ? *part_ : unset(); }
  const T* operator->() const { return &**this; }
  T& edit() {
    if (!part_) part_ = std::make_unique<T>();
    return *part_;
  }
  bool is_set() const { return part_ != nullptr; }

 private:
  static const T& unset() {
    static const T none{};
    return none;
  }
  std::unique_ptr<T> part_;
};

}  // namespace kpi::model
