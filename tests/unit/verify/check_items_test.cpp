// Check items made as they are written: the counts worked out from the model are those of the
// items, runs give the items in order, a filter sees what it asks of, a reused item carries
// nothing over.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/verify/check_items.hpp"
#include "sheets.hpp"

namespace {

const kpi::PipelineResult& bundled_run() {
  static const auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  return result;
}

std::string key_of(const kpi::verify::CheckItem& item) {
  return item.rule + "|" + item.title + "|" + item.message + "|" + item.location.path.str() + ":" +
         std::to_string(item.location.line);
}

std::vector<std::string> keys_in_runs(const kpi::verify::CheckItems& items) {
  std::vector<std::string> keys;
  for (std::size_t run = 0; run < items.run_count(); ++run) {
    auto before = keys.size();
    items.for_each_in_run(
        run, [&](const kpi::verify::CheckItem& item) { keys.push_back(key_of(item)); });
    CHECK(keys.size() > before);  // no run is empty (a JSON run must begin with an element)
  }
  return keys;
}

}  // namespace

TEST_CASE("check items: the counts are those of the items, whatever the policy", "[check][items]") {
  kpi::verify::FailPolicy strict;
  strict.consistent = true;
  strict.all_findings = true;
  for (const auto& policy : {kpi::verify::FailPolicy{}, strict}) {
    kpi::verify::CheckItems items(bundled_run(), policy);
    auto made = kpi::verify::collect_check_items(bundled_run(), policy);
    CHECK(items.size() == made.size());
    CHECK(items.counts() == kpi::verify::count_items(made));
    CHECK(items.counts().match > 100);
  }
  kpi::verify::CheckItems items(bundled_run(), strict);
  CHECK(items.counts().failures > kpi::verify::CheckItems(bundled_run(), {}).counts().failures);
}

TEST_CASE("check items: the runs give every item once, in order", "[check][items]") {
  kpi::verify::CheckItems items(bundled_run(), {});
  std::vector<std::string> in_order;
  items.for_each([&](const kpi::verify::CheckItem& item) { in_order.push_back(key_of(item)); });
  CHECK(in_order.size() == items.size());
  CHECK(items.run_count() > 1);
  CHECK(keys_in_runs(items) == in_order);
}

TEST_CASE("check items: a filter chooses on the kind, verdict and severity", "[check][items]") {
  kpi::verify::CheckItems items(bundled_run(), {});
  std::vector<std::string> chosen, expected;
  auto mismatch = [](const kpi::verify::CheckItem& item) {
    return item.is_rate && item.verdict == kpi::model::Verdict::mismatch;
  };
  items.for_each([&](const kpi::verify::CheckItem& item) { chosen.push_back(key_of(item)); },
                 mismatch);
  for (const auto& item : kpi::verify::collect_check_items(bundled_run(), {}))
    if (mismatch(item)) expected.push_back(key_of(item));
  CHECK(chosen == expected);
  CHECK(static_cast<int>(chosen.size()) == items.counts().mismatch);
}

TEST_CASE("check items: an item made after another keeps nothing of it", "[check][items]") {
  int rates = 0;
  for (const auto& item : kpi::verify::collect_check_items(bundled_run(), {})) {
    if (!item.is_rate) {
      CHECK_FALSE(item.rate.has_value());
      continue;
    }
    ++rates;
    REQUIRE(item.rate.has_value());
    const auto& f = *item.rate;
    CHECK(f.difference.has_value() == (f.published.has_number() && f.recomputed.has_value()));
    CHECK(item.rule == std::string("rate.") + kpi::model::to_string(item.verdict));
    CHECK(item.rows.empty());
  }
  CHECK(rates > 100);
}

