#include "kpi/text/line_reader.hpp"

#include <cstring>

namespace kpi::text {

bool LineReader::next(std::string_view& line) {
  if (pos_ >= text_.size()) return false;
  const char* begin = text_.data() + pos_;
  const auto* end = static_cast<const char*>(std::memchr(begin, '\n', text_.size() - pos_));
  std::size_t length = end ? static_cast<std::size_t>(end - begin) : text_.size() - pos_;
  line = text_.substr(pos_, length);
  pos_ += length + 1;
  return true;
}

}  // namespace kpi::text
