// A1 references and shared-formula shifting (cell_ref.hpp).
#include "cell_ref.hpp"

#include <charconv>
#include <string>
#include <vector>

#include "kpi/text/strings.hpp"

namespace kpi::grid {

namespace {

bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_name_char(char c) {
  return is_alpha(c) || text::is_ascii_digit(c) || c == '_' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A reference at s[i]: [$]LETTERS[$]DIGITS. Sets its parts and returns its length, 0 if none.
struct RefParts {
  bool col_absolute = false, row_absolute = false;
  int col = 0, row = 0;  // 0-based
};

std::size_t match_ref(std::string_view s, std::size_t i, RefParts& parts) {
  auto match = model::match_a1(s.substr(i), model::excel_last_cell);
  parts = {match.column_absolute, match.row_absolute, static_cast<int>(match.cell.column) - 1,
           static_cast<int>(match.cell.row) - 1};
  return match.length;
}

// The reference moved by the offsets, appended to `out`: "$P22" moved a row → "$P23";
// "#REF!" when it leaves the grid.
void append_shifted(std::string& out, const FormulaReference& ref, int row_offset, int col_offset) {
  int col = ref.col_absolute ? ref.col : ref.col + col_offset;
  int row = ref.row_absolute ? ref.row : ref.row + row_offset;
  if (col < 0 || row < 0 || col >= kMaxCols || row >= kMaxRows) {
    out += "#REF!";
    return;
  }
  if (ref.col_absolute) out += '$';
  char letters[4];
  char* end = letters + sizeof letters;
  char* first = end;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) *--first = static_cast<char>('A' + (c - 1) % 26);
  out.append(first, end);
  if (ref.row_absolute) out += '$';
  char digits[8];
  auto written = std::to_chars(digits, digits + sizeof digits, row + 1);
  out.append(digits, written.ptr);
}

}  // namespace

namespace {

// "P22" as a sheet's XML writes every cell: up to three upper-case letters, then digits
// without a leading zero, within Excel's grid. nullopt for anything else (the full reading
// decides: "$P$22", "p22", "P022").
std::optional<CellRef> plain_cell_ref(std::string_view text) {
  std::size_t k = 0;
  int col = 0;
  for (; k < text.size() && k < 3 && text[k] >= 'A' && text[k] <= 'Z'; ++k)
    col = col * 26 + (text[k] - 'A' + 1);
  if (k == 0 || k == text.size() || text[k] < '1' || text[k] > '9' || text.size() - k > 7)
    return std::nullopt;
  int row = 0;
  for (; k < text.size(); ++k) {
    if (!text::is_ascii_digit(text[k])) return std::nullopt;
    row = row * 10 + (text[k] - '0');
  }
  if (col > kMaxCols || row > kMaxRows) return std::nullopt;
  return CellRef{row - 1, col - 1};
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  if (auto plain = plain_cell_ref(text)) return plain;
  RefParts parts;
  if (text.empty() || match_ref(text, 0, parts) != text.size()) return std::nullopt;
  return CellRef{parts.row, parts.col};
}

std::optional<Range> parse_range(std::string_view text) {
  auto colon = text.find(':');
  auto first = parse_cell_ref(text.substr(0, colon));
  if (!first) return std::nullopt;
  auto last = colon == std::string_view::npos ? first : parse_cell_ref(text.substr(colon + 1));
  if (!last || last->row < first->row || last->col < first->col) return std::nullopt;
  return Range{first->row, first->col, last->row, last->col};
}

std::vector<FormulaReference> formula_references(std::string_view formula) {
  std::vector<FormulaReference> refs;
  formula_references(formula, refs);
  return refs;
}

void formula_references(std::string_view formula, std::vector<FormulaReference>& refs) {
  refs.clear();
  std::size_t i = 0;
  while (i < formula.size()) {
    char c = formula[i];
    if (c == '"' || c == '\'') {
      i = skip_quoted(formula, i);
      continue;
    }
    if (c == '[') {  // structured references and external book indexes
      std::size_t end = formula.find(']', i);
      i = end == std::string_view::npos ? formula.size() : end + 1;
      continue;
    }
    bool starts_token = i == 0 || !is_name_char(formula[i - 1]);
    RefParts ref;
    std::size_t length = starts_token ? match_ref(formula, i, ref) : 0;
    std::size_t after = i + length;
    bool is_reference =
        length > 0 && (after == formula.size() || (!is_name_char(formula[after]) &&
                                                   formula[after] != '(' && formula[after] != '!'));
    if (is_reference) {
      refs.push_back({i, after, ref.row, ref.col, ref.row_absolute, ref.col_absolute,
                      i > 0 && formula[i - 1] == '!'});
      i = after;
      continue;
    }
    // Skip a whole name (function, defined name, sheet name) so its tail is not read as a ref.
    std::size_t end = i + 1;
    if (is_name_char(c) || c == '$')
      while (end < formula.size() && (is_name_char(formula[end]) || formula[end] == '$')) ++end;
    i = end;
  }
}

void append_shifted_formula(std::string& out, std::string_view formula, int row_offset,
                            int col_offset) {
  thread_local std::vector<FormulaReference> references;  // reused: one a shared formula's cell
  formula_references(formula, references);
  std::size_t last = 0;
  for (const auto& ref : references) {
    out.append(formula.substr(last, ref.begin - last));
    append_shifted(out, ref, row_offset, col_offset);
    last = ref.end;
  }
  out.append(formula.substr(last));
}

std::string shift_formula(std::string_view formula, int row_offset, int col_offset) {
  std::string out;
  out.reserve(formula.size() + 8);
  append_shifted_formula(out, formula, row_offset, col_offset);
  return out;
}

// Index past a quoted run ("text" or 'sheet name'), doubled quotes included.
std::size_t skip_quoted(std::string_view s, std::size_t i) {
  char quote = s[i];
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (s[k] != quote) continue;
    if (k + 1 < s.size() && s[k + 1] == quote) {
      ++k;
      continue;
    }
    return k + 1;
  }
  return s.size();
}

}  // namespace kpi::grid
