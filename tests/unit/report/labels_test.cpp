// Languages of the human outputs (kpi/report/labels.hpp).
#include <cstdlib>

#include <catch2/catch.hpp>

#include "kpi/report/labels.hpp"

using kpi::report::Lang;

TEST_CASE("the language comes from LC_ALL, LC_MESSAGES, LANG in that order", "[report][lang]") {
  ::setenv("LC_ALL", "", 1);
  ::setenv("LC_MESSAGES", "", 1);
  ::setenv("LANG", "ja_JP.UTF-8", 1);
  CHECK(kpi::report::lang_from_environment() == Lang::ja);
  ::setenv("LC_MESSAGES", "C", 1);
  CHECK(kpi::report::lang_from_environment() == Lang::en);
  ::setenv("LC_ALL", "ja_JP.eucJP", 1);
  CHECK(kpi::report::lang_from_environment() == Lang::ja);
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::unsetenv("LANG");
  CHECK(kpi::report::lang_from_environment() == Lang::en);
}

TEST_CASE("Japanese words for the report", "[report][lang]") {
  using kpi::report::label;
  using kpi::report::term;
  using kpi::report::Term;
  CHECK(term(Lang::ja, Term::kpi) == "指標名");
  CHECK(term(Lang::ja, Term::published_rate) == "達成率（公表）");
  CHECK(term(Lang::en, Term::recomputed_rate) == "recomputed");
  CHECK(label(Lang::ja, kpi::model::Direction::decrease) == "減少");
  CHECK(label(Lang::ja, kpi::model::Verdict::consistent) == "表示桁内で一致");
  CHECK(label(Lang::ja, kpi::model::Verdict::unchecked) == "検証不可");
  CHECK(label(Lang::ja, kpi::model::Status::behind) == "未達成");
  CHECK(label(Lang::en, kpi::model::Status::no_data) == "no data");
}

TEST_CASE("fiscal years in era form", "[report][lang]") {
  CHECK(kpi::report::fiscal_year_label(Lang::ja, 2023) == "令和5年度");
  CHECK(kpi::report::fiscal_year_label(Lang::ja, 2019) == "令和元年度");
  CHECK(kpi::report::fiscal_year_label(Lang::ja, 2018) == "平成30年度");
  CHECK(kpi::report::fiscal_year_label(Lang::en, 2023) == "FY2023");
}
