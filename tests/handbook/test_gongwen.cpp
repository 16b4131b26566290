// The handbook stage's 公文 (style gbt9704): the page's fields as printed,
// its body as the 正文, its included pages as the 附件.
#include <catch2/catch.hpp>

#include "fixture_site.h"
#include "handbook/handbook.h"

using namespace chuxin;

TEST_CASE("a gbt9704 handbook becomes a 公文: fields as printed, included pages as 附件") {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.title = "中共示例区委办公室关于加强机关党支部建设的意见";
    hb.body = "## 中共示例区委办公室关于加强机关党支部建设的意见\n\n正文第一段。\n\n## 总体要求\n\n正文。\n";
    auto* h = hb.as<model::Handbook>();
    h->style = model::BookStyle::Gbt9704;
    h->include = {h->include[1]};  // the study lists
    model::Gongwen& g = h->gongwen;
    g.issuer = "中共示例区委办公室";
    g.copy_number = 12;
    g.signed_date = Date{2026, 3, 2};
    g.printed_date = Date{2026, 12, 13};
    handbook_test::Bodies bodies(site);
    Diagnostics diags;
    const layout::Gongwen doc = handbook::build_gongwen(site, hb, bodies.options, diags);
    CHECK(doc.mark == "中共示例区委办公室文件");
    CHECK(doc.issuer == "中共示例区委办公室");
    CHECK(doc.copy_number == "000012");
    CHECK(doc.signed_date == "2026年3月2日");  // Arabic numerals, no padding (§7.3.5.1)
    CHECK(doc.printed_date == "2026年12月13日");
    CHECK(doc.title == hb.title);
    REQUIRE(!doc.body.empty());
    CHECK(doc.body.front().kind == layout::BlockKind::Paragraph);  // a heading repeating the title is not printed twice
    REQUIRE(doc.attachments.size() == 1);
    CHECK(doc.attachments[0].title == "2026年第一季度自学内容清单");
    CHECK(!doc.attachments[0].blocks.empty());

    // An issuer written with 文件 keeps it in the 标志 only.
    g.issuer = "中共示例区委办公室文件";
    const layout::Gongwen again = handbook::build_gongwen(site, hb, bodies.options, diags);
    CHECK(again.mark == "中共示例区委办公室文件");
    CHECK(again.issuer == "中共示例区委办公室");
}
