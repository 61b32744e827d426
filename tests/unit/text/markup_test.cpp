#include "kpi/text/markup.hpp"

#include <catch2/catch.hpp>

#include "kpi/text/strings.hpp"

using kpi::text::squeeze_spaces;
using kpi::text::strip_markup;

TEST_CASE("markup: inline tags vanish, their text stays", "[markup]") {
  CHECK(strip_markup("<b>分野1【しごとづくり】安定的で魅力ある雇用を創出する</b>") ==
        "分野1【しごとづくり】安定的で魅力ある雇用を創出する");
  CHECK(strip_markup("A-1-1 <span class=\"x\">地域産業</span>の強化") == "A-1-1 地域産業の強化");
  CHECK(strip_markup("<B>太字</B>") == "太字");
}

TEST_CASE("markup: list items are kept apart", "[markup]") {
  auto s = strip_markup(
      "<ul style=\"list-style-type: none\"><li>1 田舎体験推進</li><li>2 心るさと交流</li></ul>");
  CHECK(squeeze_spaces(s) == "1 田舎体験推進 2 心るさと交流");
  CHECK(squeeze_spaces(strip_markup("一行目<br>二行目<br/>三行目")) == "一行目 二行目 三行目");
}

TEST_CASE("markup: attribute values may hold '>'", "[markup]") {
  CHECK(strip_markup("<a title=\"a>b\">リンク</a>") == "リンク");
}

TEST_CASE("markup: text that only looks like a tag is kept", "[markup]") {
  CHECK(strip_markup("a < b") == "a < b");
  CHECK(strip_markup("x <3 y") == "x <3 y");
  CHECK(strip_markup("<b unclosed") == "<b unclosed");
  CHECK(strip_markup("1<2 and 3>2") == "1<2 and 3>2");
}

TEST_CASE("markup: comments and character references", "[markup]") {
  CHECK(strip_markup("前<!-- note -->後") == "前後");
  CHECK(strip_markup("A &amp; B &lt;C&gt; &quot;D&quot;") == "A & B <C> \"D\"");
  CHECK(strip_markup("&#12354;&#x3044;") == "あい");
  CHECK(strip_markup("&unknown; &#0; &") == "&unknown; &#0; &");
}
