// Raw HTML in Markdown bodies, in the handbook (content-format §1
// build.raw_html, §8 unsafe URLs): as text when raw_html is off, mapped onto
// layout blocks and spans when it is on.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/utf8.h"
#include "fixture_site.h"
#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "handbook/body.h"
#include "handbook/handbook.h"
#include "pdf/writer.h"
#include "support/files.h"
#include "support/tools.h"

using namespace chuxin;
using namespace chuxin::layout;

using handbook_test::collect_spans;

namespace {

enum class RawHtml { Off, On };

// The body of the fixture's "about" page (content/about.md, body from line 12).
struct Converted {
    Converted(const std::string& body, RawHtml raw) {
        model::Site site = handbook_test::fixture_site();
        site.config.raw_html = raw == RawHtml::On;
        model::Page& page = site.pages[static_cast<size_t>(site.by_id.at("about"))];
        page.body = body;
        const std::set<int> in_book;
        const handbook_test::Bodies bodies(site);
        const markdown::Document* doc = bodies.docs.page(static_cast<size_t>(site.by_id.at("about")));
        blocks = handbook::body_blocks(handbook::BodyContext{site, page, in_book, diags, doc});
    }
    std::vector<Block> blocks;
    Diagnostics diags;
};

// Diagnostics cannot move: the result is built in place (C++17 elision).
Converted convert(const std::string& body, RawHtml raw) { return Converted(body, raw); }

std::string text_of(const Inlines& in) {
    std::string s;
    for (const Span& sp : in) s += sp.kind == SpanKind::LineBreak ? "|" : sp.text;
    return s;
}

std::string all_text(const std::vector<Block>& blocks) {
    std::vector<Span> spans;
    collect_spans(blocks, spans);
    std::string s = text_of(spans);
    for (const Block& b : blocks) s += b.code + b.alt;
    return s;
}

const Span* span_with(const std::vector<Block>& blocks, const std::string& text) {
    static std::vector<Span> spans;
    spans.clear();
    collect_spans(blocks, spans);
    for (const Span& s : spans)
        if (s.text == text) return &s;
    return nullptr;
}

// The style of the span set as `text`; -1 when there is none.
int flags_of(const std::vector<Block>& blocks, const std::string& text) {
    const Span* s = span_with(blocks, text);
    return s ? static_cast<int>(s->flags) : -1;
}

std::string uri_of(const std::vector<Block>& blocks, const std::string& text) {
    const Span* s = span_with(blocks, text);
    return s ? s->uri : "(no span)";
}

}  // namespace

TEST_CASE("raw_html off: an HTML block is a paragraph of its text, as the portal shows it") {
    const Converted c = convert("前文。\n\n<div class=\"note\">\n  <b>注意</b>   事项\n</div>\n\n后文。\n", RawHtml::Off);
    REQUIRE(c.blocks.size() == 3);
    const Block& b = c.blocks[1];
    CHECK(b.kind == BlockKind::Paragraph);  // not a grey code box
    CHECK(b.align == Align::Left);
    // One line per source line, spaces collapsed as the browser does.
    CHECK(text_of(b.inlines) == "<div class=\"note\">|<b>注意</b> 事项|</div>");
    for (const Span& s : b.inlines) CHECK(s.flags == kPlain);
    CHECK(b.pos.line == 12 + 2);
    for (const Block& k : c.blocks) CHECK(k.kind != BlockKind::Code);
}

TEST_CASE("raw_html off: inline HTML is literal text, not obeyed") {
    const Converted c = convert("这是<b>加粗</b>和<a href=\"https://x.example/\">链接</a>。\n", RawHtml::Off);
    REQUIRE(c.blocks.size() == 1);
    CHECK(text_of(c.blocks[0].inlines) == "这是<b>加粗</b>和<a href=\"https://x.example/\">链接</a>。");
    for (const Span& s : c.blocks[0].inlines) {
        CHECK(s.flags == kPlain);
        CHECK(s.uri.empty());
    }
}

