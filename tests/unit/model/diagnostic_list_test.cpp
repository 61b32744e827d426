// The diagnostics of a run: kept serialised, the older ones in a temporary file past a limit,
// read back in order and unchanged (a national run must not hold them all in memory).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kpi/model/diagnostic_list.hpp"

using kpi::model::Diagnostic;
using kpi::model::DiagnosticList;
using kpi::model::Severity;

namespace {

Diagnostic numbered(int i) {
  Diagnostic d;
  d.location.path = "corpus/takaoka/" + std::to_string(i % 7) + "-高岡.txt";
  d.location.line = i;
  if (i % 3 == 0) d.location.sheet = "KPI";
  if (i % 5 == 0) d.location.cell = {static_cast<std::uint32_t>(i), 16};  // P{i}
  d.severity = static_cast<Severity>(i % 3);
  d.code = i % 2 ? "input.merge-conflict" : "x";
  d.message = std::string(static_cast<std::size_t>(i % 300), 'm') + "：値 '55.4' " +
              std::to_string(i) + (i % 11 ? "" : std::string("\0tab\t", 5));
  return d;
}

bool same(const Diagnostic& a, const Diagnostic& b) {
  return a.location.path == b.location.path && a.location.line == b.location.line &&
         a.location.sheet == b.location.sheet && a.location.cell == b.location.cell &&
         a.severity == b.severity && a.code == b.code && a.message == b.message;
}

std::vector<Diagnostic> read_back(const DiagnosticList& list) {
  return {list.begin(), list.end()};
}

void check_numbered(const DiagnosticList& list, int count) {
  REQUIRE(list.size() == static_cast<std::size_t>(count));
  auto all = read_back(list);
  REQUIRE(all.size() == static_cast<std::size_t>(count));
  std::size_t errors = 0;
  for (int i = 0; i < count; ++i) {
    INFO(i);
    CHECK(same(all[static_cast<std::size_t>(i)], numbered(i)));
    errors += numbered(i).severity == Severity::error;
  }
  CHECK(errors > 0);
  CHECK(list.error_count() == errors);  // counted as they were added, never read back
}

}  // namespace

TEST_CASE("diagnostics: read back in order, in memory", "[model][diagnostics]") {
  DiagnosticList list;
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
  for (int i = 0; i < 500; ++i) list.push_back(numbered(i));
  CHECK_FALSE(list.spilled());
  check_numbered(list, 500);
}

TEST_CASE("diagnostics: past the memory limit, the older go to a file and come back",
          "[model][diagnostics]") {
  DiagnosticList list(4096);  // a few dozen records in memory at a time
  for (int i = 0; i < 3000; ++i) list.push_back(numbered(i));
  CHECK(list.spilled());
  check_numbered(list, 3000);
  check_numbered(list, 3000);  // again: reading does not consume
  // Two iterations at once (the summary counts, then prints) keep their own places.
  auto a = list.begin(), b = list.begin();
  for (int i = 0; i < 1200; ++i) ++a;
  CHECK(same(*a, numbered(1200)));
  CHECK(same(*b, numbered(0)));
  auto copy = a;
  ++a;
  CHECK(same(*copy, numbered(1200)));
  CHECK(same(*a, numbered(1201)));
  CHECK(std::count_if(list.begin(), list.end(),
                      [](const Diagnostic& d) { return d.code == "x"; }) == 1500);
}

TEST_CASE("diagnostics: a record larger than the read-ahead and the limit",
          "[model][diagnostics]") {
  DiagnosticList list(1024);
  Diagnostic big = numbered(1);
  big.message = std::string(200000, 'z');
  list.push_back(numbered(0));
  list.push_back(big);
  list.push_back(numbered(2));
  auto all = read_back(list);
  REQUIRE(all.size() == 3);
  CHECK(same(all[0], numbered(0)));
  CHECK(all[1].message == big.message);
  CHECK(same(all[2], numbered(2)));
}

TEST_CASE("diagnostics: appending keeps the order, spilled or not", "[model][diagnostics]") {
  for (std::size_t first_limit : {std::size_t{1} << 30, std::size_t{2048}})
    for (std::size_t second_limit : {std::size_t{1} << 30, std::size_t{2048}}) {
      INFO(first_limit << " " << second_limit);
      DiagnosticList first(first_limit), second(second_limit);
      for (int i = 0; i < 400; ++i) first.push_back(numbered(i));
      for (int i = 400; i < 1000; ++i) second.push_back(numbered(i));
      first.append(std::move(second));
      CHECK(second.empty());  // NOLINT(bugprone-use-after-move): append leaves it empty
      check_numbered(first, 1000);
      DiagnosticList moved = std::move(first);
      check_numbered(moved, 1000);
    }
}

