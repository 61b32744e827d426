#include "kpi/model/shared_name.hpp"

#include <mutex>
#include <unordered_set>

namespace kpi::model {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// The run's names. A set's elements keep their addresses as it grows.
class NameTable {
 public:
  const std::string* find_or_add(std::string_view text) {
    std::lock_guard lock(mutex_);
    auto it = names_.find(text);
    if (it == names_.end()) it = names_.emplace(text).first;
    return &*it;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<std::string, TextHash, std::equal_to<>> names_;
};

NameTable& names() {
  static auto* table = new NameTable;  // never destroyed: names outlive every static
  return *table;
}

}  // namespace

const std::string* SharedName::empty_text() {
  static const auto* empty = new std::string;  // never destroyed, as the table
  return empty;
}

SharedName::SharedName(std::string_view text)
    : text_(text.empty() ? empty_text() : names().find_or_add(text)) {}

}  // namespace kpi::model
