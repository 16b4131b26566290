// Property: with raw_html off, no script reaches a page from Markdown, however
// the hostile pieces below are combined, nested and mutated (brief:
// "untrusted content is escaped"). Each generated body is rendered, its ref:
// placeholders expanded against a site with hostile titles, and the HTML read
// by two independent readers (our tokenizer and libxml2's HTML parser).
#include <catch2/catch.hpp>

#include <random>

#include "helpers.h"
#include "html_checker.h"
#include "markdown/refs.h"

using namespace chuxin;

namespace {

const std::vector<std::string> kPieces = {
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.cn/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=javascript:alert(1)>",
    "<div onmouseover=\"alert(1)\">悬停</div>", "<!-- <script> -->", "<![CDATA[<script>]]>", "<?php echo 1 ?>",
    "<!DOCTYPE html>", "[链接](javascript:alert(1))", "[链接](JaVaScRiPt:alert(1) \"t\\\" onerror=\\\"x\")",
    "[x](<javascript:alert(1)>)", "[x](<java\tscript:alert(1)>)", "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#58;alert(1))", "[x](&#x6a;&#x61;vascript:alert(1))",
    "![img](x \"\\\" onerror=alert(1) \\\"\")", "![img](javascript:alert(1))",
    "![img](data:text/html;base64,PHNjcmlwdD4=)", "![img](data:image/svg+xml,<svg onload=alert(1)>)",
    "<javascript:alert(1)>", "<vbscript:msgbox(1)>", "<data:text/html,<script>alert(1)</script>>",
    "[r]: javascript:alert(1) \"title\"", "[r]", "[r][]", "[a](ref:x\"><script>alert(1)</script>)",
    "[](ref:x)", "[](ref:x#c1)", "<ref:x>", "[t](ref:missing)", "[<b onclick=1>t</b>](ref:x)",
    "&lt;script&gt;", "&#60;script&#62;", "&#x3C;script&#x3E;", "&#0;&#1;&#26;&#x1A;&#127;",
    "`<script>`", "```\n<script>\n```", "``` <script>\nx\n```",
    "| <script> | <img src=x onerror=1> |\n|---|---|\n| a | [x](javascript:y) |", "- [ ] <b onclick=1>x</b>",
    "[^1]\n\n[^1]: <script>alert(1)</script>", "[^<script>]\n\n[^<script>]: x",
    "**<img src=x onerror=alert(1)>**", "[![a](javascript:x)](javascript:y)",
    "www.example.com/<script>alert(1)</script>", "https://example.com/\"onmouseover=\"alert(1)",
    "\x1AR0\x1A", "&#26;R0&#26;&#x1a;/&#x1A;", "\x1AH0\x1A", "<style>body{}</style>", "<object data=x>",
    "<embed src=x>", "<form action=javascript:x>", "<a href='x' onclick='y'>", "<x onerror=1>",
    "< img src=x onerror=1>", "<img\nsrc=x\nonerror=1>", "<img src=`x` onerror=1>",
    "# <script>alert(1)</script>", "## [x](javascript:1) <img src=x onerror=1>", "标题\n===",
    "> <script>", "\\<script>", "<http://a.cn/\"onclick=\"x>", "<a/href=javascript:x>",
    "<math><mi xlink:href=\"javascript:alert(1)\">", "<base href=javascript:/>", "<meta http-equiv=refresh>",
    "~~<script>~~", "*<img src=x onerror=1>*", "[x]( javascript:alert(1) )", "[x](javascript&colon;alert(1))",
    "[x](data:text/html,<script>)", "[x](file:///etc/passwd)", "![x](vbscript:x)", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
};
const std::string kNoise = "<>\"'`=&#;:/\\ \n\t[]()!*_~|-";
const std::vector<std::string> kJoins = {"", " ", "\n", "\n\n", "\n> ", "\n- ", "\n1. ", "\n| ", "\t", "    "};

std::string generate(std::mt19937& rng) {
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    std::string doc;
    size_t pieces = 1 + pick(8);
    for (size_t i = 0; i < pieces; ++i) {
        doc += kJoins[pick(kJoins.size())];
        std::string piece = kPieces[pick(kPieces.size())];
        if (pick(4) == 0)  // flip the case of some letters
            for (char& c : piece)
                if (std::isalpha(static_cast<unsigned char>(c)) && pick(2)) c ^= 0x20;
        if (pick(3) == 0)  // sprinkle noise
            for (size_t k = pick(4) + 1; k > 0; --k) piece.insert(pick(piece.size() + 1), 1, kNoise[pick(kNoise.size())]);
        doc += piece;
    }
    return doc;
}

model::Site hostile_site() {
    model::Site site;
    model::Page target;
    target.id = "x";
    target.title = "<script>alert('title')</script>";
    model::Checklist checklist;
    checklist.items.push_back({});
    checklist.items.back().id = "c1";
    checklist.items.back().issue = "<img src=x onerror=alert(1)>";
    target.data = checklist;
    site.pages.push_back(target);
    site.by_id["x"] = 0;
    return site;
}

// Resolves what the generator's refs can name, as the graph would.
void resolve_for_test(model::Page& page) {
    for (auto& ref : page.body_refs) {
        if (ref.text == "x") ref.page = 0;
        if (ref.text == "x#c1") {
            ref.page = 0;
            ref.anchor = "c1";
        }
    }
}

std::string describe(const std::vector<std::string>& findings) {
    std::string out;
    for (const auto& f : findings) out += f + "; ";
    return out;
}

}  // namespace

