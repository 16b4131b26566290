// Whole-site tests through the real binary: exit codes, all errors listed,
// a failed build leaves the old output whole, `check` writes nothing, no
// script from content reaches a page, output is deterministic and rebuilds
// touch only what changed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "site/staged_output.h"
#include "support/files.h"
#include "support/tools.h"

namespace fs = std::filesystem;

namespace {

using chuxin::test::slurp;
using chuxin::test::spit;

// A site folder in the temp dir; q() is its path quoted for the shell.
struct TempSite : chuxin::test::TempDir {
    using TempDir::TempDir;
    const std::filesystem::path& root = path;
    std::string q() const { return "'" + path.string() + "'"; }
};

struct Run {
    int code = -1;
    std::string output;  // stdout + stderr
};

Run run(const std::string& args) {
    const chuxin::test::ToolResult t = chuxin::test::run_tool(std::string(CHUXIN_BINARY) + " " + args);
    return Run{WIFEXITED(t.status) ? WEXITSTATUS(t.status) : -1, t.out};
}

// Every file under dir (relative path → bytes).
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
    return out;
}

// A copy of the repository's default site.
void copy_default_site(const fs::path& to) {
    fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "site.yaml", to / "site.yaml");
    fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "content", to / "content", fs::copy_options::recursive);
    if (fs::exists(fs::path(CHUXIN_SOURCE_DIR) / "static"))
        fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "static", to / "static", fs::copy_options::recursive);
}

// Every way a parsed page could run script: <script> elements (inline or
// with src=, whatever they contain: the theme has none), on* attributes,
// javascript: URLs. Escaped text is harmless and not reported.
void collect_script(xmlNode* node, std::vector<std::string>& out) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "script") {
            xmlChar* src = xmlGetProp(n, BAD_CAST "src");
            out.push_back(src ? "<script src=" + std::string(reinterpret_cast<char*>(src)) + ">" : "<script>");
            if (src) xmlFree(src);
        }
        for (xmlAttr* a = n->properties; a; a = a->next) {
            std::string attr = reinterpret_cast<const char*>(a->name);
            xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
            std::string value = v ? reinterpret_cast<char*>(v) : "";
            if (v) xmlFree(v);
            if (attr.rfind("on", 0) == 0) out.push_back("<" + name + " " + attr + "=" + value + ">");
            if ((attr == "href" || attr == "src") && value.rfind("javascript:", 0) == 0)
                out.push_back("<" + name + " " + attr + "=" + value + ">");
        }
        collect_script(n->children, out);
    }
}

std::vector<std::string> script_vectors(const std::string& html) {
    std::vector<std::string> out;
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return {"page does not parse"};
    collect_script(xmlDocGetRootElement(doc), out);
    xmlFreeDoc(doc);
    return out;
}

const char* kSmallSite = "title: 测试站点\nbase_url: https://example.org/\npublisher: 测试宣传部\n";

}  // namespace

TEST_CASE("the default site builds: portal pages and the handbook PDF") {
    TempSite s("default");
    copy_default_site(s.root);
    Run r = run("build --source " + s.q() + " --as-of 2026-07-01");
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(fs::exists(s.root / "public/index.html"));
    CHECK(fs::exists(s.root / "public/sitemap.xml"));
    CHECK(fs::exists(s.root / "public/feed.xml"));
    CHECK(fs::exists(s.root / "public/schedules/2026/calendar.ics"));
    bool pdf = false;
    for (const auto& e : fs::directory_iterator(s.root / "public/handbooks"))
        pdf |= e.path().extension() == ".pdf" && slurp(e.path()).rfind("%PDF-", 0) == 0;
    CHECK(pdf);
}

TEST_CASE("a failed build reports every error and leaves the previous output whole") {
    TempSite s("failed");
    spit(s.root / "site.yaml", kSmallSite);
    spit(s.root / "content/a.md", "---\ntitle: 甲\n---\n正文。\n");
    spit(s.root / "content/b.md", "---\ntitle: 乙\n---\n见[甲](ref:a)。\n");
    Run first = run("build --no-pdf --source " + s.q());
    INFO(first.output);
    REQUIRE(first.code == 0);
    auto before = tree(s.root / "public");
    REQUIRE(before.count("a/index.html"));

    spit(s.root / "content/a.md", "---\ntitle: 甲\ndate: 2026-02-30\n---\n正文。\n");
    spit(s.root / "content/b.md", "---\ntitle: 乙\n---\n见[甲](ref:c)。\n");
    Run second = run("build --no-pdf --source " + s.q());
    INFO(second.output);
    CHECK(second.code == 1);
    CHECK(second.output.find("content/a.md:3:") != std::string::npos);
    CHECK(second.output.find("content/b.md:4:2:") != std::string::npos);
    CHECK(second.output.find("2 errors") != std::string::npos);
    CHECK(tree(s.root / "public") == before);
}

