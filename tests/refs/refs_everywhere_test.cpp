// A `ref:` link resolves the same way in every Markdown container — table
// cell, heading, list item, quote, footnote, emphasis, strikethrough — in the
// portal (the page's HTML, read back as a DOM) and in the handbook (the
// chapter's spans). Regression: a ref inside a GFM table cell vanished from
// the portal with its text, because cmark refuses a custom inline there.
#include <catch2/catch.hpp>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <map>

#include "site/pipeline.h"
#include "core/memory_output.h"
#include "handbook/handbook.h"
#include "support/files.h"

using namespace chuxin;

namespace {

// One container each; the link text names the container, the target is the
// minutes page (or its checklist item c1 for the empty-text link).
const char* kCase = R"(---
title: 每种容器里的引用
---
## 标题里的[标题引用](ref:minutes/2026-04-21)

| 序号 | 说明 |
|:--|:--|
| c1 | 已销号，见[表格引用](ref:minutes/2026-04-21) |
| c2 | 空文字：[](ref:checklists/2026#c1) |

- 列表里的[列表引用](ref:minutes/2026-04-21)

> 引文里的[引文引用](ref:minutes/2026-04-21)

正文*强调里的[强调引用](ref:minutes/2026-04-21)*，~~删除线里的[删除线引用](ref:minutes/2026-04-21)~~，脚注[^1]。

[^1]: 脚注里的[脚注引用](ref:minutes/2026-04-21)。
)";

const char* kMinutes = "---\ntitle: 4月支部党员大会记录\nmeeting: 支部党员大会\ndate: 2026-04-21\n---\n会议记录。\n";
const char* kChecklist =
    "---\ntitle: 整改清单\nitems:\n  - id: c1\n    issue: 理论学习不够系统\n    status: 已销号\n"
    "    done_on: 2026-04-21\n---\n";
const char* kHandbook = "---\ntitle: 手册\ninclude: [cases/refs]\n---\n前言。\n";

// Link text → the element that must hold it (XPath step names).
const std::map<std::string, std::string> kContainers = {
    {"标题引用", "h2"},   {"表格引用", "td"},     {"列表引用", "li"},     {"引文引用", "blockquote"},
    {"强调引用", "em"},   {"删除线引用", "del"},  {"脚注引用", "section"},
};

struct DocOwner {
    htmlDocPtr doc;
    ~DocOwner() { xmlFreeDoc(doc); }
};

struct XPathContextOwner {
    xmlXPathContextPtr ctx;
    ~XPathContextOwner() { xmlXPathFreeContext(ctx); }
};

struct XPathObjectOwner {
    xmlXPathObjectPtr obj;
    ~XPathObjectOwner() { xmlXPathFreeObject(obj); }
};

// The href of each <a> whose text is `text` and which sits inside `element`.
std::vector<std::string> hrefs_inside(const std::string& html, const std::string& element, const std::string& text) {
    DocOwner doc{htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET)};
    REQUIRE(doc.doc);
    XPathContextOwner ctx{xmlXPathNewContext(doc.doc)};
    const std::string xpath = "//" + element + "//a[normalize-space(.)='" + text + "']";
    XPathObjectOwner found{xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx.ctx)};
    std::vector<std::string> out;
    if (!found.obj || !found.obj->nodesetval) return out;
    for (int i = 0; i < found.obj->nodesetval->nodeNr; ++i) {
        xmlChar* href = xmlGetProp(found.obj->nodesetval->nodeTab[i], reinterpret_cast<const xmlChar*>("href"));
        out.push_back(href ? reinterpret_cast<const char*>(href) : "");
        xmlFree(href);
    }
    return out;
}

struct Built {
    site::PreparedSite prepared;
    model::Site& site = prepared.site;
    MemoryOutput out;
    Diagnostics diags;
};