TEST_CASE("raw_html on: inline tags over several cmark nodes style the text between them") {
    const Converted c = convert(
        "这是<b>加粗*与强调*</b>，<i>斜体</i>、<del>删除</del>、<kbd>Ctrl</kbd>、"
        "<span>普通</span>和<a href=\"https://x.example/a?b=1&amp;c=2\">链接<strong>粗</strong></a>。\n"
        "危险<a href=\"javascript:alert(1)\">链接</a>，<q>引语</q>，换行<br>之后。\n",
        RawHtml::On);
    REQUIRE(c.blocks.size() == 1);
    const Block& p = c.blocks[0];
    CHECK(text_of(p.inlines) == "这是加粗与强调，斜体、删除、Ctrl、普通和链接粗。危险链接，“引语”，换行|之后。");
    const Span* bold = span_with(c.blocks, "加粗");
    REQUIRE(bold);
    CHECK(bold->flags == kStrong);
    CHECK(flags_of(c.blocks, "与强调") == int((kStrong | kEmphasis)));
    CHECK(flags_of(c.blocks, "，") == int(kPlain));  // after </b>
    CHECK(flags_of(c.blocks, "斜体") == int(kEmphasis));
    CHECK(flags_of(c.blocks, "删除") == int(kStrike));
    CHECK(flags_of(c.blocks, "Ctrl") == int(kCode));
    CHECK(flags_of(c.blocks, "普通") == int(kPlain));
    const Span* link = nullptr;
    int links = 0;
    for (const Span& s : p.inlines)
        if (s.text == "链接") {
            ++links;
            if (!link) link = &s;
            else CHECK(s.uri.empty());  // javascript: dropped
        }
    REQUIRE(links == 2);
    CHECK(link->uri == "https://x.example/a?b=1&c=2");  // entity decoded
    CHECK(flags_of(c.blocks, "粗") == int(kStrong));
    CHECK(uri_of(c.blocks, "粗") == "https://x.example/a?b=1&c=2");
}

TEST_CASE("raw_html on: <br> before a line end starts the next line without a space") {
    const Converted c = convert("first line<br>\nsecond line\n", RawHtml::On);
    REQUIRE(c.blocks.size() == 1);
    CHECK(text_of(c.blocks[0].inlines) == "first line|second line");
}

TEST_CASE("raw_html on: a <table> block becomes a Table with header rows") {
    const Converted c = convert(
        "<table>\n<caption>学习安排</caption>\n<thead><tr><th>序号</th><th align=\"right\">内容</th></tr></thead>\n"
        "<tbody>\n<tr><td>1</td><td><b>党章</b> &amp; 条例</td></tr>\n"
        "<tr><td style=\"text-align: center; border-right: 1px\">2</td><td><p>第一段</p><p>第二段</p></td></tr>\n</tbody>\n</table>\n",
        RawHtml::On);
    REQUIRE(c.blocks.size() == 2);
    CHECK(c.blocks[0].kind == BlockKind::Paragraph);  // the caption, above
    CHECK(text_of(c.blocks[0].inlines) == "学习安排");
    const Block& t = c.blocks[1];
    REQUIRE(t.kind == BlockKind::Table);
    CHECK(t.header_rows == 1);
    REQUIRE(t.rows.size() == 3);
    CHECK(text_of(t.rows[0].cells[0].text) == "序号");
    CHECK(t.rows[0].cells[0].align == Align::Center);  // <th> as a browser sets it
    CHECK(t.rows[0].cells[1].align == Align::Right);
    CHECK(text_of(t.rows[1].cells[1].text) == "党章 & 条例");
    CHECK(t.rows[1].cells[1].text[0].flags == kStrong);
    CHECK(t.rows[2].cells[0].align == Align::Center);
    CHECK(text_of(t.rows[2].cells[1].text) == "第一段|第二段");  // blocks in a cell: lines
}

TEST_CASE("raw_html on: a table without <thead> counts its leading <th> rows as header rows") {
    const Converted c = convert("<table><tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>\n",
                                RawHtml::On);
    REQUIRE(c.blocks.size() == 1);
    CHECK(c.blocks[0].kind == BlockKind::Table);
    CHECK(c.blocks[0].header_rows == 1);
    CHECK(c.blocks[0].rows.size() == 2);
}

