#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "kpi/report/text_table.hpp"
#include "kpi/text/display_width.hpp"

using kpi::report::Align;
using kpi::report::Fit;
using kpi::report::render_text_table;
using kpi::report::TextStyle;
using kpi::report::TextTable;

namespace {

// name (cut, 100), value (noted, 50), verdict (whole, 10)
TextTable sample() {
  TextTable t;
  t.columns = {{"name", Align::left, Fit::cut, 100, 6, 40},
               {"value", Align::right, Fit::noted, 50, 1, 24},
               {"verdict", Align::left, Fit::whole, 10, 1, 16}};
  t.rows = {
      {{"相談件数の合計", "", ""}, {"クラフト市 … 23,000", "23,000", ""}, {"match", "", "33"}},
      {{"短い", "", ""}, {"12", "12", ""}, {"mismatch", "", "1;31"}},
      {{"▲の数", "", ""}, {"5", "5", ""}, {"match", "", ""}},
      {{"四つ目", "", ""}, {"7", "7", ""}, {"match", "", ""}},
      {{"五つ目", "", ""}, {"8", "8", ""}, {"match", "", ""}}};
  return t;
}

TextStyle style(int width, bool color = false) {
  TextStyle s;
  s.width = width;
  s.color = color;
  s.note = [](const std::string& title, const std::string& text) {
    return "note (" + title + "): " + text;
  };
  return s;
}

}  // namespace

TEST_CASE("text table: full width without a limit", "[report][text-table]") {
  auto r = render_text_table(sample(), style(0));
  REQUIRE(r.lines.size() == 7);
  CHECK(r.lines[0] == "name                          value  verdict");
  CHECK(r.lines[1] == "--------------  -------------------  --------");
  CHECK(r.lines[2] == "相談件数の合計  クラフト市 … 23,000  match");
  CHECK(r.lines[3] == "短い                             12  mismatch");
  CHECK(r.dropped.empty());
}

TEST_CASE("text table: a long number is shown parsed with a note, never cut",
          "[report][text-table]") {
  auto r = render_text_table(sample(), style(40));
  INFO(r.lines[0] << "\n" << r.lines[1] << "\n" << r.lines[2] << "\n" << r.lines[3]);
  CHECK(r.lines[2] == "相談件数の合計  23,000  match");
  CHECK(r.lines[3] == "    note (value): クラフト市 … 23,000");
  CHECK(r.lines[4] == "短い                12  mismatch");
  for (const auto& line : r.lines) CHECK(kpi::text::display_width(line) <= 40);
  auto narrow = render_text_table(sample(), style(30));  // the note wraps
  CHECK(narrow.lines[3] == "    note (value): クラフト市 …");
  CHECK(narrow.lines[4] == "      23,000");
}

TEST_CASE("text table: names cut, then the least important column left out",
          "[report][text-table]") {
  auto cut = render_text_table(sample(), style(24));
  CHECK(cut.lines[2] == "相談…   23,000  match");
  CHECK(cut.dropped.empty());
  auto dropped = render_text_table(sample(), style(15));
  CHECK(dropped.dropped == std::vector<std::string>{"verdict"});
  CHECK(dropped.lines[2] == "相談件…  23,000");
  for (const auto& line : dropped.lines) CHECK(kpi::text::display_width(line) <= 15);
}

TEST_CASE("text table: colour does not move the columns", "[report][text-table]") {
  auto plain = render_text_table(sample(), style(0));
  auto painted = render_text_table(sample(), style(0, true));
  REQUIRE(plain.lines.size() == painted.lines.size());
  CHECK(painted.lines[3] == "短い                             12  \x1b[1;31mmismatch\x1b[0m");
  std::regex sgr("\x1b\\[[0-9;]*m");
  for (std::size_t i = 0; i < plain.lines.size(); ++i)
    CHECK(std::regex_replace(painted.lines[i], sgr, "") == plain.lines[i]);
}

TEST_CASE("text table: a title breaks before （ onto a second line", "[report][text-table]") {
  TextTable t;
  t.columns = {{"達成率（再計算）", Align::right, Fit::whole, 1, 1, 16}};
  t.rows = {{{"92.9%", "", ""}}};
  auto r = render_text_table(t, style(12));
  REQUIRE(r.lines.size() == 4);
  CHECK(r.lines[0] == "    達成率");
  CHECK(r.lines[1] == "（再計算）");
  CHECK(r.lines[2] == "----------");
  CHECK(r.lines[3] == "     92.9%");
}

TEST_CASE("text table: rows made on demand render as the same rows held", "[report][text-table]") {
  // Each row is made twice (measured, then printed), one at a time; the lines are those of
  // the same rows held, at every width, and write_text_table streams them with newlines.
  auto held = sample();
  TextTable made;
  made.columns = held.columns;
  made.row_count = held.rows.size();
  std::vector<int> calls(held.rows.size(), 0);
  made.make_row = [&](std::size_t i, std::vector<kpi::report::TextCell>& cells) {
    ++calls[i];
    cells = held.rows[i];
  };
  for (int width : {0, 40, 30, 24, 15}) {
    INFO(width);
    std::fill(calls.begin(), calls.end(), 0);
    auto a = render_text_table(held, style(width));
    auto b = render_text_table(made, style(width));
    CHECK(a.lines == b.lines);
    CHECK(a.dropped == b.dropped);
    CHECK(std::all_of(calls.begin(), calls.end(), [](int n) { return n == 2; }));
    std::ostringstream out;
    CHECK(kpi::report::write_text_table(out, made, style(width)) == a.dropped);
    std::string joined;
    for (const auto& line : a.lines) joined += line + "\n";
    CHECK(out.str() == joined);
  }
}

TEST_CASE("text table: a large table measured and rendered on several threads is the serial one",
          "[report][text-table]") {
  // 10,000 rows made on demand (past the rows a table needs before it uses its threads):
  // widths found in runs and rows rendered in runs give the serial lines, in order, with the
  // notes of the cells shown compact (a few long numbers) under their rows.
  auto base = sample();
  TextTable made;
  made.columns = base.columns;
  made.row_count = 10000;
  made.make_row = [&](std::size_t i, std::vector<kpi::report::TextCell>& cells) {
    auto n = std::to_string(i);
    bool long_number = i % 997 == 0;
    auto value = long_number ? "1,234,567,890,123,456,789,012,345" : n;
    cells.push_back({"指標 " + n, "", ""});
    cells.push_back({value, long_number ? "1.2e27" : n, ""});
    cells.push_back({i % 3 == 0 ? "mismatch" : "match", "", ""});
  };
  for (int width : {0, 40, 24}) {
    INFO(width);
    made.threads = 1;
    auto serial = render_text_table(made, style(width));
    REQUIRE(serial.lines.size() > 10000);
    for (unsigned threads : {2u, 3u}) {
      INFO(threads);
      made.threads = threads;
      auto parallel = render_text_table(made, style(width));
      CHECK(parallel.lines == serial.lines);
      CHECK(parallel.dropped == serial.dropped);
    }
  }
  made.threads = 1;
  auto lines = render_text_table(made, style(0)).lines;
  CHECK(lines[2].rfind("指標 0 ", 0) == 0);
  CHECK(lines.back().rfind("指標 9999 ", 0) == 0);
}