TEST_CASE("check items: spilled input problems come in runs, in order", "[check][items]") {
  kpi::PipelineResult result;
  result.diagnostics = kpi::model::DiagnosticList(4096);  // spills after a few dozen
  for (int line = 1; line <= 3000; ++line)
    result.diagnostics.push_back({"many.txt", line}, kpi::model::Severity::warning,
                                 "input.skipped-row", "row " + std::to_string(line));
  REQUIRE(result.diagnostics.spilled());
  kpi::verify::CheckItems items(result, {});
  CHECK(items.size() == 3000);
  CHECK(items.run_count() == 3);  // a run per 1,024 records
  auto keys = keys_in_runs(items);
  REQUIRE(keys.size() == 3000);
  CHECK(keys[0] == "input.skipped-row|input.skipped-row|row 1|many.txt:1");
  CHECK(keys[2999] == "input.skipped-row|input.skipped-row|row 3000|many.txt:3000");
  CHECK(items.counts().failures == 0);
}

TEST_CASE("check items: repeated input problems summarised for a reader, failing ones all given",
          "[check][items]") {
  kpi::PipelineResult result;
  result.diagnostics = kpi::model::DiagnosticList(4096);  // spilled: the runs cross files
  for (int line = 1; line <= 3000; ++line) {
    auto severity = line % 1000 == 0 ? kpi::model::Severity::error : kpi::model::Severity::warning;
    result.diagnostics.push_back({"many.txt", line}, severity, "input.skipped-row",
                                 "row " + std::to_string(line));
  }
  result.diagnostics.push_back({"many.txt", 1}, kpi::model::Severity::note, "input.interpreted",
                               "one note");
  result.diagnostics.push_back({"other.txt", 5}, kpi::model::Severity::warning, "input.skipped-row",
                               "row 5 of the other");
  REQUIRE(result.diagnostics.spilled());
  kpi::verify::CheckItems items(result, {});
  std::vector<std::string> keys;
  items.for_each_summarised(
      [&](const kpi::verify::CheckItem& item) { keys.push_back(key_of(item)); }, {}, 3);
  const std::vector<std::string> expected = {
      "input.skipped-row|input.skipped-row|row 1|many.txt:1",
      "input.skipped-row|input.skipped-row|row 2|many.txt:2",
      "input.skipped-row|input.skipped-row|row 3|many.txt:3",
      "output.summarised|output.summarised|… and 2994 more input.skipped-row in many.txt "
      "(--verbose for all)|many.txt:0",
      "input.skipped-row|input.skipped-row|row 1000|many.txt:1000",  // errors: every one
      "input.skipped-row|input.skipped-row|row 2000|many.txt:2000",
      "input.skipped-row|input.skipped-row|row 3000|many.txt:3000",
      "input.interpreted|input.interpreted|one note|many.txt:1",
      "input.skipped-row|input.skipped-row|row 5 of the other|other.txt:5",
  };
  CHECK(keys == expected);
  std::size_t all = 0;
  items.for_each([&](const kpi::verify::CheckItem&) { ++all; });
  CHECK(all == 3002);
  CHECK(items.counts().failures == 3);
}

TEST_CASE("check items: the items at chosen places of a run are those the run gives there",
          "[check][items]") {
  kpi::verify::CheckItems items(bundled_run(), {});
  int runs_asked = 0;
  for (std::size_t run = 0; run < items.run_count(); ++run) {
    std::vector<std::string> whole;
    items.for_each_in_run(
        run, [&](const kpi::verify::CheckItem& item) { whole.push_back(key_of(item)); });
    // Every third place, and the last: places passed over are skipped, never given.
    std::vector<std::uint32_t> places;
    std::vector<std::string> expected;
    for (std::uint32_t at = 1; at < whole.size(); at += 3) places.push_back(at);
    if (places.empty() || places.back() + 1 != whole.size())
      places.push_back(static_cast<std::uint32_t>(whole.size() - 1));
    for (auto at : places) expected.push_back(whole[at]);
    std::vector<std::string> given;
    items.for_each_at(run, places,
                      [&](const kpi::verify::CheckItem& item) { given.push_back(key_of(item)); });
    CHECK(given == expected);
    std::vector<std::string> none;
    items.for_each_at(run, {},
                      [&](const kpi::verify::CheckItem& item) { none.push_back(key_of(item)); });
    CHECK(none.empty());
    ++runs_asked;
  }
  CHECK(runs_asked > 3);
}
