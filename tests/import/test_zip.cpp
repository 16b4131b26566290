#include <catch2/catch.hpp>

#include "core/diagnostic.h"
#include "import/docx_reader.h"
#include "import/xml_part.h"
#include "import/zip_archive.h"

using namespace chuxin::import;

TEST_CASE("entry names that would leave the folder are unsafe") {
    CHECK(safe_entry_name("word/document.xml"));
    CHECK(safe_entry_name("word/media/image1.png"));
    CHECK_FALSE(safe_entry_name("../evil"));
    CHECK_FALSE(safe_entry_name("word/../../evil"));
    CHECK_FALSE(safe_entry_name("/etc/passwd"));
    CHECK_FALSE(safe_entry_name("C:evil"));
    CHECK_FALSE(safe_entry_name("word\\..\\evil"));
    CHECK_FALSE(safe_entry_name(""));
    CHECK(safe_entry_name("word/a..b.xml"));
}

TEST_CASE("what a file really is, from its first bytes") {
    CHECK(sniff_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest") == "doc");
    CHECK(sniff_format("%PDF-1.7") == "pdf");
    CHECK(sniff_format("{\\rtf1") == "rtf");
    CHECK(sniff_format("PK\x03\x04 …") == "zip");
    CHECK(sniff_format("hello").empty());
}

TEST_CASE("not a zip, or an old .doc: an error with the way out, nothing read") {
    chuxin::Diagnostics diags;
    CHECK_FALSE(read_docx("just text", "a.docx", diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].message.find("not a zip") != std::string::npos);
    chuxin::Diagnostics doc_diags;
    std::string ole(512, '\0');
    ole.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    CHECK_FALSE(read_docx(ole, "old.doc", doc_diags));
    REQUIRE(doc_diags.error_count() == 1);
    CHECK(doc_diags.sorted()[0].hint.find("soffice --headless --convert-to docx") != std::string::npos);
}

TEST_CASE("XML: broken is an error with line and column; a DOCTYPE is refused") {
    XmlPart broken("<a>\n<b></a>", "word/document.xml");
    CHECK_FALSE(broken.ok());
    CHECK(broken.error_line() == 2);
    CHECK_FALSE(broken.error().empty());
    XmlPart doctype("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "word/document.xml");
    CHECK_FALSE(doctype.ok());
    CHECK(doctype.error().find("DOCTYPE") != std::string::npos);
    XmlPart fine("<a xmlns='u'><b/></a>", "x.xml");
    CHECK(fine.ok());
}
