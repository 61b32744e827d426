// GitHub Actions workflow commands, plus a Markdown summary when GITHUB_STEP_SUMMARY is set.
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "kpi/report/check_writers.hpp"

namespace kpi::report {
namespace {

// Workflow-command escaping: data needs %, CR, LF; properties also : and ,.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// Severity follows the gate (what fails is an error): errors ::error, warnings ::warning,
// notes ::notice.
const char* command_for(const verify::CheckItem& item) {
  if (item.severity == model::Severity::error) return "error";
  if (item.severity == model::Severity::warning) return "warning";
  return "notice";
}

// Every input problem and finding; of the rates, those that fail, mismatch or are only
// consistent (matches and unchecked rates would bury the rest).
bool annotated(const verify::CheckItem& item) {
  if (!item.is_rate || item.fails) return true;
  return item.verdict == model::Verdict::mismatch || item.verdict == model::Verdict::consistent;
}

void write_summary(const CheckContext& ctx, const char* path) {
  std::ofstream out(path, std::ios::app);
  const auto& c = ctx.items.counts();
  out << "## kpi-report check\n\n| match | consistent | mismatch | unchecked | findings | failing "
         "|\n"
         "|---:|---:|---:|---:|---:|---:|\n"
      << fmt::format("| {} | {} | {} | {} | {} | {} |\n\n", c.match, c.consistent, c.mismatch,
                     c.unchecked, c.findings, c.failures);
  ctx.items.for_each(
      [&](const verify::CheckItem& item) {
        out << fmt::format("- `{}:{}` {}\n", item.location.path, item.location.line, item.message);
      },
      [](const verify::CheckItem& item) { return item.fails; });
}

}  // namespace

void write_check_github(std::ostream& out, const CheckContext& ctx) {
  write_read_items(
      out, ctx,
      [](std::string& text, const verify::CheckItem& item) {
        auto line = item.location.line > 0 ? fmt::format(",line={}", item.location.line) : "";
        fmt::format_to(std::back_inserter(text), "::{} file={}{},title={}::{}\n", command_for(item),
                       escape_property(item.location.path), line, escape_property(item.title),
                       escape_data(item.message));
      },
      annotated);
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary)
    write_summary(ctx, summary);
}

}  // namespace kpi::report
