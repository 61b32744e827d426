#pragma once
// A workbook cell's address, written as its A1 name ("P22"): a row and a column in 8 bytes,
// so the values and locations of a national run do not each carry a string for it.
// The one A1 reader and writer: the workbook readers (src/grid) read formulas' and cells'
// references with match_a1 and name cells with append_column_name.
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpi::model {

// The A1 name of a cell in place: formatted without allocating, read as a view.
struct CellName {
  static constexpr std::size_t capacity = 17;  // 7 letters + 10 digits (any uint32 pair)
  std::array<char, capacity> chars{};
  std::uint8_t size = 0;

  std::string_view view() const { return {chars.data(), size}; }
};

struct CellRef {
  std::uint32_t row = 0;     // 1-based; 0 = no cell
  std::uint32_t column = 0;  // 1-based: A = 1, Z = 26, AA = 27, XFD = 16384

  // The cell at a 0-based grid position: at(21, 15) is P22.
  static CellRef at(int row, int column) {
    return {static_cast<std::uint32_t>(row) + 1, static_cast<std::uint32_t>(column) + 1};
  }

  bool empty() const { return row == 0 || column == 0; }
  CellName name() const;                   // "P22"; "" when empty
  std::string text() const;                // the same as a string
  void append_to(std::string& out) const;  // the same appended to a buffer

  friend bool operator==(const CellRef&, const CellRef&) = default;
  friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

// Excel's grid: rows 1..1048576, columns A..XFD.
inline constexpr CellRef excel_last_cell{1'048'576, 16'384};

// "P22" → {22, 16}: exactly the names CellRef::name() writes (upper-case letters, then the
// row without leading zeros), so every cell read back prints as it was written; nullopt for
// "", "p22", "$P$22", "P022", "P0", "P22:Q23", "KPI!P22" and names past a uint32.
std::optional<CellRef> parse_cell_ref(std::string_view text);

// An A1 reference at the start of `text` as formulas and cell addresses write it:
// [$]LETTERS[$]DIGITS, letters of either case. length 0 when there is none or it lies past
// `last` (a longer name is read one letter or digit past the longest within `last`, and
// refused, not cut short: "ABCD1" and "A123456789" are no references in Excel's grid).
struct A1Match {
  CellRef cell;
  bool column_absolute = false, row_absolute = false;
  std::size_t length = 0;  // bytes of `text` read
};
A1Match match_a1(std::string_view text, CellRef last);

// Appends a 1-based column's letters: 1 → "A", 27 → "AA", 16384 → "XFD".
void append_column_name(std::string& out, std::uint32_t column);

}  // namespace kpi::model
