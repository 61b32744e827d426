// .ods spreadsheets: content.xml streamed through expat. Repeated rows and cells are
// materialised only when they hold something (a sheet's trailing 1,048,000 empty rows cost
// nothing); covered cells hold no value; spans become merged ranges.
#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cell_ref.hpp"
#include "grid_budget.hpp"
#include "kpi/grid/number_format.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "ods_formula.hpp"
#include "ods_styles.hpp"
#include "shown_number.hpp"
#include "xml_stream.hpp"
#include "zip_archive.hpp"

namespace kpi::grid {

namespace {

// A count (table:number-columns-repeated …): `fallback` when absent, 0 when it is no
// positive integer (ODF's positiveInteger: "0" would shift the cells after it).
long count_attribute(const char** attributes, std::string_view local, long fallback) {
  const char* text = attribute(attributes, local);
  if (text == nullptr) return fallback;
  long value = 0;
  std::string_view s(text);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) return kMaxRows;
  return ec == std::errc() && end == s.data() + s.size() && value >= 1 ? value : 0;
}

bool is_collapsed(const char** attributes) {
  const char* visibility = attribute(attributes, "visibility");
  return visibility != nullptr && std::string_view(visibility) != "visible";
}

// "PT12H30M00S" → fraction of a day as text; "" when not such a duration.
std::string day_fraction_from_duration(std::string_view duration) {
  if (duration.substr(0, 2) != "PT") return "";
  double hours = 0, minutes = 0, seconds = 0, number = 0;
  std::size_t i = 2;
  while (i < duration.size()) {
    auto [end, ec] =
        std::from_chars(duration.data() + i, duration.data() + duration.size(), number);
    if (ec != std::errc() || end == duration.data() + duration.size()) return "";
    char unit = *end;
    (unit == 'H' ? hours : unit == 'M' ? minutes : seconds) = number;
    i = static_cast<std::size_t>(end - duration.data()) + 1;
  }
  double fraction = (hours * 3600 + minutes * 60 + seconds) / 86400;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, fraction);
  return ec == std::errc() ? std::string(buffer, end) : "";
}

// The attributes of a <table:table-cell> kept until its end.
struct PendingCell {
  long repeat = 1;
  long spanned_cols = 1, spanned_rows = 1;
  std::string value_type;  // office:value-type
  bool error = false;      // calcext:value-type="error"
  std::string value, date_value, time_value, boolean_value, string_value;
  bool has_string_value = false;
  std::string formula;
  std::string number_format = "General";
  std::string text;
  int paragraphs = 0;
};

struct RowCell {
  int col;
  Cell cell;
};

struct HiddenRun {
  long first, count;
};

struct ColumnStyleRun {
  long first, count;
  std::string style;
};

// styles.xml: the common and automatic styles, for the data styles of cell styles.
class StylesFileHandler : public XmlHandler {
 public:
  explicit StylesFileHandler(OdsStyles& styles) : styles_(styles) {}
  void start(std::string_view name, const char** attributes) override {
    styles_.start(local_name(name), attributes);
  }
  void end(std::string_view name) override { styles_.end(local_name(name)); }
  void text(std::string_view chunk) override { styles_.text(chunk); }

 private:
  OdsStyles& styles_;
};

class ContentHandler : public XmlHandler {
 public:
  ContentHandler(Workbook& book, GridBudget& budget, const Limits& limits, OdsStyles& styles)
      : book_(book), budget_(budget), limits_(limits), styles_(styles) {}

  void start(std::string_view name, const char** attributes) override {
    auto local = local_name(name);
    if (local == "body") in_body_ = true;
    if (!in_body_) styles_.start(local, attributes);
    if (annotation_depth_ > 0) {
      ++annotation_depth_;
      return;
    }
    if (local == "annotation")
      annotation_depth_ = 1;
    else if (local == "style" && !in_table_)
      start_style(attributes);
    else if (local == "table-properties" && !style_name_.empty())
      table_properties(attributes);
    else if (local == "table" && name.find("table:") == 0)
      start_table(attributes);
    else if (local == "table-column" && in_table_)
      table_column(attributes);
    else if (local == "table-row" && in_table_)
      start_row(attributes);
    else if ((local == "table-cell" || local == "covered-table-cell") && in_row_)
      start_cell(attributes, local == "covered-table-cell");
    else if (in_cell_)
      start_text_element(local, attributes);
  }

  void end(std::string_view name) override {
    auto local = local_name(name);
    if (!in_body_) styles_.end(local);
    if (annotation_depth_ > 0) {
      --annotation_depth_;
      return;
    }
    if (local == "style")
      style_name_.clear();
    else if ((local == "table-cell" || local == "covered-table-cell") && in_cell_)
      end_cell();
    else if (local == "table-row" && in_row_)
      end_row();
    else if (local == "table" && in_table_ && name.find("table:") == 0)
      end_table();
    else if (in_cell_)
      end_text_element();
  }

