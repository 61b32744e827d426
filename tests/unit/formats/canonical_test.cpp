// The canonical CSV: reading (real values converted from the Takaoka sheet, synthetic edge
// cases), writing (BOM, CRLF, Excel formula protection) and lossless round trips.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>

#include "canonical_fixtures.hpp"
#include "kpi/formats/canonical_cells.hpp"
#include "kpi/formats/registry.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

using namespace kpi;
using namespace kpi::testing::canonical;
using model::Decimal;

// The Takaoka sheet converted to the canonical CSV, as `convert --to csv` writes it.
const std::string& takaoka_csv() {
  static const std::string csv = as_csv(run({takaoka_sheet()}));
  return csv;
}

model::Sheet read_csv_bytes(const std::string& bytes, const std::string& path = "sheet.csv") {
  auto decoded = text::decode(bytes);
  REQUIRE(decoded.ok());
  auto sheet = process_text(decoded.utf8, path, decoded.encoding, {});
  sheet.encoding = decoded.encoding;
  return sheet;
}

void require_rows_accounted(const model::ParseOutput& p) {
  CHECK(p.rows_read == p.rows_used + static_cast<int>(p.skipped.size()));
}

bool has_skip(const model::ParseOutput& p, int line, const std::string& part) {
  for (const auto& s : p.skipped)
    if (s.line == line && s.reason.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("canonical: the Takaoka sheet converted to CSV reads back with its real values",
          "[canonical]") {
  auto sheet = read_csv_bytes(takaoka_csv(), "takaoka.csv");
  REQUIRE(sheet.format == "canonical");
  CHECK(sheet.encoding == "UTF-8-BOM");
  const auto& all = sheet.parsed.indicators;
  CHECK(all.size() == 64);
  CHECK(sheet.parsed.skipped.empty());
  require_rows_accounted(sheet.parsed);

  const auto& no3 = indicator(all, "No.3");
  CHECK(no3.municipality == "takaoka");
  CHECK(no3.name == "県Uターン就職率");
  CHECK(no3.unit == "%");
  CHECK(no3.direction == model::Direction::increase);
  CHECK(no3.direction_text == "増加指標");
  CHECK(no3.baseline.value.number == Decimal{582, 1});
  CHECK(no3.baseline.fiscal_year == 2018);
  CHECK(no3.final_target.value.text == "60.0");
  CHECK(no3.final_target.fiscal_year == 2024);
  REQUIRE(no3.observations.size() == 4);
  const auto& fy2020 = observation(no3, 2020);
  CHECK(fy2020.target.text == "58.6");
  CHECK(fy2020.actual.text == "58.0");
  CHECK(fy2020.actual.number->units == 580);
  CHECK(fy2020.actual.number->scale == 1);  // printed precision survives
  CHECK(fy2020.published_rate.text == "99.0%");
  CHECK(fy2020.published_rate.number == Decimal{990, 1});
  CHECK(fy2020.check.verdict == model::Verdict::match);  // rates are checked as for the PDF
  CHECK_FALSE(observation(no3, 2022).actual.number.has_value());

  const auto& no1 = indicator(all, "No.1");
  CHECK(observation(no1, 2021).actual.text == "▲ 441");
  CHECK(observation(no1, 2021).actual.number == Decimal{-441, 0});
  CHECK(observation(no1, 2021).published_rate.number == Decimal{-3282, 1});
  REQUIRE(no1.baseline.alternatives.size() == 1);  // progress from the baseline uses it
  CHECK(no1.baseline.alternatives[0].number == Decimal{-103, 0});
  CHECK(observation(no1, 2021).check.verdict == model::Verdict::match);

  const auto& no9 = indicator(all, "No.9");  // rebuilt from its displaced cells
  REQUIRE(no9.observations.size() == 4);
  CHECK(observation(no9, 2020).target.text == "60");
  CHECK(no9.final_target.fiscal_year == 2024);
}

TEST_CASE("canonical: CSV -> model -> CSV is byte-identical and the model equal", "[canonical]") {
  auto original = run({takaoka_sheet()});
  auto first = takaoka_csv();
  auto path = temp_file("takaoka.csv", first);
  auto read_back = run({path});
  CHECK(as_csv(read_back) == first);
  const auto& a = original.sheets.at(0).parsed.indicators;
  const auto& b = read_back.sheets.at(0).parsed.indicators;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(dump(a[i]) == dump(b[i]));
    for (std::size_t k = 0; k < a[i].observations.size(); ++k)
      CHECK(a[i].observations[k].check.verdict == b[i].observations[k].check.verdict);
  }
}

TEST_CASE("canonical: writer output is UTF-8 with BOM and CRLF line ends", "[canonical]") {
  const auto& csv = takaoka_csv();
  REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.substr(3, 20) == "municipality,id,seq,");
  auto first_end = csv.find('\n');
  CHECK(csv[first_end - 1] == '\r');
  // The baseline cell of No.55 does not start with its number: the number is said outright.
  CHECK(csv.find("baseline_number") != std::string::npos);
  CHECK(csv.find(",クラフト市場街 23,000人(H29) ユニークベニュー 0人") ==
        std::string::npos);  // quoted
  CHECK(csv.find(",\"クラフト市場街 23,000人(H29) ユニークベニュー 0人\",23000,") !=
        std::string::npos);
}

