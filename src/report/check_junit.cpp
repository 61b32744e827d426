// JUnit XML: one testsuite per sheet, one testcase per checked rate (failure = mismatch, or
// whatever --fail-on makes fail), findings and input problems as testcases of their own.
#include <map>

#include <fmt/format.h>

#include "kpi/report/check_writers.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

void testcase(std::ostream& out, const verify::CheckItem& item) {
  out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
                     escape_markup(item.rule), escape_markup(item.title),
                     escape_markup(item.location.path), item.location.line);
  if (!item.fails) {
    out << "/>\n";
    return;
  }
  out << fmt::format(
      ">\n      <failure type=\"{}\" message=\"{}\">{}:{}: {}</failure>\n    </testcase>\n",
      escape_markup(item.rule), escape_markup(item.message), escape_markup(item.location.path),
      item.location.line, escape_markup(item.message));
}

}  // namespace

void write_check_junit(std::ostream& out, const CheckContext& ctx) {
  std::map<std::string, std::vector<const verify::CheckItem*>> by_file;
  for (const auto& item : ctx.items) {
    bool is_check = item.is_rate || item.rule.rfind("finding.", 0) == 0 ||
                    item.severity == model::Severity::error;
    if (is_check) by_file[item.location.path].push_back(&item);
  }
  auto c = verify::count_items(ctx.items);
  std::size_t total = 0;
  for (const auto& [file, items] : by_file) total += items.size();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"kpi-report check\" tests=\"{}\" failures=\"{}\">\n", total,
                     c.failures);
  for (const auto& [file, items] : by_file) {
    int failures = 0;
    for (const auto* i : items) failures += i->fails;
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
                       escape_markup(file), items.size(), failures);
    for (const auto* i : items) testcase(out, *i);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kpi::report