  void text(std::string_view chunk) override {
    if (!in_body_) styles_.text(chunk);
    if (in_cell_ && paragraph_depth_ > 0 && annotation_depth_ == 0) append_text(chunk);
  }

 private:
  void start_style(const char** attributes) {
    const char* family = attribute(attributes, "family");
    const char* style = attribute(attributes, "name");
    if (family != nullptr && std::string_view(family) == "table" && style != nullptr)
      style_name_ = style;
  }

  void table_properties(const char** attributes) {
    const char* display = attribute(attributes, "display");
    if (display != nullptr && std::string_view(display) == "false")
      hidden_table_styles_.push_back(style_name_);
  }

  void start_table(const char** attributes) {
    if (book_.sheets.size() >= limits_.max_sheets) {
      failure = "more than " + std::to_string(limits_.max_sheets) + " sheets";
      return;
    }
    in_table_ = true;
    Sheet sheet;
    sheet.texts = texts_;
    const char* sheet_name = attribute(attributes, "name");
    if (sheet_name != nullptr) sheet.name = sheet_name;
    const char* style = attribute(attributes, "style-name");
    for (const auto& hidden : hidden_table_styles_)
      if (style != nullptr && hidden == style) sheet.hidden = true;
    book_.sheets.push_back(std::move(sheet));
    row_ = 0;
    column_ = 0;
    hidden_rows_.clear();
    hidden_cols_.clear();
    column_styles_.clear();
  }

  // A count that is no positive integer fails the read: its cells would land elsewhere.
  long count_or_fail(const char** attributes, std::string_view local) {
    long count = count_attribute(attributes, local, 1);
    if (count == 0 && failure.empty())
      failure = fmt::format("table:{}=\"{}\" is not a positive count", local,
                            attribute(attributes, local));
    return std::max(count, 1L);
  }

  void table_column(const char** attributes) {
    long repeat = count_or_fail(attributes, "number-columns-repeated");
    if (is_collapsed(attributes)) hidden_cols_.push_back({column_, repeat});
    const char* style = attribute(attributes, "default-cell-style-name");
    if (style != nullptr && column_ < kMaxCols && column_styles_.size() < kMaxColumnStyles)
      column_styles_.push_back({column_, repeat, style});
    column_ = std::min<long>(column_ + repeat, kMaxCols);
  }

  void start_row(const char** attributes) {
    in_row_ = true;
    row_repeat_ = count_or_fail(attributes, "number-rows-repeated");
    row_hidden_ = is_collapsed(attributes);
    const char* style = attribute(attributes, "default-cell-style-name");
    row_style_ = style != nullptr ? style : "";
    col_ = 0;
    row_text_bytes_ = 0;
    row_cells_.clear();
    row_merges_.clear();
  }

  void start_cell(const char** attributes, bool covered) {
    in_cell_ = true;
    cell_ = PendingCell{};
    cell_.repeat = count_or_fail(attributes, "number-columns-repeated");
    if (covered) return;
    cell_.spanned_cols = count_or_fail(attributes, "number-columns-spanned");
    cell_.spanned_rows = count_or_fail(attributes, "number-rows-spanned");
    if (const char* type = qualified_attribute(attributes, "office:value-type"))
      cell_.value_type = type;
    const char* calc_type = qualified_attribute(attributes, "calcext:value-type");
    cell_.error = calc_type != nullptr && std::string_view(calc_type) == "error";
    if (const char* v = attribute(attributes, "value")) cell_.value = v;
    if (const char* v = attribute(attributes, "date-value")) cell_.date_value = v;
    if (const char* v = attribute(attributes, "time-value")) cell_.time_value = v;
    if (const char* v = attribute(attributes, "boolean-value")) cell_.boolean_value = v;
    if (const char* v = attribute(attributes, "string-value")) {
      cell_.string_value = v;
      cell_.has_string_value = true;
    }
    if (const char* f = attribute(attributes, "formula")) cell_.formula = excel_formula_from_ods(f);
    cell_.number_format = styles_.format_of_cell_style(cell_style(attributes));
  }

  // A cell's style: its own, else its row's default, else its column's default.
  std::string cell_style(const char** attributes) const {
    if (const char* style = attribute(attributes, "style-name")) return style;
    if (!row_style_.empty()) return row_style_;
    for (const auto& run : column_styles_)
      if (col_ >= run.first && col_ < run.first + run.count) return run.style;
    return "Default";
  }