TEST_CASE("canonical: quoting, column order, inherited cells and printed values", "[canonical]") {
  const std::string text =
      "id,municipality,name,fiscal_year,target,actual,published_rate,unit,direction,final_target,"
      "notes,colour\n"
      "No.1,demo,\"人口, "
      "転入超過\",2022,\"1,190\",\"1,200\",100.8%,人,increase,\"1,300以上\",\"says \"\"hi\"\"\n"
      "second line\",red\n"
      "No.2,demo,待機児童数,R4,0,0,100%,人,減少指標,0,'=SUM(A1),\n"
      "No.1,demo,\"人口, 転入超過\",2023,\"1,250\",▲ 5,-0.4%,,,,,\n"
      "No.3,demo,ごみ排出量,,,,,g,,25以下,,\n"
      "\n"
      "No.2,demo,待機児童数,令和5年度,0,'-5,-,,,,,\n";
  auto sheet = read_text(text);
  REQUIRE(sheet.format == "canonical");
  const auto& p = sheet.parsed;
  CHECK(p.rows_read == 5);
  CHECK(p.rows_used == 5);
  require_rows_accounted(p);
  CHECK(has_diagnostic(p.diagnostics, "input.unknown-column", "'colour'"));
  REQUIRE(p.indicators.size() == 3);
  CHECK(p.indicators[0].id == "No.1");  // order of first appearance
  CHECK(p.indicators[2].id == "No.3");

  const auto& no1 = indicator(p.indicators, "No.1");
  CHECK(no1.name == "人口, 転入超過");
  CHECK(no1.unit == "人");  // given once, applies to every row of the KPI
  CHECK(no1.direction == model::Direction::increase);
  CHECK(no1.direction_source == model::DirectionSource::label);
  CHECK(no1.final_target.value.number == Decimal{1300, 0});
  CHECK(no1.final_target.qualifier == model::Qualifier::at_least);
  const auto& a = observation(no1, 2022);
  CHECK(a.target.text == "1,190");
  CHECK(a.target.number == Decimal{1190, 0});
  CHECK(a.notes == "says \"hi\"\nsecond line");
  CHECK(a.source.line == 2);
  const auto& b = observation(no1, 2023);
  CHECK(b.source.line == 5);  // the quoted line break moved the next row down
  CHECK(b.actual.number == Decimal{-5, 0});
  CHECK(b.published_rate.number == Decimal{-4, 1});

  const auto& no2 = indicator(p.indicators, "No.2");
  CHECK(no2.direction == model::Direction::decrease);
  CHECK(no2.direction_text == "減少指標");
  CHECK(observation(no2, 2022).notes == "=SUM(A1)");  // Excel's ' removed
  CHECK(observation(no2, 2023).actual.number == Decimal{-5, 0});
  CHECK(observation(no2, 2023).actual.text == "-5");
  CHECK_FALSE(observation(no2, 2023).published_rate.number.has_value());

  const auto& no3 = indicator(p.indicators, "No.3");
  CHECK(no3.observations.empty());
  CHECK(no3.final_target.qualifier == model::Qualifier::at_most);
  CHECK(no3.direction == model::Direction::decrease);  // from 以下, and said so
  CHECK(no3.direction_source == model::DirectionSource::qualifier);

  // Written by kpi-report and read back: the same KPIs, then the same bytes.
  PipelineResult first;
  first.sheets.push_back(sheet);
  auto csv = as_csv(first);
  auto again = read_csv_bytes(csv);
  REQUIRE(again.parsed.indicators.size() == p.indicators.size());
  for (std::size_t i = 0; i < p.indicators.size(); ++i)
    CHECK(dump(again.parsed.indicators[i]) == dump(p.indicators[i]));
  PipelineResult second;
  second.sheets.push_back(again);
  CHECK(as_csv(second) == csv);
  CHECK(csv.find(",'=SUM(A1)\r\n") != std::string::npos);  // protected again on the way out
}

