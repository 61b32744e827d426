#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kpi/formats/takaoka.hpp"
#include "sheets.hpp"

using namespace kpi::testing;
using kpi::model::Direction;
using kpi::model::Verdict;

namespace {
const kpi::model::Sheet& takaoka() {
  static const auto sheet = load_sheet("takaoka/takaoka-kpi-progress-fy2020-2023.txt");
  return sheet;
}
std::string num(const kpi::model::Value& v) {
  return v.number ? v.number->to_string() : "none";
}
}  // namespace

TEST_CASE("Takaoka: all 64 numbered KPIs, detected by content", "[takaoka]") {
  const auto& s = takaoka();
  CHECK(s.format == "takaoka");
  REQUIRE(s.parsed.indicators.size() == 64);
  std::set<std::string> ids;
  for (const auto& ind : s.parsed.indicators) ids.insert(ind.id);
  for (int n = 1; n <= 64; ++n) CHECK(ids.count("No." + std::to_string(n)) == 1);
}

TEST_CASE("Takaoka No.3: values, precision and verdicts", "[takaoka]") {
  const auto& ind = find_indicator(takaoka(), "No.3");
  CHECK(ind.name == "県Uターン就職率");
  CHECK(ind.unit == "%");
  CHECK(ind.direction == Direction::increase);
  CHECK(ind.direction_text == "増加指標");
  CHECK(ind.goal == "①多様なひとが住みたいと感じるまちをつくる");
  CHECK(ind.measure == "若者の就職支援・ＵＩＪターンの推進・雇用の安定");  // as printed
  CHECK(num(ind.baseline.value) == "58.2");
  CHECK(ind.baseline.fiscal_year == 2018);
  CHECK(num(ind.final_target.value) == "60.0");
  CHECK(ind.final_target.fiscal_year == 2024);
  const auto& fy2020 = find_observation(ind, 2020);
  CHECK(num(fy2020.target) == "58.6");
  CHECK(num(fy2020.actual) == "58.0");
  CHECK(fy2020.actual.decimals() == 1);
  CHECK(fy2020.published_rate.text == "99.0%");
  CHECK(num(fy2020.published_rate) == "99.0");
  CHECK(fy2020.check.verdict == Verdict::match);
  CHECK(fy2020.source.line == 84);
  const auto& fy2022 = find_observation(ind, 2022);
  CHECK_FALSE(fy2022.actual.number);
  CHECK(fy2022.check.verdict == Verdict::unchecked);
}

TEST_CASE("Takaoka No.1: progress from the second baseline number", "[takaoka]") {
  const auto& ind = find_indicator(takaoka(), "No.1");
  CHECK(ind.unit == "人/年");
  CHECK(ind.cumulative);
  CHECK(num(ind.baseline.value) == "-275");
  REQUIRE(ind.baseline.alternatives.size() == 1);
  CHECK(num(ind.baseline.alternatives[0]) == "-103");
  const auto& fy2021 = find_observation(ind, 2021);
  CHECK(num(fy2021.actual) == "-441");
  CHECK(fy2021.actual.text == "▲ 441");
  CHECK(fy2021.published_rate.text == "-328.2%");
  CHECK(fy2021.check.verdict == Verdict::match);
  CHECK(fy2021.check.method == "progress");
  CHECK(fy2021.check.rate_rounded->to_string() == "-328.2");
}

TEST_CASE("Takaoka re-listed rows and their originals", "[takaoka]") {
  const auto& two = find_indicator(takaoka(), "No.2");
  CHECK(two.relisted_of == std::optional<std::string>("No.1"));
  CHECK(two.name == "2025年までの転出・転入を均衡（累計）");  // as printed, without 【再掲（№1）】
  const auto& sixteen = find_indicator(takaoka(), "No.16");
  CHECK(sixteen.relisted_of == std::optional<std::string>("No.12"));
  // The sheet prints 11,499 here where No.12 has 11,449.
  CHECK(num(find_observation(sixteen, 2020).actual) == "11499");
  CHECK(num(find_observation(find_indicator(takaoka(), "No.12"), 2020).actual) == "11449");
  CHECK_FALSE(find_indicator(takaoka(), "No.3").relisted_of);
}

