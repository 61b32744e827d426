// The expat handler of one worksheet, or of one piece of its rows (xlsx_sheet_handler.hpp).
#include "xlsx_sheet_handler.hpp"

#include <charconv>

#include <fmt/format.h>

#include "cell_ref.hpp"
#include "kpi/grid/number_format.hpp"
#include "kpi/text/strings.hpp"
#include "ooxml_text.hpp"

namespace kpi::grid {

namespace {

bool parse_long(std::string_view s, long& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool parse_long(std::optional<std::string_view> text, long& out) {
  return text && parse_long(*text, out);
}

bool is_true(std::optional<std::string_view> text) {
  return text && (*text == "1" || *text == "true");
}

std::string serial_in_1900_system(const std::string& value, bool date1904) {
  if (!date1904) return value;
  double serial = std::strtod(value.c_str(), nullptr) + 1462;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, serial);
  return ec == std::errc() ? std::string(buffer, end) : value;
}

// Why a piece is given back to the serial read (never shown: the serial read decides).
constexpr const char* kNeedsSerial = "a piece the serial read must read";

}  // namespace

void RawCell::reset() {
  row = col = 0;
  type.clear();
  style = 0;
  has_value = false;
  value.clear();
  inline_text.clear();
  formula.present = false;
  formula.type.clear();
  formula.shared_index.clear();
  formula.text.clear();
}

WorksheetHandler::WorksheetHandler(const XlsxContext& context, GridBudget& budget, Sheet& sheet,
                                   PieceState* piece)
    : context_(context),
      budget_(budget),
      sheet_(sheet),
      piece_(piece),
      formats_(std::min(context.styles.cell_formats.size(), kMaxStyles) + 1) {}

void WorksheetHandler::start(std::string_view name, const char** attributes) {
  viewed_.clear();
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2)
    viewed_.push_back({a[0], a[1]});
  start_element(name, viewed_);
}

void WorksheetHandler::start_element(std::string_view name, Attributes attributes) {
  auto local = local_name(name);
  if (text::is(local, "row"))
    start_row(attributes);
  else if (text::is(local, "c"))
    start_cell(attributes);
  else if (text::is(local, "v") && in_cell_)
    start_value();
  else if (text::is(local, "f") && in_cell_)
    start_formula(attributes);
  else if (text::is(local, "is") && in_cell_)
    in_inline_ = true;
  else if (text::is(local, "rPh"))
    ++phonetic_depth_;
  else if (text::is(local, "t") && in_inline_ && phonetic_depth_ == 0)
    capture(cell_.inline_text);
  else if (text::is(local, "col"))
    hide_columns(attributes);
  else if (text::is(local, "mergeCell"))
    add_merge(attributes);
}

void WorksheetHandler::end(std::string_view name) {
  auto local = local_name(name);
  if (text::is(local, "v") || text::is(local, "f") || text::is(local, "t"))
    capture_ = nullptr;
  else if (text::is(local, "rPh"))
    --phonetic_depth_;
  else if (text::is(local, "is"))
    in_inline_ = false;
  else if (text::is(local, "c") && in_cell_)
    finish_cell();
  else if (text::is(local, "row"))
    fit_row();
}

void WorksheetHandler::text(std::string_view chunk) {
  if (capture_ == nullptr) return;
  if (!budget_.string_fits(capture_->size(), chunk.size()))
    failure = budget_.error();
  else
    capture_->append(chunk);
}

void WorksheetHandler::start_value() {
  cell_.has_value = true;
  capture(cell_.value);
}

void WorksheetHandler::start_row(Attributes attributes) {
  std::optional<std::string_view> number, hidden;
  find_attributes(attributes, {{"r", &number}, {"hidden", &hidden}});
  long r = 0;
  bool numbered = parse_long(number, r);
  // A piece's first row must say its number: the rows before it are another piece's.
  if (piece_ && !piece_->rows_started) {
    piece_->rows_started = true;
    if (!numbered) {
      failure = kNeedsSerial;
      return;
    }
  }
  row_ = numbered ? static_cast<int>(r - 1) : row_ + 1;
  col_ = -1;
  if (row_ < 0 || row_ >= kMaxRows) {
    failure = "a row number outside the sheet grid (1..1048576)";
    return;
  }
  if (is_true(hidden)) sheet_.hidden_rows.push_back(row_);
}

void WorksheetHandler::start_cell(Attributes attributes) {
  cell_.reset();
  in_cell_ = true;
  // r, t and s in one pass, as find_attributes would find them (every cell has them). Not
  // find_attributes itself: its list of wanted names costs 90 instructions more a cell, 1.6 %
  // of a 10 MB workbook's run (measured).
  std::optional<std::string_view> reference, type, style_index;
  for (const auto& a : attributes) {
    auto local = local_name(a.name);
    if (local.size() != 1) continue;
    auto& wanted = local[0] == 'r' ? reference : local[0] == 't' ? type : style_index;
    if (!wanted && (local[0] == 'r' || local[0] == 't' || local[0] == 's')) wanted = a.value;
  }
  if (reference) {
    auto ref = parse_cell_ref(*reference);
    if (!ref) {
      failure = "a cell reference that is not A1-style: " + std::string(reference->substr(0, 20));
      return;
    }
    row_ = ref->row;
    col_ = ref->col;
  } else {
    col_ = col_ + 1;
  }
  cell_.row = row_ < 0 ? 0 : row_;
  cell_.col = col_;
  if (type) cell_.type = *type;
  long style = 0;
  if (parse_long(style_index, style) && style >= 0) cell_.style = static_cast<std::size_t>(style);
}

