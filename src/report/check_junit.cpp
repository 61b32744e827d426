// JUnit XML: one testsuite per file; one testcase per rate check named by its KPI id and
// fiscal year, per finding by its rule and rows, per input problem by its rule and line.
// Names never depend on the verdict, so CI history follows a KPI-year across runs.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kpi/report/check_writers.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

// A rate: "No.22 FY2023"; a finding: "finding.relisted-differs lines 434, 344"; an input
// problem: "input.skipped-row line 245".
std::string base_name(const verify::CheckItem& item) {
  if (item.is_rate || !item.rows.empty())
    return item.is_rate ? item.title : "finding." + item.title;
  return item.location.line > 0 ? fmt::format("{} line {}", item.rule, item.location.line)
                                : item.rule;
}

// Test case names, unique within their suite (a second one gets " #2"), in the suite's order.
class CaseNames {
 public:
  std::string next(const verify::CheckItem& item) {
    auto name = base_name(item);
    int n = ++seen_[name];
    return n == 1 ? name : fmt::format("{} #{}", name, n);
  }

 private:
  std::map<std::string, int> seen_;
};

// The body of a test case: failure, skipped (unchecked rate), or the explanation.
std::string case_body(const verify::CheckItem& item) {
  if (item.fails)
    return fmt::format("<failure type=\"{}\" message=\"{}\">{}:{}: {}</failure>",
                       escape_markup(item.rule), escape_markup(item.message),
                       escape_markup(item.location.path), item.location.line,
                       escape_markup(item.message));
  if (item.is_rate && item.verdict == model::Verdict::unchecked)
    return fmt::format("<skipped message=\"{}\"/>", escape_markup(item.rate->explanation));
  if (item.is_rate && item.verdict == model::Verdict::match) return "";
  return fmt::format("<system-out>{}</system-out>", escape_markup(item.message));
}

void write_case(std::ostream& out, const std::string& suite, const std::string& name,
                const verify::CheckItem& item) {
  out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
                     escape_markup(suite), escape_markup(name), escape_markup(item.location.path),
                     item.location.line);
  auto body = case_body(item);
  if (body.empty())
    out << "/>\n";
  else
    out << ">\n      " << body << "\n    </testcase>\n";
}

struct Tally {
  std::size_t tests = 0;
  int failures = 0, skipped = 0;

  void add(const verify::CheckItem& item) {
    ++tests;
    failures += item.fails;
    skipped += !item.fails && item.is_rate && item.verdict == model::Verdict::unchecked;
  }
};

// Where an item is: its run and its place in the run (CheckItems::for_each_at).
struct ItemAt {
  std::uint32_t run, position;
};

// One suite per file, or per worksheet of a workbook ("book.xlsx:KPI進捗"), in the order of
// their names; each holds its items' places, in item order, and its tally.
class Suites {
 public:
  struct Suite {
    Tally tally;
    std::vector<ItemAt> items;
  };

  Suite& of(const model::SourceLocation& loc) {
    // A location's names are shared texts: the suite's name is made once per file and sheet.
    auto key = std::make_pair(loc.path.data(), loc.sheet.data());
    auto known = by_names_.find(key);
    if (known != by_names_.end()) return *known->second;
    auto& suite = by_title_[model::input_text(loc)];
    by_names_.emplace(key, &suite);
    return suite;
  }
  const std::map<std::string, Suite>& in_order() const { return by_title_; }

 private:
  std::map<std::string, Suite> by_title_;  // node-based: a suite stays where it is
  std::map<std::pair<const char*, const char*>, Suite*> by_names_;
};

// Each item's suite and place, and the tallies, read without making the items' texts.
Suites suites_of(const verify::CheckItems& items, Tally& total) {
  Suites suites;
  for (std::size_t run = 0; run < items.run_count(); ++run) {
    std::uint32_t position = 0;
    items.for_each_in_run(
        run, [](const verify::CheckItem&) {},
        [&](const verify::CheckItem& item) {
          auto& suite = suites.of(item.location);
          suite.tally.add(item);
          total.add(item);
          suite.items.push_back({static_cast<std::uint32_t>(run), position++});
          return false;
        });
  }
  return suites;
}

// fn(item) for a suite's items, in item order: each run the suite has items in is visited
// once, for those items only.
template <class Fn>
void for_each_item_of(const verify::CheckItems& items, const Suites::Suite& suite, Fn fn) {
  std::vector<std::uint32_t> positions;
  for (std::size_t i = 0; i < suite.items.size();) {
    auto run = suite.items[i].run;
    positions.clear();
    for (; i < suite.items.size() && suite.items[i].run == run; ++i)
      positions.push_back(suite.items[i].position);
    items.for_each_at(run, positions, fn);
  }
}

}  // namespace

// Suites group the items by file, and their tallies come first: one pass notes each item's
// suite and place (a few bytes an item, never the item itself), then each suite's items are
// made as they are written.
void write_check_junit(std::ostream& out, const CheckContext& ctx) {
  Tally total;
  auto suites = suites_of(ctx.items, total);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"kpi-report check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
      total.tests, total.failures, total.skipped);
  for (const auto& named : suites.in_order()) {
    // Not a structured binding: clang before 16 cannot capture one in the lambda below.
    const std::string& file = named.first;
    const auto& suite = named.second;
    const auto& t = suite.tally;
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
                       escape_markup(file), t.tests, t.failures, t.skipped);
    CaseNames names;
    for_each_item_of(ctx.items, suite, [&](const verify::CheckItem& item) {
      write_case(out, file, names.next(item), item);
    });
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kpi::report