TEST_CASE("check validates and writes nothing") {
    TempSite s("check");
    spit(s.root / "site.yaml", kSmallSite);
    spit(s.root / "content/a.md", "---\ntitle: 甲\n---\n正文。\n");
    Run r = run("check --source " + s.q());
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK_FALSE(fs::exists(s.root / "public"));
    spit(s.root / "content/a.md", "---\ntitel: 甲\n---\n");
    Run bad = run("check --source " + s.q());
    CHECK(bad.code == 1);
    CHECK(bad.output.find("did you mean 'title'") != std::string::npos);
    CHECK_FALSE(fs::exists(s.root / "public"));
}

TEST_CASE("--errors and --jobs take what they say, and refuse the rest with exit 2") {
    TempSite s("flood");
    spit(s.root / "site.yaml", "title: 测试\nlanguage: zh-CN\n");
    for (int i = 0; i < 30; ++i)
        spit(s.root / ("content/cases/a" + std::to_string(100 + i) + ".md"),
             "---\ntitle: x\ndate: 2021-04-32T10:15:00+08:00\n---\n");
    const Run flood = run("check --source " + s.q());
    CHECK(flood.code == 1);
    CHECK(flood.output.find("and 10 more:\n  10 × error: '…' is not a date — in content/cases/a120.md") !=
          std::string::npos);
    const Run all = run("check --errors all --source " + s.q());
    CHECK(all.code == 1);
    CHECK(all.output.find("more:") == std::string::npos);
    CHECK(all.output.find("content/cases/a129.md:3:7: error:") != std::string::npos);
    CHECK(run("check --errors 5 --source " + s.q()).output.find("and 25 more:") != std::string::npos);
    CHECK(run("check --errors none --source " + s.q()).code == 2);
    CHECK(run("check --errors 0 --source " + s.q()).code == 2);
    CHECK(run("check --jobs 0 --source " + s.q()).code == 2);
}

TEST_CASE("usage errors exit with 2") {
    CHECK(run("frobnicate").code == 2);
    CHECK(run("build --as-of 2026-13-01 --source /nonexistent").code == 2);
    CHECK(run("report --format xml").code == 2);
    CHECK(run("build --help").code == 0);
}

TEST_CASE("the script detector sees every script element, escaped text is not one") {
    CHECK(script_vectors("<p>x</p><script src=\"//x.cn/x.js\"></script>") ==
          std::vector<std::string>{"<script src=//x.cn/x.js>"});
    CHECK(script_vectors("<script>var a = 1;</script>") == std::vector<std::string>{"<script>"});
    CHECK(script_vectors("<img src=x onerror=alert(1)>").size() == 1);
    CHECK(script_vectors("<p>&lt;script src=x&gt;&lt;/script&gt;</p>").empty());
}

TEST_CASE("no script from content reaches a page when raw HTML is off") {
    TempSite s("xss");
    spit(s.root / "site.yaml", kSmallSite);
    spit(s.root / "content/x.md",
         "---\ntitle: \"<script>alert(1)</script>\"\ntags: [\"<img src=x onerror=alert(1)>\"]\n---\n"
         "<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n"
         "[点我](javascript:alert(4)) <a href=\"#\" onclick=\"alert(5)\">x</a>\n");
    Run r = run("build --no-pdf --source " + s.q());
    INFO(r.output);
    REQUIRE(r.code == 0);
    size_t pages = 0;
    for (const auto& [path, text] : tree(s.root / "public")) {
        if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
        ++pages;
        INFO(path);
        // Parse as a browser would and look for live script, not for text.
        // The theme's own search scripts (docs/search.md) are the only ones allowed.
        static const std::regex theme_script(R"(<script src=(\.\./)*(js/search(-box|-page)?\.js|fold\.js)>)");
        for (const auto& problem : script_vectors(text))
            if (!std::regex_match(problem, theme_script)) FAIL_CHECK(problem);
    }
    CHECK(pages >= 3);
}

TEST_CASE("the same input gives byte-identical output; a rebuild touches only what changed") {
    TempSite s("determinism");
    copy_default_site(s.root);
    std::string common = "--source " + s.q() + " --as-of 2026-07-01";
    // Any worker count gives the same bytes (--jobs; the default is one per core).
    REQUIRE(run("build --jobs 1 --output " + (s.root / "one").string() + " " + common).code == 0);
    REQUIRE(run("build --jobs 3 --output " + (s.root / "two").string() + " " + common).code == 0);
    auto one = tree(s.root / "one"), two = tree(s.root / "two");
    CHECK(one.size() == two.size());
    for (const auto& [path, text] : one) {
        INFO(path);
        CHECK(two[path] == text);
    }
    Run again = run("build --output " + (s.root / "one").string() + " " + common);
    CHECK(again.output.find("(0 files written") != std::string::npos);
}

TEST_CASE("new site builds at once; new KIND writes a valid file") {
    TempSite s("starter");
    fs::path site = s.root / "mysite";
    REQUIRE(run("new site '" + site.string() + "'").code == 0);
    REQUIRE(run("new case cases/laozhishu --source '" + site.string() + "'").code == 0);
    REQUIRE(run("new minutes minutes/2026-03-03 --source '" + site.string() + "'").code == 0);
    Run r = run("build --no-pdf --source '" + site.string() + "'");
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK(fs::exists(site / "public/cases/laozhishu/index.html"));
}
