// JUnit XML: one testsuite per file; one testcase per rate check named by its KPI id and
// fiscal year, per finding by its rule and rows, per input problem by its rule and line.
// Names never depend on the verdict, so CI history follows a KPI-year across runs.
#include <map>
#include <set>

#include <fmt/format.h>

#include "kpi/report/check_writers.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

using Items = std::vector<const verify::CheckItem*>;

// A rate: "No.22 FY2023"; a finding: "finding.relisted-differs lines 434, 344"; an input
// problem: "input.skipped-row line 245".
std::string base_name(const verify::CheckItem& item) {
  if (item.is_rate || !item.rows.empty())
    return item.is_rate ? item.title : "finding." + item.title;
  return item.location.line > 0 ? fmt::format("{} line {}", item.rule, item.location.line)
                                : item.rule;
}

// Test case names, unique within their suite (a second one gets " #2").
std::vector<std::string> case_names(const Items& items) {
  std::vector<std::string> names;
  std::map<std::string, int> seen;
  for (const auto* item : items) {
    auto name = base_name(*item);
    int n = ++seen[name];
    names.push_back(n == 1 ? name : fmt::format("{} #{}", name, n));
  }
  return names;
}

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

// One suite per file, or per worksheet of a workbook ("book.xlsx:KPI進捗").
std::string suite_of(const model::SourceLocation& loc) {
  return model::input_text(loc);
}

struct Tally {
  std::size_t tests = 0;
  int failures = 0, skipped = 0;
};

Tally tally(const Items& items) {
  Tally t{items.size(), 0, 0};
  for (const auto* i : items) {
    t.failures += i->fails;
    t.skipped += !i->fails && i->is_rate && i->verdict == model::Verdict::unchecked;
  }
  return t;
}

}  // namespace

void write_check_junit(std::ostream& out, const CheckContext& ctx) {
  // Suites group the items by file: they are made and kept first.
  std::vector<verify::CheckItem> made;
  made.reserve(ctx.items.size());
  ctx.items.for_each([&](const verify::CheckItem& item) { made.push_back(item); });
  std::map<std::string, Items> by_file;
  Items all;
  for (const auto& item : made) {
    by_file[suite_of(item.location)].push_back(&item);
    all.push_back(&item);
  }
  auto total = tally(all);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"kpi-report check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
      total.tests, total.failures, total.skipped);
  for (const auto& [file, items] : by_file) {
    auto t = tally(items);
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
                       escape_markup(file), t.tests, t.failures, t.skipped);
    auto names = case_names(items);
    for (std::size_t i = 0; i < items.size(); ++i) write_case(out, file, names[i], *items[i]);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kpi::report
