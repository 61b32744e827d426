// Plain XML content read without expat: what it reads it reports exactly as expat does, and
// whatever it does not know it leaves to expat.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "xml_events.hpp"

using kpi::grid::PlainRead;
using kpi::testing::expat_record;
using kpi::testing::plain_record;

namespace {

// Read by the plain reader, with expat's record.
std::string read_as_expat_does(const std::string& content) {
  PlainRead read;
  std::string plain = plain_record(content, read);
  bool ok = false;
  std::string expat = expat_record(content, ok);
  INFO(content);
  REQUIRE(read == PlainRead::read);
  REQUIRE(ok);
  CHECK(plain == expat);
  return plain;
}

bool left_to_expat(const std::string& content) {
  PlainRead read;
  plain_record(content, read);
  return read == PlainRead::not_plain;
}

}  // namespace

TEST_CASE("rows of a worksheet are read as expat reads them", "[grid][plain-xml]") {
  CHECK(read_as_expat_does(R"(<row r="2" spans="1:3"><c r="A2" s="1" t="s"><v>0</v></c>)"
                           R"(<c r="B2"><f t="shared" si="0">ROUND(C2/D2,3)</f><v>0.958</v></c>)"
                           R"(<c r="C2" t="inlineStr"><is><t>移住者数</t></is></c></row>)") ==
        "<row r=[2] spans=[1:3]><c r=[A2] s=[1] t=[s]><v>{0}</v></c><c r=[B2]>"
        "<f t=[shared] si=[0]>{ROUND(C2/D2,3)}</f><v>{0.958}</v></c><c r=[C2] t=[inlineStr]>"
        "<is><t>{移住者数}</t></is></c></row>");
  CHECK(read_as_expat_does("<x:c x:r='A1'/> text\n<e></e>") ==
        "<x:c x:r=[A1]></x:c>{ text\n}<e></e>");
}

TEST_CASE("references are decoded and attribute values normalised as expat does",
          "[grid][plain-xml]") {
  CHECK(read_as_expat_does("<t>a &lt;&gt;&amp;&quot;&apos; &#65;&#x41;&#x65E5;&#128512;</t>") ==
        "<t>{a <>&\"' AA日😀}</t>");
  CHECK(read_as_expat_does("<c a=\"x\ty\nz\" b=\"&#10;&#9;&amp;\" c='\"' d=\"'&gt;\"/>") ==
        "<c a=[x y z] b=[\n\t&] c=[\"] d=['>]></c>");
  read_as_expat_does("<t>]] > ]</t>");
  read_as_expat_does("<t>&#13;</t>");
}

TEST_CASE("a handler that takes expat's layout is given the plain reader's attributes in it",
          "[grid][plain-xml]") {
  std::string content = "<c r=\"A1\" b=\"&#10;x&amp;\ty\" t='s'><v>1</v></c><d/>";
  PlainRead read, read_in_layout;
  auto viewed = plain_record(content, read);
  auto in_layout = plain_record(content, read_in_layout, true);
  REQUIRE(read == PlainRead::read);
  REQUIRE(read_in_layout == PlainRead::read);
  CHECK(viewed == "<c r=[A1] b=[\nx& y] t=[s]><v>{1}</v></c><d></d>");
  CHECK(in_layout == viewed);
}

TEST_CASE("what the plain reader does not know is left to expat", "[grid][plain-xml]") {
  for (std::string odd : {"<!-- a comment -->",
                          "<t><![CDATA[x]]></t>",
                          "<?pi x?>",
                          "<t>&nbsp;</t>",
                          "<t>&#0;</t>",
                          "<t>&#xD800;</t>",
                          "<t>a\r\nb</t>",
                          "<t a=\"1\" a=\"2\"/>",
                          "<t ab=\"1\" a=\"2\" ab=\"3\"/>",
                          "<t a=\"1\"b=\"2\"/>",
                          "<t>]]></t>",
                          "<a></b>",
                          "<a>",
                          "</a>",
                          "<t>\x01</t>",
                          "<t>\xff</t>",
                          "<t>\xed\xa0\x80</t>",
                          "<t>\xef\xbf\xbe</t>",
                          "<名前/>",
                          "<t a=\"<\"/>",
                          "<t a=1/>",
                          "<t / >",
                          "<t>&amp</t>",
                          "<t>& </t>"}) {
    INFO(odd);
    CHECK(left_to_expat(odd));
  }
}

TEST_CASE("whatever the plain reader reads, expat reads the same way", "[grid][plain-xml]") {
  const std::vector<std::string> pieces = {"<row r=\"1\">",
                                           "</row>",
                                           "<c r=\"A1\">",
                                           "</c>",
                                           "<v>",
                                           "</v>",
                                           "<c/>",
                                           "<c t='s'/>",
                                           "12.5",
                                           "指標",
                                           "&amp;",
                                           "&#x41;",
                                           "&lt;",
                                           " ",
                                           "\n",
                                           "\t",
                                           "<",
                                           ">",
                                           "&",
                                           "\"",
                                           "'",
                                           "]]>",
                                           "a=\"1\"",
                                           "/>",
                                           "<!--x-->",
                                           "\r",
                                           "\xe3\x81",
                                           "<x:v>",
                                           "</x:v>",
                                           "&#0;",
                                           "<c a=\"1\" b=\"2\">",
                                           "<c ab=\"1\" a=\"2\">"};
  std::mt19937 random(2026);
  int agreed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string content;
    for (int n = static_cast<int>(random() % 12); n > 0; --n)
      content += pieces[random() % pieces.size()];
    PlainRead read;
    std::string plain = plain_record(content, read);
    if (read != PlainRead::read) continue;
    bool ok = false;
    std::string expat = expat_record(content, ok);
    INFO(content);
    REQUIRE(ok);
    REQUIRE(plain == expat);
    ++agreed;
  }
  CHECK(agreed > 1000);
}

TEST_CASE("a handler's failure stops the plain reader", "[grid][plain-xml]") {
  struct Failing : kpi::testing::XmlEvents {
    void start_element(std::string_view name,
                       std::span<const kpi::grid::XmlAttribute> attributes) override {
      XmlEvents::start_element(name, attributes);
      if (name == "stop") failure = "stopped here";
    }
  } handler;
  CHECK(kpi::grid::read_plain_content("<a/><stop/><b/>", handler) == PlainRead::stopped);
  CHECK(handler.done() == "<a></a><stop>");
}
