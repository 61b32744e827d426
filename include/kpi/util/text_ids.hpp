#pragma once
// Texts that many records repeat (a run's paths, sheet names, rule codes), each kept once and
// named by a number: a record holds four bytes instead of the text. Numbers are given from 0
// in the order texts are first seen. A text's view stays valid as long as the table, moves
// included (the texts never move).
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kpi::util {

class TextIds {
 public:
  // The text's number, given now if it is new. `hint` is the number the caller asked for last
  // (or any number): when it names the same text, no hashing is done, and it is set to the
  // answer.
  std::uint32_t id_of(std::string_view text, std::uint32_t& hint);
  std::uint32_t id_of(std::string_view text);
  std::string_view text(std::uint32_t id) const { return texts_.at(id); }
  std::size_t size() const { return texts_.size(); }

 private:
  std::deque<std::string> texts_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace kpi::util
