#pragma once
// RFC 4180 CSV records: quoted fields may hold commas, doubled quotes and line breaks.
// Generic; knows nothing of KPIs.
#include <string>
#include <string_view>
#include <vector>

namespace kpi::util {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
  bool unterminated = false;  // a quoted field ran to the end of the text
};

// Records of `text` (LF or CRLF line ends). A blank line is a record with one empty field.
// Lenient where Excel is: text after a closing quote is kept, a quote inside an unquoted
// field is literal. `delimiter` '\t' reads TSV with the same quoting.
std::vector<CsvRecord> read_csv(std::string_view text, char delimiter = ',');

// `value` as one CSV field, quoted only when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view value);

}  // namespace kpi::util