  // Text elements inside a cell; nested_ remembers which ones deepen the paragraph.
  void start_text_element(std::string_view local, const char** attributes) {
    bool deepens = false;
    if (local == "p" || local == "h") {
      if (paragraph_depth_ == 0 && cell_.paragraphs++ > 0) append_text("\n");
      deepens = true;
    } else if (local == "s" && paragraph_depth_ > 0) {
      long spaces = std::max(count_attribute(attributes, "c", 1), 1L);
      if (!budget_.string_fits(cell_.text.size(), static_cast<std::size_t>(spaces)))
        failure = budget_.error();
      else
        cell_.text.append(static_cast<std::size_t>(spaces), ' ');
    } else if (local == "line-break" && paragraph_depth_ > 0) {
      append_text("\n");
    } else if (local == "tab" && paragraph_depth_ > 0) {
      append_text("\t");
    } else {
      deepens = paragraph_depth_ > 0;  // span, a, ...: their text belongs to the paragraph
    }
    if (deepens) ++paragraph_depth_;
    if (nested_.size() < kMaxNesting)
      nested_.push_back(deepens);
    else
      failure = "text nested too deeply in a cell";
  }

  void end_text_element() {
    if (nested_.empty()) return;
    if (nested_.back()) --paragraph_depth_;
    nested_.pop_back();
  }

  void append_text(std::string_view chunk) {
    if (!budget_.string_fits(cell_.text.size(), chunk.size()))
      failure = budget_.error();
    else
      cell_.text.append(chunk);
  }

  // Cells of the row: only those holding something are kept.
  void end_cell() {
    in_cell_ = false;
    paragraph_depth_ = 0;
    nested_.clear();
    long repeat = std::min<long>(cell_.repeat, kMaxCols - col_);
    if (auto cell = built_cell()) {
      if (cell_.spanned_cols > 1 || cell_.spanned_rows > 1) row_merges_.push_back(span_of_cell());
      row_text_bytes_ += static_cast<std::uint64_t>(repeat) *
                         (cell->display.size() + cell->value.size() + cell->formula.size());
      if (row_text_bytes_ > limits_.max_text_bytes) {
        failure = "the workbook holds more than " + std::to_string(limits_.max_text_bytes >> 20) +
                  " MiB of cell text";
        return;
      }
      for (long k = 0; k < repeat && failure.empty(); ++k) {
        if (row_cells_.size() >= kMaxCols) break;
        row_cells_.push_back({static_cast<int>(col_ + k), *cell});
      }
    }
    col_ = std::min<long>(col_ + repeat, kMaxCols);
  }

  // The merged range of a spanned cell, its row counted from the row (0) until stored.
  Range span_of_cell() const {
    Range span;
    span.first_col = static_cast<int>(col_);
    span.last_row = static_cast<int>(std::min<long>(cell_.spanned_rows - 1, kMaxRows));
    span.last_col = static_cast<int>(std::min<long>(col_ + cell_.spanned_cols - 1, kMaxCols - 1));
    return span;
  }

  // The cell's texts kept in the workbook's store (a format code once while it repeats).
  std::optional<Cell> built_cell() {
    TextStore& texts = *texts_;
    Cell cell;
    cell.formula = texts.keep(cell_.formula);
    cell.display = texts.keep(cell_.text);
    if (cell_.number_format != kept_format_text_) {
      kept_format_text_ = cell_.number_format;
      kept_format_ = texts.keep_terminated(cell_.number_format);
    }
    cell.number_format = kept_format_;
    const std::string& type = cell_.value_type;
    if (cell_.error) {
      cell.kind = CellKind::error;
      cell.value = cell.display;
    } else if (type == "float" || type == "percentage" || type == "currency") {
      cell.kind = CellKind::number;
      cell.value = texts.keep(cell_.value);
      if (cell.display.empty()) cell.display = texts.keep(format_number(cell.value, "General"));
      // A text that contradicts the value (90.0% for 0.95): LibreOffice shows the value on
      // opening, so that is what the sheet prints, in the text's shape (95.0%).
      else if (auto corrected = shown_with_value(cell.display, cell.value))
        cell.display = texts.keep(*corrected);
    } else if (type == "date") {
      std::string serial = serial_from_iso_date(cell_.date_value);
      cell.kind = serial.empty() ? CellKind::text : CellKind::date;
      cell.value = texts.keep(serial.empty() ? cell_.date_value : serial);
    } else if (type == "time") {
      cell.kind = CellKind::number;
      cell.value = texts.keep(day_fraction_from_duration(cell_.time_value));
    } else if (type == "boolean") {
      cell.kind = CellKind::boolean;
      cell.value = cell_.boolean_value == "true" || cell_.boolean_value == "1" ? "TRUE" : "FALSE";
      if (cell.display.empty()) cell.display = cell.value;
    } else if (type == "string" || !cell_.text.empty()) {
      cell.kind = CellKind::text;
      cell.value = cell_.has_string_value ? texts.keep(cell_.string_value) : cell.display;
      if (cell.display.empty()) cell.display = cell.value;
    } else if (!cell.formula.empty()) {
      cell.formula_cached = false;
    } else {
      return std::nullopt;
    }
    return cell;
  }