TEST_CASE("canonical: unreadable rows are skipped with their line and reason", "[canonical]") {
  const std::string text =
      "municipality,id,name,fiscal_year,target,actual,cumulative\n"
      "demo,A,x,2020,1,2,\n"
      "demo,A,x,R2,5,6,\n"
      "demo,B,y,20XX,1,1,\n"
      "demo,C,z,2020,1,1,190,9\n"
      "demo,,w,2020,1,1,\n"
      "demo,D,v,,1,,\n"
      "demo,F,v,2020,1,,maybe\n"
      ",,,,,,\n"
      "demo,E,u,2021,\"1,2\n";
  auto sheet = read_text(text, "bad.csv");
  const auto& p = sheet.parsed;
  CHECK(p.rows_read == 8);
  CHECK(p.rows_used == 1);
  require_rows_accounted(p);
  CHECK(has_skip(p, 3, "FY2020 is already given at bad.csv:2"));
  CHECK(has_skip(p, 4, "fiscal_year: expected a fiscal year"));
  CHECK(has_skip(p, 5, "8 fields but the header has 7"));
  CHECK(has_skip(p, 6, "no id"));
  CHECK(has_skip(p, 7, "target given without a fiscal_year"));
  CHECK(has_skip(p, 8, "cumulative: expected true or false, got 'maybe'"));
  CHECK(has_skip(p, 10, "unterminated quoted field"));
  CHECK(has_diagnostic(p.diagnostics, "input.skipped-row", "no id"));
  REQUIRE(p.indicators.size() == 1);
  CHECK(observation(p.indicators[0], 2020).actual.number == Decimal{2, 0});  // the first row kept
}

TEST_CASE("canonical: a re-listed copy under its original's id is another KPI", "[canonical]") {
  // Toyama lists 2-03 again under goal 4 with the same id; relisted_of tells them apart.
  auto sheet = read_text(
      "municipality,id,name,goal,relisted_of,fiscal_year,actual\n"
      "toyama,2-03,同居した人数,目標2,,2020,3人(累計)\n"
      "toyama,2-03,同居した人数,目標4,2-03,2020,7人(累計)\n");
  const auto& all = sheet.parsed.indicators;
  REQUIRE(all.size() == 2);
  CHECK(sheet.parsed.skipped.empty());
  CHECK_FALSE(all[0].relisted_of.has_value());
  CHECK(all[1].relisted_of == "2-03");
  CHECK(observation(all[1], 2020).actual.number == Decimal{7, 0});
}

TEST_CASE("canonical: conflicting KPI cells within one file keep the first and say so",
          "[canonical]") {
  auto sheet = read_text(
      "municipality,id,name,unit,fiscal_year,actual\n"
      "demo,A,x,人,2020,1\n"
      "demo,A,x,件,2021,2\n");
  REQUIRE(sheet.parsed.indicators.size() == 1);
  CHECK(sheet.parsed.indicators[0].unit == "人");
  CHECK(has_diagnostic(sheet.parsed.diagnostics, "input.canonical-conflict",
                       "unit '件' differs from '人' given at sheet.csv:2"));
}

TEST_CASE("canonical: a missing required column is an error on the header line", "[canonical]") {
  auto sheet = read_text("\nmunicipality,id,fiscal_year,target\ndemo,A,2020,1\n", "nameless.csv");
  REQUIRE(sheet.format == "canonical");  // still recognised, so that the error is precise
  const auto& d = sheet.parsed.diagnostics;
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == model::Severity::error);
  CHECK(d[0].code == "input.layout");
  CHECK(d[0].location.path == "nameless.csv");
  CHECK(d[0].location.line == 2);
  CHECK(d[0].message == "missing required column name in the header row (see docs/canonical.md)");
  CHECK(sheet.parsed.indicators.empty());
}

