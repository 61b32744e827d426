// The gate of `check`: --fail-on only adds to the default, --no-fail-on takes out by name,
// and severity follows the gate. Every combination of the options is covered.
#include <catch2/catch.hpp>

#include <set>

#include "kpi/text/number.hpp"
#include "kpi/verify/check_items.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

using kpi::model::Severity;

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

kpi::model::Observation observation(int year, const char* target, const char* actual,
                                    const char* rate) {
  kpi::model::Observation o;
  o.fiscal_year = year;
  o.target = v(target);
  o.actual = v(actual);
  o.published_rate = v(rate);
  o.source = {"gate.csv", year - 2018};
  return o;
}

// One of each: a match, a rate only printed precision explains, a wrong rate, a rate that
// cannot be checked, an error finding, a warning finding and an input error.
kpi::PipelineResult gate_sample() {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = "No.1";
  ind.name = "満足度";
  ind.unit = "%";
  ind.direction = kpi::model::Direction::increase;
  ind.observations = {observation(2020, "80.0", "40.0", "50.0%"),   // match
                      observation(2021, "95", "79", "83.4%"),       // consistent: 79 may be 79.2
                      observation(2022, "100.0", "50.0", "60.0%"),  // mismatch
                      observation(2023, "100.0", "", "70.0%")};     // unchecked: no actual
  kpi::model::Sheet sheet;
  sheet.path = "gate.csv";
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);
  kpi::PipelineResult result;
  result.sheets.push_back(sheet);
  result.findings.push_back(
      {"relisted-differs", Severity::error, "differs", {{"gate.csv", 9}}, {"No.1"}});
  result.findings.push_back(
      {"cumulative-decrease", Severity::warning, "falls", {{"gate.csv", 10}}, {"No.1"}});
  result.diagnostics.push_back(
      {{"other.txt", 0}, Severity::error, "input.unreadable", "cannot read"});
  return result;
}

std::string what(const kpi::verify::CheckItem& item) {
  if (item.is_rate) return kpi::model::to_string(item.verdict);
  if (item.rule == "finding.relisted-differs") return "error-finding";
  if (item.rule == "finding.cumulative-decrease") return "warning-finding";
  return "input-error";
}

std::set<std::string> failing(const kpi::verify::FailPolicy& policy) {
  static const auto sample = gate_sample();
  std::set<std::string> out;
  for (const auto& item : kpi::verify::collect_check_items(sample, policy)) {
    // Severity follows the gate: what fails is an error, nothing else is.
    CHECK((item.severity == Severity::error) == item.fails);
    if (item.fails) out.insert(what(item));
  }
  return out;
}

std::vector<std::vector<std::string>> subsets(const std::vector<std::string>& names) {
  std::vector<std::vector<std::string>> out;
  for (unsigned mask = 0; mask < (1u << names.size()); ++mask) {
    std::vector<std::string> s;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (mask & (1u << i)) s.push_back(names[i]);
    out.push_back(s);
  }
  return out;
}

bool has(const std::vector<std::string>& list, const char* name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool includes(const std::set<std::string>& big, const std::set<std::string>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

}  // namespace

TEST_CASE("the default gate: mismatches, error findings and input errors fail", "[check][gate]") {
  CHECK(failing({}) == std::set<std::string>{"mismatch", "error-finding", "input-error"});
}

TEST_CASE("fail-on adds to the gate, no-fail-on takes out by name: every combination",
          "[check][gate]") {
  const auto defaults = failing({});
  for (const auto& add : subsets(kpi::verify::fail_on_names()))
    for (const auto& remove : subsets(kpi::verify::no_fail_on_names())) {
      auto choice = kpi::verify::resolve_fail_policy(add, remove);
      bool contradicts = (has(add, "mismatch") && has(remove, "mismatch")) ||
                         (has(add, "finding") && has(remove, "finding")) ||
                         (has(add, "consistent") && has(remove, "mismatch")) ||
                         (has(add, "unchecked") && has(remove, "mismatch"));
      INFO("--fail-on " << add.size() << " values, --no-fail-on " << remove.size() << " values");
      CHECK(contradicts == !choice.error.empty());
      if (contradicts) continue;
      auto fails = failing(choice.policy);
      CHECK(fails.count("match") == 0);
      CHECK(fails.count("input-error") == 1);
      CHECK(fails.count("mismatch") == !has(remove, "mismatch"));
      CHECK(fails.count("consistent") == has(add, "consistent"));
      CHECK(fails.count("unchecked") == has(add, "unchecked"));
      CHECK(fails.count("error-finding") == !has(remove, "finding"));
      CHECK(fails.count("warning-finding") == has(add, "finding"));
      if (remove.empty()) CHECK(includes(fails, defaults));  // stricter is never weaker
      // Adding a --fail-on value never lets anything through that failed before.
      for (const auto& more : kpi::verify::fail_on_names()) {
        auto bigger = add;
        bigger.push_back(more);
        auto wider = kpi::verify::resolve_fail_policy(bigger, remove);
        if (wider.error.empty()) CHECK(includes(failing(wider.policy), fails));
      }
    }
}
