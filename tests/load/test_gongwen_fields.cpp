// The 公文 fields of a `style: gbt9704` handbook (GB/T 9704-2012 §7):
// read into model::Gongwen, each bad value an error at its place with a hint.
#include <catch2/catch.hpp>

#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;
using chuxin::load::test::Loaded;
using Lines = std::vector<std::string>;

namespace {

std::string gongwen(const std::string& fields) {
    return "---\ntitle: 关于开展主题党日活动的通知\nstyle: gbt9704\n" + fields + "---\n正文。\n";
}

}  // namespace

TEST_CASE("gongwen fields: every field read, include optional") {
    Loaded l;
    test::load_into(l, "handbooks/tongzhi.md",
                    gongwen("issuer: 中共示例区委办公室\ndoc_number: 示办发〔2026〕12号\n"
                            "recipients: 各街道党工委：\ncc: [区委组织部, 区委宣传部]\nsigner: 张三\n"
                            "secret_level: 机密★1年\ncopy_number: 000012\nsigned_date: 2026-03-12\n"
                            "printed_by: 中共示例区委办公室\nprinted_date: 2026-03-13\nnote: 此件公开发布\n"));
    INFO(test::joined(test::headlines(l.diags)));
    CHECK(l.diags.sorted().empty());
    const auto* h = l.file.page.as<model::Handbook>();
    REQUIRE(h);
    const model::Gongwen& g = h->gongwen;
    CHECK(g.issuer == "中共示例区委办公室");
    CHECK(g.doc_number == "示办发〔2026〕12号");
    CHECK(g.recipients == "各街道党工委");  // the colon is printed by layout
    CHECK(g.cc == Lines{"区委组织部", "区委宣传部"});
    CHECK(g.signer == Lines{"张三"});
    CHECK(g.secret_level == "机密★1年");
    CHECK(g.copy_number == 12);
    CHECK(g.signed_date == Date{2026, 3, 12});
    CHECK(g.printed_by == "中共示例区委办公室");
    CHECK(g.printed_date == Date{2026, 3, 13});
    CHECK(g.note == "此件公开发布");
    CHECK(h->include.empty());
}

TEST_CASE("gongwen fields: bad values are errors at file:line:col with the standard's form as the hint") {
    Loaded l;
    test::load_into(l, "handbooks/tongzhi.md",
                    gongwen("doc_number: 示办发[2026]12号\nsecret_level: 内部\ncopy_number: 1234567\n"
                            "signed_date: 2026年3月12日\n"));
    CHECK(test::headlines(l.diags) ==
          Lines{"content/handbooks/tongzhi.md:4:13: error: 'doc_number' is not a 发文字号: the year is put in 六角括号 〔〕, not [",
                "content/handbooks/tongzhi.md:5:15: error: 'secret_level' should be 秘密, 机密 or 绝密, optionally with ★ "
                "and the period, not '内部'",
                "content/handbooks/tongzhi.md:6:14: error: 'copy_number' should be between 1 and 999999, not 1234567",
                "content/handbooks/tongzhi.md:7:14: error: '2026年3月12日' is not a date"});
    const Lines hints = test::hints(l.diags);
    CHECK(hints[0] == "GB/T 9704 §7.2.4, e.g. doc_number: 示办发〔2026〕12号");
    CHECK(hints[1] == "GB/T 9704 §7.2.2, e.g. secret_level: 机密★1年");
}

TEST_CASE("gongwen fields: each rule of the 发文字号") {
    const std::pair<const char*, const char*> cases[] = {
        {"示办发〔26〕12号", "the year is written in full in Arabic numerals (2026, not 26)"},
        {"示办发〔2026〕第12号", "the number takes no 第"},
        {"示办发〔2026〕012号", "the number has no leading zeros (1, not 01)"},
        {"示办发〔2026〕12", "the number ends with 号"},
        {"〔2026〕12号", "the 机关代字 comes before the year"},
        {"示办发（2026）12号", "the year is put in 六角括号 〔〕, not （"},
    };
    for (const auto& [value, why] : cases) {
        Loaded l;
        test::load_into(l, "handbooks/a.md", gongwen(std::string("doc_number: ") + value + "\n"));
        INFO(value);
        REQUIRE(l.diags.error_count() == 1);
        CHECK(test::headlines(l.diags)[0].find(why) != std::string::npos);
    }
}

TEST_CASE("gongwen fields on a book are warnings; a book still needs include") {
    Loaded l;
    test::load_into(l, "handbooks/a.md", "---\ntitle: 手册\nissuer: 中共示例区委办公室\ninclude: cases/*\n---\n");
    CHECK(test::headlines(l.diags) ==
          Lines{"content/handbooks/a.md:3:1: warning: 'issuer' is printed only by style: gbt9704"});
}
