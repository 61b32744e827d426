#include <catch2/catch.hpp>

#include "kpi/text/number.hpp"
#include "kpi/verify/findings.hpp"
#include "kpi/verify/rate_check.hpp"

using kpi::model::Indicator;
using kpi::model::Severity;

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

Indicator kpi_row(std::string id, std::string name, int line) {
  Indicator ind;
  ind.municipality = "testcity";
  ind.id = std::move(id);
  ind.name = std::move(name);
  ind.unit = "件";
  ind.direction = kpi::model::Direction::increase;
  ind.source = {"sheet.txt", line};
  return ind;
}

void add_year(Indicator& ind, int year, std::string_view target, std::string_view actual,
              std::string_view rate = "") {
  kpi::model::Observation o;
  o.fiscal_year = year;
  o.target = v(target);
  o.actual = v(actual);
  o.published_rate = v(rate);
  o.source = ind.source;
  ind.observations.push_back(o);
}

std::vector<kpi::model::Finding> findings_of(std::vector<Indicator> rows) {
  kpi::model::Sheet sheet;
  sheet.path = "sheet.txt";
  sheet.parsed.indicators = std::move(rows);
  kpi::verify::check_rates(sheet.parsed.indicators);
  return kpi::verify::find_cross_row_problems({sheet});
}

