// Fields of the reading kinds: study lists, cases, minutes (content-format §3).
#include "html/view.h"

namespace chuxin::html {

std::string case_class_of(model::CaseCategory c);  // view_common.cpp

namespace {

// Only web links leave the site from a study item (content-format §8 "Unsafe URLs").
bool safe_external_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// Built pages that point at `key` through `field`, in page order.
std::vector<const model::Backlink*> backlinks_via(const Ctx& ctx, const std::string& key,
                                                  const std::string& field) {
    std::vector<const model::Backlink*> out;
    auto it = ctx.site.backlinks.find(key);
    if (it == ctx.site.backlinks.end()) return out;
    for (const auto& link : it->second)
        if (link.field == field && ctx.index.is_built(link.from)) out.push_back(&link);
    return out;
}

ListView meetings_via(const Ctx& ctx, const std::string& key, const std::string& field) {
    ListView list;
    for (const auto* link : backlinks_via(ctx, key, field)) {
        const auto& src = ctx.site.pages[link->from];
        View m;
        m.text("title", src.title)
            .text("href", ctx.href_page(link->from, link->from_anchor))
            .text("date", src.date ? ctx.date(*src.date) : std::string());
        list.push(m);
    }
    return list;
}

std::string period_label(const Ctx& ctx, const model::Period& p) {
    std::string span = ctx.date(p.from) + (ctx.ui.lang() == Lang::Zh ? "至" : " – ") + ctx.date(p.to);
    if (p.label.empty() || p.label.find('-') == std::string::npos || p.label.size() > 10) return span;
    return p.label + (ctx.ui.lang() == Lang::Zh ? "（" + span + "）" : " (" + span + ")");
}

}  // namespace

void studylist_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* list = page.as<model::StudyList>();
    if (!list) return;
    v.text("period", list->period ? period_label(ctx, *list->period) : std::string())
        .text("audience", list->audience);
    const double total = list->total_hours();
    v.text("hours_total", format_number(total));
    if (list->hours_required) {
        v.text("hours_required", format_number(*list->hours_required))
            .flag("hours_met", total + 1e-9 >= *list->hours_required)
            .flag("hours_short", total + 1e-9 < *list->hours_required);
    } else {
        v.flag("hours_required", false).flag("hours_met", false).flag("hours_short", false);
    }
    ListView items;
    int no = 0;
    for (const auto& item : list->items) {
        View row;
        std::string href;
        if (item.ref) href = ref_target(ctx, *item.ref).href;
        if (href.empty() && safe_external_url(item.url)) href = item.url;
        row.text("no", std::to_string(++no))
            .text("id", item.id)
            .text("title", item.title)
            .text("href", href)
            .flag("external", href == item.url && !href.empty())
            .text("kind", item.kind)
            .flag("required", item.required)
            .text("required_label", ctx.ui(item.required ? "required" : "optional"))
            .text("hours", item.hours ? format_number(*item.hours) : std::string())
            .text("due", item.due ? ctx.date(*item.due) : std::string())
            .text("source", item.source);
        put_list(row, "studied", meetings_via(ctx, page.id + "#" + item.id, "studied"));
        items.push(row);
    }
    put_list(v, "items", std::move(items));
    v.flag("wide", true);  // an eight-column table: the side column goes below
}

void case_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* info = page.as<model::CaseInfo>();
    if (!info) return;
    std::string label = info->category_label;
    if (label.empty()) {
        switch (info->category) {
            case model::CaseCategory::Advanced: label = ctx.ui("cat_advanced"); break;
            case model::CaseCategory::Warning: label = ctx.ui("cat_warning"); break;
            case model::CaseCategory::Work: label = ctx.ui("cat_work"); break;
            case model::CaseCategory::Other: break;
        }
    }
    v.text("category_label", label)
        .text("category_class", case_class_of(info->category))
        .text("subject", info->subject);
    ListView lessons;
    for (const auto& lesson : info->lessons) {
        View l;
        l.text("text", lesson);
        lessons.push(l);
    }
    put_list(v, "lessons", std::move(lessons));
}

