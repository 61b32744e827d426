// Compiler-style check output: `path:line: error: message`, then the source line.
#include <fmt/format.h>

#include "kpi/verify/cell_evidence.hpp"

#include "kpi/model/read_from.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/format.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/verify/findings.hpp"
#include "kpi/verify/printed_rate.hpp"

namespace kpi::report {
namespace {

bool worth_showing(const verify::CheckItem& item, bool verbose) {
  if (verbose || item.fails) return true;
  // Input notes (the files a directory scan skipped) are few and always shown.
  return !item.is_rate || item.verdict == model::Verdict::mismatch ||
         item.severity == model::Severity::warning;  // e.g. a formula saved without its value
}

constexpr int quoted_width = 120;  // terminal columns of a quoted source line

using model::location_text;

struct RateTally {
  int published = 0;  // published rates (each one checked)
  int computed = 0;   // rates kpi-report could compute
};

// Each sheet's rates, counted under the sheet they were read from (a merge files a later
// sheet's rates under an earlier sheet's KPIs).
std::vector<RateTally> tally(const std::vector<model::Sheet>& sheets) {
  std::vector<RateTally> tallies(sheets.size());
  model::ReadFrom(sheets).for_each_observation(
      sheets, [&](std::size_t sheet, const model::Indicator&, const model::Observation& o) {
        auto& t = tallies[sheet];
        // A formula saved without its value, or words, are published, though unreadable.
        t.published += verify::is_printed(o.published_rate) + o.revised->rate.has_number();
        t.computed += o.check.rate_rounded.has_value();
      });
  return tallies;
}

// "data/joetsu/….tsv: 65 rates computed; the sheet publishes none" instead of 65 unchecked.
void write_unpublished(std::ostream& out, const CheckContext& ctx,
                       const std::vector<RateTally>& tallies) {
  for (std::size_t i = 0; i < ctx.result.sheets.size(); ++i) {
    const auto& sheet = ctx.result.sheets[i];
    const auto& t = tallies[i];
    if (t.published != 0) continue;
    auto where = location_text({sheet.path, 0, sheet.sheet_name});  // book.xlsx:Sheet
    if (ctx.lang == Lang::ja)
      out << fmt::format("{}: 達成率 {} 件を計算（この表は達成率を公表していません）\n", where,
                         t.computed);
    else
      out << fmt::format("{}: {} rate{} computed; the sheet publishes none\n", where, t.computed,
                         t.computed == 1 ? "" : "s");
  }
}

std::string_view pick(Lang lang, std::string_view en, std::string_view ja) {
  return lang == Lang::ja ? ja : en;
}

// The closing line: how many published rates were checked and with which verdict.
std::string totals_line(const verify::CheckCounts& c, int unchecked, Lang lang) {
  auto verdicts = [&](model::Verdict v) { return label(lang, v); };
  if (lang == Lang::ja)
    return fmt::format(
        "公表達成率 {} 件を検証：{} {}、{} {}、{} {}、{} {}；公表値のない達成率 {} 件；"
        "指摘 {} 件；失敗 {} 件",
        c.match + c.consistent + c.mismatch + unchecked, verdicts(model::Verdict::match), c.match,
        verdicts(model::Verdict::consistent), c.consistent, verdicts(model::Verdict::mismatch),
        c.mismatch, verdicts(model::Verdict::unchecked), unchecked, c.unpublished, c.findings,
        c.failures);
  return fmt::format(
      "{} published rates checked: {} match, {} consistent, {} mismatch, {} unchecked; {} rates "
      "without a published rate; {} findings; {} failing",
      c.match + c.consistent + c.mismatch + unchecked, c.match, c.consistent, c.mismatch, unchecked,
      c.unpublished, c.findings, c.failures);
}

}  // namespace

void write_check_text(std::ostream& out, const CheckContext& ctx) {
  SourceLines sources(ctx.result);
  auto shown = [&](const verify::CheckItem& item) { return worth_showing(item, ctx.verbose); };
  write_read_items(
      out, ctx,
      [&](std::string& text, const verify::CheckItem& item) {
        fmt::format_to(std::back_inserter(text), "{}: {}: {} [{}]\n", location_text(item.location),
                       model::to_string(item.severity), item.message, item.rule);
        auto line = text::squeeze_spaces(sources.at(item.location));
        if (!line.empty())
          text.append("    ").append(text::trim(fit(line, quoted_width))).push_back('\n');
      },
      shown);
  auto formulas = verify::formula_usage_by_sheet(ctx.result.sheets);
  for (std::size_t i = 0; i < ctx.result.sheets.size(); ++i) {
    const auto& sheet = ctx.result.sheets[i];
    std::string usage;
    for (const auto& [formula, count] : formulas[i])
      usage += fmt::format("{}{} ×{}", usage.empty() ? "" : ", ", formula, count);
    model::SourceLocation where{sheet.path, 0, sheet.sheet_name};
    if (!usage.empty())
      out << fmt::format("{}: {}: {}\n", location_text(where), pick(ctx.lang, "formulas", "計算式"),
                         usage);
    auto cells = verify::describe_formula_usage(verify::cell_formula_usage(sheet));
    if (!cells.empty())
      out << fmt::format("{}: {}: {}\n", location_text(where),
                         pick(ctx.lang, "rate cell formulas", "達成率セルの計算式"), cells);
  }
  auto tallies = tally(ctx.result.sheets);
  write_unpublished(out, ctx, tallies);
  const auto& c = ctx.items.counts();
  int published = 0;
  for (const auto& t : tallies) published += t.published;
  if (published == 0 && !ctx.result.sheets.empty()) {
    if (ctx.lang == Lang::ja)
      out << fmt::format("検証する公表達成率なし；指摘 {} 件；失敗 {} 件\n", c.findings,
                         c.failures);
    else
      out << fmt::format("0 published rates to check; {} findings; {} failing\n", c.findings,
                         c.failures);
    return;
  }
  // Rates the sheets do not publish are computed, not checked: counted apart.
  out << totals_line(c, c.unchecked - c.unpublished, ctx.lang) << '\n';
}

}  // namespace kpi::report