const kpi::model::Finding* find_kind(const std::vector<kpi::model::Finding>& all,
                                     const std::string& kind) {
  for (const auto& f : all)
    if (f.kind == kind) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("a re-listed row that differs from its original", "[verify][findings]") {
  auto original = kpi_row("No.1", "相談件数", 10);
  add_year(original, 2020, "10", "8");
  auto copy = kpi_row("No.2", "相談件数", 20);
  copy.relisted_of = "No.1";
  add_year(copy, 2020, "10", "9");
  auto all = findings_of({original, copy});
  auto f = find_kind(all, "relisted-differs");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK(f->message ==
        "No.2 (再掲) 相談件数 differs from its original No.1 (line 10): FY2020 actual 9 vs 8");
  CHECK(f->rows[0].line == 20);
  CHECK(f->rows[1].line == 10);
  copy.observations[0].actual = v("8");
  CHECK_FALSE(find_kind(findings_of({original, copy}), "relisted-differs"));
}

TEST_CASE("a cumulative count that goes down, a balance may", "[verify][findings]") {
  auto count = kpi_row("No.5", "登録件数(累計)", 5);
  count.cumulative = true;
  add_year(count, 2020, "10", "12");
  add_year(count, 2021, "20", "11");
  auto all = findings_of({count});
  auto f = find_kind(all, "cumulative-decrease");
  REQUIRE(f);
  CHECK_THAT(f->message, Catch::Contains("falls from 12 (FY2020) to 11 (FY2021)"));
  auto balance = kpi_row("No.6", "転出入の均衡(累計)", 6);
  balance.cumulative = true;
  add_year(balance, 2020, "0", "▲10");
  add_year(balance, 2021, "0", "▲20");
  CHECK_FALSE(find_kind(findings_of({balance}), "cumulative-decrease"));
}

TEST_CASE("an actual for another year, or repeating the baseline", "[verify][findings]") {
  auto ind = kpi_row("A-1", "雪室食品事業者数", 7);
  ind.baseline.value = v("8");
  ind.baseline.fiscal_year = 2018;
  add_year(ind, 2023, "", "8");
  ind.observations[0].actual_fiscal_year = 2018;
  auto all = findings_of({ind});
  REQUIRE(find_kind(all, "actual-other-year"));
  CHECK_THAT(find_kind(all, "actual-other-year")->message,
             Catch::Contains("the FY2023 column holds a value for FY2018"));
  REQUIRE(find_kind(all, "actual-repeats-baseline"));
}

TEST_CASE("the same name under two ids with different numbers", "[verify][findings]") {
  auto a = kpi_row("No.31", "観光入込客数", 31);
  add_year(a, 2020, "389", "183");
  auto b = kpi_row("No.41", "観光入込客数", 41);
  add_year(b, 2020, "389", "184");
  auto all = findings_of({a, b});
  REQUIRE(find_kind(all, "same-name-differs"));
  b.observations[0].actual = v("183");
  CHECK_FALSE(find_kind(findings_of({a, b}), "same-name-differs"));
}

TEST_CASE("parts that do not add up to their total", "[verify][findings]") {
  auto total = kpi_row("C-3", "利用者数", 95);
  add_year(total, 2023, "", "2,236");
  auto one = kpi_row("C-3", "利用者数 (A線)", 95);
  one.seq = 2;
  add_year(one, 2023, "", "1,011");
  auto two = kpi_row("C-3", "利用者数 (B線)", 95);
  two.seq = 3;
  add_year(two, 2023, "", "1,325");
  auto all = findings_of({total, one, two});
  auto f = find_kind(all, "parts-total");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK_THAT(f->message, Catch::Contains("add up to 2336 but the total says 2,236"));
  total.observations[0].actual = v("2,336");
  CHECK_FALSE(find_kind(findings_of({total, one, two}), "parts-total"));
}

TEST_CASE("a total's parts are found among many rows of one id, in row order",
          "[verify][findings][robust]") {
  // 60,000 rows sharing an id: found by name, not by comparing every row with every row
  // (which took 7 s for 40,000 and minutes for 200,000).
  std::vector<Indicator> rows;
  auto total = kpi_row("2", "利用者数", 1);
  add_year(total, 2023, "", "2,236");
  rows.push_back(total);
  for (int i = 0; i < 60000; ++i) rows.push_back(kpi_row("2", "x" + std::to_string(i), i + 2));
  auto two = kpi_row("2", "利用者数 (B線)", 60002);
  add_year(two, 2023, "", "1,325");
  rows.push_back(two);
  auto one = kpi_row("2", "利用者数 (A線)", 60003);
  add_year(one, 2023, "", "1,011");
  rows.push_back(one);
  auto all = findings_of(rows);
  auto f = find_kind(all, "parts-total");
  REQUIRE(f);
  CHECK_THAT(f->message, Catch::Contains("add up to 2336 but the total says 2,236"));
  CHECK(f->rows.at(1).line == 60002);  // the first part in row order: B線
}

TEST_CASE("a sheet mixing formulas for the same kind of indicator", "[verify][findings]") {
  auto a = kpi_row("No.1", "a", 1);
  add_year(a, 2020, "10", "5", "50.0%");
  add_year(a, 2021, "10", "6", "60.0%");
  auto b = kpi_row("No.2", "b", 2);
  b.final_target.value = v("20");
  add_year(b, 2020, "10", "5", "25.0%");  // against the final target
  auto all = findings_of({a, b});
  auto f = find_kind(all, "formula-mix");
  REQUIRE(f);
  CHECK_THAT(f->message, Catch::Contains("No.2 FY2020 uses ratio against the final target"));
}

TEST_CASE("a final target of 0 rated by progress is no formula mix", "[verify][findings]") {
  // A sheet printing only 目標値（R7）: 社会増減数 ▲250 → 0 is rated by progress (zero target),
  // the others by the ratio, every one against the final target.
  auto against_final = [](std::string id, int line, std::string_view base, std::string_view target,
                          std::string_view actual, std::string_view rate) {
    auto row = kpi_row(std::move(id), "kpi" + std::to_string(line), line);
    row.municipality = "unknown";
    row.baseline.value = v(base);
    row.final_target.value = v(target);
    add_year(row, 2023, "", actual, rate);
    return row;
  };
  auto migration = against_final("1", 1, "▲250", "0", "▲120", "52.0%");  // 130 / 250
  auto output = against_final("2", 2, "3,200", "3,500", "3,380", "96.6%");
  std::vector<Indicator> rows{migration, output};
  kpi::verify::check_rates(rows);
  CHECK(rows[0].observations[0].check.method == "progress");
  CHECK(rows[0].observations[0].check.basis == "final target");
  CHECK(rows[0].observations[0].check.verdict == kpi::model::Verdict::match);
  CHECK(rows[1].observations[0].check.method == "ratio");
  CHECK(rows[1].observations[0].check.verdict == kpi::model::Verdict::match);
  CHECK_FALSE(find_kind(findings_of({migration, output}), "formula-mix"));
}

TEST_CASE("a rate every formula gives sides with none: no formula mix", "[verify][findings]") {
  // The sheet computes progress from the baseline (No.1, No.2). No.3's baseline is 0, where
  // progress is the ratio, and No.4's actual is its target (100 % either way): they are read
  // as the own formula (ratio) but say nothing against progress.
  auto progress = [](std::string id, int line, std::string base, std::string_view target,
                     std::string_view actual, std::string_view rate) {
    auto row = kpi_row(std::move(id), "kpi" + std::to_string(line), line);
    row.municipality = "unknown";
    row.baseline.value = v(base);
    add_year(row, 2023, target, actual, rate);
    return row;
  };
  auto one = progress("No.1", 1, "20", "50", "35", "50.0%");     // (35 - 20) / (50 - 20)
  auto two = progress("No.2", 2, "100", "200", "180", "80.0%");  // (180 - 100) / (200 - 100)
  auto three = progress("No.3", 3, "0", "10", "8", "80.0%");
  auto four = progress("No.4", 4, "20", "50", "50", "100.0%");
  CHECK_FALSE(find_kind(findings_of({one, two, three, four}), "formula-mix"));
  // A ratio that progress would not give still stands out.
  auto five = progress("No.5", 5, "20", "50", "40", "80.0%");  // 40 / 50; progress 66.7%
  auto all = findings_of({one, two, three, four, five});
  auto f = find_kind(all, "formula-mix");
  REQUIRE(f);
  CHECK_THAT(f->message, Catch::Contains("No.5 FY2023 uses ratio"));
}

namespace {

std::vector<const kpi::model::Finding*> of_kind(const std::vector<kpi::model::Finding>& all,
                                                const std::string& kind) {
  std::vector<const kpi::model::Finding*> out;
  for (const auto& f : all)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("a re-listed row is compared with its id's KPI of the same name, else the first",
          "[verify][findings]") {
  auto first = kpi_row("No.1", "相談件数（累計）", 10);
  add_year(first, 2020, "10", "5");
  auto second = kpi_row("No.1", "訪問件数", 11);
  second.seq = 2;
  add_year(second, 2020, "10", "8");
  // The message of the re-listed row named `name` against `rows` ("" when none).
  auto message = [](std::vector<Indicator> rows, std::string name) {
    auto copy = kpi_row("No.9", std::move(name), 30);
    copy.relisted_of = "No.1";
    add_year(copy, 2020, "10", "9");
    rows.push_back(copy);
    auto all = findings_of(std::move(rows));
    const auto* f = find_kind(all, "relisted-differs");
    return f ? f->message : std::string();
  };
  CHECK_THAT(message({first, second}, "訪問件数"),
             Catch::Contains("original No.1 (line 11): FY2020 actual 9 vs 8"));
  // Names as matched: full-width and ASCII brackets are one name.
  CHECK_THAT(message({first, second}, "相談件数(累計)"),
             Catch::Contains("original No.1 (line 10): FY2020 actual 9 vs 5"));
  CHECK_THAT(message({first, second}, "別の名前"), Catch::Contains("(line 10)"));
  // An id with one KPI: that one, whatever its name.
  CHECK_THAT(message({second}, "別の名前"), Catch::Contains("(line 11)"));
}

TEST_CASE("cross-row findings come in a stable order", "[verify][findings]") {
  // Parts by (municipality, id); the same name against its first KPI, in input order.
  std::vector<Indicator> rows;
  for (std::string id : {"B-1", "A-1"}) {
    auto total = kpi_row(id, "利用者数 " + id, 90);
    add_year(total, 2023, "", "100");
    auto part = kpi_row(id, "利用者数 " + id + " (A線)", 91);
    part.seq = 2;
    add_year(part, 2023, "", "30");
    auto other = kpi_row(id, "利用者数 " + id + " (B線)", 92);
    other.seq = 3;
    add_year(other, 2023, "", "40");
    for (auto* r : {&total, &part, &other}) rows.push_back(*r);
  }
  int line = 40;
  for (std::string id : {"No.7", "No.8", "No.9"}) {
    auto same = kpi_row(id, "観光入込客数", line);
    add_year(same, 2020, "389", std::to_string(line++));
    rows.push_back(same);
  }
  auto all = findings_of(rows);
  auto parts = of_kind(all, "parts-total");
  REQUIRE(parts.size() == 2);
  CHECK_THAT(parts[0]->message, Catch::StartsWith("A-1:"));
  CHECK_THAT(parts[1]->message, Catch::StartsWith("B-1:"));
  auto names = of_kind(all, "same-name-differs");
  REQUIRE(names.size() == 2);
  CHECK_THAT(names[0]->message, Catch::Contains("appears as No.7 and No.8"));
  CHECK_THAT(names[1]->message, Catch::Contains("appears as No.7 and No.9"));
}
