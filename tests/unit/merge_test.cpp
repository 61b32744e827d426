// Merging sheets of one municipality into one series per KPI.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "formats/canonical_fixtures.hpp"
#include "kpi/merge.hpp"
#include "kpi/merge_keys.hpp"

namespace {

using namespace kpi;
using namespace kpi::testing::canonical;
using model::Decimal;

// The Takaoka sheet (FY2020-2023) as a canonical CSV file.
const std::string& takaoka_csv_file() {
  static const std::string path =
      temp_file("takaoka-fy2020-2023.csv", as_csv(run({takaoka_sheet()})));
  return path;
}

const std::string header =
    "municipality,id,name,fiscal_year,target,actual,published_rate,baseline\n";

model::Indicator kpi_with(const std::string& id, const std::string& name, const std::string& path,
                          std::vector<model::Observation> observations) {
  model::Indicator ind;
  ind.municipality = "demo";
  ind.id = id;
  ind.name = name;
  ind.source = {path, 1};
  ind.observations = std::move(observations);
  return ind;
}

model::Observation obs(int year, std::optional<Decimal> actual, const std::string& text,
                       const std::string& path, int line) {
  model::Observation o;
  o.fiscal_year = year;
  o.actual = {actual, text};
  o.source = {path, line};
  return o;
}

model::Sheet sheet_of(const std::string& path, std::vector<model::Indicator> indicators) {
  model::Sheet s;
  s.path = path;
  s.usable = true;
  s.parsed.indicators = std::move(indicators);
  return s;
}

}  // namespace

TEST_CASE("merge: a new fiscal year's actuals in a second canonical file just work", "[merge]") {
  auto fy2024 =
      temp_file("takaoka-fy2024.csv",
                header +
                    "takaoka,No.3,県Uターン就職率,2024,60.0,59.0,98.3%,\n"
                    "takaoka,No.1,2025年までの転出・転入を均衡(累計),R6,0,▲ 300,-191.3%,\n");
  auto result = run({takaoka_csv_file(), fy2024});
  REQUIRE(result.sheets.size() == 2);
  CHECK(result.sheets[0].parsed.indicators.size() == 64);
  CHECK(result.sheets[1].parsed.indicators.empty());  // both joined the series of the first file
  CHECK(result.sheets[1].merged_kpis == 2);
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-conflict", ""));

  const auto& no3 = indicator(result.sheets[0].parsed.indicators, "No.3");
  REQUIRE(no3.observations.size() == 5);
  CHECK(no3.observations.back().fiscal_year == 2024);
  const auto& fy = observation(no3, 2024);
  CHECK(fy.source.path == fy2024);
  CHECK(fy.source.line == 2);
  CHECK(fy.check.verdict == model::Verdict::match);  // direction and unit from the first file
  CHECK(fy.check.rate_rounded == Decimal{983, 1});
  CHECK(observation(no3, 2020).actual.text == "58.0");

  // Progress from the baseline: needs the first file's baseline (▲103 of its cell).
  const auto& no1 = indicator(result.sheets[0].parsed.indicators, "No.1");
  REQUIRE(no1.observations.size() == 5);
  CHECK(observation(no1, 2024).check.method == "progress");
  CHECK(observation(no1, 2024).check.verdict == model::Verdict::match);

  // Each source keeps its own counts in JSON sources[].
  auto doc = as_json(result);
  CHECK(doc.find("\"kpis\": 64,\n      \"rows_read\": 256,\n      \"rows_used\": 256,\n      "
                 "\"merged\": 0") != std::string::npos);
  CHECK(
      doc.find(
          "\"kpis\": 2,\n      \"rows_read\": 2,\n      \"rows_used\": 2,\n      \"merged\": 2") !=
      std::string::npos);
  // ... and the merged document reads back to itself.
  auto json_path = temp_file("merged.json", doc);
  CHECK(as_json(run({json_path})) == doc);
}

