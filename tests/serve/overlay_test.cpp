#include <catch2/catch.hpp>

#include "serve/overlay.h"
#include "serve/serve.h"
#include "support/files.h"

using namespace chuxin;
using namespace chuxin::serve;

namespace {

Diagnostic error_at(const std::string& file, int line, int col, std::string message, std::string hint = {}) {
    return Diagnostic{Severity::Error, SourcePos{file, line, col}, std::move(message), std::move(hint)};
}

}  // namespace

TEST_CASE("the overlay lists every error with its place, source line and hint, escaped") {
    test::TempDir dir("overlay");
    test::spit(dir.path / "content" / "a.md", "---\ntitle: 学习<script>\ndate: 2026-13-01\n---\n");
    std::vector<Diagnostic> diags = {
        error_at("content/a.md", 3, 7, "'2026-13-01' is not a date", "write YYYY-MM-DD, e.g. 2026-07-01"),
        error_at("content/a.md", 2, 8, "title has <b>markup</b>"),
        Diagnostic{Severity::Warning, SourcePos{"content/b.md", 1, 1}, "a warning", ""},
        error_at("themes/default/templates/page.mustache", 0, 0, "unclosed section"),
    };
    const std::string html = render_overlay(diags, SourceLines{dir.path.string()}, Lang::Zh);
    CHECK(html.find("id=\"chuxin-overlay\"") != std::string::npos);
    CHECK(html.find("3 个错误") != std::string::npos);
    CHECK(html.find("<code>content/a.md:3:7</code>") != std::string::npos);
    CHECK(html.find("<code>content/a.md:2:8</code>") != std::string::npos);
    CHECK(html.find("<code>themes/default/templates/page.mustache</code>") != std::string::npos);
    // The source line, its column marked (columns count code points).
    CHECK(html.find("3 | date: <mark>2</mark>026-13-01") != std::string::npos);
    CHECK(html.find("2 | title: <mark>学</mark>习&lt;script&gt;") != std::string::npos);
    CHECK(html.find("提示: write YYYY-MM-DD") != std::string::npos);
    CHECK(html.find("a warning") != std::string::npos);
    // Content is escaped: no markup of the user's reaches the page.
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<b>markup") == std::string::npos);
    // Errors come before warnings.
    CHECK(html.find("content/a.md:3:7") < html.find("a warning"));
}

TEST_CASE("the overlay speaks the site's language, and is empty without errors") {
    std::vector<Diagnostic> diags = {error_at("site.yaml", 1, 1, "unknown key 'titel'", "did you mean 'title'?")};
    const std::string en = render_overlay(diags, SourceLines{}, Lang::En);
    CHECK(en.find("1 errors: the site was not rebuilt") != std::string::npos);
    CHECK(en.find("hint: did you mean") != std::string::npos);
    CHECK(en.find("lang=\"en\"") != std::string::npos);
    const std::string zh = render_overlay(diags, SourceLines{}, Lang::Zh);
    CHECK(zh.find("网站未重新生成") != std::string::npos);
    CHECK(zh.find("lang=\"zh-CN\"") != std::string::npos);
    diags[0].severity = Severity::Warning;
    CHECK(render_overlay(diags, SourceLines{}, Lang::Zh).empty());
}

TEST_CASE("what serve adds goes before the last </body>") {
    CHECK(inject_before_body_end("<p>a</p></body></html>", "<x>") == "<p>a</p><x></body></html>");
    CHECK(inject_before_body_end("<p></body></p></body>", "<x>") == "<p></body></p><x></body>");
    CHECK(inject_before_body_end("<p>no body</p>", "<x>") == "<p>no body</p><x>");
    const std::string script = reload_script(7);
    CHECK(script.find("/__chuxin/events?since=7") != std::string::npos);
    CHECK(script.find("EventSource") != std::string::npos);
}

TEST_CASE("one line per rebuild: what changed, files rewritten, time") {
    RebuildOutcome ok;
    ok.ok = true;
    ok.stats.written = 3;
    ok.stats.removed = 1;
    ok.ms = 811.6;
    CHECK(rebuild_line(ChangeSet{{"content/a.md"}}, ok, "14:03:07") ==
          "14:03:07 content/a.md changed: 3 files rewritten, 1 removed, 812 ms");
    ok.stats = {};
    ok.stats.written = 1;
    ok.ms = 20;
    CHECK(rebuild_line(ChangeSet{{"content/a.md", "content/b.md", "content/c.md", "site.yaml"}}, ok, "t") ==
          "t content/a.md, content/b.md and 2 more changed: 1 file rewritten, 20 ms");
    RebuildOutcome bad;
    bad.ms = 640;
    bad.diagnostics = {error_at("a", 1, 1, "x"), error_at("b", 1, 1, "y")};
    CHECK(rebuild_line(ChangeSet{{"site.yaml"}}, bad, "t") ==
          "t site.yaml changed: 2 errors, the last good site is kept (640 ms)");
}