void WorksheetHandler::start_formula(Attributes attributes) {
  cell_.formula.present = true;
  std::optional<std::string_view> type, index;
  find_attributes(attributes, {{"t", &type}, {"si", &index}});
  if (type) cell_.formula.type = *type;
  if (index) cell_.formula.shared_index = *index;
  capture(cell_.formula.text);
}

void WorksheetHandler::hide_columns(Attributes attributes) {
  long min = 0, max = 0;
  if (!is_true(attribute(attributes, "hidden"))) return;
  if (!parse_long(attribute(attributes, "min"), min) ||
      !parse_long(attribute(attributes, "max"), max))
    return;
  if (min < 1) min = 1;
  if (max > kMaxCols) max = kMaxCols;
  for (long c = min; c <= max; ++c) sheet_.hidden_cols.push_back(static_cast<int>(c - 1));
  if (sheet_.hidden_cols.size() > 4u * kMaxCols) failure = "too many hidden column entries";
}

void WorksheetHandler::add_merge(Attributes attributes) {
  auto reference = attribute(attributes, "ref");
  auto range = reference ? parse_range(*reference) : std::nullopt;
  if (!range) return;
  if (sheet_.merged.size() >= kMaxMerges)
    failure = "more than 1M merged ranges";
  else
    sheet_.merged.push_back(*range);
}

// A shared formula's master: kept for the cells that share it. A piece gives the sheet back
// to the serial read rather than reach the limit, where which masters are kept depends on
// the rows before it.
void WorksheetHandler::remember_master() {
  const auto& f = cell_.formula;
  if (shared_.size() < kMaxShared)
    shared_[f.shared_index] = {cell_.row, cell_.col, f.text};
  else if (piece_)
    failure = kNeedsSerial;
}

// The formula text of the cell ("" or "=..."), its own or its shared master's moved to it,
// in formula_ (a buffer reused from cell to cell). In a piece, a master not met yet may be in
// an earlier piece: the join moves it to the cell (which is stored for its value).
void WorksheetHandler::formula_text() {
  formula_.clear();
  const auto& f = cell_.formula;
  if (!f.present) return;
  if (text::is(f.type, "shared") && !f.shared_index.empty()) {
    if (!f.text.empty()) {
      remember_master();
      formula_.append("=").append(f.text);
      return;
    }
    auto master = shared_.find(f.shared_index);
    if (master == shared_.end()) {
      if (piece_ && failure.empty()) {
        if (holds_value())
          piece_->pending.push_back({cell_.row, cell_.col, f.shared_index});
        else
          failure = kNeedsSerial;
      }
      return;
    }
    formula_ += '=';
    append_shifted_formula(formula_, master->second.text, cell_.row - master->second.row,
                           cell_.col - master->second.col);
    return;
  }
  if (!f.text.empty()) formula_.append("=").append(f.text);
}

StyleFormat& WorksheetHandler::style_format() {
  std::size_t index = std::min(cell_.style, formats_.size() - 1);
  auto& format = formats_[index];
  if (format.code.empty())
    format.code = sheet_.keep_terminated(context_.styles.format_of(cell_.style));
  return format;
}

const CompiledFormat& WorksheetHandler::compiled(StyleFormat& format) {
  if (!format.compiled) format.compiled.emplace(format.code);
  return *format.compiled;
}

// A display text that repeats the value is the value's view, not a second copy.
std::string_view WorksheetHandler::display_of(std::string_view value, const std::string& display) {
  return display == value ? value : sheet_.keep(display);
}

void WorksheetHandler::fill_value(Cell& cell, StyleFormat& format) {
  const std::string& type = cell_.type;
  if (text::is(type, "s")) {
    long index = -1;
    if (!parse_long(std::string_view(cell_.value), index) || index < 0 ||
        static_cast<std::size_t>(index) >= context_.shared_strings.size()) {
      failure = "a shared string index out of range: " + cell_.value.substr(0, 20);
      return;
    }
    cell.kind = CellKind::text;
    cell.value = context_.shared_strings[static_cast<std::size_t>(index)];
    cell.display = cell.value;
  } else if (text::is(type, "str") || text::is(type, "inlineStr")) {
    cell.kind = CellKind::text;
    cell.value =
        sheet_.keep(decode_ooxml_text(text::is(type, "str") ? cell_.value : cell_.inline_text));
    cell.display = cell.value;
  } else if (text::is(type, "b")) {
    cell.kind = CellKind::boolean;
    cell.value = text::is(cell_.value, "1") || text::is(cell_.value, "true") ? "TRUE" : "FALSE";
    cell.display = cell.value;
  } else if (text::is(type, "e")) {
    cell.kind = CellKind::error;
    cell.value = cell.display = sheet_.keep(cell_.value);
  } else if (text::is(type, "d")) {
    std::string serial = serial_from_iso_date(cell_.value);
    cell.kind = serial.empty() ? CellKind::text : CellKind::date;
    cell.value = sheet_.keep(serial.empty() ? cell_.value : serial);
    bool general = text::is(cell.number_format, "General");
    cell.display = serial.empty()
                       ? cell.value
                       : display_of(cell.value, general ? format_number(serial, "yyyy/m/d")
                                                        : compiled(format).format(serial));
  } else {
    fill_number(cell, format);
  }
}

