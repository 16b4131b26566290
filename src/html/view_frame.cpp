// The frame every page shares (design.md "Layout"): links to the root's
// files, the top navigation by section and the breadcrumbs.
#include <utility>

#include "html/kind_views.h"
#include "html/view.h"

namespace chuxin::html {

namespace {

std::string top_folder(const std::string& section) {
    auto slash = section.find('/');
    return slash == std::string::npos ? section : section.substr(0, slash);
}

// The calendar month the nav links to: the as-of month, else the nearest one.
std::pair<int, int> calendar_entry(const SiteIndex& index, const Date& as_of) {
    std::pair<int, int> want{as_of.year, as_of.month};
    auto it = index.months.lower_bound(want);
    if (it != index.months.end() && *it == want) return want;
    if (it == index.months.end()) return *index.months.rbegin();
    return *it;
}

}  // namespace

std::string section_title(const Ctx& ctx, const std::string& section) {
    auto it = ctx.site.sections.find(section);
    if (it != ctx.site.sections.end() && !it->second.title.empty()) return it->second.title;
    for (const auto& [folder, key] : nav_sections())
        if (section == folder) return ctx.ui(key);
    auto slash = section.rfind('/');
    return slash == std::string::npos ? section : section.substr(slash + 1);
}

std::vector<Crumb> section_crumbs(const Ctx& ctx, const std::string& section) {
    std::vector<Crumb> crumbs{{ctx.ui("home"), "/"}};
    if (section.empty()) return crumbs;
    size_t start = 0;
    while (true) {
        size_t slash = section.find('/', start);
        std::string prefix = section.substr(0, slash);
        crumbs.push_back({section_title(ctx, prefix), "/" + prefix + "/"});
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return crumbs;
}

std::string nav_section_of(const std::string& section) { return top_folder(section); }

void frame_fields(const Ctx& ctx, View& v, const std::string& title, const std::string& nav_section,
                  const std::vector<Crumb>& crumbs) {
    (void)nav_section;  // the shared frame (frame_view) carries the navigation
    v.text("page_title", title);
    ListView list;
    for (size_t i = 0; i < crumbs.size(); ++i) {
        View c;
        c.text("label", crumbs[i].label)
            .text("href", crumbs[i].url.empty() ? std::string() : ctx.href_url(crumbs[i].url))
            .flag("last", i + 1 == crumbs.size());
        list.push(c);
    }
    put_list(v, "crumbs", std::move(list));
}

Data frame_view(const Ctx& ctx, const std::string& current) {
    const std::string root = Links::to_root(ctx.out);
    View v;
    v.text("root", root)
        .text("home_href", ctx.href_url("/"))
        .text("css_href", root + "css/chuxin.css")
        .text("print_css_href", root + "css/print.css")
        .text("feed_href", root + "feed.xml")
        .text("sitemap_href", root + "sitemap.xml")
        .text("overview_href", ctx.index.checklists.empty() ? std::string() : ctx.href_url(kOverviewUrl))
        .text("search_href", ctx.site.config.search ? ctx.href_url(kSearchUrl) : std::string());
    ListView nav;
    // The top navigation, in the order design.md gives (html/kind_views.cpp):
    // 学习计划, 学习书目, 典型案例, 会议记录, 整改台账, 手册下载; each shown if the site has it.
    for (const auto& [folder, key] : nav_sections()) {
        if (!ctx.site.sections.count(folder)) continue;
        View item;
        item.text("label", ctx.ui(key))
            .text("href", ctx.href_url("/" + std::string(folder) + "/"))
            .flag("current", current == folder);
        nav.push(item);
    }
    if (!ctx.index.months.empty()) {
        auto [y, m] = calendar_entry(ctx.index, ctx.site.as_of);
        View item;
        item.text("label", ctx.ui("nav_calendar"))
            .text("href", ctx.href_url(month_url(y, m)))
            .flag("current", current == "calendar");
        nav.push(item);
    }
    put_list(v, "nav", std::move(nav));
    return v.take();
}

}  // namespace chuxin::html