TEST_CASE("Takaoka decrease, maintain and qualifiers", "[takaoka]") {
  const auto& five = find_indicator(takaoka(), "No.5");
  CHECK(five.direction == Direction::decrease);
  CHECK(num(five.baseline.value) == "8.3");
  CHECK(five.baseline.fiscal_year == 2018);  // H25⇒H30: the rate's end point
  const auto& fy2023 = find_observation(five, 2023);
  CHECK(fy2023.target.text == "25以下");
  CHECK(num(fy2023.target) == "25");
  CHECK(fy2023.check.method == "inverse");
  CHECK(fy2023.check.verdict == Verdict::match);
  const auto& ten = find_indicator(takaoka(), "No.10");
  CHECK(ten.direction == Direction::maintain);
  CHECK(find_observation(ten, 2020).check.method == "maintain_zero");
}

TEST_CASE("Takaoka wrapped baselines and units on their own line", "[takaoka]") {
  const auto& twelve = find_indicator(takaoka(), "No.12");
  CHECK(num(twelve.baseline.value) == "11984");
  CHECK(twelve.baseline.fiscal_year == 2019);  // (R1年度実績)
  const auto& sixty_two = find_indicator(takaoka(), "No.62");
  CHECK(num(sixty_two.baseline.value) == "736579");
  const auto& forty_four = find_indicator(takaoka(), "No.44");
  CHECK(forty_four.unit == "人/ha");
  CHECK(forty_four.baseline.fiscal_year == 2015);
  const auto& forty_six = find_indicator(takaoka(), "No.46");  // no baseline printed
  CHECK_FALSE(forty_six.baseline.value.number);
  CHECK(num(find_observation(forty_six, 2020).published_rate) == "3724.0");
}

TEST_CASE("Takaoka No.9 and No.50, merged cells displaced, are rebuilt by arithmetic",
          "[takaoka][fidelity]") {
  const auto& s = takaoka();
  for (const char* id : {"No.9", "No.50"}) {
    INFO(id);
    const auto& ind = find_indicator(s, id);
    CHECK(ind.unit == "人");
    CHECK(ind.direction == kpi::model::Direction::increase);
    CHECK(num(ind.baseline.value) == "86");
    CHECK(ind.baseline.fiscal_year == 2018);
    CHECK(num(ind.final_target.value) == "720");
    REQUIRE(ind.observations.size() == 4);
    std::vector<std::string> rows;
    for (const auto& o : ind.observations) {
      rows.push_back(fmt::format("{} {} {} {}", o.fiscal_year, o.target.text, o.actual.text,
                                 o.published_rate.text));
      CHECK(o.check.verdict == Verdict::match);
      CHECK_THAT(o.notes, Catch::Contains("the only assignment where every published rate"));
    }
    CHECK(rows == std::vector<std::string>{"2020 60 39 65.0%", "2021 380 293 77.1%",
                                           "2022 440 376 85.5%", "2023 500 455 91.0%"});
    CHECK_THAT(ind.observations[1].notes, Catch::StartsWith("actual = 171 + 122 (sub-rows)"));
  }
  int rebuilt = 0;
  for (const auto& d : s.parsed.diagnostics) rebuilt += d.code == "input.rebuilt-row";
  CHECK(rebuilt == 2);
  CHECK(s.parsed.skipped.empty());  // blocks and loose values are pieces of the two rows
  CHECK(s.parsed.rows_read == s.parsed.rows_used + static_cast<int>(s.parsed.skipped.size()));
}