void WorksheetHandler::fill_number(Cell& cell, StyleFormat& format) {
  // <v>\n 0.95 \n</v>: the number without the whitespace around it (xsd:double collapses it).
  if (auto& v = cell_.value;
      !v.empty() && (text::is_ascii_space(v.front()) || text::is_ascii_space(v.back())))
    v = std::string(text::trim(v));
  const auto& code = compiled(format);
  bool date = code.is_date();
  cell.kind = date ? CellKind::date : CellKind::number;
  if (const auto* known = format.shown.find(cell_.value)) {
    cell.value = known->value;
    cell.display = known->display;
    return;
  }
  cell.value = sheet_.keep(cell_.value);
  cell.display = display_of(
      cell.value,
      code.format(date ? serial_in_1900_system(cell_.value, context_.date1904) : cell_.value));
  format.shown.remember({cell.value, cell.display});
}

// Whether the cell stores a value: an empty <v></v> (as openpyxl writes beside a formula) is
// none, except for a formula's string result, which may be "".
bool WorksheetHandler::holds_value() const {
  if (text::is(cell_.type, "inlineStr")) return true;
  if (text::is(cell_.type, "str")) return cell_.has_value;
  return cell_.has_value && !cell_.value.empty();
}

void WorksheetHandler::finish_cell() {
  in_cell_ = false;
  capture_ = nullptr;
  if (!failure.empty()) return;
  formula_text();
  if (!failure.empty()) return;
  bool has_value = holds_value();
  if (!has_value && formula_.empty()) return;  // a formatted empty cell
  Cell* cell = store_cell();
  if (cell == nullptr) return;
  auto& format = style_format();
  cell->number_format = format.code;
  cell->formula = sheet_.keep(formula_);
  if (has_value)
    fill_value(*cell, format);
  else
    cell->formula_cached = false;
  if (!budget_.charge_text(*cell)) failure = budget_.error();
}

// The cell the current one is stored in. A piece stores its rows from its first cell's
// (which may be another row than its <row> element says), and gives the sheet back to the
// serial read when a cell lands before that row or on a cell it stored already (what the
// join cannot merge exactly).
Cell* WorksheetHandler::store_cell() {
  if (piece_ && piece_->base_row < 0) piece_->base_row = cell_.row;
  int row = stored_row(cell_.row);
  if (piece_ && row < 0) {
    failure = kNeedsSerial;
    return nullptr;
  }
  Cell* cell = budget_.cell(sheet_, row, cell_.col);
  if (cell == nullptr) {
    failure = budget_.error();
    return nullptr;
  }
  if (row != sized_row_) cell = size_row(row, cell_.col);
  if (!piece_ && !cell->empty()) {  // written twice: the second would replace the first
    failure = fmt::format(
        "cell {}{} written twice (a cell or a row repeated in the sheet): "
        "which value the sheet means is not told",
        column_name(cell_.col), cell_.row + 1);
    return nullptr;
  }
  if (piece_) {
    if (!cell->empty()) {
      failure = kNeedsSerial;
      return nullptr;
    }
    piece_->first_cell_row = std::min(piece_->first_cell_row, cell_.row);
    piece_->last_cell_row = std::max(piece_->last_cell_row, cell_.row);
  }
  ++cells_stored_;
  return cell;
}

// The first cell stored in a row: the row is given the width of the row before (rows of a
// table are alike), so that it does not grow cell by cell. Returns the cell again.
Cell* WorksheetHandler::size_row(int row, int col) {
  sized_row_ = row;
  auto& cells = sheet_.rows[static_cast<std::size_t>(row)];
  if (cells.capacity() < previous_width_) cells.reserve(previous_width_);
  return &cells[static_cast<std::size_t>(col)];
}

// The end of a row: its width is the next row's guess; room it did not use is given back
// (a wide row followed by narrow ones costs one row's slack at most).
void WorksheetHandler::fit_row() {
  if (sized_row_ < 0 || static_cast<std::size_t>(sized_row_) >= sheet_.rows.size()) return;
  auto& cells = sheet_.rows[static_cast<std::size_t>(sized_row_)];
  previous_width_ = cells.size();
  if (cells.capacity() > cells.size() + cells.size() / 4 + 8) cells.shrink_to_fit();
}

}  // namespace kpi::grid
