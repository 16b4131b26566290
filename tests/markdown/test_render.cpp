// GFM features, summaries and raw HTML handling of the Markdown stage.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "markdown/plain_text.h"
#include "core/url_safety.h"

using namespace chuxin;
using test::contains;
using test::html_of;

TEST_CASE("GFM tables render with alignment", "[render][gfm]") {
    std::string html = html_of("| 事项 | 时限 |\n|:---|---:|\n| 自学 | 3月 |\n");
    CHECK(contains(html, "<table>"));
    CHECK(contains(html, "<th align=\"left\">事项</th>"));
    CHECK(contains(html, "<td align=\"right\">3月</td>"));
}

TEST_CASE("GFM task lists, strikethrough and autolinks render", "[render][gfm]") {
    std::string html = html_of("- [x] 已完成\n- [ ] 未完成\n\n~~删除~~ 见 https://www.gov.cn 与 www.12371.cn\n");
    CHECK(contains(html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"已完成\" /> 已完成"));
    CHECK(contains(html, "<input type=\"checkbox\" disabled=\"\" aria-label=\"未完成\" /> 未完成"));
    CHECK(contains(html, "<del>删除</del>"));
    CHECK(contains(html, "<a href=\"https://www.gov.cn\">https://www.gov.cn</a>"));
    CHECK(contains(html, "<a href=\"http://www.12371.cn\">www.12371.cn</a>"));
}

TEST_CASE("footnotes render as a footnote section", "[render][gfm]") {
    std::string html = html_of("正文[^note]。\n\n[^note]: 出自《党章》。\n");
    CHECK(contains(html, "class=\"footnote-ref\""));
    CHECK(contains(html, "<section class=\"footnotes\""));
    CHECK(contains(html, "出自《党章》。"));
}

TEST_CASE("summary is the first paragraph's plain text", "[render][summary]") {
    auto page = test::rendered("# 标题\n\n![图](a.png)\n\n第一段**重点**，`代码`\n继续一行。\n\n第二段。\n");
    CHECK(page.summary == "第一段重点，代码继续一行。");  // no space at a Chinese line break
    auto latin = test::rendered("First line\nsecond line.\n");
    CHECK(latin.summary == "First line second line.");
}

TEST_CASE("summary is cut at 120 characters with an ellipsis", "[render][summary]") {
    std::string long_text;
    for (int i = 0; i < 130; ++i) long_text += "学";
    auto page = test::rendered(long_text + "\n");
    CHECK(page.summary.size() == 119 * 3 + std::string("…").size());
    CHECK(page.summary.substr(page.summary.size() - 3) == "…");
    std::string exactly;
    for (int i = 0; i < 120; ++i) exactly += "习";
    CHECK(test::rendered(exactly + "\n").summary == exactly);
}

TEST_CASE("a summary from front matter is kept", "[render][summary]") {
    auto page = test::page_with_body("正文第一段。\n");
    page.summary = "自定义摘要";
    Diagnostics diags;
    const std::string body_html = test::render_into(page, {}, diags);
    CHECK(page.summary == "自定义摘要");
}

TEST_CASE("footnote text is never the summary", "[render][summary]") {
    auto page = test::rendered("[^1]: 脚注内容\n\n# 只有标题\n");
    CHECK(page.summary.empty());
}

