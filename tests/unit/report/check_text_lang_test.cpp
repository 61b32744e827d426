#include <catch2/catch.hpp>

#include <sstream>

#include "kpi/report/check_writers.hpp"
#include "report/report_text.hpp"

namespace {

std::string check_text(kpi::report::Lang lang) {
  auto result = kpi::testing::one_kpi_result("相談件数", "件");
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::write_check_text(out, {result, items, false, lang});
  return out.str();
}

}  // namespace

TEST_CASE("check text: the frame in Japanese, the rate's explanation and rule ids as they are",
          "[check][writers][ja]") {
  auto en = check_text(kpi::report::Lang::en);
  auto ja = check_text(kpi::report::Lang::ja);
  INFO(en << "\n" << ja);
  CHECK_THAT(en, Catch::Contains("1 published rates checked: 0 match, 0 consistent, 1 mismatch"));
  CHECK_THAT(ja, Catch::Contains("公表達成率 1 件を検証：一致 0、表示桁内で一致 0、不一致 1、"
                                 "検証不可 0"));
  CHECK_THAT(ja, Catch::Contains("失敗 1 件"));
  // The line of the rate itself is the same in both languages (editors and CI read it).
  auto first_line = [](const std::string& s) { return s.substr(0, s.find('\n')); };
  CHECK(first_line(en) == first_line(ja));
  CHECK_THAT(first_line(ja), Catch::Contains(": error: ") && Catch::Contains("[rate."));
}
