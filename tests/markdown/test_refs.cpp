// expand_refs: placeholders → links with titles for empty text (content-format §4, §8).
#include <catch2/catch.hpp>

#include "helpers.h"
#include "markdown/refs.h"

using namespace chuxin;
using test::contains;

namespace {

model::Site target_site() {
    model::Site site;
    model::Page cases;
    cases.id = "cases/laozhishu";
    cases.title = "老支书的事迹";
    cases.url = "/cases/laozhishu/";
    cases.headings.push_back({2, "一心为民 & 清廉", "一心为民--清廉", {}});
    site.pages.push_back(cases);

    model::Page checklist_page;
    checklist_page.id = "checklists/2026";
    checklist_page.title = "整改清单";
    checklist_page.url = "/checklists/2026/";
    model::Checklist checklist;
    checklist.items.push_back({});
    checklist.items.back().id = "c1";
    checklist.items.back().issue = "理论学习不够<系统>";
    checklist_page.data = checklist;
    site.pages.push_back(checklist_page);

    model::Page study_page;
    study_page.id = "studylists/2026-q1";
    study_page.title = "自学清单";
    model::StudyList list;
    list.items.push_back({});
    list.items.back().id = "dangzhang";
    list.items.back().title = "《中国共产党章程》";
    study_page.data = list;
    site.pages.push_back(study_page);

    model::Page schedule_page;
    schedule_page.id = "schedules/2026";
    schedule_page.title = "学习计划";
    model::Schedule schedule;
    schedule.events.push_back({});
    schedule.events.back().id = "theme-day";
    schedule.events.back().title = "主题党日";
    schedule_page.data = schedule;
    site.pages.push_back(schedule_page);
    for (size_t i = 0; i < site.pages.size(); ++i) site.by_id[site.pages[i].id] = static_cast<int>(i);
    return site;
}

std::string href(const model::Page& target, const std::string& anchor) {
    return target.url + (anchor.empty() ? "" : "#" + anchor);
}

void resolve(model::Page& page, const model::Site& site) {
    for (auto& ref : page.body_refs) {
        size_t hash = ref.text.find('#');
        auto it = site.by_id.find(ref.text.substr(0, hash));
        if (it == site.by_id.end()) continue;
        ref.page = it->second;
        ref.anchor = hash == std::string::npos ? "" : ref.text.substr(hash + 1);
    }
}

}  // namespace

TEST_CASE("expand_refs writes links, titles for empty text, and broken refs", "[refs][expand]") {
    model::Site site = target_site();
    auto page = test::rendered(
        "详见[老支书](ref:cases/laozhishu)、[](ref:cases/laozhishu)、[](ref:checklists/2026#c1)、"
        "[](ref:studylists/2026-q1#dangzhang)、<ref:schedules/2026#theme-day>、"
        "[](ref:cases/laozhishu#一心为民--清廉)、[](ref:nowhere)、[失效](ref:nowhere2)。\n");
    resolve(page, site);
    std::string html = markdown::expand_refs(page.body_html, page, site, href);
    CHECK(contains(html, "<a href=\"/cases/laozhishu/\">老支书</a>"));
    CHECK(contains(html, "<a href=\"/cases/laozhishu/\">老支书的事迹</a>"));
    CHECK(contains(html, "<a href=\"/checklists/2026/#c1\">理论学习不够&lt;系统&gt;</a>"));
    CHECK(contains(html, "<a href=\"#dangzhang\">《中国共产党章程》</a>"));
    CHECK(contains(html, "<a href=\"#theme-day\">主题党日</a>"));
    CHECK(contains(html, "<a href=\"/cases/laozhishu/#一心为民--清廉\">一心为民 &amp; 清廉</a>"));
    CHECK(contains(html, "<span class=\"broken-ref\">nowhere</span>"));
    CHECK(contains(html, "<span class=\"broken-ref\">失效</span>"));
    CHECK(html.find('\x1A') == std::string::npos);
}

TEST_CASE("expand_refs escapes hrefs and leaves HTML without placeholders alone", "[refs][expand]") {
    model::Site site = target_site();
    auto page = test::rendered("[](ref:cases/laozhishu)\n");
    resolve(page, site);
    std::string html = markdown::expand_refs(page.body_html, page, site,
                                             [](const model::Page&, const std::string&) { return "/a?b=1&c=\"2\""; });
    CHECK(contains(html, "<a href=\"/a?b=1&amp;c=&quot;2&quot;\">老支书的事迹</a>"));
    std::string plain = "<p>无引用</p>\n";
    CHECK(markdown::expand_refs(plain, std::vector<model::Ref>{}, site, href) == plain);
}

TEST_CASE("expand_refs survives stray and out-of-range markers", "[refs][expand]") {
    model::Site site = target_site();
    std::vector<model::Ref> refs(1);
    refs[0].text = "x";
    std::string html = "a\x1AR7\x1Atext\x1A/\x1A b\x1A/\x1A c\x1A d \x1AR0\x1Aopen";
    std::string out = markdown::expand_refs(html, refs, site, href);
    CHECK(out.find('\x1A') == std::string::npos);
    CHECK(contains(out, "a<span class=\"broken-ref\">text</span> b c"));
    CHECK(contains(out, "<span class=\"broken-ref\">open</span>"));
}

TEST_CASE("expand_refs with a fragment's refs vector", "[refs][expand]") {
    model::Site site = target_site();
    std::vector<model::Ref> refs;
    Diagnostics diags;
    std::string html = markdown::render_html(
        markdown::parse_fragment("见[](ref:checklists/2026)\n", "content/_index.md", 3, {}, refs, diags));
    REQUIRE(refs.size() == 1);
    refs[0].page = 1;
    CHECK(markdown::expand_refs(html, refs, site, href) == "<p>见<a href=\"/checklists/2026/\">整改清单</a></p>\n");
}
