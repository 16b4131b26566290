// The search results page (docs/search.md "The page"): the form and its
// filter menus. The results are the script's (themes/default/static/js/
// search-page.js); the menus' options also give it the kind and branch names.
#include <set>

#include "html/view.h"
#include "model/kinds.h"

namespace chuxin::html {

Data search_view(const Ctx& ctx) {
    View v;
    frame_fields(ctx, v, ctx.ui("search_title"), "", {{ctx.ui("home"), "/"}, {ctx.ui("search_title"), ""}});
    // Only what a searchable page has (search/entries.cpp is_searchable: no drafts, no `search: false`).
    std::set<model::Kind> kinds;
    std::set<int, std::greater<int>> years;
    for (const auto& page : ctx.site.pages) {
        if (page.draft || !page.search) continue;
        kinds.insert(page.kind);
        if (page.date) years.insert(page.date->year);
    }
    ListView kind_options;
    for (const auto& info : model::kKinds) {
        if (!kinds.count(info.kind)) continue;
        View o;
        o.text("value", std::string(info.name)).text("label", kind_label(ctx.ui, info.kind));
        kind_options.push(o);
    }
    put_list(v, "kinds", std::move(kind_options));
    ListView org_options;
    for (const auto& org : ctx.site.config.orgs) {
        View o;
        o.text("value", org.id).text("label", org.name.empty() ? org.id : org.name);
        org_options.push(o);
    }
    put_list(v, "orgs", std::move(org_options));
    ListView year_options;
    for (int y : years) {
        View o;
        o.text("value", std::to_string(y)).text("label", std::to_string(y));
        year_options.push(o);
    }
    put_list(v, "years", std::move(year_options));
    return v.take();
}

}  // namespace chuxin::html
