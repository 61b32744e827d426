#include <catch2/catch.hpp>

#include <string>

#include "kpi/text/body_name.hpp"

using kpi::text::body_name_form;
using kpi::text::body_name_in;

TEST_CASE("body_name_in finds the body a strategy title names", "[text][body-name]") {
  // The titles of the four cities' sheets (shared/seeds) and of other bodies.
  CHECK(body_name_in("第２期高岡市総合戦略「みらい・たかおか」KPI進捗状況一覧表") == "高岡市");
  CHECK(body_name_in("「第2期上越市まち・ひと・しごと創生総合戦略」重要業績評価指標（KPI）") ==
        "上越市");
  CHECK(body_name_in("\n第3次 金沢版総合戦略\n\n金 沢 市\n令和6年3月\n") == "金沢市");
  CHECK(body_name_in("【閲覧用】\n持出不可\n高岡市総合計画第4次基本計画\n") == "高岡市");
  CHECK(body_name_in("第二期小川市総合戦略") == "小川市");
  CHECK(body_name_in("令和5年度 新田町 KPI進捗状況") == "新田町");
  CHECK(body_name_in("令和5年度新田町の総合戦略") == "新田町");
  CHECK(body_name_in("富山県 総合戦略 KPI") == "富山県");
  CHECK(body_name_in("富山県高岡市総合戦略") == "高岡市");
  CHECK(body_name_in("(四日市市)") == "四日市市");
  CHECK(body_name_in("十日町市まち・ひと・しごと創生総合戦略") == "十日町市");
}

TEST_CASE("body_name_in names nothing when the title names no body", "[text][body-name]") {
  CHECK(body_name_in("").empty());
  CHECK(body_name_in("総合戦略に記載されている各種施策の取組状況").empty());
  CHECK(body_name_in("【基本目標1】地方の中核を担う都市として躍動するまち").empty());
  CHECK(body_name_in("県内市町村の取組").empty());
  CHECK(body_name_in("市町村").empty());
  CHECK(body_name_in("本市の総合戦略").empty());
  CHECK(body_name_in("第3次 金沢版総合戦略").empty());
  CHECK(body_name_in("目標値 実績値 達成率").empty());
}

TEST_CASE("body_name_in leaves out the prefecture and county printed before a name",
          "[text][body-name]") {
  CHECK(body_name_in("東京都八王子市総合戦略") == "八王子市");
  CHECK(body_name_in("北海道札幌市 総合戦略") == "札幌市");
  CHECK(body_name_in("大阪府大阪市 戦略") == "大阪市");
  CHECK(body_name_in("京都府京都市総合計画") == "京都市");
  CHECK(body_name_in("東京都千代田区 総合戦略") == "千代田区");
  CHECK(body_name_in("令和5年度東京都八王子市 KPI") == "八王子市");
  CHECK(body_name_in("石川県河北郡津幡町総合戦略") == "津幡町");
  CHECK(body_name_in("北海道虻田郡倶知安町 総合戦略") == "倶知安町");
  CHECK(body_name_in("北海道虻田郡ニセコ町総合戦略") == "ニセコ町");
  // A county holds towns and villages only: these cities keep their 郡.
  CHECK(body_name_in("大和郡山市総合戦略") == "大和郡山市");
  CHECK(body_name_in("郡山市総合戦略") == "郡山市");
  // The prefectures themselves, and a city whose name starts like one.
  CHECK(body_name_in("京都府 総合戦略") == "京都府");
  CHECK(body_name_in("東京都 総合戦略") == "東京都");
  CHECK(body_name_in("北海道創生総合戦略") == "北海道");
  CHECK(body_name_in("大阪狭山市総合戦略") == "大阪狭山市");
  CHECK(body_name_in("国道 総合戦略").empty());  // 道 ends 北海道 only
}

TEST_CASE("body_name_in finds the bodies whose names hold kana", "[text][body-name]") {
  CHECK(body_name_in("第2期かほく市まち・ひと・しごと創生総合戦略") == "かほく市");
  CHECK(body_name_in("第二期つくば市総合戦略 KPI進捗状況") == "つくば市");
  CHECK(body_name_in("茨城県つくばみらい市総合戦略") == "つくばみらい市");  // not つくば市
  CHECK(body_name_in("令和5年度 南アルプス市 KPI") == "南アルプス市");
  CHECK(body_name_in("第2次伊豆の国市総合計画") == "伊豆の国市");
  CHECK(body_name_in("東京都あきる野市人口ビジョン") == "あきる野市");
  CHECK(body_name_in("（さいたま市）") == "さいたま市");
  CHECK(body_name_in("北海道ニセコ町 第2期総合戦略") == "ニセコ町");
  CHECK(body_name_in("上ノ国町まち・ひと・しごと創生総合戦略") == "上ノ国町");
  CHECK(body_name_in("ｲｽﾐ").empty());
  // Halfwidth katakana is read as NFKC gives it: 南ｱﾙﾌﾟｽ市 is 南アルプス市.
  CHECK(body_name_in("南ｱﾙﾌﾟｽ市総合戦略") == "南アルプス市");
}

TEST_CASE("body_name_in takes no kana run that names no listed body", "[text][body-name]") {
  CHECK(body_name_in("このまち市民の暮らし").empty());
  CHECK(body_name_in("みんなの町づくり").empty());
  CHECK(body_name_in("ふるさと村の取組").empty());
  CHECK(body_name_in("つくば市町村会議").empty());        // 市町村, not a name
  CHECK(body_name_in("新つくば市総合戦略").empty());      // つくば市 inside another word
  CHECK(body_name_in("いわき市民の健康づくり").empty());  // 市民: what follows is no title word
}

TEST_CASE("body_name_in stays linear on a title of nothing but kanji", "[text][body-name]") {
  // 100,000 kanji, every other one 市: each suffix looks back a few characters only.
  std::string line;
  for (int i = 0; i < 50000; ++i) line += "高市";
  CHECK(body_name_in(line).empty());
  CHECK(body_name_in(line + "\n第2期小川市総合戦略") == "小川市");
}

TEST_CASE("body_name_form is one form for a body's printings", "[text][body-name]") {
  CHECK(body_name_form("金 沢 市") == "金沢市");
  CHECK(body_name_form(" 高岡市　") == "高岡市");
  CHECK(body_name_form("ｶﾅｻﾞﾜ") == "カナザワ");
  CHECK(body_name_form("Nitta  City") == "Nitta City");
  CHECK(body_name_form("").empty());
  // A prefecture or county before the body is left out, as in a title.
  CHECK(body_name_form("富山県高岡市") == "高岡市");
  CHECK(body_name_form("神奈川県 横浜市") == "横浜市");
  CHECK(body_name_form("和歌山県かつらぎ町") == "かつらぎ町");
  CHECK(body_name_form("東京都八王子市") == "八王子市");
  CHECK(body_name_form("石川県河北郡津幡町") == "津幡町");
  CHECK(body_name_form("大和郡山市") == "大和郡山市");
  CHECK(body_name_form("富山県") == "富山県");
  CHECK(body_name_form("北海道") == "北海道");
  CHECK(body_name_form("京都府") == "京都府");
  CHECK(body_name_form("京都市") == "京都市");
}
