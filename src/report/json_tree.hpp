#pragma once
// The Json tree of what fields:: (json_fields.hpp) write: TreeBuilder takes the same calls as
// JsonWriter and puts the values into a tree.
#include <string>
#include <string_view>
#include <vector>

#include "kpi/report/json.hpp"

namespace kpi::report {

class TreeBuilder {
 public:
  TreeBuilder& key(std::string_view name) {
    key_.assign(name);
    return *this;
  }
  void begin_object() { open_.push_back(&put_(Json::object())); }
  void begin_array() { open_.push_back(&put_(Json::array())); }
  void end_object() { open_.pop_back(); }
  void end_array() { open_.pop_back(); }

  void null() { put_(nullptr); }
  void boolean(bool value) { put_(value); }
  void integer(std::int64_t value) { put_(value); }
  void unsigned_integer(std::uint64_t value) { put_(value); }
  void number(double value) { put_(value); }
  void string(std::string_view text) { put_(std::string(text)); }

  Json take() { return std::move(root_); }

 private:
  // The new value: the root, the next element of the open array, or the open object's key.
  // References stay valid: nothing is added to a container while a child of it is open.
  Json& put_(Json value) {
    if (open_.empty()) return root_ = std::move(value);
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return parent.back();
    }
    return parent[key_] = std::move(value);
  }

  Json root_;
  std::vector<Json*> open_;
  std::string key_;
};

// The tree of what `write(builder)` writes.
template <typename Write>
Json json_tree(Write write) {
  TreeBuilder builder;
  write(builder);
  return builder.take();
}

}  // namespace kpi::report
