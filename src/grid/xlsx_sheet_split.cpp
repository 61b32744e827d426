// A worksheet read in pieces, on threads when it is large, joined in order
// (xlsx_sheet_split.hpp).
#include "xlsx_sheet_split.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "cell_ref.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/ordered_tasks.hpp"
#include "kpi/util/string_pool.hpp"
#include "plain_xml.hpp"
#include "xlsx_sheet_handler.hpp"
#include "xml_name.hpp"

namespace kpi::grid {

namespace {

// One piece of the rows read apart: its rows stored from state.base_row.
struct PieceRead {
  bool ok = false;
  Sheet sheet;
  PieceState state;
  SharedFormulas shared;
  std::uint64_t text_bytes = 0;
};

// The piece read by `read` into a fresh PieceRead; ok when read and the handler did not fail.
template <typename Read>
PieceRead read_piece_with(const XlsxContext& context, GridBudget budget, Read read) {
  PieceRead out;
  try {
    WorksheetHandler handler(context, budget, out.sheet, &out.state);
    out.ok = read(handler, budget);
    out.shared = std::move(handler.shared_formulas());
    out.text_bytes = budget.text_bytes();
  } catch (...) {  // out of memory: the serial read meets it again and says so
    out.ok = false;
  }
  return out;
}

// A piece read as plain XML (plain_xml.hpp), or by expat when it is not plain.
PieceRead read_piece(const std::string& xml, const XlsxContext& context, const GridBudget& budget) {
  bool plain = true;
  auto piece = read_piece_with(context, budget, [&](WorksheetHandler& handler, GridBudget& used) {
    auto read = read_plain_content(xml, handler);
    plain = read != PlainRead::not_plain;
    if (!plain) used.give_back();  // expat reads the piece again, counting it anew
    return read == PlainRead::read;
  });
  if (plain) return piece;
  return read_piece_with(context, budget, [&](WorksheetHandler& handler, GridBudget&) {
    XmlStream stream(handler);
    // The piece is a run of elements: one wrapper element makes it a document.
    return stream.error().empty() && stream.feed("<w>", false) && stream.feed(xml, false) &&
           stream.feed("</w>", true);
  });
}

// The handler of what surrounds the rows: it notes where <sheetData> starts, and must store
// no cell (cells outside <sheetData> are left to the serial read).
class FrameHandler : public WorksheetHandler {
 public:
  using WorksheetHandler::WorksheetHandler;
  void watch(const XmlStream& stream) { stream_ = &stream; }
  void start(std::string_view name, const char** attributes) override {
    if (local_name(name) == "sheetData") {
      ++sheet_data_starts;
      sheet_data_at = stream_->byte_index();
    }
    WorksheetHandler::start(name, attributes);
  }
  int sheet_data_starts = 0;
  long long sheet_data_at = -1;

 private:
  const XmlStream* stream_ = nullptr;
};

// The start tag "<sheetData>" or "<prefix:sheetData>" (no attributes) in head[from, ...):
// the offset of its '<' and its prefix ("" or "x:"), or npos.
std::size_t find_sheet_data_start(std::string_view head, std::size_t from, std::string& prefix) {
  constexpr std::string_view tag = "sheetData>";
  for (std::size_t hit = text::find_from(head, tag, from); hit != std::string_view::npos;
       hit = text::find_from(head, tag, hit + 1)) {
    if (hit == 0) continue;
    if (head[hit - 1] == '<') {
      prefix.clear();
      return hit - 1;
    }
    if (head[hit - 1] != ':') continue;
    std::size_t name = hit - 1;
    while (name > 0 && xml_name::in_prefix(head[name - 1])) --name;
    if (name == 0 || name == hit - 1 || head[name - 1] != '<') continue;
    prefix = std::string(head.substr(name, hit - name));
    return name - 1;
  }
  return std::string_view::npos;
}

bool ends_tag_name(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
}

// Reads the entry as it is inflated: the head up to <sheetData> into the frame, the rows in
// pieces to the threads, the rest into the frame again.
class SheetSplitter {
 public:
  SheetSplitter(const XlsxContext& context, GridBudget& budget, Sheet& sheet,
                const ReadThreads& threads)
      : sheet_(sheet),
        budget_(budget),
        frame_(context, budget, sheet),
        frame_stream_(frame_),
        piece_bytes_(std::max<std::size_t>(threads.piece_bytes, 1)),
        spare_pieces_(3 * threads.count + 1),  // as many as can be queued and read at once
        tasks_(threads.count, 2 * threads.count,
               [this, &context, left = budget.remainder(shared_)](std::string xml) {
                 auto read = read_piece(xml, context, left);
                 spare_pieces_.give_back(std::move(xml));
                 return read;
               }) {
    frame_.watch(frame_stream_);
  }

