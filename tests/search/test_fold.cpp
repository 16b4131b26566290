// Folding (docs/search.md "Folding"): what makes a query find the text
// whatever width, case or script either was written in.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "search/fold.h"
#include "search/fold_table.h"

using chuxin::search::fold;
using chuxin::search::fold_text;

namespace {
std::string folded(std::string_view s) { return chuxin::utf8::encode(fold_text(s)); }
}  // namespace

TEST_CASE("full-width forms fold to ASCII, Latin to lower case") {
    CHECK(folded("ＲＲＵＬＥ") == "rrule");
    CHECK(folded("ＧＢ／Ｔ　９７０４") == "gb/t 9704");
    CHECK(folded("RRule") == "rrule");
    CHECK(folded("２０２６年") == "2026年");
}

TEST_CASE("traditional characters fold to simplified (OpenCC's table)") {
    CHECK(folded("每個月都") == "每个月都");
    CHECK(folded("會議記錄") == "会议记录");
    CHECK(folded("學習體會") == "学习体会");
    // Simplified text is left as it is.
    CHECK(folded("会议记录") == "会议记录");
}

TEST_CASE("every space folds to one space, and nothing else does") {
    CHECK(folded("a\tb\nc\u3000d\u00A0e") == "a b c d e");
    CHECK(folded("，。、") == ",。、");  // the full-width comma is a form of ','
}

TEST_CASE("a fold keeps each character's UTF-16 length (the script marks matches in place)") {
    for (const auto& pair : chuxin::search::traditional_to_simplified()) {
        INFO("U+" << std::hex << static_cast<unsigned long>(pair.from));
        CHECK((pair.from < 0x10000) == (pair.to < 0x10000));
        CHECK(fold(pair.to) == pair.to);  // folded once is folded: the table is at its fixed point
    }
    CHECK(chuxin::search::traditional_to_simplified().size() > 2000);
}

TEST_CASE("the table is sorted, so a lookup can bisect it") {
    const auto table = chuxin::search::traditional_to_simplified();
    for (size_t i = 1; i < table.size(); ++i) REQUIRE(table[i - 1].from < table[i].from);
}

TEST_CASE("the page script's table holds the same pairs") {
    const std::string script = chuxin::search::fold_table_script();
    CHECK(script.find("chuxinSearch.foldTable(\"") != std::string::npos);
    CHECK(script.find("個个") != std::string::npos);
    CHECK(script.find("會会") != std::string::npos);
}
