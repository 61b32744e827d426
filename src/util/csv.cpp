#include "kpi/util/csv.hpp"

namespace kpi::util {
namespace {

bool is_line_end(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  std::vector<CsvRecord> records() {
    std::vector<CsvRecord> out;
    while (pos_ < text_.size()) out.push_back(record());
    return out;
  }

 private:
  CsvRecord record() {
    CsvRecord r;
    r.line = line_;
    for (;;) {
      r.fields.push_back(field(r));
      if (pos_ >= text_.size()) return r;
      if (text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      skip_line_end();  // the field stopped at a line end
      return r;
    }
  }

  std::string field(CsvRecord& r) {
    std::string out;
    if (pos_ < text_.size() && text_[pos_] == '"') quoted(out, r);
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && !is_line_end(text_, pos_))
      out += text_[pos_++];
    return out;
  }

  void quoted(std::string& out, CsvRecord& r) {
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        return;
      }
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') continue;  // CRLF -> LF
      if (c == '\n') ++line_;
      out += c;
    }
    r.unterminated = true;
  }

  void skip_line_end() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, char delimiter) {
  return CsvReader(text, delimiter).records();
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace kpi::util
