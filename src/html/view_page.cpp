// The view of a content page: fields every kind shares, the side column
// (details, tags, back-links, neighbours), then the kind's own fields.
#include <algorithm>
#include <map>
#include <set>

#include "html/kind_views.h"
#include "html/view.h"

namespace chuxin::html {

namespace {

void tag_fields(const Ctx& ctx, const model::Page& page, View& v) {
    ListView tags;
    std::set<std::string> seen;
    for (const auto& raw : page.tags) {
        std::string name = tag_name(raw);
        if (name.empty() || !seen.insert(name).second) continue;
        const TagInfo* info = ctx.index.tag(name);
        View t;
        t.text("name", name).text("href", info ? ctx.href_url(info->url) : std::string());
        tags.push(t);
    }
    put_list(v, "tags", std::move(tags));
}

// "被以下内容引用": every built page whose body or front matter points here,
// at the page or at one of its anchors (content-format §4, §8), once each.
void backlink_fields(const Ctx& ctx, const model::Page& page, View& v) {
    std::map<int, std::vector<std::string>> from;  // page → field labels, in page order
    const std::string anchored = page.id + "#";
    for (auto it = ctx.site.backlinks.lower_bound(page.id); it != ctx.site.backlinks.end(); ++it) {
        if (it->first != page.id && it->first.compare(0, anchored.size(), anchored) != 0) break;
        for (const auto& link : it->second) {
            if (!ctx.index.is_built(link.from) || &ctx.site.pages[link.from] == &page) continue;
            auto& labels = from[link.from];
            std::string label = ctx.ui("field_" + link.field);
            if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
        }
    }
    ListView list;
    for (const auto& [idx, labels] : from) {
        const auto& src = ctx.site.pages[idx];
        std::string joined;
        for (const auto& l : labels) joined += (joined.empty() ? "" : "、") + l;
        View b;
        b.text("title", src.title)
            .text("href", ctx.href_page(idx))
            .text("kind_label", kind_label(ctx.ui, src.kind))
            .text("date", src.date ? ctx.date(*src.date) : std::string())
            .text("fields", joined);
        list.push(b);
    }
    put_list(v, "backlinks", std::move(list));
}

void neighbour_fields(const Ctx& ctx, int idx, View& v) {
    const int prev = ctx.index.prev[idx];
    const int next = ctx.index.next[idx];
    v.text("prev_title", prev >= 0 ? ctx.site.pages[prev].title : std::string())
        .text("prev_href", prev >= 0 ? ctx.href_page(prev) : std::string())
        .text("next_title", next >= 0 ? ctx.site.pages[next].title : std::string())
        .text("next_href", next >= 0 ? ctx.href_page(next) : std::string())
        .flag("has_neighbours", prev >= 0 || next >= 0);
}

void detail_fields(const Ctx& ctx, const model::Page& page, View& v) {
    ListView details;
    auto add = [&](const char* key, const std::string& value, const std::string& href = {}) {
        if (value.empty()) return;
        View d;
        d.text("label", ctx.ui(key)).text("value", value).text("href", href);
        details.push(d);
    };
    add("kind", kind_label(ctx.ui, page.kind));
    if (page.date) add("date", ctx.date(*page.date));
    if (!page.org.empty())
        add("org", org_name(ctx.site, page.org),
            ctx.site.org(page.org) ? ctx.href_url(org_url(page.org)) : std::string());
    put_list(v, "details", std::move(details));
}

}  // namespace

Data page_view(const Ctx& ctx, int idx) {
    const auto& page = ctx.site.pages[idx];
    View v;
    v.text("title", page.title)
        .text("kind", model::kind_name(page.kind))
        .text("kind_label", kind_label(ctx.ui, page.kind))
        .text("date", page.date ? ctx.date(*page.date) : std::string())
        .text("date_iso", page.date ? iso_date(*page.date) : std::string())
        .text("org_name", org_name(ctx.site, page.org))
        .text("org_href", ctx.site.org(page.org) ? ctx.href_url(org_url(page.org)) : std::string())
        .text("summary", page.summary)
        .text("body", body_html(ctx, static_cast<size_t>(idx)))
        .flag("has_side", true);
    tag_fields(ctx, page, v);
    backlink_fields(ctx, page, v);
    neighbour_fields(ctx, idx, v);
    detail_fields(ctx, page, v);
    if (const KindView* kind = view_of(page.kind)) kind->fields(ctx, page, v);
    auto crumbs = section_crumbs(ctx, page.section);
    crumbs.push_back({page.title, ""});
    frame_fields(ctx, v, page.title, page.section, crumbs);
    return v.take();
}

}  // namespace chuxin::html
