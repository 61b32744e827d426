// OpenFormula references and separators in Excel's spelling (ods_formula.hpp).
#include "ods_formula.hpp"

#include "cell_ref.hpp"

#include <vector>

namespace kpi::grid {

namespace {

// The parts of "a:b" split at colons outside quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\'') {
      i = skip_quoted(s, i);
    } else if (s[i] == separator) {
      parts.push_back(s.substr(start, i - start));
      start = ++i;
    } else {
      ++i;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// ".A1" → "A1"; "$Sheet2.$A$1" → "Sheet2!$A$1"; "'My sheet'.A1" → "'My sheet'!A1".
std::string excel_cell(std::string_view part) {
  std::size_t dot = std::string_view::npos;
  for (std::size_t i = 0; i < part.size();) {
    if (part[i] == '\'') {
      i = skip_quoted(part, i);
      continue;
    }
    if (part[i] == '.') dot = i;
    ++i;
  }
  if (dot == std::string_view::npos) return std::string(part);
  std::string_view sheet = part.substr(0, dot);
  if (!sheet.empty() && sheet[0] == '$') sheet.remove_prefix(1);
  std::string cell(part.substr(dot + 1));
  return sheet.empty() ? cell : std::string(sheet) + "!" + cell;
}

std::string excel_reference(std::string_view inside) {
  std::string out;
  for (auto part : split_outside_quotes(inside, ':')) {
    if (!out.empty()) out += ':';
    out += excel_cell(part);
  }
  return out;
}

}  // namespace

std::string excel_formula_from_ods(std::string_view formula) {
  auto colon = formula.find(':');
  auto equals = formula.find('=');
  if (colon != std::string_view::npos && (equals == std::string_view::npos || colon < equals))
    formula.remove_prefix(colon + 1);  // "of:", "oooc:", "msoxl:"
  std::string out;
  out.reserve(formula.size());
  for (std::size_t i = 0; i < formula.size();) {
    char c = formula[i];
    if (c == '"') {
      std::size_t end = skip_quoted(formula, i);
      out.append(formula.substr(i, end - i));
      i = end;
    } else if (c == '[') {
      std::size_t end = i + 1;
      while (end < formula.size() && formula[end] != ']')
        end = formula[end] == '\'' ? skip_quoted(formula, end) : end + 1;
      out += excel_reference(formula.substr(i + 1, end - i - 1));
      i = end < formula.size() ? end + 1 : end;
    } else {
      out.push_back(c == ';' ? ',' : c);
      ++i;
    }
  }
  return out;
}

}  // namespace kpi::grid