TEST_CASE("raw_html on: block elements map onto headings, lists, quotes, code, rules, images") {
    const Converted c = convert(
        "## 章节\n\n"
        "<div align=\"center\">\n<h3>小标题</h3>\n<p>居中的话</p>\n</div>\n\n"
        "<ul>\n<li>一</li>\n<li>二\n<ol start=\"3\"><li>二之三</li></ol>\n</li>\n</ul>\n\n"
        "<blockquote><p>引文</p></blockquote>\n\n"
        "<pre>\nint main() {\n    return 0;\n}\n</pre>\n\n"
        "<hr>\n\n"
        "<p><img src=\"/banner.png\" alt=\"宣传栏\"></p>\n",
        RawHtml::On);
    std::vector<BlockKind> kinds;
    for (const Block& b : c.blocks) kinds.push_back(b.kind);
    REQUIRE(kinds == std::vector<BlockKind>{BlockKind::Heading, BlockKind::Heading, BlockKind::Paragraph,
                                            BlockKind::List, BlockKind::Quote, BlockKind::Code, BlockKind::Rule,
                                            BlockKind::Image});
    const Block& h3 = c.blocks[1];
    CHECK(text_of(h3.inlines) == "小标题");
    CHECK(h3.level == 2);  // <h3> under a `##` outline: the second rank
    CHECK_FALSE(h3.in_toc);
    CHECK(c.blocks[2].align == Align::Center);
    CHECK_FALSE(c.blocks[2].indent);
    const Block& list = c.blocks[3];
    CHECK_FALSE(list.ordered);
    REQUIRE(list.items.size() == 2);
    REQUIRE(list.items[1].blocks.size() == 2);
    CHECK(text_of(list.items[1].blocks[0].inlines) == "二");
    const Block& inner = list.items[1].blocks[1];
    CHECK(inner.kind == BlockKind::List);
    CHECK(inner.ordered);
    CHECK(inner.start == 3);
    REQUIRE(c.blocks[4].children.size() == 1);
    CHECK(text_of(c.blocks[4].children[0].inlines) == "引文");
    CHECK(c.blocks[5].code == "int main() {\n    return 0;\n}");
    CHECK(c.blocks[7].path == "static/banner.png");
    CHECK(c.blocks[7].alt == "宣传栏");
    CHECK(c.blocks[7].pos.line == 12 + 25 - 1);  // body line 25
}

TEST_CASE("raw_html on: script, style and their kin never reach the page") {
    const Converted c = convert(
        "<script>alert('block')</script>\n\n"
        "<style>p { color: red }</style>\n\n"
        "<!-- 编者按：COMMENT -->\n\n"
        "<div>可见<noscript>NOSCRIPT</noscript><template>TEMPLATE</template><iframe>IFRAME</iframe></div>\n\n"
        "文字<script>alert('inline')</script>继续。\n",
        RawHtml::On);
    const std::string text = all_text(c.blocks);
    for (const char* hidden : {"alert", "color", "COMMENT", "NOSCRIPT", "TEMPLATE", "IFRAME", "script"})
        CHECK(text.find(hidden) == std::string::npos);
    CHECK(text.find("可见") != std::string::npos);
    CHECK(text.find("文字继续。") != std::string::npos);
}

TEST_CASE("raw_html on: white space collapses as in a browser, with no space between Chinese lines") {
    const Converted c = convert("<p>\n  党的理论\n  创新成果，\n  GB/T   9704\n  &amp; &lt;标准&gt;&nbsp;要求，<b>加粗</b> 之后\n</p>\n",
                                RawHtml::On);
    REQUIRE(c.blocks.size() == 1);
    CHECK(text_of(c.blocks[0].inlines) == "党的理论创新成果，GB/T 9704 & <标准>\u00a0要求，加粗 之后");
    CHECK(flags_of(c.blocks, "加粗") == int(kStrong));  // the space after </b> is not bold
}

TEST_CASE("raw_html on: characters beyond U+FFFF in HTML take the Markdown warning path") {
    const Converted c = convert("说明。\n\n<p>生僻字\xF0\xA0\xAE\xB7在此</p>\n", RawHtml::On);
    CHECK(all_text(c.blocks).find("生僻字〓在此") != std::string::npos);
    REQUIRE(c.diags.warning_count() == 1);
    const std::vector<Diagnostic> all = c.diags.sorted();
    const Diagnostic& d = all.front();
    CHECK(d.message.find("U+FFFF") != std::string::npos);
    CHECK(d.pos.file == "content/about.md");
    CHECK(d.pos.line == 12 + 2);
}

