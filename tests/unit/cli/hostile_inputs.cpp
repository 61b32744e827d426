#include "cli/hostile_inputs.hpp"

#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>

#include "cli/run_binary.hpp"
#include "sheets.hpp"

namespace kpi::testing {
namespace {

namespace fs = std::filesystem;

const std::string& takaoka() {
  static const std::string text =
      read_bytes(data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  return text;
}

std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + charset);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const std::string& takaoka_cp932() {
  static const std::string bytes = encode(takaoka(), "windows-31j");
  return bytes;
}

// Byte offset where 1-based line `line` starts (lines end in LF).
std::size_t line_offset(const std::string& text, int line) {
  std::size_t offset = 0;
  for (int n = 1; n < line; ++n) offset = text.find('\n', offset) + 1;
  return offset;
}

std::string insert_at_line(std::string text, int line, const std::string& bytes) {
  return text.insert(line_offset(text, line), bytes);
}

// Bytes that are no text: a fixed linear congruential sequence, without line feeds so that
// the first control byte is on line 1.
std::string noise(std::size_t size) {
  std::string out(size, '\0');
  std::uint32_t state = 12345;
  for (auto& c : out) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>((state >> 16) & 0xFF);
    if (c == '\n') c = '\x0B';
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
  return s;
}

std::string repeated(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

fs::path write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

HostileInput file_input(const fs::path& path) {
  return {quoted(path.string()), path.string(), "", true};
}

HostileInput written(const fs::path& dir, const std::string& name, const std::string& bytes) {
  return file_input(write(dir / name, bytes));
}

// The Takaoka sheet cut inside the value line of No.15, after its second year.
std::string cut_mid_row() {
  const std::string row = "増加指標 ％ 65.1 66.0 67.5 102.3% 67.0 68.8 102.7%";
  auto at = takaoka().find(row);
  if (at == std::string::npos) throw std::runtime_error("No.15 value line not found");
  return takaoka().substr(0, at + row.size());
}

// The CP932 sheet cut after the lead byte of the first double-byte character of line 887.
std::string sjis_cut_mid_char() {
  const auto& bytes = takaoka_cp932();
  for (std::size_t i = line_offset(bytes, 887); i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) return bytes.substr(0, i + 1);
  }
  throw std::runtime_error("no double-byte character on line 887");
}

HostileInput big_takaoka_2000(const fs::path& dir) {
  auto path = dir / "takaoka-2000.txt";
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < 2000; ++i) out << takaoka();
  return file_input(path);
}

// A bundled sheet with the value cell `cell` replaced by `before` + 3 MiB of digits + `after`:
// every layout reads such a cell in linear time (issue 12).
HostileInput digit_cell(const fs::path& dir, const std::string& sheet, const std::string& cell,
                        const std::string& before, const std::string& after) {
  auto text = read_bytes(data_path(sheet));
  auto at = text.find(cell);
  if (at == std::string::npos) throw std::runtime_error("no cell '" + cell + "' in " + sheet);
  auto digits = repeated("1234567890", 3 * 1024 * 1024 / 10);
  text.replace(at, cell.size(), before + digits + after);
  return written(dir, fs::path(sheet).filename().string(), text);
}

bool is_root() {
  return ::geteuid() == 0;
}
bool has_setpriv() {
  return std::system("command -v setpriv >/dev/null 2>&1") == 0;
}

// chmod 000 does not stop root: run the binary as nobody when we can, else say so.
void unreadable_for_the_run(HostileInput& input) {
  if (!is_root()) return;
  if (has_setpriv())
    input.prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
  else
    input.permissions_hold = false;
}

HostileInput directory_with_unreadable_file_and_loop(const fs::path& dir) {
  auto sheets = dir / "sheets";
  fs::create_directories(sheets);
  write(sheets / "takaoka.txt", takaoka());
  write(sheets / "unreadable.txt", "読めないはずのファイル\n");
  fs::permissions(sheets / "unreadable.txt", fs::perms::none);
  fs::create_symlink("loop", sheets / "loop");
  fs::create_symlink("nowhere.txt", sheets / "dangling.txt");
  auto input = file_input(sheets);
  unreadable_for_the_run(input);
  return input;
}

HostileInput good_and_bad(const fs::path& dir) {
  auto good = write(dir / "takaoka.txt", takaoka());
  auto binary = write(dir / "binary.bin", noise(4096));
  return {quoted(good.string()) + " " + quoted((dir / "missing.txt").string()) + " " +
              quoted(binary.string()),
          dir.string(), "", true};
}

using Generator = std::function<HostileInput(const fs::path& dir)>;

const std::map<std::string, Generator>& generators() {
  static const std::map<std::string, Generator> table = {
      {"empty", [](auto& d) { return written(d, "empty.txt", ""); }},
      {"bom-only", [](auto& d) { return written(d, "bom.txt", "\xEF\xBB\xBF"); }},
      {"utf16-bom-only", [](auto& d) { return written(d, "bom16.txt", "\xFF\xFE"); }},
      {"binary", [](auto& d) { return written(d, "binary.bin", noise(4096)); }},
      {"pdf",
       [](auto& d) {
         return written(d, "sheet.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n" + noise(1024));
       }},
      {"xlsx", [](auto& d) { return written(d, "sheet.xlsx", "PK\x03\x04" + noise(1024)); }},
      {"nul-only", [](auto& d) { return written(d, "nul.txt", std::string(4096, '\0')); }},
      {"takaoka-nul-padded",
       [](auto& d) { return written(d, "padded.txt", takaoka() + std::string(65536, '\0')); }},
      {"takaoka-nul-inside",
       [](auto& d) {
         return written(d, "nul-inside.txt", insert_at_line(takaoka(), 101, std::string(4, '\0')));
       }},
      {"takaoka-invalid-utf8",
       [](auto& d) {
         return written(d, "invalid.txt", insert_at_line(takaoka(), 100, "\xFF\xFE"));
       }},
      {"takaoka-sjis", [](auto& d) { return written(d, "sjis.txt", takaoka_cp932()); }},
      {"takaoka-sjis-broken",
       [](auto& d) {
         return written(d, "sjis-broken.txt", insert_at_line(takaoka_cp932(), 100, "\xFF"));
       }},
      {"takaoka-utf16le",
       [](auto& d) { return written(d, "utf16le.txt", encode(takaoka(), "UTF-16LE")); }},
      {"takaoka-utf16be-bom",
       [](auto& d) {
         return written(d, "utf16be.txt", "\xFE\xFF" + encode(takaoka(), "UTF-16BE"));
       }},
      {"takaoka-cr",
       [](auto& d) { return written(d, "cr.txt", replace_all(takaoka(), "\n", "\r")); }},
      {"takaoka-cut-mid-row", [](auto& d) { return written(d, "cut-row.txt", cut_mid_row()); }},
      {"takaoka-cut-mid-char",
       [](auto& d) { return written(d, "cut-char.txt", takaoka().substr(0, 30001)); }},
      {"takaoka-sjis-cut-mid-char",
       [](auto& d) { return written(d, "sjis-cut.txt", sjis_cut_mid_char()); }},
      {"big-line-alone", [](auto& d) { return written(d, "line.txt", repeated("あ", 1 << 20)); }},
      {"big-line-in-sheet",
       [](auto& d) {
         return written(d, "long-line.txt",
                        insert_at_line(takaoka(), 101, repeated("1 ", 1500000) + "\n"));
       }},
      {"big-takaoka-2000", big_takaoka_2000},
      {"takaoka-3mb-digit-cell",
       [](auto& d) {
         return digit_cell(d, "takaoka/takaoka-kpi-progress-fy2020-2023.txt",
                           "58.2 58.6 58.0 99.0%", "58.2 ", " 58.0 99.0%");
       }},
      {"toyama-3mb-digit-cell",
       [](auto& d) {
         return digit_cell(d, "toyama/toyama-strategy-progress-fy2020.tsv", "\t6件(平成30年度)\t",
                           "\t", "件(平成30年度)\t");
       }},
      {"joetsu-3mb-digit-cell",
       [](auto& d) {
         return digit_cell(d, "joetsu/joetsu-kpi-progress-fy2023.tsv", "\t574,963百万円 (H29)\t",
                           "\t", "百万円 (H29)\t");
       }},
      {"kanazawa-3mb-digit-cell",
       [](auto& d) {
         return digit_cell(d, "kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt",
                           "47.5% (R5) → 59% (R10)", "47.5% (R5) → ", "% (R10)");
       }},
      {"missing", [](auto& d) { return file_input(d / "missing" / "sheet.txt"); }},
      {"symlink-loop",
       [](auto& d) {
         fs::create_symlink("loop", d / "loop");
         return file_input(d / "loop");
       }},
      {"fifo",
       [](auto& d) {
         auto path = d / "fifo";
         if (::mkfifo(path.c_str(), 0644) != 0) throw std::runtime_error("mkfifo failed");
         return file_input(path);
       }},
      {"dir-unreadable-loop", directory_with_unreadable_file_and_loop},
      {"good-and-bad", good_and_bad},
  };
  return table;
}

}  // namespace

HostileInput make_hostile_input(const std::string& name, const fs::path& dir) {
  auto found = generators().find(name);
  if (found == generators().end()) throw std::runtime_error("no generator gen:" + name);
  return found->second(dir);
}

}  // namespace kpi::testing
