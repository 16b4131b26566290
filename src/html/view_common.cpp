// View pieces shared by every output: references, statuses, list entries,
// the frame (nav + breadcrumbs) and the side column of content pages.
#include <algorithm>

#include "html/stage_inputs.h"
#include "html/view.h"

namespace chuxin::html {

void put_list(View& view, const char* key, ListView&& list) {
    const bool non_empty = !list.empty();
    view.set(key, list.take());
    view.flag(("has_" + std::string(key)).c_str(), non_empty);
}

std::string org_name(const model::Site& site, const std::string& id) {
    if (id.empty()) return {};
    const auto* org = site.org(id);
    return org ? org->name : id;
}

std::string kind_label(const Ui& ui, model::Kind kind) {
    return ui(std::string("kind_") + model::kind_name(kind));
}

std::string anchor_title(const model::Page& page, const std::string& anchor) {
    if (anchor.empty()) return {};
    if (const auto* list = page.as<model::StudyList>())
        for (const auto& item : list->items)
            if (item.id == anchor) return item.title;
    if (const auto* checklist = page.as<model::Checklist>())
        for (const auto& item : checklist->items)
            if (item.id == anchor) return item.issue;
    if (const auto* sched = page.as<model::Schedule>())
        for (const auto& event : sched->events)
            if (event.id == anchor) return event.title;
    for (const auto& heading : page.headings)
        if (heading.anchor == anchor) return heading.text;
    return {};
}

Target ref_target(const Ctx& ctx, const model::Ref& ref) {
    Target t;
    if (!ref.resolved() || !ctx.index.is_built(ref.page)) {
        t.title = ref.text;
        return t;
    }
    const auto& page = ctx.site.pages[ref.page];
    t.page = ref.page;
    t.title = anchor_title(page, ref.anchor);
    if (t.title.empty()) t.title = page.title;
    t.href = ctx.href_page(ref.page, ref.anchor);
    return t;
}

View target_view(const Target& t) {
    View v;
    v.text("title", t.title).text("href", t.href);
    return v;
}

Status occurrence_status(const Ui& ui, model::OccurrenceStatus s) {
    switch (s) {
        case model::OccurrenceStatus::Done: return {"done", ui("status_done"), "✓"};
        case model::OccurrenceStatus::Due: return {"due", ui("status_due"), "○"};
        case model::OccurrenceStatus::Overdue: return {"overdue", ui("status_overdue"), "!"};
    }
    return {"due", ui("status_due"), "○"};
}

Status item_status(const Ui& ui, model::ItemStatus s) {
    switch (s) {
        case model::ItemStatus::Open: return {"open", ui("item_open"), "○"};
        case model::ItemStatus::Doing: return {"doing", ui("item_doing"), "◐"};
        case model::ItemStatus::Done: return {"done", ui("item_done"), "✓"};
    }
    return {"open", ui("item_open"), "○"};
}

Status overdue_status(const Ui& ui) { return {"overdue", ui("overdue"), "!"}; }

void put_status(View& v, const Status& s) {
    v.text("status_class", s.cls).text("status_label", s.label).text("status_icon", s.icon);
}

std::string occurrence_when(const Ui& ui, const model::Occurrence& occ) {
    // One wording for the portal, the handbook and the report (schedule stage).
    return occurrence_label(occ, ui.lang());
}

std::string occurrence_anchor(const model::Schedule& sched, const model::Occurrence& occ) {
    const std::string event = static_cast<size_t>(occ.event) < sched.events.size()
                                  ? sched.events[static_cast<size_t>(occ.event)].id
                                  : std::to_string(occ.event);
    return "occ-" + event + "-" + iso_date(occ.start);
}

void ItemCounts::add(const model::ChecklistItem& item) {
    switch (item.status) {
        case model::ItemStatus::Open: ++open; break;
        case model::ItemStatus::Doing: ++doing; break;
        case model::ItemStatus::Done: ++done; break;
    }
    if (item.overdue && item.status != model::ItemStatus::Done) {
        ++overdue;
        ++(item.status == model::ItemStatus::Open ? overdue_open : overdue_doing);
    }
}

void ItemCounts::add(const ItemCounts& o) {
    open += o.open;
    doing += o.doing;
    done += o.done;
    overdue += o.overdue;
    overdue_open += o.overdue_open;
    overdue_doing += o.overdue_doing;
}

std::string counts_svg(const Ui& ui, const ItemCounts& c, const std::string& label) {
    // The picture's segments are disjoint: overdue items are drawn only as overdue.
    return progress_svg(c.done, c.doing - c.overdue_doing, c.open - c.overdue_open, c.overdue, label,
                        ProgressOf::ChecklistItems, ui.lang());
}

ItemCounts checklist_counts(const model::Page& page) {
    ItemCounts counts;
    if (const auto* checklist = page.as<model::Checklist>())
        for (const auto& item : checklist->items) counts.add(item);
    return counts;
}

void put_counts(View& v, const ItemCounts& c) {
    const int total = c.total();
    auto pct = [&](int n) { return std::to_string(total ? n * 100 / total : 0); };
    v.text("count_total", std::to_string(total))
        .text("count_open", std::to_string(c.open))
        .text("count_doing", std::to_string(c.doing))
        .text("count_done", std::to_string(c.done))
        .text("count_overdue", std::to_string(c.overdue))
        .flag("any_overdue", c.overdue > 0)
        .text("percent_done", std::to_string(c.percent_done()) + "%")
        .text("pct_done", pct(c.done))
        .text("pct_doing", pct(c.doing - c.overdue_doing))
        .text("pct_open", pct(c.open - c.overdue_open))
        .text("pct_overdue", pct(c.overdue));
}

namespace {

std::string case_category_class(model::CaseCategory c) {
    switch (c) {
        case model::CaseCategory::Advanced: return "advanced";
        case model::CaseCategory::Warning: return "warning";
        case model::CaseCategory::Work: return "work";
        case model::CaseCategory::Other: return "other";
    }
    return "other";
}

}  // namespace

View entry_view(const Ctx& ctx, int idx) {
    const auto& page = ctx.site.pages[idx];
    View v;
    v.text("title", page.title)
        .text("href", ctx.href_page(idx))
        .text("date", page.date ? ctx.date(*page.date) : std::string())
        .text("date_iso", page.date ? iso_date(*page.date) : std::string())
        .text("kind", model::kind_name(page.kind))
        .text("kind_label", kind_label(ctx.ui, page.kind))
        .text("summary", page.summary)
        .text("org_name", org_name(ctx.site, page.org));
    // A short badge that says what the entry is within its kind.
    std::string badge, badge_class;
    if (const auto* c = page.as<model::CaseInfo>()) {
        badge = c->category_label;
        badge_class = case_category_class(c->category);
    } else if (const auto* m = page.as<model::Minutes>()) {
        badge = m->meeting;
        badge_class = "meeting";
    }
    v.text("badge", badge).text("badge_class", badge_class);
    return v;
}

ListView entries(const Ctx& ctx, const std::vector<int>& pages, size_t limit) {
    ListView list;
    for (int p : pages) {
        if (list.size() >= limit) break;
        if (!ctx.index.is_built(p)) continue;
        View e = entry_view(ctx, p);
        list.push(e);
    }
    return list;
}

std::string body_html(const Ctx& ctx, size_t page) {
    if (!ctx.documents) return {};
    return expand_body(*ctx.documents, page, ctx.site, [&ctx](const model::Page& target, const std::string& anchor) {
        return ctx.links.href(ctx.out, target.url, anchor);
    });
}

std::string section_intro(const Ctx& ctx, const model::Section& section) {
    if (!ctx.documents) return {};
    return expand_intro(*ctx.documents, section, ctx.site, [&ctx](const model::Page& target, const std::string& anchor) {
        return ctx.links.href(ctx.out, target.url, anchor);
    });
}

std::string case_class_of(model::CaseCategory c) { return case_category_class(c); }

}  // namespace chuxin::html