TEST_CASE("diagnostics: appending a spilled list copies records longer than a read chunk",
          "[model][diagnostics]") {
  DiagnosticList first(std::size_t{1} << 30), second(std::size_t{4096});
  first.push_back(numbered(0));
  Diagnostic big = numbered(1);
  big.message = std::string(200'000, 'x') + "end";  // beyond the 64 KiB read-ahead
  for (int i = 1; i < 300; ++i) second.push_back(i == 150 ? big : numbered(i));
  REQUIRE(second.spilled());
  first.append(std::move(second));
  auto all = read_back(first);
  REQUIRE(all.size() == 300);
  for (int i = 0; i < 300; ++i)
    CHECK(same(all[static_cast<std::size_t>(i)], i == 150 ? big : numbered(i)));
}

TEST_CASE("diagnostics: a view of each record holds what the decoded diagnostic holds",
          "[model][diagnostics]") {
  for (std::size_t limit : {std::size_t{1} << 30, std::size_t{2048}}) {
    DiagnosticList list(limit);
    for (int i = 0; i < 500; ++i) list.push_back(numbered(i));
    int i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
      auto view = it.view();
      auto expected = numbered(i);
      REQUIRE(view.path == expected.location.path);
      REQUIRE(view.line == expected.location.line);
      REQUIRE(view.sheet == expected.location.sheet);
      REQUIRE(view.cell == expected.location.cell);
      REQUIRE(view.severity == expected.severity);
      REQUIRE(view.code == expected.code);
      REQUIRE(view.message == expected.message);
      REQUIRE(same(*it, expected));  // decoded after the view, from the same record
    }
    CHECK(i == 500);
  }
}

TEST_CASE("diagnostics: appending spilled lists takes their files over, in order",
          "[model][diagnostics]") {
  // Lists of each kind (in memory, spilled, spilled with records in memory after), appended
  // one after the other, then grown again: every record comes back once, in order.
  DiagnosticList all(std::size_t{3000});
  int next = 0;
  auto fill = [&](DiagnosticList& list, int count) {
    for (int i = 0; i < count; ++i) list.push_back(numbered(next++));
  };
  fill(all, 10);
  for (std::size_t limit : {std::size_t{1} << 30, std::size_t{2048}, std::size_t{5000}}) {
    DiagnosticList part(limit);
    fill(part, 120);
    all.append(std::move(part));
    CHECK(part.empty());  // NOLINT(bugprone-use-after-move): append leaves it empty
    fill(all, 7);
  }
  CHECK(all.spilled());
  check_numbered(all, next);
  DiagnosticList empty_first(std::size_t{1} << 30), spilled(std::size_t{1024});
  for (int i = 0; i < 50; ++i) spilled.push_back(numbered(i));
  REQUIRE(spilled.spilled());
  empty_first.append(std::move(spilled));
  check_numbered(empty_first, 50);
}

