// A rule repeated in a file is shown three times, then summed up in one note (issue 12).
#include <catch2/catch.hpp>

#include "kpi/model/diagnostic_summary.hpp"

namespace {

using kpi::model::Diagnostic;
using kpi::model::Severity;

Diagnostic at(const std::string& path, int line, const std::string& code) {
  return {{path, line}, Severity::warning, code, code + " at " + std::to_string(line)};
}

}  // namespace

TEST_CASE("repeated diagnostics: the first three per file and rule, then one note in place",
          "[report][diagnostics]") {
  kpi::model::DiagnosticList all;
  for (int line = 1; line <= 6; ++line) all.push_back(at("a.txt", line, "input.merge-conflict"));
  all.push_back(at("a.txt", 7, "input.skipped-row"));
  all.push_back(at("b.txt", 1, "input.merge-conflict"));
  auto shown = kpi::model::summarise_diagnostics(all);
  REQUIRE(shown.size() == 6);
  CHECK(shown[0].message == "input.merge-conflict at 1");
  CHECK(shown[2].message == "input.merge-conflict at 3");
  CHECK(shown[3].location.path == "a.txt");
  CHECK(shown[3].location.line == 0);
  CHECK(shown[3].severity == Severity::note);
  CHECK(shown[3].message == "… and 3 more input.merge-conflict in a.txt (--verbose for all)");
  CHECK(shown[4].message == "input.skipped-row at 7");
  CHECK(shown[5].location.path == "b.txt");
}

TEST_CASE("diagnostics that do not repeat more than three times are all shown",
          "[report][diagnostics]") {
  kpi::model::DiagnosticList all{at("a.txt", 1, "x"), at("a.txt", 2, "x"), at("a.txt", 3, "x"),
                                 at("b.txt", 1, "x")};
  CHECK(kpi::model::summarise_diagnostics(all).size() == 4);
  CHECK(kpi::model::summarise_diagnostics({}).empty());
}

TEST_CASE("repeated diagnostics: files and rules that alternate are counted apart",
          "[report][diagnostics]") {
  // a, b, a, b, … with one rule, then a's other rule: each file's rule has its own count.
  kpi::model::DiagnosticList all;
  for (int line = 1; line <= 5; ++line) {
    all.push_back(at("a.txt", line, "input.merge-conflict"));
    all.push_back(at("b.txt", line, "input.merge-conflict"));
  }
  for (int line = 6; line <= 9; ++line) all.push_back(at("a.txt", line, "input.no-baseline"));
  auto shown = kpi::model::summarise_diagnostics(all);
  REQUIRE(shown.size() == 12);  // 3 + 3 shown, 2 notes; 3 shown, 1 note
  CHECK(shown[5].message == "input.merge-conflict at 3");
  CHECK(shown[6].message == "… and 2 more input.merge-conflict in a.txt (--verbose for all)");
  CHECK(shown[7].message == "… and 2 more input.merge-conflict in b.txt (--verbose for all)");
  CHECK(shown[8].message == "input.no-baseline at 6");
  CHECK(shown[10].message == "input.no-baseline at 8");
  CHECK(shown[11].message == "… and 1 more input.no-baseline in a.txt (--verbose for all)");
}