void build_fixture(const test::TempDir& dir, Built& b) {
    test::spit(dir.path / "site.yaml", "title: 测试站点\nbase_url: https://study.example.org/\nlanguage: zh-CN\n");
    test::spit(dir.path / "content/cases/refs.md", kCase);
    test::spit(dir.path / "content/minutes/2026-04-21.md", kMinutes);
    test::spit(dir.path / "content/checklists/2026.md", kChecklist);
    test::spit(dir.path / "content/handbooks/2026.md", kHandbook);
    site::BuildOptions opts;
    opts.site_root = dir.path.string();
    opts.as_of = Date{2026, 7, 1};
    // The PDF is laid out below from the prepared trees (so prepared for a
    // build with PDF: the handbook's trees are kept), not written by render_site.
    opts.pdf = site::PdfMode::Build;
    b.prepared = site::prepare(opts, b.diags);
    opts.pdf = site::PdfMode::Skip;
    REQUIRE(b.diags.error_count() == 0);
    site::render_site(b.prepared, opts, b.out, b.diags);
    REQUIRE(b.diags.error_count() == 0);
}

// Every span of `blocks`, a footnote's note spans after its mark.
void collect(const layout::Inlines& spans, std::vector<layout::Span>& out) {
    for (const layout::Span& s : spans) {
        out.push_back(s);
        collect(s.note, out);
    }
}

void collect(const std::vector<layout::Block>& blocks, std::vector<layout::Span>& out) {
    for (const layout::Block& b : blocks) {
        collect(b.inlines, out);
        for (const layout::TableRow& r : b.rows)
            for (const layout::TableCell& c : r.cells)
                collect(c.text, out);
        for (const layout::ListItem& i : b.items) collect(i.blocks, out);
        collect(b.children, out);
    }
}

}  // namespace

TEST_CASE("a ref resolves in every container, in the portal and in the handbook") {
    test::TempDir dir("refs-everywhere");
    Built b;
    build_fixture(dir, b);
    REQUIRE(b.out.has("cases/refs/index.html"));
    // The whole build parsed each body and each section intro exactly once.
    size_t intros = 0;
    for (const auto& [path, section] : b.site.sections) intros += section.intro_markdown.empty() ? 0 : 1;
    CHECK(b.prepared.documents.cmark_parses == b.site.pages.size() + intros);
    CHECK(b.prepared.documents.pages.size() == b.site.pages.size());
    // Only the trees the handbook walks outlive the markdown stage: its own
    // page and the one it includes (site/pipeline.cpp, trees_walked_later).
    for (size_t i = 0; i < b.site.pages.size(); ++i) {
        const std::string& id = b.site.pages[i].id;
        INFO(id);
        const bool in_book = id == "handbooks/2026" || id == "cases/refs";
        CHECK(static_cast<bool>(b.prepared.documents.pages[i]) == in_book);
        CHECK(markdown::render_html(b.prepared.documents.pages[i]).empty() == b.site.pages[i].body.empty());
    }
    const std::string& html = b.out.at("cases/refs/index.html");
    CHECK(html.find('\x1A') == std::string::npos);

    SECTION("portal") {
        for (const auto& [text, element] : kContainers) {
            INFO(text << " inside <" << element << ">");
            CHECK(hrefs_inside(html, element, text) == std::vector<std::string>{"../../minutes/2026-04-21/index.html"});
        }
        // Empty link text inside a cell: the item's title, linked to its anchor.
        CHECK(hrefs_inside(html, "td", "理论学习不够系统") ==
              std::vector<std::string>{"../../checklists/2026/index.html#c1"});
        CHECK(html.find("已销号，见<a href=\"../../minutes/2026-04-21/index.html\">表格引用</a>") != std::string::npos);
    }

    SECTION("handbook") {
        const int hb = b.site.by_id.at("handbooks/2026");
        handbook::HandbookOptions options;
        options.documents = &b.prepared.documents;
        const layout::Book book = handbook::build_book(b.site, b.site.pages[static_cast<size_t>(hb)], options, b.diags);
        std::vector<layout::Span> spans;
        for (const layout::Part& part : book.parts)
            for (const layout::Chapter& chapter : part.chapters) collect(chapter.blocks, spans);
        for (const auto& [text, element] : kContainers) {
            INFO(text);
            bool linked = false;
            for (const layout::Span& s : spans)
                // The minutes are outside the book: the link goes to the portal page.
                if (s.text == text) linked = s.uri == "https://study.example.org/minutes/2026-04-21/";
            CHECK(linked);
        }
        bool item_title = false;
        for (const layout::Span& s : spans)
            if (s.text == "理论学习不够系统") item_title = s.uri == "https://study.example.org/checklists/2026/#c1";
        CHECK(item_title);
    }
}