TEST_CASE("merge: the same fiscal year with another value is a conflict, the later file wins",
          "[merge]") {
  auto first = run({takaoka_csv_file()});
  const auto& before = indicator(first.sheets[0].parsed.indicators, "No.3");
  auto fy2023_line = observation(before, 2023).source.line;
  auto fix = temp_file("takaoka-fix.csv",
                       header + "takaoka,No.3,県Uターン就職率,2023,59.5,55.4,93.1%,58.0\n");

  auto result = run({takaoka_csv_file(), fix});
  const auto& no3 = indicator(result.sheets[0].parsed.indicators, "No.3");
  CHECK(observation(no3, 2023).actual.text == "55.4");
  CHECK(observation(no3, 2023).check.verdict == model::Verdict::match);
  CHECK(observation(no3, 2023).target.text == "59.5");  // equal values are no conflict
  CHECK(no3.baseline.value.text == "58.0");
  const auto& f = takaoka_csv_file();
  std::vector<std::string> expected = {
      fmt::format("No.3 baseline: '58.0' at {}:2 differs from '58.2' at {}:{}; the later file's "
                  "value is kept",
                  fix, f, before.source.line),
      fmt::format("No.3 FY2023 actual: '55.4' at {}:2 differs from '55.3' at {}:{}; the later "
                  "file's value is kept",
                  fix, f, fy2023_line),
      fmt::format("No.3 FY2023 published rate: '93.1%' at {}:2 differs from '92.9%' at {}:{}; the "
                  "later file's "
                  "value is kept",
                  fix, f, fy2023_line)};
  std::vector<std::string> found;
  for (const auto& d : result.diagnostics)
    if (d.code == "input.merge-conflict") {
      CHECK(d.severity == model::Severity::warning);
      CHECK(d.location.path == fix);
      found.push_back(d.message);
    }
  CHECK(found == expected);
}

TEST_CASE("merge: values present in one file only are taken, never erased", "[merge]") {
  auto a = sheet_of("a.csv", {kpi_with("K", "件数", "a.csv",
                                       {obs(2020, std::nullopt, "-", "a.csv", 2),
                                        obs(2021, Decimal{5, 0}, "5", "a.csv", 3)})});
  auto b = sheet_of("b.csv", {kpi_with("K", "件 数", "b.csv",
                                       {obs(2020, Decimal{7, 0}, "7", "b.csv", 2),
                                        obs(2021, std::nullopt, "", "b.csv", 3),
                                        obs(2022, Decimal{9, 0}, "9", "b.csv", 4)})});
  auto out = merge_sheets({a, b});
  CHECK(out.diagnostics.empty());  // "件 数" and "件数" are one name; no value contradicts
  CHECK(out.extended == std::vector<std::size_t>{0});
  const auto& series = out.sheets[0].parsed.indicators.at(0);
  REQUIRE(series.observations.size() == 3);
  CHECK(observation(series, 2020).actual.number == Decimal{7, 0});
  CHECK(observation(series, 2021).actual.number == Decimal{5, 0});
  CHECK(observation(series, 2022).source.path == "b.csv");
  CHECK(out.sheets[1].parsed.indicators.empty());
  CHECK(model::source_summaries(out.sheets[1]).at(0).kpis == 1);
  CHECK(model::source_summaries(out.sheets[1]).at(0).merged == 1);
}

TEST_CASE("merge: a joined year stays located at the file that printed its published rate",
          "[merge]") {
  auto with_rate = obs(2023, Decimal{320, 0}, "320", "a.csv", 2);
  with_rate.published_rate = {Decimal{954, 1}, "95.4%"};
  auto target_only = obs(2023, std::nullopt, "", "b.csv", 2);
  target_only.target = {Decimal{350, 0}, "350"};
  auto rate_again = obs(2023, Decimal{320, 0}, "320", "c.csv", 5);
  rate_again.published_rate = {Decimal{914, 1}, "91.4%"};
  auto a = sheet_of("a.csv", {kpi_with("K", "件数", "a.csv", {with_rate})});
  auto b = sheet_of("b.csv", {kpi_with("K", "件数", "b.csv", {target_only})});
  auto c = sheet_of("c.csv", {kpi_with("K", "件数", "c.csv", {rate_again})});
  // b.csv gives the target only: the rate and its line are a.csv's.
  auto ab = merge_sheets({a, b});
  const auto& joined = observation(ab.sheets[0].parsed.indicators.at(0), 2023);
  CHECK(joined.target.text == "350");
  CHECK(joined.published_rate.text == "95.4%");
  CHECK(joined.source.path == "a.csv");
  // A later file printing a rate of its own moves it there.
  auto abc = merge_sheets({a, b, c});
  const auto& replaced = observation(abc.sheets[0].parsed.indicators.at(0), 2023);
  CHECK(replaced.published_rate.text == "91.4%");
  CHECK(replaced.source.path == "c.csv");
  CHECK(replaced.source.line == 5);
}

TEST_CASE("merge: another name under the same id stays apart, with a note", "[merge]") {
  auto a = sheet_of(
      "a.csv", {kpi_with("K", "観光客数", "a.csv", {obs(2020, Decimal{1, 0}, "1", "a.csv", 2)})});
  auto b = sheet_of(
      "b.csv", {kpi_with("K", "宿泊者数", "b.csv", {obs(2021, Decimal{2, 0}, "2", "b.csv", 2)})});
  auto out = merge_sheets({a, b});
  CHECK(out.sheets[1].parsed.indicators.size() == 1);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics.begin()->severity == model::Severity::note);
  CHECK(out.diagnostics.begin()->code == "input.merge-unmatched");
  CHECK(out.diagnostics.begin()->message ==
        "K '宿泊者数' is not joined with K '観光客数' at a.csv:1: the names differ (series are "
        "matched by "
        "municipality, id and name)");
}