  // The inflated bytes, chunk by chunk; false when the pieces cannot be read apart.
  bool take(std::string_view chunk) {
    if (stage_ == Stage::tail) return frame_stream_.feed(chunk, false);
    buffer_.append(chunk);
    if (stage_ == Stage::head && !take_head()) return false;
    if (stage_ == Stage::rows) take_rows();
    return stage_ != Stage::given_up;
  }

  // After the last chunk: true when the sheet was read and joined.
  bool finish(bool stream_ok) {
    auto pieces = tasks_.finish();
    if (!stream_ok || stage_ != Stage::tail || !frame_stream_.feed({}, true)) return false;
    if (frame_.cells_stored() != 0) return false;
    return join(pieces);
  }

 private:
  enum class Stage { head, rows, tail, given_up };

  bool take_head() {
    std::size_t tag = find_sheet_data_start(buffer_, scanned_, prefix_);
    if (tag == std::string::npos) {
      scanned_ = buffer_.size() >= 10 ? buffer_.size() - 10 : 0;
      return true;
    }
    std::size_t head_end = buffer_.find('>', tag) + 1;
    bool fed = frame_stream_.feed(std::string_view(buffer_).substr(0, head_end), false);
    if (!fed || frame_.sheet_data_starts != 1 ||
        frame_.sheet_data_at != static_cast<long long>(tag)) {
      stage_ = Stage::given_up;
      return false;
    }
    row_open_ = "<" + prefix_ + "row";
    rows_close_ = "</" + prefix_ + "sheetData>";
    buffer_.erase(0, head_end);
    scanned_ = 0;
    stage_ = Stage::rows;
    return true;
  }

  // The rows so far cut into pieces at <row> tags, each of piece_bytes_ or more; at the end of
  // the rows, the last piece and the frame's tail.
  void take_rows() {
    std::size_t close = text::find_from(buffer_, rows_close_, scanned_);
    std::size_t end = close == std::string::npos ? buffer_.size() : close;
    std::size_t start = 0;
    for (std::size_t cut; (cut = next_row_start(start, end)) != std::string::npos; start = cut)
      tasks_.give(piece(start, cut));
    if (close != std::string::npos) {
      if (end > start) tasks_.give(piece(start, end));
      stage_ = Stage::tail;
      if (!frame_stream_.feed(std::string_view(buffer_).substr(close), false))
        stage_ = Stage::given_up;
      buffer_.clear();
      buffer_.shrink_to_fit();
      return;
    }
    buffer_.erase(0, start);
    row_searched_ -= std::min(row_searched_, start);
    scanned_ = buffer_.size() >= rows_close_.size() ? buffer_.size() - rows_close_.size() + 1 : 0;
  }

  std::string piece(std::size_t start, std::size_t end) {
    return spare_pieces_.copy_of(std::string_view(buffer_).substr(start, end - start));
  }

  // The first <row> tag in buffer_[start + piece_bytes_, end) whose name is known to end there,
  // or npos; the bytes searched are not searched again.
  std::size_t next_row_start(std::size_t start, std::size_t end) {
    std::string_view rows = std::string_view(buffer_).substr(0, end);
    std::size_t from = std::max(start + piece_bytes_, row_searched_);
    for (std::size_t hit = text::find_from(rows, row_open_, from); hit != std::string_view::npos;
         hit = text::find_from(rows, row_open_, hit + 1)) {
      std::size_t after = hit + row_open_.size();
      if (after >= rows.size()) {  // the byte after the name has not come yet
        row_searched_ = hit;
        return std::string::npos;
      }
      if (ends_tag_name(rows[after])) {
        row_searched_ = after;
        return hit;
      }
    }
    row_searched_ =
        std::max(from, rows.size() >= row_open_.size() ? rows.size() - row_open_.size() + 1 : 0);
    return std::string::npos;
  }