TEST_CASE("canonical: a city's long table in Japanese needs no body or id column", "[canonical]") {
  auto sheet = read_text(
      "No,指標名,単位,年度,目標値,実績値,達成率\n"
      "1,移住者数,人,R4,90,85,94.4%\n"
      "1,移住者数,人,R5,100,95,96.0%\n"
      "2,観光客数,千人,R5,520,500,96.2%\n",
      "long.csv");
  REQUIRE(sheet.format == "canonical");
  CHECK(sheet.parsed.diagnostics.empty());  // "No" is the id, not an unknown column
  auto& kpis = sheet.parsed.indicators;
  REQUIRE(kpis.size() == 2);
  CHECK(kpis[0].municipality == "unknown");
  CHECK(kpis[0].id == "1");
  REQUIRE(kpis[0].observations.size() == 2);
  verify::check_rates(kpis);
  // 95 / 100 = 95.0%: the planted 96.0% is a mismatch.
  CHECK(kpis[0].observations[1].check.verdict == model::Verdict::mismatch);
  CHECK(kpis[1].observations[0].check.verdict == model::Verdict::match);

  // A title above the header names the body.
  auto titled = read_text(
      "第2期小川市まち・ひと・しごと創生総合戦略 KPI実績一覧\n\n"
      "No,指標名,単位,年度,目標値,実績値,達成率\n"
      "1,移住者数,人,R5,100,95,96.0%\n",
      "titled.csv");
  REQUIRE(titled.format == "canonical");
  REQUIRE(titled.parsed.indicators.size() == 1);
  CHECK(titled.parsed.indicators[0].municipality == "unknown");
  CHECK(titled.parsed.indicators[0].municipality_name == "小川市");
  CHECK(titled.parsed.indicators[0].observations.at(0).source.line == 4);

  // The same as a TSV (a PDF's table copied out, a workbook's sheet as text).
  auto tsv = read_text(
      "No\t指標名\t年度\t目標値\t実績値\t達成率\n1\t移住者数\tR5\t100\t95\t96.0%\n", "long.tsv");
  REQUIRE(tsv.format == "canonical");
  REQUIRE(tsv.parsed.indicators.size() == 1);
  CHECK(tsv.parsed.indicators[0].observations.at(0).published_rate.text == "96.0%");

  // Without a number column the name is the id; an English sheet still needs its keys.
  auto nameless = read_text("指標名,年度,目標値,実績値\n移住者数,R5,100,95\n", "named.csv");
  REQUIRE(nameless.parsed.indicators.size() == 1);
  CHECK(nameless.parsed.indicators[0].id == "移住者数");
  auto english = read_text("name,fiscal_year,target,actual\nmigrants,2023,100,95\n", "en.csv");
  REQUIRE(english.parsed.diagnostics.size() == 1);
  CHECK(english.parsed.diagnostics[0].message.starts_with(
      "missing required columns municipality, id"));
}