namespace {

void fulfils_fields(const Ctx& ctx, int page_idx, const model::Minutes& m, View& v) {
    ListView list;
    auto found = ctx.index.fulfilled.find(page_idx);
    for (const auto& ref : m.fulfills) {
        Target t = ref_target(ctx, ref);
        View f = target_view(t);
        f.text("schedule_title", t.page >= 0 ? ctx.site.pages[t.page].title : std::string());
        ListView occs;
        if (found != ctx.index.fulfilled.end() && t.page >= 0) {
            for (const auto& o : found->second) {
                if (o.schedule != t.page) continue;
                const auto& sched = *ctx.site.pages[o.schedule].as<model::Schedule>();
                const auto& occ = sched.occurrences[o.occurrence];
                if (static_cast<size_t>(occ.event) >= sched.events.size() ||
                    sched.events[occ.event].id != ref.anchor)
                    continue;
                View ov;
                ov.text("when", occurrence_when(ctx.ui, occ))
                    .text("href", ctx.href_page(o.schedule, occurrence_anchor(sched, occ)));
                put_status(ov, occurrence_status(ctx.ui, occ.status));
                occs.push(ov);
            }
        }
        put_list(f, "occurrences", std::move(occs));
        list.push(f);
    }
    put_list(v, "fulfills", std::move(list));
}

// Checklist items whose raised_in / closed_in names this meeting.
ListView items_via(const Ctx& ctx, const model::Page& page, const std::string& field) {
    ListView list;
    for (const auto* link : backlinks_via(ctx, page.id, field)) {
        const auto& src = ctx.site.pages[link->from];
        const auto* checklist = src.as<model::Checklist>();
        if (!checklist) continue;
        for (const auto& item : checklist->items) {
            if (item.id != link->from_anchor) continue;
            View i;
            i.text("issue", item.issue)
                .text("href", ctx.href_page(link->from, item.id))
                .text("checklist_title", src.title)
                .text("owner", item.owner);
            put_status(i, item_status(ctx.ui, item.status));
            i.flag("overdue", item.overdue && item.status != model::ItemStatus::Done);
            list.push(i);
        }
    }
    return list;
}

}  // namespace

void minutes_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* m = page.as<model::Minutes>();
    if (!m) return;
    const int idx = static_cast<int>(&page - ctx.site.pages.data());
    v.text("meeting", m->meeting)
        .text("meeting_date", ctx.date(m->date))
        .text("time", m->time)
        .text("location", m->location)
        .text("host", m->host)
        .text("recorder", m->recorder)
        .text("expected", m->expected ? std::to_string(*m->expected) : std::string())
        .text("present", m->present ? std::to_string(*m->present) : std::string())
        .text("absent_count", std::to_string(m->absent.size()));
    // The absentees should number expected − present (content-format §3): say so if not.
    const bool mismatch = m->expected && m->present &&
                          (*m->present > *m->expected ||
                           static_cast<int>(m->absent.size()) != *m->expected - *m->present);
    v.flag("counts_mismatch", mismatch);
    ListView absent;
    for (const auto& a : m->absent) {
        View row;
        row.text("name", a.name).text("reason", a.reason);
        absent.push(row);
    }
    put_list(v, "absent", std::move(absent));
    fulfils_fields(ctx, idx, *m, v);
    ListView studied;
    for (const auto& ref : m->studied) {
        Target t = ref_target(ctx, ref);
        View s = target_view(t);
        s.text("list_title", t.page >= 0 && !ref.anchor.empty() ? ctx.site.pages[t.page].title : std::string());
        studied.push(s);
    }
    put_list(v, "studied", std::move(studied));
    put_list(v, "raised", items_via(ctx, page, "raised_in"));
    put_list(v, "closed", items_via(ctx, page, "closed_in"));
}

}  // namespace chuxin::html
