#pragma once
// SharedName: a file path or sheet name kept once for the whole run and shared by every
// location in it. A location costs one pointer instead of its own copy of the path (an
// allocation per KPI and per observation when the path is longer than a short string), and
// two names are equal when they point at the same text. Making one from a text looks it up in
// a table behind a lock, so a reader makes its file's name once and copies it (a copy is a
// pointer). The texts live until the process ends: one per distinct path or sheet name.
#include <fmt/core.h>
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace kpi::model {

class SharedName {
 public:
  SharedName() = default;             // ""
  SharedName(std::string_view text);  // NOLINT(google-explicit-constructor): a path reads as one
  SharedName(const std::string& text) : SharedName(std::string_view(text)) {}  // NOLINT
  SharedName(const char* text) : SharedName(std::string_view(text)) {}         // NOLINT

  const std::string& str() const { return *text_; }
  std::string_view view() const { return *text_; }
  operator std::string_view() const { return *text_; }  // NOLINT: passes where a text is read
  const char* c_str() const { return text_->c_str(); }
  const char* data() const { return text_->data(); }
  std::size_t size() const { return text_->size(); }
  bool empty() const { return text_->empty(); }

  // One text per name, so equal names are the same pointer.
  friend bool operator==(const SharedName& a, const SharedName& b) { return a.text_ == b.text_; }
  friend bool operator==(const SharedName& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedName& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const SharedName& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedName& a, const SharedName& b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return a.view() <=> b.view();
  }

 private:
  static const std::string* empty_text();
  const std::string* text_ = empty_text();
};

}  // namespace kpi::model

template <>
struct fmt::formatter<kpi::model::SharedName> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const kpi::model::SharedName& name, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(name.view(), ctx);
  }
};
