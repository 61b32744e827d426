// report --format csv: the analysis of the real Takaoka sheet, one row per KPI and fiscal year.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "kpi/report/analysis.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/util/csv.hpp"
#include "sheets.hpp"

namespace {

using namespace kpi;
using Row = std::map<std::string, std::string>;

const std::string takaoka_path = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";

const PipelineResult& takaoka() {
  static const auto result = run_pipeline({testing::data_path(takaoka_path)}, {});
  return result;
}

std::string render_csv(const PipelineResult& result, report::ReportOptions options = {}) {
  std::ostringstream out;
  report::render(*report::find_report_writer("csv"), out, result, options);
  return out.str();
}

struct Table {
  std::vector<std::string> header;
  std::vector<Row> rows;
};

Table parse(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  Table t;
  for (const auto& record : util::read_csv(text)) {
    if (t.header.empty()) {
      t.header = record.fields;
      continue;
    }
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;  // the final line end
    REQUIRE(record.fields.size() == t.header.size());
    Row row;
    for (std::size_t i = 0; i < record.fields.size(); ++i) row[t.header[i]] = record.fields[i];
    t.rows.push_back(row);
  }
  return t;
}

const Row& find_row(const Table& t, const std::string& id, const std::string& year,
                    const std::string& id_key = "id", const std::string& year_key = "fiscal_year") {
  for (const auto& r : t.rows)
    if (r.at(id_key) == id && r.at(year_key) == year) return r;
  FAIL("no row " << id << " " << year);
  throw std::logic_error("unreachable");
}

std::size_t observation_count(const PipelineResult& result) {
  std::size_t n = 0;
  for (const auto& sheet : result.sheets)
    for (const auto& ind : sheet.parsed.indicators)
      n += std::max<std::size_t>(1, ind.observations.size());
  return n;
}

// A one-KPI result with the given name and actual (for cells the real sheets do not have).
PipelineResult one_kpi(const std::string& name, const std::string& actual) {
  model::Sheet sheet;
  sheet.path = "made.txt";
  sheet.usable = true;
  model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = "No.1";
  ind.name = name;
  ind.unit = "件";
  model::Observation o;
  o.fiscal_year = 2023;
  o.actual.text = actual;
  o.actual.number = model::Decimal{-5, 0};
  ind.observations.push_back(o);
  sheet.parsed.indicators.push_back(ind);
  PipelineResult result;
  result.sheets.push_back(std::move(sheet));
  return result;
}

}  // namespace

TEST_CASE("analysis csv: BOM, CRLF, English keys and one row per observation",
          "[report][analysis-csv]") {
  auto text = render_csv(takaoka());
  CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') {
      ++lf;
      crlf += i > 0 && text[i - 1] == '\r';
    }
  CHECK(lf == crlf);
  auto t = parse(text);
  std::vector<std::string> keys;
  for (const auto& c : report::analysis_columns()) keys.emplace_back(c.key);
  CHECK(t.header == keys);
  CHECK(t.rows.size() == observation_count(takaoka()));
  CHECK(t.rows.size() > 200);
}

TEST_CASE("analysis csv: Takaoka No.22 FY2023 target, actual, rates, verdict, status, grade",
          "[report][analysis-csv]") {
  auto t = parse(render_csv(takaoka()));
  const auto& r = find_row(t, "No.22", "2023");
  CHECK(r.at("municipality") == "takaoka");
  CHECK(r.at("direction") == "increase");
  CHECK(r.at("direction_source") == "label");
  CHECK(r.at("unit") == "%");
  CHECK(r.at("baseline") == "34.6");
  CHECK(r.at("fiscal_year_label") == "FY2023");
  CHECK(r.at("target") == "95");
  CHECK(r.at("target_is_final") == "FALSE");
  CHECK(r.at("actual") == "79");
  CHECK(r.at("published_rate") == "83.4");
  CHECK(r.at("recomputed_rate") == "83.2");
  CHECK(r.at("verdict") == "consistent");
  CHECK(r.at("status") == "behind");
  CHECK(r.at("achieved") == "FALSE");
  CHECK(r.at("grade") == "B");
  CHECK(r.at("change") == "7");  // 79 - 72
  CHECK(r.at("location").ends_with("takaoka-kpi-progress-fy2020-2023.txt:580"));
  CHECK_FALSE(r.at("pace_status").empty());

  // ▲ 475 is a plain negative number; the published -361.2% stays a number too.
  const auto& one = find_row(t, "No.1", "2023");
  CHECK(one.at("actual") == "-475");
  CHECK(one.at("published_rate") == "-361.2");
  CHECK(one.at("actual_printed") == "▲ 475");
}

TEST_CASE("analysis csv: Japanese headers and words with --lang ja", "[report][analysis-csv]") {
  report::ReportOptions options;
  options.lang = report::Lang::ja;
  auto t = parse(render_csv(takaoka(), options));
  CHECK(t.header.front() == "自治体");
  CHECK(std::find(t.header.begin(), t.header.end(), "達成率（再計算）") != t.header.end());
  const auto& r = find_row(t, "No.22", "2023", "番号", "年度");
  CHECK(r.at("年度（和暦）") == "令和5年度");
  CHECK(r.at("判定") == "表示桁内で一致");
  CHECK(r.at("達成状況") == "未達成");
  CHECK(r.at("方向") == "増加");
  CHECK(r.at("達成率（公表）") == "83.4");
}