TEST_CASE("unsafe link schemes never become PDF link actions") {
    const Converted c = convert("[本地](file:///etc/passwd) [脚本](javascript:alert(1)) [网站](https://x.example/)\n",
                                RawHtml::Off);
    CHECK(uri_of(c.blocks, "本地").empty());
    CHECK(uri_of(c.blocks, "脚本").empty());
    CHECK(uri_of(c.blocks, "网站") == "https://x.example/");
}

// Untrusted input: random mixes of tags, text, entities and line ends. With
// raw_html on nothing inside <script>/<style> is ever set; with it off all
// text is shown; never a crash, always valid UTF-8 (fixed seed: reproducible).
TEST_CASE("raw_html: random HTML-ish bodies never leak script text nor crash") {
    const std::vector<std::string> pieces = {
        "<b>", "</b>", "<i>", "</i>", "<a href=\"https://x.example/\">", "<a href=\"javascript:x\">", "</a>",
        "<p>", "</p>", "<div align=\"center\">", "</div>", "<table>", "<tr>", "<th>", "<td>", "</td>", "</tr>",
        "</table>", "<ul>", "<li>", "</ul>", "<ol start=\"x\">", "</ol>", "<pre>", "</pre>", "<br>", "<hr>",
        "<img src=\"none.png\" alt=\"图\">", "<q>", "</q>", "<blockquote>", "</blockquote>", "<h2>", "</h2>",
        "<script>SECRET</script>", "<style>SECRET</style>", "<!-- c -->", "&amp;", "&nbsp;", "&#x4E2D;", "&bogus;",
        "党的", "理论", "word", " ", "  ", "\n", "\n\n", "*强调*", "**粗**", "<", ">", "\xF0\xA0\xAE\xB7", "\xE4\xB8"};
    std::mt19937 rng(20260101);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 40);
    for (int round = 0; round < 150; ++round) {
        std::string body;
        for (size_t n = length(rng); n > 0; --n) body += pieces[pick(rng)];
        INFO(body);
        const Converted on = convert(body, RawHtml::On);
        const std::string text = all_text(on.blocks);
        CHECK(text.find("SECRET") == std::string::npos);
        CHECK(utf8::encode(utf8::decode(text)) == text);
        const Converted off = convert(body, RawHtml::Off);
        for (const Block& b : off.blocks) CHECK(b.kind != BlockKind::Code);
        if (body.find("SECRET") != std::string::npos) CHECK(all_text(off.blocks).find("SECRET") != std::string::npos);
    }
}

namespace {

std::string run(const std::string& command) { return test::run_tool(command).out; }

}  // namespace

TEST_CASE("raw_html on: the PDF shows the HTML table's text and no script (pdftotext)") {
    model::Site site = handbook_test::fixture_site();
    site.config.raw_html = true;
    model::Page& minutes = site.pages[static_cast<size_t>(site.by_id.at("minutes/2026-03-03"))];
    minutes.body = "会议学习了<b>党章</b>。\n\n"
                   "<table><thead><tr><th>议程</th><th>发言人</th></tr></thead>"
                   "<tbody><tr><td>传达精神</td><td>李某</td></tr></tbody></table>\n\n"
                   "<script>document.write('泄露')</script>\n";
    Diagnostics diags;
    const fonts::SystemWorld world(site.root, 1767225600);
    auto fonts = fonts::FontSet::load(fonts::FontConfig{}, world, diags);
    REQUIRE(fonts);
    handbook_test::Bodies bodies(site);
    const model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    const std::string bytes = pdf::write_pdf(handbook::build_handbook(site, hb, *fonts, world, bodies.options, diags), *fonts, world, diags);
    const test::TempDir dir("raw-html");
    const auto path = dir.path / "raw-html.pdf";
    test::spit(path, bytes);
    std::string text;
    for (char ch : run("pdftotext -enc UTF-8 " + path.string() + " -"))
        if (ch != ' ' && ch != '\n') text += ch;
    CHECK(text.find("会议学习了党章。") != std::string::npos);
    CHECK(text.find("议程") != std::string::npos);
    CHECK(text.find("传达精神") != std::string::npos);
    CHECK(text.find("泄露") == std::string::npos);
    CHECK(text.find("<table>") == std::string::npos);
}
