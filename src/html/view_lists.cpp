// List pages: a section per folder under content/, the tag index and one
// page per tag, the branch index and one page per branch (content-format §6).
#include <algorithm>
#include <set>

#include "html/kind_views.h"
#include "html/stage_inputs.h"
#include "html/view.h"

namespace chuxin::html {

namespace {

void last_crumb_current(std::vector<Crumb>& crumbs) {
    if (!crumbs.empty()) crumbs.back().url.clear();
}

std::vector<int> built_pages(const Ctx& ctx, const std::vector<int>& pages) {
    std::vector<int> out;
    out.reserve(pages.size());
    for (int p : pages)
        if (ctx.index.is_built(p)) out.push_back(p);
    return out;
}

// The entries of one list page, and the pager: prev/next and "第 2 / 7 页".
void paged_entries(const Ctx& ctx, View& v, const std::vector<int>& pages, const std::string& url,
                   int page_no) {
    const int count = list_page_count(pages.size());
    const size_t from = std::min(pages.size(), static_cast<size_t>(page_no - 1) * kListPageSize);
    const size_t to = std::min(pages.size(), from + kListPageSize);
    put_list(v, "entries", entries(ctx, std::vector<int>(pages.begin() + from, pages.begin() + to)));
    const bool zh = ctx.ui.lang() == Lang::Zh;
    v.flag("has_pages", count > 1)
        .text("page_label", zh ? "第 " + std::to_string(page_no) + " / " + std::to_string(count) + " 页"
                               : "Page " + std::to_string(page_no) + " of " + std::to_string(count))
        .text("prev_page_href", page_no > 1 ? ctx.href_url(list_page_url(url, page_no - 1)) : std::string())
        .text("next_page_href", page_no < count ? ctx.href_url(list_page_url(url, page_no + 1)) : std::string());
}

}  // namespace

int list_page_count(size_t entries) {
    return entries == 0 ? 1 : static_cast<int>((entries + kListPageSize - 1) / kListPageSize);
}

std::string list_page_url(const std::string& url, int page_no) {
    return page_no <= 1 ? url : url + "page/" + std::to_string(page_no) + "/";
}

Data section_view(const Ctx& ctx, const std::string& path, int page_no) {
    View v;
    const auto it = ctx.site.sections.find(path);
    const std::string title = section_title(ctx, path);
    v.text("title", title)
        .text("intro", it != ctx.site.sections.end() ? section_intro(ctx, it->second) : std::string())
        .text("section", path);
    std::vector<int> pages;
    if (it != ctx.site.sections.end()) pages = built_pages(ctx, it->second.pages);
    paged_entries(ctx, v, pages, "/" + path + "/", page_no);
    ListView subs;
    for (const auto& [sub, section] : ctx.site.sections) {
        if (sub.size() <= path.size() + 1 || sub.compare(0, path.size() + 1, path + "/") != 0) continue;
        if (sub.find('/', path.size() + 1) != std::string::npos) continue;
        View s;
        s.text("title", section_title(ctx, sub))
            .text("href", ctx.href_url("/" + sub + "/"))
            .text("count", std::to_string(section.pages.size()));
        subs.push(s);
    }
    put_list(v, "subsections", std::move(subs));
    // The ledger section links its overview (整改进度总览).
    v.text("overview_link", path == "checklists" && !ctx.index.checklists.empty()
                                ? ctx.href_url(kOverviewUrl) : std::string());
    auto crumbs = section_crumbs(ctx, path);
    if (page_no > 1) crumbs.push_back({ctx.ui("page_no") + " " + std::to_string(page_no), ""});
    else last_crumb_current(crumbs);
    frame_fields(ctx, v, title, path, crumbs);
    return v.take();
}

Data tags_view(const Ctx& ctx) {
    View v;
    const std::string title = ctx.ui("all_tags");
    v.text("title", title);
    ListView tags;
    for (const auto& tag : ctx.index.tags) {
        View t;
        t.text("name", tag.name)
            .text("href", ctx.href_url(tag.url))
            .text("count", std::to_string(tag.pages.size()));
        tags.push(t);
    }
    put_list(v, "tags", std::move(tags));
    frame_fields(ctx, v, title, "tags", {{ctx.ui("home"), "/"}, {title, ""}});
    return v.take();
}

Data tag_view(const Ctx& ctx, size_t tag_idx, int page_no) {
    const auto& tag = ctx.index.tags[tag_idx];
    View v;
    const std::string title = ctx.ui("tagged") + (ctx.ui.lang() == Lang::Zh ? "：" : ": ") + tag.name;
    v.text("title", title).text("name", tag.name).text("count", std::to_string(tag.pages.size()));
    paged_entries(ctx, v, tag.pages, tag.url, page_no);
    std::vector<Crumb> crumbs{{ctx.ui("home"), "/"}, {ctx.ui("all_tags"), kTagsUrl}, {tag.name, ""}};
    if (page_no > 1) {
        crumbs.back().url = tag.url;
        crumbs.push_back({ctx.ui("page_no") + " " + std::to_string(page_no), ""});
    }
    frame_fields(ctx, v, title, "tags", crumbs);
    return v.take();
}

Data orgs_view(const Ctx& ctx) {
    View v;
    const std::string title = ctx.ui("orgs");
    v.text("title", title);
    ListView orgs;
    for (const auto& org : ctx.site.config.orgs) {
        auto it = ctx.index.by_org.find(org.id);
        View o;
        o.text("name", org.name)
            .text("id", org.id)
            .text("href", ctx.href_url(org_url(org.id)))
            .text("count", std::to_string(it == ctx.index.by_org.end() ? 0 : it->second.size()));
        orgs.push(o);
    }
    put_list(v, "orgs", std::move(orgs));
    frame_fields(ctx, v, title, "orgs", {{ctx.ui("home"), "/"}, {title, ""}});
    return v.take();
}

Data org_view(const Ctx& ctx, const std::string& id) {
    View v;
    const std::string name = org_name(ctx.site, id);
    v.text("title", name).text("id", id);
    // Scheduled concentrated study hours against the yearly norm (glossary: ≥ 32).
    ListView hours;
    std::set<int> years;
    for (int s : ctx.index.schedules)
        if (const auto* sched = ctx.site.pages[s].as<model::Schedule>())
            if (sched->year > 0) years.insert(sched->year);
    for (int year : years) {
        const double h = scheduled_study_hours(ctx.site, id, year);
        View row;
        row.text("year", std::to_string(year))
            .text("hours", format_number(h))
            .text("norm", format_number(kYearlyStudyNorm))
            .flag("met", h + 1e-9 >= kYearlyStudyNorm)
            .flag("short", h + 1e-9 < kYearlyStudyNorm)
            .text("percent", std::to_string(std::min(100, static_cast<int>(h * 100 / kYearlyStudyNorm))));
        hours.push(row);
    }
    put_list(v, "study_hours", std::move(hours));
    // The branch's pages, grouped by kind in a fixed order.
    ListView groups;
    auto it = ctx.index.by_org.find(id);
    if (it != ctx.index.by_org.end()) {
        for (auto kind : kinds_in_org_order()) {
            std::vector<int> pages;
            for (int p : it->second)
                if (ctx.site.pages[p].kind == kind) pages.push_back(p);
            if (pages.empty()) continue;
            View g;
            g.text("kind_label", kind_label(ctx.ui, kind)).text("kind", model::kind_name(kind));
            put_list(g, "entries", entries(ctx, pages));
            groups.push(g);
        }
    }
    put_list(v, "groups", std::move(groups));
    frame_fields(ctx, v, name, "orgs",
                 {{ctx.ui("home"), "/"}, {ctx.ui("orgs"), kOrgsUrl}, {name, ""}});
    return v.take();
}

}  // namespace chuxin::html
