// SharedName: one text per distinct path or sheet name, shared by every location in it.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "kpi/model/indicator.hpp"
#include "kpi/pipeline.hpp"

using kpi::model::SharedName;

TEST_CASE("names of the same text share it, other texts stay apart", "[model][shared_name]") {
  std::string path = "data/takaoka/R5_shared_name_test.txt";
  SharedName a(path);
  SharedName b(std::string_view(path).substr(0));
  SharedName c("data/takaoka/R5_shared_name_test.tsv");
  CHECK(a.data() == b.data());  // the same text, not a copy
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a == path);
  CHECK(a == "data/takaoka/R5_shared_name_test.txt");
  CHECK(a.view() == path);
  CHECK(a.size() == path.size());
  CHECK((a <=> c) == (std::string_view(path) <=> c.view()));
  path[0] = 'X';  // the name keeps its own text
  CHECK(a.str() == "data/takaoka/R5_shared_name_test.txt");
}

TEST_CASE("an empty name needs no text and equals another empty one", "[model][shared_name]") {
  SharedName none;
  SharedName made_empty("");
  CHECK(none.empty());
  CHECK(none == made_empty);
  CHECK(none.view().empty());
  CHECK(std::string(none.c_str()).empty());
}

TEST_CASE("a name formats and passes as its text", "[model][shared_name]") {
  kpi::model::SourceLocation at{"book.xlsx", 22, "KPI進捗", kpi::model::CellRef{22, 16}};
  CHECK(fmt::format("{:>12}|{}", at.path, at.sheet) == "   book.xlsx|KPI進捗");
  CHECK(kpi::model::location_text(at) == "book.xlsx:KPI進捗!P22");
  CHECK(kpi::model::input_text(at) == "book.xlsx:KPI進捗");
  std::string_view passed = at.path;
  CHECK(passed == "book.xlsx");
}

TEST_CASE("threads naming the same texts at once get one text each", "[model][shared_name]") {
  constexpr int names = 200;
  auto name_all = [](std::vector<const char*>& out) {
    for (int i = 0; i < names; ++i)
      out.push_back(SharedName(fmt::format("concurrent/{}.xlsx", i)).data());
  };
  std::vector<const char*> first, second;
  std::thread other([&] { name_all(second); });
  name_all(first);
  other.join();
  CHECK(first == second);
  CHECK(std::string(first[7]) == "concurrent/7.xlsx");
}

TEST_CASE("every location read from one file shares its path", "[model][shared_name]") {
  auto result = kpi::run_pipeline({KPI_DATA_DIR "/takaoka"}, {});
  REQUIRE_FALSE(result.sheets.empty());
  const auto& indicators = result.sheets.front().parsed.indicators;
  REQUIRE(indicators.size() > 1);
  const auto& first = indicators.front();
  CHECK(first.source.path.data() == indicators.back().source.path.data());
  REQUIRE_FALSE(first.observations.empty());
  CHECK(first.source.path.data() == first.observations.front().source.path.data());
  CHECK(first.source.path.view().find("takaoka") != std::string_view::npos);
}
