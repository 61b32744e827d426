#pragma once
// The expat handler of one worksheet (private to src/grid/): <sheetData> cells with their
// formulas and number formats, <cols> hidden columns, <mergeCells>. It reads a whole sheet
// (the serial read), or one piece of its rows apart from the others (xlsx_sheet_split.cpp):
// then what depends on the rows before the piece is left to the join, and anything the join
// could not redo exactly ends the piece with a failure, so that the sheet is read serially.
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiled_format.hpp"
#include "display_memo.hpp"
#include "xlsx_parts.hpp"

namespace kpi::grid {

// A formula as the <f> element gives it, kept until the cell ends.
struct FormulaElement {
  bool present = false;
  std::string type;  // "", "shared", "array"
  std::string shared_index;
  std::string text;
};

// The master of a shared formula: its cell and its text.
struct SharedFormula {
  int row, col;
  std::string text;
};
using SharedFormulas = std::map<std::string, SharedFormula>;

// The raw parts of a <c> element; its buffers are reused from cell to cell.
struct RawCell {
  int row = 0, col = 0;
  std::string type;
  std::size_t style = 0;
  bool has_value = false;
  std::string value;
  std::string inline_text;
  FormulaElement formula;

  void reset();
};

// The number format of a cell style: its code kept in the sheet's text store, and the code
// compiled the first time a number is shown under it.
struct StyleFormat {
  FormatCode code;
  std::optional<CompiledFormat> compiled;
  DisplayMemo shown;  // numbers met before under it
};

// A cell of a piece sharing a formula whose master is in an earlier piece.
struct PendingFormula {
  int row, col;
  std::string shared_index;
};

// What reading one piece of the rows apart leaves to the join.
struct PieceState {
  bool rows_started = false;
  int base_row = -1;  // the row of the piece's first stored cell: stored from index 0
  int first_cell_row = INT_MAX, last_cell_row = -1;  // rows holding its stored cells
  std::vector<PendingFormula> pending;
};

class WorksheetHandler : public XmlHandler {
 public:
  // A serial read (piece == nullptr) or the read of one piece of the rows.
  WorksheetHandler(const XlsxContext& context, GridBudget& budget, Sheet& sheet,
                   PieceState* piece = nullptr);

  void start(std::string_view name, const char** attributes) override;  // expat's: as views
  void start_element(std::string_view name, std::span<const XmlAttribute> attributes) override;
  void end(std::string_view name) override;
  void text(std::string_view chunk) override;

  // The shared formulas' masters met so far (for a piece: its own).
  SharedFormulas& shared_formulas() { return shared_; }
  // How many cells were stored (a piece's frame must store none).
  std::size_t cells_stored() const { return cells_stored_; }

  static constexpr std::size_t kMaxShared = 1u << 20;

 private:
  using Attributes = std::span<const XmlAttribute>;
  void capture(std::string& target) { capture_ = &target; }
  void start_value();
  void start_row(Attributes attributes);
  void start_cell(Attributes attributes);
  void start_formula(Attributes attributes);
  void hide_columns(Attributes attributes);
  void add_merge(Attributes attributes);
  void formula_text();
  void remember_master();
  StyleFormat& style_format();
  const CompiledFormat& compiled(StyleFormat& format);
  std::string_view display_of(std::string_view value, const std::string& display);
  void fill_value(Cell& cell, StyleFormat& format);
  void fill_number(Cell& cell, StyleFormat& format);
  bool holds_value() const;
  void finish_cell();
  Cell* store_cell();
  int stored_row(int row) const { return piece_ ? row - piece_->base_row : row; }
  Cell* size_row(int row, int col);
  void fit_row();

  static constexpr std::size_t kMaxMerges = 1u << 20;
  static constexpr std::size_t kMaxStyles = 1u << 16;

  const XlsxContext& context_;
  GridBudget& budget_;
  Sheet& sheet_;
  PieceState* piece_;
  int row_ = -1, col_ = -1;
  bool in_cell_ = false, in_inline_ = false;
  int phonetic_depth_ = 0;
  RawCell cell_;
  std::vector<XmlAttribute> viewed_;  // expat's attributes as views
  std::string formula_;
  std::string* capture_ = nullptr;
  SharedFormulas shared_;
  std::vector<StyleFormat> formats_;  // by style index; the last one for indexes beyond
  int sized_row_ = -1;                // in stored rows
  std::size_t previous_width_ = 0;
  std::size_t cells_stored_ = 0;
};

}  // namespace kpi::grid