TEST_CASE("merge: KPIs joined from a JSON report count against their own origin", "[merge]") {
  auto a = sheet_of(
      "new.csv", {kpi_with("K", "件数", "new.csv", {obs(2020, Decimal{1, 0}, "1", "new.csv", 2)})});
  auto b = sheet_of("old.json",
                    {kpi_with("K", "件数", "b.txt", {obs(2019, Decimal{1, 0}, "1", "b.txt", 9)})});
  b.parsed.origins = std::vector<model::SourceSummary>{
      {"a.txt", "takaoka", "UTF-8", 3, 3, 3, 0, {}}, {"b.txt", "takaoka", "UTF-8", 1, 1, 1, 0, {}}};
  auto out = merge_sheets({a, b});
  auto sources = model::source_summaries(out.sheets[1]);
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].merged == 0);
  CHECK(sources[1].merged == 1);
  CHECK(out.sheets[0].parsed.indicators.at(0).observations.size() == 2);
}

TEST_CASE("merge: an id typed full-width or in another case, a slug capitalised, still join",
          "[merge][fidelity]") {
  auto fy2024 =
      temp_file("takaoka-fy2024-typed.csv",
                header +
                    "Takaoka,No.３,県Uターン就職率,2024,60.0,59.0,98.3%,\n"
                    "takaoka,no.5,市内の空き家数(住宅・土地統計調査による空き家のうちその他の住宅)"
                    "の増加率,2024,,,,\n");
  auto result = run({takaoka_csv_file(), fy2024});
  CHECK(result.sheets[1].parsed.indicators.empty());  // both joined No.3 and No.5
  CHECK(result.sheets[1].merged_kpis == 2);
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-near-miss", ""));
  const auto& no3 = indicator(result.sheets[0].parsed.indicators, "No.3");
  CHECK(no3.municipality == "takaoka");
  REQUIRE(no3.observations.size() == 5);
  CHECK(observation(no3, 2024).actual.text == "59.0");
  CHECK(observation(no3, 2024).check.verdict == model::Verdict::match);  // direction from FY2020
  CHECK(no3.baseline.value.text == "58.2");
}

TEST_CASE("merge: an id or a municipality near an earlier one is a warning naming both",
          "[merge][fidelity]") {
  auto typos = temp_file("takaoka-fy2024-typos.csv",
                         header +
                             "takaoka,No3,県Uターン就職率,2024,60.0,59.0,98.3%,\n"
                             "takaoak,No.5,市内の空き家数("
                             "住宅・土地統計調査による空き家のうちその他の住宅)の増加率,2024,,,,\n"
                             "takaoka,No.99,新しい指標,2024,10,5,50.0%,\n");
  auto result = run({takaoka_csv_file(), typos});
  CHECK(result.sheets[1].parsed.indicators.size() == 3);  // kept apart, never merged silently
  CHECK(has_diagnostic(result.diagnostics, "input.merge-near-miss",
                       "id 'No3' of No3 '県Uターン就職率' matches nothing in the earlier files, "
                       "but 'No.3' of No.3 '県Uターン就職率'"));
  CHECK(has_diagnostic(result.diagnostics, "input.merge-near-miss",
                       "municipality 'takaoak' of No.5"));
  CHECK(has_diagnostic(result.diagnostics, "input.merge-near-miss", "'takaoka' of"));
  int warnings = 0;
  for (const auto& d : result.diagnostics) warnings += d.code == "input.merge-near-miss";
  CHECK(warnings == 2);  // No.99 is simply new
}

TEST_CASE("merge keys: width, case and spacing forgiven, near means one or two edits",
          "[merge][fidelity]") {
  CHECK(id_key("No.３") == id_key("no.3"));
  CHECK(id_key("Ｎｏ．３") == "no.3");
  CHECK(municipality_key("Takaoka ") == "takaoka");
  CHECK(name_key("県 Ｕターン 就職率") == name_key("県Uターン就職率"));
  CHECK(edit_distance("takaoka", "takaoak") == 2);
  CHECK(edit_distance("数値目標", "数値日標") == 1);
  CHECK(is_near("no3", "no.3"));
  CHECK_FALSE(is_near("no.3", "no.3"));
  CHECK_FALSE(is_near("a-1", "b-22"));
  CHECK_FALSE(is_near("toyama", "takaoka"));
}

