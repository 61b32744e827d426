#include <catch2/catch.hpp>

#include "kpi/text/pdf_spacing.hpp"

using kpi::text::close_pdf_gaps;

TEST_CASE("close_pdf_gaps: numbers and their counters", "[text][pdf_spacing]") {
  CHECK(close_pdf_gaps("1 歳児") == "1歳児");
  CHECK(close_pdf_gaps("R4 年度までの累計") == "R4年度までの累計");
  CHECK(close_pdf_gaps("東京都 23 区内") == "東京都23区内");
  CHECK(close_pdf_gaps("支援件数 (累計)") == "支援件数(累計)");
}

TEST_CASE("close_pdf_gaps: letters set one by one", "[text][pdf_spacing]") {
  CHECK(close_pdf_gaps("市の公式 L I N E を活用") == "市の公式LINEを活用");
  CHECK(close_pdf_gaps("金沢M a a S※10の推進") == "金沢MaaS※10の推進");
  CHECK(close_pdf_gaps("中小企業等の D X 支援") == "中小企業等のDX支援");
  CHECK(close_pdf_gaps("U J I ターンの促進") == "UJIターンの促進");
}

TEST_CASE("close_pdf_gaps: real spaces stay", "[text][pdf_spacing]") {
  CHECK(close_pdf_gaps("「KOGEI Art Gallery 銀座の金沢」") == "「KOGEI Art Gallery 銀座の金沢」");
  CHECK(close_pdf_gaps("市公式 LINE(ひとり親家庭向け配信)") == "市公式 LINE(ひとり親家庭向け配信)");
  CHECK(close_pdf_gaps("金沢未来のまち創造館   メンバーシップ登録者数") ==
        "金沢未来のまち創造館 メンバーシップ登録者数");
}
