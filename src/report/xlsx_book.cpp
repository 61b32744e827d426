#include "xlsx_book.hpp"

#include <stdexcept>

namespace kpi::report::xlsx {

lxw_worksheet* Book::add_sheet(std::string_view name) {
  auto* sheet = lxw().workbook_add_worksheet(workbook_, std::string(name).c_str());
  if (!sheet) throw std::runtime_error("xlsx: cannot add the worksheet " + std::string(name));
  return sheet;
}

lxw_format* Book::header() {
  if (!header_) {
    header_ = lxw().workbook_add_format(workbook_);
    lxw().format_set_bold(header_);
    lxw().format_set_bg_color(header_, 0xEDEDED);
    lxw().format_set_text_wrap(header_);
    lxw().format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  }
  return header_;
}

lxw_format* Book::title() {
  if (!title_) {
    title_ = lxw().workbook_add_format(workbook_);
    lxw().format_set_bold(title_);
    lxw().format_set_font_size(title_, 14);
  }
  return title_;
}

lxw_format* Book::number_format(const std::string& code) {
  auto& f = numbers_[code];
  if (!f) {
    f = lxw().workbook_add_format(workbook_);
    lxw().format_set_num_format(f, code.c_str());
  }
  return f;
}

lxw_format* Book::fill(std::uint32_t color) {
  auto& f = fills_[color];
  if (!f) {
    f = lxw().workbook_add_format(workbook_);
    lxw().format_set_bg_color(f, color);
  }
  return f;
}

std::string number_format_code(const AnalysisCell& cell) {
  int scale = cell.number ? cell.number->scale : 0;
  std::string decimals = scale > 0 ? "." + std::string(static_cast<std::size_t>(scale), '0') : "";
  switch (cell.kind) {
    case CellKind::percent:
      return "0" + decimals + "%";
    case CellKind::year:
      return "0";
    default:
      return "#,##0" + decimals;
  }
}

void write_text(lxw_worksheet* sheet, int row, int col, std::string_view text, lxw_format* format) {
  if (text.empty()) return;
  // Excel holds 32,767 characters in a cell; libxlsxwriter refuses longer strings.
  constexpr std::size_t limit = 32767;
  std::string value(text.substr(0, limit));
  lxw().worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               value.c_str(), format);
}

void write_cell(Book& book, lxw_worksheet* sheet, int row, int col, const AnalysisCell& cell) {
  auto r = static_cast<lxw_row_t>(row);
  auto c = static_cast<lxw_col_t>(col);
  switch (cell.kind) {
    case CellKind::empty:
      return;
    case CellKind::text:
      return write_text(sheet, row, col, cell.text);
    case CellKind::flag:
      lxw().worksheet_write_boolean(sheet, r, c, cell.flag ? 1 : 0, nullptr);
      return;
    case CellKind::number:
    case CellKind::percent:
    case CellKind::year: {
      auto number = *cell.number;
      if (cell.kind == CellKind::percent) number.scale += 2;  // 108.7 (%) -> 1.087
      double value = number.to_double();
      lxw().worksheet_write_number(sheet, r, c, value,
                                   book.number_format(number_format_code(cell)));
      return;
    }
  }
}

}  // namespace kpi::report::xlsx
