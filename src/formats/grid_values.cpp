#include "kpi/formats/grid_values.hpp"

#include <algorithm>
#include <utility>

#include "kpi/grid/stored_number.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/percentage.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

constexpr std::string_view about_mark = "約";

bool is_cap_above(std::string_view rest) {
  return text::starts_with(rest, "超");
}
bool is_cap_below(std::string_view rest) {
  return text::starts_with(rest, "未満");
}

void read_cap(text::CellValue& v, std::string_view normalized) {
  auto percent = normalized.find('%');
  if (percent == std::string_view::npos) return;
  auto rest = text::trim(normalized.substr(percent + 1));
  if (is_cap_above(rest)) v.value.workbook.edit().cap = model::Cap::above;
  if (is_cap_below(rest)) v.value.workbook.edit().cap = model::Cap::below;
}

void read_stored(text::CellValue& v, const grid::Cell& cell) {
  if (cell.kind != grid::CellKind::number || !v.value.number) return;
  // Shown as stored (the same plain text; most whole numbers): the number read is the one
  // stored.
  if (cell.display == cell.value && grid::plain_digits(cell.value)) return;
  auto stored = grid::stored_decimal(cell.value, v.unit == "%" ? 2 : 0);
  if (stored && !(*stored == *v.value.number)) v.value.workbook.edit().stored = stored;
}

}  // namespace

std::string_view lone_percentage(std::string_view normalized) {
  std::string_view found;
  for (auto percent = normalized.find('%'); percent != std::string_view::npos;
       percent = normalized.find('%', percent + 1)) {
    auto percentage = text::percentage_at(normalized, percent);
    if (percentage.empty()) continue;
    if (!found.empty()) return {};  // two percentages: which is the rate is not told
    found = percentage;
  }
  return found;
}

// Whether a rate cell whose number was read prints that number as its only rate: not when it
// prints two percentages ("91.4%/95.0%", "91.4%（95.0%）"), a percentage after a bare number
// ("※91 95.4%": the 91 was read), or the number in another unit ("91.4‰").
bool prints_one_rate(std::string_view normalized, const text::CellValue& v) {
  bool any = text::prints_a_percentage(normalized);
  if (any && lone_percentage(normalized).empty()) return false;  // two or more
  if (v.unit == "%") return true;
  return !any && normalized.find(text::per_mille_sign) == std::string_view::npos;
}

text::CellValue read_grid_rate(const grid::Cell* cell, int row, int col) {
  auto v = read_grid_value(cell, row, col);
  if (!cell) return v;
  thread_local std::string normalized_buffer;
  const auto& printed = v.value.text;  // not changed below: the view stays valid
  auto normalized = text::normalized_view(printed, normalized_buffer);
  if (v.value.number) {
    // Not one rate: the cell is left unread (its text kept), which fails where the rate can
    // be computed (docs/check.md), instead of checking the first number it prints.
    if (!prints_one_rate(normalized, v)) v.value.number.reset();
    return v;
  }
  auto percentage = lone_percentage(normalized);
  if (percentage.empty()) {
    // A number stored under a format that shows no number (a date, [>=1]"達成"): kept, so
    // the rate is not taken for words (docs/check.md).
    bool numeric = cell->kind == grid::CellKind::number || cell->kind == grid::CellKind::date;
    if (auto stored = numeric ? text::parse_exact_number(cell->value) : std::nullopt)
      v.value.workbook.edit().stored = *stored;
    return v;
  }
  auto rate = text::parse_cell(percentage, percentage);
  if (!rate.value.number || rate.unit != "%") return v;
  v.value.number = rate.value.number;
  v.unit = std::move(rate.unit);  // "%"
  return v;
}

std::string cell_text(const grid::Cell* cell) {
  std::string scratch;
  return std::string(cell_text_view(cell, scratch));
}

std::string_view cell_text_view(const grid::Cell* cell, std::string& scratch) {
  if (!cell) return {};
  if (text::is_squeezed(cell->display)) return cell->display;
  scratch = text::squeeze_spaces(cell->display);
  return text::trim(scratch);
}

text::CellValue read_grid_value(const grid::Cell* cell, int row, int col) {
  // Views of the cell's own text where nothing changes it (most cells): no copy per cell.
  thread_local std::string squeezed, normalized_buffer;
  auto printed = cell_text_view(cell, squeezed);
  auto normalized = text::normalized_view(printed, normalized_buffer);
  auto v = text::parse_cell(normalized, printed);
  // 約60% (about 60%): the number as printed, read after the mark (the text keeps it).
  if (!v.value.number && text::starts_with(normalized, about_mark))
    if (auto about = text::parse_cell(normalized.substr(about_mark.size()), printed);
        about.value.number)
      v = std::move(about);
  v.value.cell = model::CellRef::at(row, col);
  if (!cell) return v;
  read_cap(v, normalized);
  read_stored(v, *cell);
  if (cell->formula.empty()) return v;
  auto& detail = v.value.workbook.edit();
  detail.formula = std::string(cell->formula);
  detail.formula_uncached = !cell->formula_cached;
  return v;
}

}  // namespace kpi::formats