namespace {

// The bundled Takaoka sheet with `from` replaced by `to` on line `line`, parsed.
kpi::model::ParseOutput takaoka_edited(int line, const std::string& from, const std::string& to) {
  auto text = read_bytes(data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  std::size_t at = 0;
  for (int l = 1; l < line; ++l) at = text.find('\n', at) + 1;
  auto found = text.find(from, at);
  REQUIRE(found < text.find('\n', at));
  text.replace(found, from.size(), to);
  return kpi::formats::takaoka::parse(text, "t.txt");
}

std::optional<kpi::model::Severity> severity_of(const kpi::model::ParseOutput& out,
                                                const std::string& code, int line) {
  for (const auto& d : out.diagnostics)
    if (d.code == code && d.location.line == line) return d.severity;
  return std::nullopt;
}

}  // namespace

TEST_CASE("Takaoka: a displaced row whose rates stay unread is an error, not a note",
          "[takaoka][gate]") {
  // No.9's loose rate 85.5% made wrong: no assignment reproduces every rate, so none of its
  // four rates is read; they would have passed unchecked behind a note.
  auto wrong_loose = takaoka_edited(316, "85.5%", "99.9%");
  CHECK(severity_of(wrong_loose, "input.rebuild-refused", 236) == kpi::model::Severity::error);
  // No.6's value line broken by a bracketed rate: no value line is found, its rates are lost.
  auto bracketed = takaoka_edited(175, "278.5%", "(270.0%)");
  CHECK(severity_of(bracketed, "input.skipped-row", 164) == kpi::model::Severity::error);
  // The sheet as printed: both displaced rows rebuilt, no error.
  auto as_printed = takaoka_edited(316, "85.5%", "85.5%");
  CHECK_FALSE(severity_of(as_printed, "input.rebuild-refused", 236));
}

TEST_CASE("Takaoka: a pasted second copy of the table adds nothing to the first's displaced rows",
          "[takaoka]") {
  auto text = read_bytes(data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  auto out = kpi::formats::takaoka::parse(text + text, "t.txt");
  int rebuilt = 0;
  for (const auto& d : out.diagnostics) {
    rebuilt += d.code == "input.rebuilt-row";
    CHECK(d.code != "input.rebuild-refused");
  }
  CHECK(rebuilt == 2);  // No.9 and No.50 of the first copy
}

TEST_CASE("Takaoka published rates are all explained", "[takaoka]") {
  int match = 0, consistent = 0, mismatch = 0;
  for (const auto& ind : takaoka().parsed.indicators)
    for (const auto& o : ind.observations) {
      match += o.check.verdict == Verdict::match;
      consistent += o.check.verdict == Verdict::consistent;
      mismatch += o.check.verdict == Verdict::mismatch;
    }
  CHECK(mismatch == 0);
  CHECK(consistent == 8);
  CHECK(match == 226 + 8);  // + No.9 and No.50, rebuilt
  const auto& no22 = find_observation(find_indicator(takaoka(), "No.22"), 2023);
  CHECK(no22.check.verdict == Verdict::consistent);
  CHECK_THAT(no22.check.explanation, Catch::Contains("actual printed 79"));
}

TEST_CASE("Takaoka parser on synthetic text", "[takaoka]") {
  const std::string header =
      "KPI進捗状況一覧表\n目標値 実績値 達成率 目標値 実績値 "
      "達成率\nR2年度\nR3年度\nR4年度\n（H30年度\n";
  SECTION("one row") {
    auto out = kpi::formats::takaoka::parse(
        header + "1\n①まちをつくる\n\n施策\n\n指標名 増加指標 件 10 12 6 50.0% 14 14 100.0% 20\n",
        "t.txt");
    REQUIRE(out.indicators.size() == 1);
    CHECK(out.indicators[0].name == "指標名");
    CHECK(out.indicators[0].observations.size() == 2);
    CHECK(num(out.indicators[0].final_target.value) == "20");
  }
  SECTION("a label glued to the name before it or to the values after it") {
    // Glued to the name, the label ends a word: the line's values are those after it. Glued
    // to the unit, the word is cut at the label's end; glued to a value, so is the value.
    for (std::string line : {"指標名増加指標 件 10 12 6 50.0% 14 14 100.0% 20",
                             "指標名 増加指標件 10 12 6 50.0% 14 14 100.0% 20",
                             "指標名 件 増加指標10 12 6 50.0% 14 14 100.0% 20"}) {
      auto out = kpi::formats::takaoka::parse(header + "1\n①まちをつくる\n\n施策\n\n" + line + "\n",
                                              "t.txt");
      INFO(line);
      REQUIRE(out.indicators.size() == 1);
      CHECK(out.indicators[0].observations.size() == 2);
      CHECK(num(out.indicators[0].final_target.value) == "20");
      CHECK(num(out.indicators[0].observations[0].target) == "12");
    }
  }
  SECTION("a row without a label is skipped with its line") {
    auto out = kpi::formats::takaoka::parse(header + "1\n①まちをつくる\n\n施策\n", "t.txt");
    CHECK(out.indicators.empty());
    REQUIRE(out.skipped.size() == 1);
    CHECK(out.skipped[0].line == 7);
  }
  SECTION("no fiscal-year header is an input error") {
    auto out = kpi::formats::takaoka::parse("1\n①まち\n", "t.txt");
    REQUIRE_FALSE(out.diagnostics.empty());
    CHECK(out.diagnostics[0].severity == kpi::model::Severity::error);
  }
}

TEST_CASE("Takaoka: a value line that cannot be read loses its rates with an error, not a warning",
          "[takaoka][fidelity]") {
  auto text = read_bytes(data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  const std::string line = "82,143 130.4% 66,000 94,545 143.3%";
  auto at = text.find(line);
  REQUIRE(at != std::string::npos);
  auto with = [&](const std::string& replacement) {
    auto changed = text;
    changed.replace(at, line.size(), replacement);
    return kpi::process_text(changed, "takaoka.txt", "UTF-8", {});
  };
  auto errors_at = [](const kpi::model::Sheet& s, const std::string& code) {
    int n = 0;
    for (const auto& d : s.parsed.diagnostics)
      n += d.code == code && d.severity == kpi::model::Severity::error &&
           d.message.find("No.19") != std::string::npos &&
           d.message.find("published rates are not read") != std::string::npos;
    return n;
  };
  // A space before % (PDF text), a mark after a rate, a note after a value: not parseable.
  for (std::string broken :
       {"82,143 145.4 % 66,000 94,545 143.3%", "82,143 95.0%※ 66,000 94,545 143.3%",
        "82,143(暫定) 130.4% 66,000 94,545 143.3%"}) {
    INFO(broken);
    CHECK(errors_at(with(broken), "input.skipped-row") == 1);
  }
  CHECK(errors_at(with(line), "input.skipped-row") == 0);  // as printed: read
}

TEST_CASE("Takaoka: a record whose rates cannot be placed is an error when it prints them",
          "[takaoka][fidelity]") {
  const std::string header =
      "KPI進捗状況一覧表\n目標値 実績値 達成率 目標値 実績値 "
      "達成率\nR2年度\nR3年度\nR4年度\n（H30年度\n";
  auto severity_of_skip = [](const kpi::model::ParseOutput& out, int line) {
    for (const auto& d : out.diagnostics)
      if (d.code == "input.skipped-row" && d.location.line == line) return d.severity;
    FAIL("no skipped row at line " << line);
    return kpi::model::Severity::note;
  };
  // No direction label (増加 for 増加指標): the record's rates are not read.
  auto unlabelled = kpi::formats::takaoka::parse(
      header + "1\n①まちをつくる\n\n施策\n\n指標名 増加 件 10 12 6 50.0% 14 14 100.0% 20\n",
      "t.txt");
  CHECK(severity_of_skip(unlabelled, 7) == kpi::model::Severity::error);
  // The same without any rate printed stays a warning.
  auto no_rates = kpi::formats::takaoka::parse(
      header + "1\n①まちをつくる\n\n施策\n\n指標名 増加 件 10 12 6 - 14 14 - 20\n", "t.txt");
  CHECK(severity_of_skip(no_rates, 7) == kpi::model::Severity::warning);
  // A record number printed otherwise (No.2): its value line is a stray line after No.1, with
  // no displaced row to take it: its rates are lost.
  auto stray = kpi::formats::takaoka::parse(
      header +
          "1\n①まちをつくる\n\n施策\n\n指標名 増加指標 件 10 12 6 50.0% 14 14 100.0% 20\n"
          "No.2\n①まちをつくる\n\n施策\n\n指標名 増加指標 件 10 12 6 75.0% 14 14 100.0% 20\n",
      "t.txt");
  CHECK(stray.indicators.size() == 1);
  CHECK(severity_of_skip(stray, 18) == kpi::model::Severity::error);
}