TEST_CASE("analysis csv: --year keeps one row per KPI", "[report][analysis-csv]") {
  report::ReportOptions options;
  options.view.year = 2023;
  auto t = parse(render_csv(takaoka(), options));
  std::size_t kpis = 0;
  for (const auto& sheet : takaoka().sheets) kpis += sheet.parsed.indicators.size();
  CHECK(t.rows.size() == kpis);
  for (const auto& r : t.rows)
    CHECK((r.at("fiscal_year") == "2023" || r.at("fiscal_year").empty()));
  CHECK(find_row(t, "No.22", "2023").at("recomputed_rate") == "83.2");
}

TEST_CASE("analysis csv: formula-like cells are defused, negative numbers are not",
          "[report][analysis-csv]") {
  auto t = parse(render_csv(one_kpi("=HYPERLINK(\"http://x\",\"y\")", "-5")));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].at("name") == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(t.rows[0].at("actual") == "-5");
  CHECK(t.rows[0].at("actual_printed") == "-5");
  auto at = parse(render_csv(one_kpi("@SUM(A1)", "+5")));
  CHECK(at.rows[0].at("name") == "'@SUM(A1)");
}

TEST_CASE("analysis csv: --encoding cp932 round trip, no BOM", "[report][analysis-csv]") {
  report::ReportOptions options;
  options.lang = report::Lang::ja;
  auto utf8 = render_csv(takaoka(), options);
  options.encoding = "cp932";
  auto sjis = render_csv(takaoka(), options);
  CHECK(sjis.rfind("\xEF\xBB\xBF", 0) != 0);
  CHECK(sjis != utf8.substr(3));
  CHECK(sjis == testing::encode_as(utf8.substr(3), "windows-31j"));
  auto decoded = text::decode(sjis);
  REQUIRE(decoded.ok());
  CHECK(decoded.encoding == "Shift_JIS");
  std::string lf = utf8.substr(3);
  std::string no_cr;
  for (char c : lf)
    if (c != '\r') no_cr += c;
  CHECK(decoded.utf8 == no_cr);
}

TEST_CASE("analysis csv: cp932 writes m³ as m3, its compatibility form", "[report][analysis-csv]") {
  report::ReportOptions options;
  options.encoding = "cp932";
  auto result = one_kpi("汚水処理量", "1");
  result.sheets[0].parsed.indicators[0].unit = "m³";
  auto t = parse(render_csv(result, options));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].at("unit") == "m3");
}

TEST_CASE("analysis csv: a character cp932 lacks is an error naming it", "[report][analysis-csv]") {
  report::ReportOptions options;
  options.encoding = "cp932";
  auto result = one_kpi("𠮷野家の店舗数", "1");
  try {
    render_csv(result, options);
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("U+20BB7"));
    CHECK_THAT(message, Catch::Contains("row 2 (No.1 FY2023)"));
    CHECK_THAT(message, Catch::Contains("column name"));
  }
}

TEST_CASE("analysis csv: a large sheet's rows made on several threads are the serial ones",
          "[report][analysis-csv]") {
  auto result = testing::with_kpis_repeated(takaoka(), 24);
  REQUIRE(observation_count(result) > 5000);
  for (const char* encoding : {"UTF-8", "cp932"}) {
    INFO(encoding);
    report::ReportOptions options;
    options.encoding = encoding;
    options.jobs = 1;
    auto serial = render_csv(result, options);
    for (int jobs : {2, 3}) {
      options.jobs = jobs;
      CHECK(render_csv(result, options) == serial);
    }
    CHECK(
        parse(encoding == std::string("UTF-8") ? serial : text::decode(serial).utf8).rows.size() ==
        observation_count(result));
  }
}

TEST_CASE("analysis csv: on several threads, the first row cp932 cannot hold is the one named",
          "[report][analysis-csv]") {
  auto result = testing::with_kpis_repeated(takaoka(), 24);
  auto& indicators = result.sheets.front().parsed.indicators;
  indicators.back().name = "𠮷 (last)";
  indicators[indicators.size() / 2].name = "𠮷 (middle)";
  report::ReportOptions options;
  options.encoding = "cp932";
  auto error_of = [&](int jobs) {
    options.jobs = jobs;
    std::ostringstream out;
    try {
      report::render(*report::find_report_writer("csv"), out, result, options);
    } catch (const std::runtime_error& e) {
      CHECK(out.str().empty());  // nothing written
      return std::string(e.what());
    }
    FAIL("no error");
    return std::string();
  };
  auto serial = error_of(1);
  CHECK_THAT(serial, Catch::Contains("U+20BB7"));
  CHECK_THAT(serial, !Catch::Contains("row 2 ("));
  for (int jobs : {2, 3}) CHECK(error_of(jobs) == serial);
}
