#pragma once
// What a reader may store (private to src/grid/): cells materialised in the dense grid and
// bytes of cell text, over all sheets of a workbook, within Limits. Shared by the readers.
#include <atomic>
#include <cstdint>
#include <string>

#include "kpi/grid/grid.hpp"
#include "kpi/grid/workbook_reader.hpp"

namespace kpi::grid {

class GridBudget {
 public:
  explicit GridBudget(const Limits& limits) : limits_(limits) {}

  // The cell at (row, col) of the sheet, the grid grown to hold it; nullptr when that is
  // beyond Excel's grid or the workbook's cell budget (error() says which).
  Cell* cell(Sheet& sheet, int row, int col);
  // Counts a stored cell's text; false when the workbook holds more text than allowed.
  bool charge_text(const Cell& cell);
  // A string a reader is collecting may grow by `more` bytes.
  bool string_fits(std::size_t current, std::size_t more);
  const std::string& error() const { return error_; }

  // What the parts of a sheet read apart on several threads have stored in all.
  struct Shared {
    std::atomic<std::uint64_t> cells{0}, text_bytes{0};
  };
  // A budget for one part of a sheet read apart (xlsx_sheet_split.cpp): what is left of this
  // one, counted from zero for the part, and for all parts together in `shared`, so that the
  // parts in memory at once stay within the workbook's limits too. A part charges the shared
  // tally in batches (a 64th of a limit, 4,096 cells or 1 MiB of text at most), not cell by
  // cell from every thread: the parts together may pass a limit by a batch each before one
  // stops, and the join (absorb) holds them to it exactly.
  GridBudget remainder(Shared& shared) const;
  // A part's reading thrown away (to be read again): what it charged to the shared tally is
  // given back, and it counts from zero again.
  void give_back();
  // The text a budget charged so far.
  std::uint64_t text_bytes() const { return text_bytes_; }
  // Charges at once what parts read apart stored; false (nothing charged) when over a limit.
  bool absorb(std::uint64_t cells, std::uint64_t text_bytes);

 private:
  // What a part has counted toward one shared tally: charged in batches.
  struct SharedCount {
    std::uint64_t batch = 1;    // charged once this much is pending
    std::uint64_t pending = 0;  // counted, not yet charged
    std::uint64_t charged = 0;  // charged by this part
    std::uint64_t seen = 0;     // the tally after this part's last charge
    bool over(std::atomic<std::uint64_t>& tally, std::uint64_t more, std::uint64_t limit);
  };
  bool over_shared_cells(std::uint64_t more);
  bool over_shared_text(std::uint64_t more);

  Limits limits_;
  std::uint64_t cells_ = 0;
  std::uint64_t text_bytes_ = 0;
  std::string error_;
  Shared* shared_ = nullptr;
  SharedCount shared_cells_, shared_text_;
};

// After a sheet is read: hidden rows/columns sorted and unique, without those past the
// stored cells; rows and row vectors trimmed to their last non-empty cell.
void finish_sheet(Sheet& sheet);

}  // namespace kpi::grid