TEST_CASE("diagnostics: a path, sheet and code are kept once, not once per record",
          "[model][diagnostics]") {
  // 10,000 records naming a 300-byte path, a sheet and a code: written out, 3.5 MB; numbered,
  // ~40 bytes a record, under a 1 MB limit.
  DiagnosticList list(std::size_t{1} << 20);
  kpi::model::SourceLocation at{"/srv/kpi/" + std::string(280, 'd') + "/2024.xlsx", 0, "KPI進捗"};
  for (int i = 0; i < 10'000; ++i) {
    at.line = i + 1;
    list.push_back(at, Severity::warning, i % 2 ? "input.merge-conflict" : "input.skipped-row",
                   "m");
  }
  CHECK_FALSE(list.spilled());
  int i = 0;
  for (auto it = list.begin(); it != list.end(); ++it, ++i) {
    auto view = it.view();
    REQUIRE(view.path == at.path);
    REQUIRE(view.sheet == "KPI進捗");
    REQUIRE(view.line == i + 1);
    REQUIRE(view.code == (i % 2 ? "input.merge-conflict" : "input.skipped-row"));
  }
  CHECK(i == 10'000);
}

TEST_CASE("diagnostics: appending renumbers the other list's texts", "[model][diagnostics]") {
  // Each list numbers its texts in the order it met them; after the append every record still
  // names its own path, sheet and code — in memory, spilled, and taken over after a spill.
  for (std::size_t limit : {std::size_t{1} << 30, std::size_t{2048}}) {
    INFO(limit);
    DiagnosticList first(std::size_t{1} << 30), second(limit);
    for (int i = 0; i < 30; ++i) first.push_back(numbered(i));
    for (int i = 30; i < 600; ++i) second.push_back(numbered(599 - i + 30));
    first.append(std::move(second));
    auto all = read_back(first);
    REQUIRE(all.size() == 600);
    for (int i = 0; i < 30; ++i) CHECK(same(all[static_cast<std::size_t>(i)], numbered(i)));
    for (int i = 30; i < 600; ++i)
      CHECK(same(all[static_cast<std::size_t>(i)], numbered(599 - i + 30)));
  }
}

TEST_CASE("diagnostics: the runs between marks cover the list once, in order",
          "[model][diagnostics]") {
  constexpr int per_mark = static_cast<int>(DiagnosticList::records_per_mark);
  DiagnosticList empty;
  CHECK(empty.mark_count() == 0);
  CHECK(empty.mark(0) == empty.end());
  // Pushed, appended from memory and appended spilled, with counts that are no multiple of
  // a run: every mark starts a record, and reading run after run gives every record.
  DiagnosticList all(std::size_t{1} << 16);
  int next = 0;
  for (int i = 0; i < per_mark + 5; ++i) all.push_back(numbered(next++));
  for (std::size_t limit : {std::size_t{1} << 30, std::size_t{4096}}) {
    DiagnosticList part(limit);
    for (int i = 0; i < 2 * per_mark + 3; ++i) part.push_back(numbered(next++));
    all.append(std::move(part));
  }
  REQUIRE(all.mark_count() >= 5);
  CHECK(all.mark(0) == all.begin());
  CHECK(all.mark(all.mark_count()) == all.end());
  int i = 0;
  for (std::size_t k = 0; k < all.mark_count(); ++k) {
    int in_run = 0;
    for (auto it = all.mark(k); it != all.mark(k + 1); ++it, ++i, ++in_run) {
      INFO(i);
      REQUIRE(same(*it, numbered(i)));
    }
    CHECK(in_run > 0);
    CHECK(in_run <= per_mark);
  }
  CHECK(i == next);
}

TEST_CASE("diagnostics: spilled lists appended to a spilled one keep their files and names",
          "[model][diagnostics]") {
  // Each list met its texts in another order, so each numbers them its own way; the files
  // taken over (one of them already taken over once) read their numbers through a table.
  DiagnosticList all(std::size_t{1024}), middle(std::size_t{1024}), last(std::size_t{1024});
  for (int i = 0; i < 100; ++i) all.push_back(numbered(i));
  for (int i = 100; i < 200; ++i) middle.push_back(numbered(i));
  for (int i = 200; i < 300; ++i) last.push_back(numbered(i));
  REQUIRE(all.spilled());
  REQUIRE(middle.spilled());
  REQUIRE(last.spilled());
  middle.append(std::move(last));
  all.append(std::move(middle));
  for (int i = 300; i < 350; ++i) all.push_back(numbered(i));  // to a file of its own
  DiagnosticList tail(std::size_t{1} << 30);
  for (int i = 350; i < 360; ++i) tail.push_back(numbered(i));
  all.append(std::move(tail));
  check_numbered(all, 360);
  // The key of a file and rule is the list's: the same for the same path and code in every
  // file, different for different ones.
  std::map<std::pair<std::string, std::string>, std::set<std::uint64_t>> keys;
  std::set<std::uint64_t> distinct;
  for (auto it = all.begin(); it != all.end(); ++it) {
    auto view = it.view();
    keys[{std::string(view.path), std::string(view.code)}].insert(it.file_and_rule());
    distinct.insert(it.file_and_rule());
  }
  CHECK(keys.size() == 14);  // 7 paths × 2 codes
  for (const auto& [name, found] : keys) CHECK(found.size() == 1);
  CHECK(distinct.size() == keys.size());
  // Runs between marks still start at records in every file.
  int i = 0;
  for (std::size_t k = 0; k < all.mark_count(); ++k)
    for (auto it = all.mark(k); it != all.mark(k + 1); ++it, ++i) REQUIRE(same(*it, numbered(i)));
  CHECK(i == 360);
}