TEST_CASE("normalize_space and cut_summary", "[render][summary]") {
    CHECK(markdown::normalize_space("  a \n b  ") == "a b");
    CHECK(markdown::normalize_space("中文\n中文") == "中文中文");
    // Stray bytes become U+FFFD; well-formed text is kept byte for byte.
    CHECK(markdown::normalize_space("a\xFF b\n\xE5\xAD") == "a\xEF\xBF\xBD b \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(markdown::normalize_space("\xEF\xBF\xBD 𠀀“x”") == "\xEF\xBF\xBD 𠀀“x”");
    CHECK(markdown::normalize_space("中文\nabc") == "中文 abc");
    CHECK(markdown::normalize_space("句号。\n下一句") == "句号。下一句");
    CHECK(markdown::cut_summary("abcdef", 4) == "abc…");
    CHECK(markdown::cut_summary("abcd", 4) == "abcd");
}

TEST_CASE("raw HTML is shown as text unless raw_html is on", "[render][raw]") {
    std::string md = "<div align=\"center\">\n标题\n</div>\n\n段落 <b>粗</b> 与 <span style=\"color:red\">红</span>\n";
    std::string off = html_of(md);
    CHECK(contains(off, "<p class=\"raw-html\">&lt;div align=&quot;center&quot;&gt;<br />\n标题<br />\n&lt;/div&gt;</p>"));
    CHECK(contains(off, "段落 &lt;b&gt;粗&lt;/b&gt; 与 &lt;span style=&quot;color:red&quot;&gt;红&lt;/span&gt;"));
    CHECK_FALSE(contains(off, "<div"));
    CHECK_FALSE(contains(off, "<b>"));

    std::string on = html_of(md, true);
    CHECK(contains(on, "<div align=\"center\">\n标题\n</div>"));
    CHECK(contains(on, "段落 <b>粗</b> 与 <span style=\"color:red\">红</span>"));
}

TEST_CASE("raw_html on still applies the GFM tag filter", "[render][raw]") {
    std::string on = html_of("<script>alert(1)</script>\n\n段落<iframe src=x></iframe><style>p{}</style>\n", true);
    CHECK_FALSE(contains(on, "<script"));
    CHECK_FALSE(contains(on, "<iframe"));
    CHECK_FALSE(contains(on, "<style"));
    CHECK(contains(on, "&lt;script>"));
}

TEST_CASE("parse_fragment parses a section intro and collects its refs", "[render]") {
    std::vector<model::Ref> refs;
    refs.push_back({});  // earlier refs stay; indexes continue after them
    Diagnostics diags;
    std::string html = markdown::render_html(
        markdown::parse_fragment("## 简介\n\n见[](ref:cases/a)。\n", "content/cases/_index.md", 4, {}, refs, diags));
    REQUIRE(refs.size() == 2);
    CHECK(refs[1].text == "cases/a");
    CHECK(refs[1].pos.line == 6);
    CHECK(refs[1].pos.file == "content/cases/_index.md");
    CHECK(contains(html, "<h2 id=\"简介\">简介</h2>"));
    CHECK(contains(html, "\x1AR1\x1A\x1A/\x1A"));
}

TEST_CASE("parse_site parses all bodies and section intros, same result on 2 threads", "[render]") {
    auto make_site = [] {
        model::Site site;
        for (int i = 0; i < 40; ++i) {
            auto page = test::page_with_body("# 第" + std::to_string(i) + "篇\n\n正文[链接](ref:p" + std::to_string(i) + ")。\n");
            page.id = "p" + std::to_string(i);
            site.pages.push_back(page);
        }
        model::Section section;
        section.path = "cases";
        section.source = "content/cases/_index.md";
        section.intro_markdown = "介绍[](ref:p1)\n";
        section.intro_body_line = 3;
        site.sections["cases"] = section;
        return site;
    };
    model::Site one = make_site(), two = make_site();
    Diagnostics d1, d2;
    markdown::Documents docs_one = markdown::parse_site(one, {}, d1, 1);
    markdown::Documents docs_two = markdown::parse_site(two, {}, d2, 2);
    for (size_t i = 0; i < one.pages.size(); ++i) {
        CHECK(markdown::render_html(docs_one.pages[i]) == markdown::render_html(docs_two.pages[i]));
        CHECK(docs_one.pages[i].source_hash() == markdown::source_hash_of(one.pages[i].body));
        CHECK(one.pages[i].body_refs.size() == 1);
        CHECK(one.pages[i].summary == two.pages[i].summary);
    }
    CHECK(one.sections["cases"].intro_refs.size() == 1);
    CHECK(one.sections["cases"].intro_refs[0].pos.line == 3);
    REQUIRE(docs_one.intro("cases"));
    CHECK(contains(markdown::render_html(*docs_one.intro("cases")), "介绍"));
    // Exactly one cmark parse per page body and per section intro.
    CHECK(docs_one.cmark_parses == one.pages.size() + 1);
}

TEST_CASE("parse_site keeps only the trees it is asked to keep; every page keeps its HTML", "[render]") {
    auto make_site = [] {
        model::Site site;
        for (int i = 0; i < 6; ++i) {
            auto page = test::page_with_body("## 第" + std::to_string(i) + "节\n\n正文 *强调* [链接](ref:p0)。\n");
            page.id = "p" + std::to_string(i);
            site.pages.push_back(page);
        }
        return site;
    };
    model::Site all_site = make_site(), some_site = make_site();
    Diagnostics d1, d2;
    const markdown::Documents all = markdown::parse_site(all_site, {}, d1, 2);
    markdown::TreesKept kept;
    kept.all = false;
    kept.pages = {false, true, false, false, true};  // page 5: past the end, not kept
    const markdown::Documents some = markdown::parse_site(some_site, {}, d2, 2, kept);
    for (size_t i = 0; i < all.pages.size(); ++i) {
        INFO("page " << i);
        CHECK(static_cast<bool>(all.pages[i]));
        CHECK(static_cast<bool>(some.pages[i]) == (i == 1 || i == 4));
        CHECK(contains(markdown::render_html(some.pages[i]), "<em>强调</em>"));
        CHECK(markdown::render_html(some.pages[i]) == markdown::render_html(all.pages[i]));
        CHECK(some.pages[i].headings().size() == 1);
        CHECK(some_site.pages[i].body_refs.size() == 1);
    }
    CHECK(some.cmark_parses == all.cmark_parses);
}

TEST_CASE("empty-text refs leave a marker in the summary for the graph", "[render][summary]") {
    auto page = test::rendered("详见[](ref:cases/a)与<ref:cases/b>和[老支书](ref:cases/c)。\n");
    CHECK(page.summary == "详见\x1AR0\x1A与\x1AR1\x1A和老支书。");
    auto heading = test::rendered("## 参见 <ref:cases/b>\n");
    CHECK(heading.headings[0].text == "参见");
}

TEST_CASE("summary prefers a top-level paragraph to a list or quote", "[render][summary]") {
    CHECK(test::rendered("- 议程一\n- 议程二\n\n会议由李某主持。\n").summary == "会议由李某主持。");
    CHECK(test::rendered("> 引言一句\n\n正文第一段。\n").summary == "正文第一段。");
    CHECK(test::rendered("- [x] 只有清单\n- 第二项\n").summary == "只有清单");
    CHECK(test::rendered("| a |\n|---|\n| 表格 |\n").summary.empty());
}

TEST_CASE("relative image and link URLs point where their files are copied", "[render][assets]") {
    // content/schedules/2026.md is /schedules/2026/; content/schedules/h1.png
    // is copied to /schedules/h1.png: from the page that is ../../schedules/.
    model::Page page = test::page_with_body(
        "![图](h1.png) [表](files/表.pdf) [站内](/about/) [外](https://www.12371.cn/) [锚](#a) "
        "![上一级](../x.png) [邮件](mailto:a@b.cn)\n");
    page.path = "content/schedules/2026.md";
    page.rel = "schedules/2026.md";
    page.url = "/schedules/2026/";
    CHECK(markdown::asset_base_of(page) == "../../schedules/");
    Diagnostics diags;
    const std::string body_html = test::render_into(page, {}, diags);
    const std::string& html = body_html;
    CHECK(contains(html, "src=\"../../schedules/h1.png\""));
    CHECK(contains(html, "href=\"../../schedules/files/%E8%A1%A8.pdf\""));
    CHECK(contains(html, "src=\"../../schedules/../x.png\""));
    CHECK(contains(html, "href=\"/about/\""));
    CHECK(contains(html, "href=\"https://www.12371.cn/\""));
    CHECK(contains(html, "href=\"#a\""));
    CHECK(contains(html, "href=\"mailto:a@b.cn\""));
    // A page at the top of content/ and the home page.
    model::Page about = test::page_with_body("");
    about.rel = "about.md";
    about.url = "/about/";
    CHECK(markdown::asset_base_of(about) == "../");
}

TEST_CASE("is_relative_reference follows RFC 3986", "[render][assets]") {
    using chuxin::is_relative_reference;
    CHECK(is_relative_reference("a.png"));
    CHECK(is_relative_reference("图/表.png"));
    CHECK(is_relative_reference("../a.png"));
    CHECK(is_relative_reference("./a:b.png") );
    CHECK(is_relative_reference("1a:b"));  // a scheme starts with a letter
    CHECK_FALSE(is_relative_reference(""));
    CHECK_FALSE(is_relative_reference("/a.png"));
    CHECK_FALSE(is_relative_reference("//cdn.example/a.png"));
    CHECK_FALSE(is_relative_reference("#top"));
    CHECK_FALSE(is_relative_reference("?q=1"));
    CHECK_FALSE(is_relative_reference("http://a"));
    CHECK_FALSE(is_relative_reference("mailto:a@b.cn"));
    CHECK_FALSE(is_relative_reference("ref:cases/x"));
}
