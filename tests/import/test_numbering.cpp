#include <catch2/catch.hpp>

#include "import/numbering.h"
#include "import/xml_part.h"

using namespace chuxin::import;

namespace {

// numbering.xml as LibreOffice writes it for 一、 / （一） / 1.
const char* kNumbering = R"(<?xml version="1.0"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>)";

}  // namespace

TEST_CASE("Word's automatic numbers come out as the reader saw them") {
    XmlPart part(kNumbering, "word/numbering.xml");
    REQUIRE(part.ok());
    Numbering numbering(part.root());
    CHECK(numbering.next("1", 0) == "一、");
    CHECK(numbering.next("1", 1) == "（一）");
    CHECK(numbering.next("1", 2) == "1.");
    CHECK(numbering.next("1", 2) == "2.");
    CHECK(numbering.next("1", 1) == "（二）");
    CHECK(numbering.next("1", 2) == "1.");  // a deeper level restarts
    CHECK(numbering.next("1", 0) == "二、");
    CHECK(numbering.next("1", 3) == "二.1");
    CHECK(numbering.next("2", 0) == "•");
    CHECK(numbering.next("0", 0).empty());   // numId 0: numbering switched off
    CHECK(numbering.next("99", 0).empty());  // an unknown list
}

TEST_CASE("a list instance with a start override begins there") {
    XmlPart part(kNumbering, "word/numbering.xml");
    Numbering numbering(part.root());
    CHECK(numbering.next("3", 0) == "五、");
    CHECK(numbering.next("3", 0) == "六、");
}

TEST_CASE("number formats") {
    CHECK(chinese_number(1) == "一");
    CHECK(chinese_number(10) == "十");
    CHECK(chinese_number(12) == "十二");
    CHECK(chinese_number(20) == "二十");
    CHECK(chinese_number(21) == "二十一");
    CHECK(chinese_number(105) == "一百零五");
    CHECK(chinese_number(110) == "一百一十");
    CHECK(format_number(3, "decimal") == "3");
    CHECK(format_number(3, "decimalFullWidth") == "３");
    CHECK(format_number(3, "lowerLetter") == "c");
    CHECK(format_number(28, "upperLetter") == "BB");
    CHECK(format_number(4, "lowerRoman") == "iv");
    CHECK(format_number(9, "upperRoman") == "IX");
    CHECK(format_number(3, "none").empty());
}
