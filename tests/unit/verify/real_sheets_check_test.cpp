// `check` on the bundled real sheets: which published rates match, which are consistent and
// why, which do not, and which rows conflict.
#include <catch2/catch.hpp>

#include <map>

#include "kpi/pipeline.hpp"
#include "kpi/verify/check_items.hpp"
#include "kpi/verify/findings.hpp"

namespace {

const kpi::PipelineResult& all_sheets() {
  static const auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  return result;
}

std::string city_of(const std::string& path) {
  for (const char* city : {"takaoka", "toyama", "joetsu", "kanazawa"})
    if (path.find(std::string("/") + city + "/") != std::string::npos) return city;
  return "?";
}

std::map<std::pair<std::string, std::string>, int> verdict_counts() {
  std::map<std::pair<std::string, std::string>, int> counts;
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators)
      for (const auto& o : ind.observations)
        if (o.published_rate.number)
          ++counts[{city_of(sheet.path), kpi::model::to_string(o.check.verdict)}];
  return counts;
}

bool has_finding(const std::string& kind, const std::string& city, int line,
                 const std::string& text) {
  for (const auto& f : all_sheets().findings)
    if (f.kind == kind && city_of(f.rows.front().path.str()) == city &&
        f.rows.front().line == line && f.message.find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("real sheets: published rates by verdict", "[check][real]") {
  auto counts = verdict_counts();
  CHECK(counts[{"takaoka", "match"}] == 234);  // 226 + No.9 and No.50 rebuilt
  CHECK(counts[{"takaoka", "consistent"}] == 8);
  CHECK(counts[{"takaoka", "mismatch"}] == 0);
  CHECK(counts[{"toyama", "match"}] == 80);      // + 3 revised rates (変更後) that match
  CHECK(counts[{"toyama", "consistent"}] == 0);  // 4-05: a match by the maintain-within rule
  CHECK(counts[{"toyama", "mismatch"}] == 1);
  CHECK(counts[{"joetsu", "match"}] + counts[{"joetsu", "mismatch"}] == 0);  // no published rates
}

TEST_CASE("real sheets: the wrong published rate is Toyama 3-02 ③, 4-05 is kept within",
          "[check][real]") {
  std::vector<std::string> wrong;
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators)
      for (const auto& o : ind.observations)
        if (o.check.verdict == kpi::model::Verdict::mismatch) {
          wrong.push_back(ind.id + " " + o.published_rate.text + " " +
                          o.check.rate_rounded->to_string());
          CHECK(o.check.decision_flip);
        }
  // 83.8 / 90; 4-05 (1.9 of a 2.0 to keep, 100%) matches by the maintain-within rule.
  CHECK(wrong == std::vector<std::string>{"3-02 1% 93"});
}

TEST_CASE("real sheets: Takaoka's rates explained only by printed precision", "[check][real]") {
  std::vector<std::string> consistent;
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators)
      for (const auto& o : ind.observations)
        if (o.check.verdict == kpi::model::Verdict::consistent &&
            city_of(sheet.path) == "takaoka") {
          consistent.push_back(ind.id + " FY" + std::to_string(o.fiscal_year));
          CHECK(o.check.method == "ratio");  // the sheet's own formula, never another
          CHECK_THAT(o.check.explanation, Catch::Contains("actual printed"));
          CHECK_THAT(o.check.explanation, !Catch::Contains("target printed"));
        }
  CHECK(consistent == std::vector<std::string>{"No.22 FY2023", "No.23 FY2023", "No.24 FY2023",
                                               "No.25 FY2023", "No.26 FY2023", "No.28 FY2023",
                                               "No.44 FY2020", "No.44 FY2021"});
}

TEST_CASE("real sheets: rows that conflict", "[check][real]") {
  CHECK(has_finding("relisted-differs", "takaoka", 450,
                    "FY2020 actual 11,499 vs 11,449; FY2020 published rate 95.8% vs 95.4%"));
  CHECK(has_finding("relisted-differs", "takaoka", 1255, "baseline 7.3 vs 8.3"));
  CHECK(has_finding("relisted-differs", "toyama", 129, "FY2020 actual 7 vs 3"));
  CHECK(has_finding("cumulative-decrease", "takaoka", 1192,
                    "falls from 11,666 (FY2021) to 11,040 (FY2022)"));
  CHECK(has_finding("parts-total", "joetsu", 95, "add up to 2336 but the total says 2,236"));
  CHECK(has_finding("actual-other-year", "joetsu", 11, "holds a value for FY2021"));
  CHECK(has_finding("actual-repeats-baseline", "joetsu", 15, "repeats the FY2018 baseline"));
}

TEST_CASE("real sheets: which formulas each sheet uses", "[check][real]") {
  for (const auto& sheet : all_sheets().sheets) {
    auto usage = kpi::verify::formula_usage(sheet);
    if (city_of(sheet.path) == "takaoka") {
      CHECK(usage["ratio against the year target"] == 216);  // 208 + No.9 and No.50
      CHECK(usage["progress against the year target"] == 16);
      CHECK(usage["maintain_zero against the year target"] == 8);
      CHECK(usage["inverse against the year target"] == 2);
    }
    if (city_of(sheet.path) == "toyama") {
      CHECK(usage["ratio against the final target"] == 79);
      CHECK(usage["maintain_within against the final target"] == 1);  // 4-05
    }
  }
}

TEST_CASE("real sheets: check fails exactly on the wrong rate and the error findings",
          "[check][real]") {
  auto items = kpi::verify::collect_check_items(all_sheets(), {});
  auto counts = kpi::verify::count_items(items);
  CHECK(counts.mismatch == 1);
  CHECK(counts.failures == 5);  // Toyama 3-02 ③ and four 再掲 rows that differ
}