  void end_row() {
    in_row_ = false;
    long repeat = std::min<long>(row_repeat_, kMaxRows - row_);
    if (row_hidden_) hidden_rows_.push_back({row_, repeat});
    if (!row_cells_.empty())
      for (long r = 0; r < repeat && failure.empty(); ++r) store_row(static_cast<int>(row_ + r));
    row_ = std::min<long>(row_ + repeat, kMaxRows);
  }

  void store_row(int row) {
    Sheet& sheet = book_.sheets.back();
    for (const auto& [col, cell] : row_cells_) {
      Cell* target = budget_.cell(sheet, row, col);
      if (target == nullptr || !budget_.charge_text(cell)) {
        failure = budget_.error();
        return;
      }
      *target = cell;
    }
    for (auto merge : row_merges_) {
      if (sheet.merged.size() >= kMaxMerges) {
        failure = "more than 1M merged ranges";
        return;
      }
      merge.last_row = std::min(row + merge.last_row, kMaxRows - 1);
      merge.first_row = row;
      sheet.merged.push_back(merge);
    }
  }

  // Hidden runs become indexes only where the sheet holds cells.
  static void expand_runs(const std::vector<HiddenRun>& runs, long end, std::vector<int>& out) {
    for (const auto& run : runs)
      for (long i = run.first; i < std::min(run.first + run.count, end); ++i)
        out.push_back(static_cast<int>(i));
  }

  void end_table() {
    in_table_ = false;
    Sheet& sheet = book_.sheets.back();
    std::size_t widest = 0;
    for (const auto& cells : sheet.rows) widest = std::max(widest, cells.size());
    expand_runs(hidden_rows_, static_cast<long>(sheet.rows.size()), sheet.hidden_rows);
    expand_runs(hidden_cols_, static_cast<long>(widest), sheet.hidden_cols);
    finish_sheet(sheet);
  }

  static constexpr std::size_t kMaxMerges = 1u << 20;
  static constexpr std::size_t kMaxNesting = 1000;
  static constexpr std::size_t kMaxColumnStyles = 1024;

  Workbook& book_;
  GridBudget& budget_;
  Limits limits_;
  OdsStyles& styles_;
  std::shared_ptr<TextStore> texts_ = std::make_shared<TextStore>();  // the sheets' texts
  std::string kept_format_text_;
  FormatCode kept_format_;
  bool in_body_ = false;
  std::string row_style_;
  std::vector<ColumnStyleRun> column_styles_;
  std::vector<std::string> hidden_table_styles_;
  std::string style_name_;
  bool in_table_ = false, in_row_ = false, in_cell_ = false;
  int annotation_depth_ = 0;
  int paragraph_depth_ = 0;
  std::vector<bool> nested_;
  long row_ = 0, column_ = 0, col_ = 0;
  long row_repeat_ = 1;
  bool row_hidden_ = false;
  PendingCell cell_;
  std::vector<RowCell> row_cells_;
  std::uint64_t row_text_bytes_ = 0;  // text of the row's cells, repeats counted
  std::vector<Range> row_merges_;
  std::vector<HiddenRun> hidden_rows_, hidden_cols_;
};

}  // namespace

WorkbookResult read_ods(std::string_view bytes, const Limits& limits) {
  ZipArchive archive(bytes, limits);
  if (!archive.open_error().empty()) return {std::nullopt, archive.open_error(), "", ""};
  if (!archive.contains("content.xml"))
    return {std::nullopt, "not a workbook: an OpenDocument file without content.xml", "", ""};
  Workbook book;
  book.kind = "ods";
  GridBudget budget(limits);
  OdsStyles styles;
  StylesFileHandler styles_handler(styles);
  if (archive.contains("styles.xml"))
    if (auto error = parse_xml_entry(archive, "styles.xml", styles_handler); error.failed())
      return {std::nullopt, error.message, error.where, ""};
  ContentHandler handler(book, budget, limits, styles);
  if (auto error = parse_xml_entry(archive, "content.xml", handler); error.failed())
    return {std::nullopt, error.message, error.where, ""};
  return {std::move(book), "", "", ""};
}

}  // namespace kpi::grid