TEST_CASE("XSS property: raw_html off lets no script through", "[safety][property]") {
    std::mt19937 rng(20260301);
    model::Site site = hostile_site();
    auto href_for = [](const model::Page&, const std::string& anchor) {
        return "/x/\"><script>alert(2)</script>#" + anchor;  // hostile on purpose: must be escaped
    };
    for (int round = 0; round < 3000; ++round) {
        std::string body = generate(rng);
        auto page = test::page_with_body(body);
        Diagnostics diags;
        const std::string body_html = test::render_into(page, {}, diags);
        resolve_for_test(page);
        std::string html = markdown::expand_refs(body_html, page, site, href_for);
        INFO("body: " << body);
        INFO("html: " << html);
        auto ours = test::unsafe_findings(html);
        CHECK(describe(ours) == "");
        auto theirs = test::libxml2_findings(html);
        CHECK(describe(theirs) == "");
        CHECK(html.find('\x1A') == std::string::npos);
        CHECK(html.find('\0') == std::string::npos);
        if (!ours.empty() || !theirs.empty()) break;  // one counterexample is enough
    }
}

TEST_CASE("XSS property: raw_html on keeps GFM's tag filter", "[safety][property]") {
    std::mt19937 rng(7);
    markdown::MarkdownOptions options;
    options.raw_html = true;
    for (int round = 0; round < 1500; ++round) {
        std::string body = generate(rng);
        auto page = test::page_with_body(body);
        Diagnostics diags;
        const std::string body_html = test::render_into(page, options, diags);
        INFO("body: " << body);
        auto found = test::tagfilter_findings(body_html);
        CHECK(describe(found) == "");
        if (!found.empty()) break;
    }
}

TEST_CASE("the checker itself catches what it should", "[safety][property]") {
    CHECK_FALSE(test::unsafe_findings("<p><img src=x onerror=alert(1)></p>").empty());
    CHECK_FALSE(test::unsafe_findings("<a href=\"&#106;avascript:x\">a</a>").empty());
    CHECK_FALSE(test::unsafe_findings("<script>x</script>").empty());
    CHECK_FALSE(test::unsafe_findings("<!-- x -->").empty());
    CHECK(test::unsafe_findings("<p>a &lt;script&gt; onerror=1</p>").empty());
    CHECK_FALSE(test::libxml2_findings("<div><img src=x onerror=alert(1)></div>").empty());
    CHECK_FALSE(test::libxml2_findings("<p><a href=\" javascript:x\">a</a></p>").empty());
    CHECK(test::libxml2_findings("<p>&lt;script&gt;</p>").empty());
    CHECK_FALSE(test::tagfilter_findings("<SCRIPT>").empty());
}

TEST_CASE("fuzz: arbitrary bytes render safely", "[safety][property]") {
    std::mt19937 rng(1234);
    const std::string alphabet = "<>[]()!*_`~|#&;:/\\\"'=- \n\t\r\x1A\x01\x7F" "ref:javascript" "中文《》";
    auto valid_utf8 = [](const std::string& s) {
        for (size_t i = 0; i < s.size();) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
            if (len == 0 || i + len > s.size()) return false;
            for (size_t k = 1; k < len; ++k)
                if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
            i += len;
        }
        return true;
    };
    model::Site site = hostile_site();
    auto href_for = [](const model::Page&, const std::string&) { return std::string("/x/"); };
    for (int round = 0; round < 2000; ++round) {
        std::string body;
        size_t length = std::uniform_int_distribution<size_t>(0, 200)(rng);
        for (size_t i = 0; i < length; ++i) {
            if (rng() % 8 == 0)
                body += static_cast<char>(rng() % 256);  // raw bytes, often not UTF-8
            else
                body += alphabet[rng() % alphabet.size()];
        }
        auto page = test::page_with_body(body);
        Diagnostics diags;
        const std::string body_html = test::render_into(page, {}, diags);
        resolve_for_test(page);
        std::string html = markdown::expand_refs(body_html, page, site, href_for);
        INFO("body bytes: " << body.size());
        CHECK(html.find('\x1A') == std::string::npos);
        CHECK(valid_utf8(html));
        CHECK(valid_utf8(page.summary));
        CHECK(describe(test::unsafe_findings(html)) == "");
        for (const auto& h : page.headings) CHECK(valid_utf8(h.anchor));
    }
}