  // The pieces into the sheet, in order; false when the serial read must decide.
  bool join(std::vector<PieceRead>& pieces) {
    int last_row = -1;
    for (const auto& piece : pieces) {
      if (!piece.ok) return false;
      if (piece.state.last_cell_row < 0) continue;
      if (piece.state.first_cell_row <= last_row) return false;  // rows out of order
      last_row = piece.state.last_cell_row;
    }
    sheet_.rows.resize(static_cast<std::size_t>(last_row + 1));
    SharedFormulas masters;  // of the pieces joined so far
    std::uint64_t text_bytes = 0;
    for (auto& piece : pieces) {
      text_bytes += piece.text_bytes + move_shared_formulas(piece, masters);
      if (masters.size() + piece.shared.size() >= WorksheetHandler::kMaxShared) return false;
      for (auto& [index, master] : piece.shared) masters.insert_or_assign(index, std::move(master));
      move_rows(piece);
    }
    std::uint64_t cells = sheet_.rows.size();
    for (const auto& row : sheet_.rows) cells += row.size();
    return budget_.absorb(cells, text_bytes);
  }

  // The formulas of the piece's cells whose shared master is in an earlier piece, as the
  // serial read moves them; returns the bytes of text they add.
  static std::uint64_t move_shared_formulas(PieceRead& piece, const SharedFormulas& masters) {
    std::uint64_t bytes = 0;
    for (const auto& pending : piece.state.pending) {
      auto master = masters.find(pending.shared_index);
      if (master == masters.end()) continue;
      auto& cell = piece.sheet.rows[static_cast<std::size_t>(pending.row - piece.state.base_row)]
                                   [static_cast<std::size_t>(pending.col)];
      std::string text = "=" + shift_formula(master->second.text, pending.row - master->second.row,
                                             pending.col - master->second.col);
      cell.formula = piece.sheet.keep(text);
      bytes += cell.formula.size();
    }
    return bytes;
  }

  void move_rows(PieceRead& piece) {
    auto base = static_cast<std::size_t>(piece.state.base_row);
    for (std::size_t r = 0; r < piece.sheet.rows.size(); ++r)
      if (!piece.sheet.rows[r].empty()) sheet_.rows[base + r] = std::move(piece.sheet.rows[r]);
    sheet_.hidden_rows.insert(sheet_.hidden_rows.end(), piece.sheet.hidden_rows.begin(),
                              piece.sheet.hidden_rows.end());
    sheet_.texts->adopt(std::move(*piece.sheet.texts));
  }

  Sheet& sheet_;
  GridBudget& budget_;
  FrameHandler frame_;
  XmlStream frame_stream_;
  std::size_t piece_bytes_;
  Stage stage_ = Stage::head;
  std::string buffer_;            // inflated bytes not yet handed on
  std::size_t scanned_ = 0;       // where the search for <sheetData> or its end goes on
  std::size_t row_searched_ = 0;  // where the search for a <row> tag to cut at goes on
  std::string prefix_, row_open_, rows_close_;
  GridBudget::Shared shared_;      // what the pieces stored in all
  util::StringPool spare_pieces_;  // the pieces' buffers, read and given back for the next ones
  using Work = std::function<PieceRead(std::string)>;
  util::OrderedTasks<std::string, PieceRead, Work> tasks_;
};

}  // namespace

bool read_worksheet_in_pieces(ZipArchive& archive, std::string_view entry,
                              const XlsxContext& context, GridBudget& budget, Sheet& sheet,
                              const ReadThreads& threads) {
  GridBudget budget_before = budget;
  std::uint64_t read_before = archive.bytes_read();
  bool read = false;
  {
    // A sheet of one or two pieces, or with one thread, is read on the calling thread.
    bool large = threads.count > 1 && archive.declared_size(entry) >= 2 * threads.piece_bytes;
    SheetSplitter splitter(context, budget, sheet,
                           {large ? threads.count : 0, threads.piece_bytes});
    bool stopped = false;
    std::string zip_error = archive.stream(entry, [&](std::string_view chunk) {
      stopped = !splitter.take(chunk);
      return !stopped;
    });
    read = splitter.finish(!stopped && zip_error.empty());
  }
  if (read) return true;
  budget = budget_before;
  archive.forget_reads_after(read_before);
  sheet.rows.clear();
  sheet.merged.clear();
  sheet.hidden_rows.clear();
  sheet.hidden_cols.clear();
  return false;
}

}  // namespace kpi::grid