TEST_CASE("canonical: BOM and CP932 input decode to the same sheet", "[canonical]") {
  const std::string utf8 =
      "municipality,id,name,fiscal_year,target,actual,published_rate\r\n"
      "takaoka,No.3,県Uターン就職率,2020,58.6,58.0,99.0%\r\n";
  // CP932 bytes made with ICU, as Excel on Japanese Windows saves "CSV (コンマ区切り)".
  std::string cp932(utf8.size() * 2, '\0');
  UErrorCode status = U_ZERO_ERROR;
  auto n = ucnv_convert("windows-31j", "UTF-8", cp932.data(), static_cast<int32_t>(cp932.size()),
                        utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  cp932.resize(static_cast<std::size_t>(n));
  REQUIRE(cp932.find("\x8C\xA7") != std::string::npos);  // 県 in Shift_JIS

  for (const auto& [bytes, encoding] :
       {std::pair{"\xEF\xBB\xBF" + utf8, "UTF-8-BOM"}, std::pair{cp932, "Shift_JIS"}}) {
    auto sheet = read_csv_bytes(bytes);
    CHECK(sheet.encoding == encoding);
    REQUIRE(sheet.parsed.indicators.size() == 1);
    const auto& ind = sheet.parsed.indicators[0];
    CHECK(ind.name == "県Uターン就職率");
    CHECK(observation(ind, 2020).published_rate.number == Decimal{990, 1});
    CHECK(observation(ind, 2020).check.verdict == model::Verdict::match);
  }
}

TEST_CASE("canonical: Excel formula protection only where needed, undone on reading",
          "[canonical]") {
  namespace cells = formats::canonical;
  CHECK(cells::protect_cell("=SUM(A1)") == "'=SUM(A1)");
  CHECK(cells::protect_cell("@home") == "'@home");
  CHECK(cells::protect_cell("+81-3") == "'+81-3");
  CHECK(cells::protect_cell("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0");
  CHECK(cells::protect_cell("-5") == "-5");  // numbers are numbers to Excel
  CHECK(cells::protect_cell("-328.2%") == "-328.2%");
  CHECK(cells::protect_cell("-1,047") == "-1,047");
  CHECK(cells::protect_cell("-") == "-");  // no value
  CHECK(cells::protect_cell("▲ 441") == "▲ 441");
  CHECK(cells::protect_cell("'quoted") == "''quoted");  // so that reading gives it back
  for (std::string s : {"=SUM(A1)", "@home", "-5", "-", "'quoted", "''x", "▲ 441", "plain"})
    CHECK(std::string(cells::unprotect_cell(cells::protect_cell(s))) == s);
}

TEST_CASE("canonical: values whose text does not give their number round-trip", "[canonical]") {
  model::Indicator ind;
  ind.municipality = "demo";
  ind.id = "K-1";
  ind.name = "=危険な名前";
  ind.goal = "line one\nline two";
  ind.direction = model::Direction::unknown;
  ind.final_target.value = {Decimal{25, 0}, "25以下"};
  ind.final_target.qualifier = model::Qualifier::none;  // a parser chose not to read 以下
  model::Observation o;
  o.fiscal_year = 2023;
  o.target = {Decimal{580, 1}, "58"};                 // more decimals than printed
  o.actual = {Decimal{882, 1}, "小学6年生 88.2%"};    // number not first
  o.published_rate = {std::nullopt, "42.2(見込み)"};  // deliberately no number
  o.revised.edit().target = {Decimal{7, 0}, ""};      // no printed text
  o.notes = "'literal";
  ind.observations.push_back(o);
  PipelineResult result;
  model::Sheet sheet;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);  // as the pipeline does on reading back
  result.sheets.push_back(sheet);

  auto csv = as_csv(result);
  CHECK(csv.find(",'=危険な名前,") != std::string::npos);
  CHECK(csv.find("\"line one\nline two\"") != std::string::npos);
  CHECK(csv.find("target_number") != std::string::npos);
  CHECK(csv.find("published_rate_number") != std::string::npos);
  CHECK(csv.find(",,none,") != std::string::npos);  // qualifier: explicitly none

  auto back = read_csv_bytes(csv);
  REQUIRE(back.parsed.indicators.size() == 1);
  const auto& r = back.parsed.indicators[0];
  CHECK(r.name == "=危険な名前");
  CHECK(r.goal == "line one\nline two");
  CHECK(r.final_target.qualifier == model::Qualifier::none);
  // Not read from 以下 (the writer said "none"); the rate only assumes more is better.
  CHECK(r.direction_source == model::DirectionSource::assumed);
  const auto& ro = r.observations.at(0);
  CHECK(dump(ro.target) == "[580e-1 '58']");
  CHECK(dump(ro.actual) == "[882e-1 '小学6年生 88.2%']");
  CHECK(dump(ro.published_rate) == "[none '42.2(見込み)']");
  CHECK(dump(ro.revised->target) == "[7e-0 '7']");  // the number becomes its printed form
  CHECK(ro.notes == "'literal");
  auto again = back;
  PipelineResult second;
  second.sheets.push_back(again);
  CHECK(as_csv(second) == csv);
}

TEST_CASE("canonical: detection by the header row, not by file name", "[canonical]") {
  CHECK(formats::detect_format("municipality,id,name,fiscal_year\n")->name == "canonical");
  CHECK(formats::detect_format("\n\"id\",\"Name\",\"FISCAL_YEAR\"\n")->name == "canonical");
  CHECK(formats::detect_format("id,value,comment\n1,2,3\n") == nullptr);
  CHECK(formats::find_format("canonical")->sniff(takaoka_csv().substr(3)) > 40);
}

TEST_CASE("canonical: damaged sheets are read without crashing and every row accounted for",
          "[canonical]") {
  // The first KPIs of the converted Takaoka sheet, damaged by quotes, commas and line breaks
  // dropped in at pseudo-random places (fixed seed: the same cases every run).
  auto decoded = text::decode(takaoka_csv());
  std::string base = decoded.utf8.substr(0, decoded.utf8.find("takaoka,No.8,"));
  const char damage[] = {'"', ',', '\n', '\'', '=', ' '};
  std::uint32_t state = 12345;
  auto next = [&state] { return state = state * 1664525u + 1013904223u; };
  for (int round = 0; round < 200; ++round) {
    std::string text = base;
    for (int k = 0; k < 3; ++k) {
      auto at = next() % text.size();
      while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;  // not mid-character
      text.insert(at, 1, damage[next() % std::size(damage)]);
    }
    auto sheet = read_text(text);
    REQUIRE(sheet.format == "canonical");
    require_rows_accounted(sheet.parsed);
    for (const auto& ind : sheet.parsed.indicators) CHECK_FALSE(ind.id.empty());
  }
}