TEST_CASE("merge: the plan path comes from the later file with its goal and measure", "[merge]") {
  auto a_kpi = kpi_with("K", "件数", "a.csv", {obs(2020, Decimal{1, 0}, "1", "a.csv", 2)});
  a_kpi.goal = "基本目標1";
  a_kpi.plan_path = {{"goal", "1", "基本目標1"}, {"measure", "(1)", "旧い施策"}};
  a_kpi.measure = "旧い施策";
  auto b_kpi = kpi_with("K", "件数", "b.csv", {obs(2021, Decimal{2, 0}, "2", "b.csv", 2)});
  b_kpi.goal = "基本目標1";
  b_kpi.plan_path = {{"goal", "1", "基本目標1"}, {"measure", "(2)", "新しい施策"}};
  b_kpi.measure = "新しい施策";
  auto without_plan = kpi_with("K", "件数", "c.csv", {obs(2022, Decimal{3, 0}, "3", "c.csv", 2)});
  auto out = merge_sheets(
      {sheet_of("a.csv", {a_kpi}), sheet_of("b.csv", {b_kpi}), sheet_of("c.csv", {without_plan})});
  const auto& series = out.sheets[0].parsed.indicators.at(0);
  CHECK(series.observations.size() == 3);
  CHECK(series.measure == "新しい施策");
  REQUIRE(series.plan_path.size() == 2);
  CHECK(series.plan_path[1].code == "(2)");
  CHECK(series.plan_path[1].title == "新しい施策");  // a file without a plan keeps it
}

TEST_CASE("merge: a wrong published rate the later file replaces is an error at its line",
          "[merge]") {
  // The earlier file prints No.3 FY2023 wrong (95.0% for 55.3 / 59.5 = 92.9%); the later file
  // prints it right. The joined series holds the later rate: the wrong one must still fail.
  auto wrong = temp_file("takaoka-wrong.csv",
                         header + "takaoka,No.3,県Uターン就職率,2023,59.5,55.3,95.0%,58.2\n");
  auto right = temp_file("takaoka-right.csv",
                         header + "takaoka,No.3,県Uターン就職率,2023,59.5,55.3,92.9%,58.2\n");
  auto result = run({wrong, right});
  const auto& no3 = indicator(result.sheets[0].parsed.indicators, "No.3");
  CHECK(observation(no3, 2023).published_rate.text == "92.9%");
  CHECK(observation(no3, 2023).check.verdict == model::Verdict::match);
  std::vector<model::Diagnostic> errors;  // copies: the list decodes each record it gives
  for (const auto& d : result.diagnostics)
    if (d.code == "input.merge-conflict" && d.severity == model::Severity::error)
      errors.push_back(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].location.path == wrong);
  CHECK(errors[0].location.line == 2);
  CHECK_THAT(errors[0].message, Catch::StartsWith("No.3 FY2023 published rate: '95.0%' at " +
                                                  wrong + ":2 is wrong (published 95.0%"));
  CHECK_THAT(errors[0].message, Catch::Contains("replaces it in the joined series"));

  // In the other order the later (wrong) rate is the series' own: a mismatch, as before.
  auto reversed = run({right, wrong});
  const auto& kept = indicator(reversed.sheets[0].parsed.indicators, "No.3");
  CHECK(observation(kept, 2023).check.verdict == model::Verdict::mismatch);
  for (const auto& d : reversed.diagnostics)
    CHECK_FALSE((d.code == "input.merge-conflict" && d.severity == model::Severity::error));
}

TEST_CASE("merge: an earlier file's wrong rate left with the later file's values is an error",
          "[merge][gate]") {
  // The R4 report prints FY2022 540 of 600 as 95.0% (90.0%); the R5 report revises the
  // actual to 570, which 95.0% would match: the joined series would hide the wrong rate.
  auto r4 = temp_file("merge-r4.csv", header + "demo,No.2,宿泊者数,2022,600,540,95.0%,500\n");
  auto r5 = temp_file("merge-r5.csv", header + "demo,No.2,宿泊者数,2022,600,570,,500\n");
  auto result = run({r4, r5});
  std::vector<model::Diagnostic> errors;  // copies: the list hands out temporaries
  for (const auto& d : result.diagnostics)
    if (d.code == "input.merge-conflict" && d.severity == model::Severity::error)
      errors.push_back(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].location.path == r4);
  CHECK_THAT(errors[0].message, Catch::Contains("'95.0%' at " + r4 + ":2 is wrong"));
  CHECK_THAT(errors[0].message,
             Catch::Contains("checked against the later file's actual '570' at " + r5 + ":2"));

  // The same values again, or a right rate, are no error.
  auto right =
      temp_file("merge-r4-right.csv", header + "demo,No.2,宿泊者数,2022,600,540,90.0%,500\n");
  for (const auto& d : run({right, r5}).diagnostics) CHECK(d.severity != model::Severity::error);
}
