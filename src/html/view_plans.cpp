// Fields of the planning kinds: schedules (with their occurrences),
// checklists (the ledger) and handbooks (content-format §3).
#include <algorithm>

#include "html/stage_inputs.h"
#include "html/view.h"

namespace chuxin::html {

namespace {

ListView ref_list(const Ctx& ctx, const std::vector<model::Ref>& refs) {
    ListView list;
    for (const auto& ref : refs) {
        View t = target_view(ref_target(ctx, ref));
        list.push(t);
    }
    return list;
}

std::string repeat_label(const Ctx& ctx, const model::ScheduleEvent& e) {
    if (!e.repeat.empty()) return html::repeat_label(e.repeat, ctx.ui.lang());
    std::string out;
    for (const auto& d : e.dates) out += (out.empty() ? "" : "、") + ctx.date(d);
    return out;
}

View occurrence_view(const Ctx& ctx, int sched_page, const model::Schedule& sched,
                     const model::Occurrence& occ) {
    View o;
    o.text("anchor", occurrence_anchor(sched, occ))
        .text("when", occurrence_when(ctx.ui, occ))
        .flag("window", occ.window);
    put_status(o, occurrence_status(ctx.ui, occ.status));
    // A window needs `required` meetings: show how many were held.
    const int held = static_cast<int>(occ.fulfilled_by.size());
    std::string count;
    if (occ.window || occ.required > 1) {
        count = ctx.ui.lang() == Lang::Zh
                    ? ctx.ui("held") + " " + std::to_string(held) + " / " + std::to_string(occ.required) + " 次"
                    : std::to_string(held) + " / " + std::to_string(occ.required) + " " + ctx.ui("held");
    }
    o.text("count", count);
    ListView records;
    for (int by : occ.fulfilled_by) {
        if (!ctx.index.is_built(by)) continue;
        const auto& m = ctx.site.pages[by];
        View r;
        r.text("title", m.title)
            .text("href", ctx.href_page(by))
            .text("date", m.date ? ctx.date(*m.date) : std::string());
        records.push(r);
    }
    (void)sched_page;
    put_list(o, "records", std::move(records));
    return o;
}

}  // namespace

void schedule_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* sched = page.as<model::Schedule>();
    if (!sched) return;
    const int idx = static_cast<int>(&page - ctx.site.pages.data());
    v.text("year", sched->year ? std::to_string(sched->year) : std::string())
        .text("ics_href", ctx.href_url(page.url + "calendar.ics"));
    int done = 0, due = 0, overdue = 0;
    ListView events;
    for (size_t e = 0; e < sched->events.size(); ++e) {
        const auto& event = sched->events[e];
        View ev;
        ev.text("id", event.id)
            .text("title", event.title)
            .text("repeat", repeat_label(ctx, event))
            .text("meeting", event.meeting)
            .text("owner", event.owner);
        put_list(ev, "study", ref_list(ctx, event.study));
        ListView occs;
        for (const auto& occ : sched->occurrences) {
            if (static_cast<size_t>(occ.event) != e) continue;
            View o = occurrence_view(ctx, idx, *sched, occ);
            occs.push(o);
            switch (occ.status) {
                case model::OccurrenceStatus::Done: ++done; break;
                case model::OccurrenceStatus::Due: ++due; break;
                case model::OccurrenceStatus::Overdue: ++overdue; break;
            }
        }
        put_list(ev, "occurrences", std::move(occs));
        events.push(ev);
    }
    put_list(v, "events", std::move(events));
    const int total = done + due + overdue;
    v.text("count_done", std::to_string(done))
        .text("count_due", std::to_string(due))
        .text("count_overdue", std::to_string(overdue))
        .text("count_total", std::to_string(total))
        .flag("any_overdue", overdue > 0)
        .text("percent_done", std::to_string(total ? done * 100 / total : 0) + "%")
        .text("progress_svg", progress_svg(done, 0, due, overdue, page.title, ProgressOf::Occurrences,
                                           ctx.ui.lang()));
}

void checklist_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* checklist = page.as<model::Checklist>();
    if (!checklist) return;
    ItemCounts counts;
    ListView items;
    int no = 0;
    for (const auto& item : checklist->items) {
        counts.add(item);
        const bool overdue = item.overdue && item.status != model::ItemStatus::Done;
        View row;
        row.text("no", std::to_string(++no))
            .text("id", item.id)
            .text("issue", item.issue)
            .text("measures", item.measures)
            .text("owner", item.owner)
            .text("due", item.due ? ctx.date(*item.due) : std::string())
            .text("done_on", item.done_on ? ctx.date(*item.done_on) : std::string())
            .flag("overdue", overdue)
            .text("overdue_label", overdue ? ctx.ui("overdue") : std::string());
        put_status(row, item_status(ctx.ui, item.status));
        Target raised = item.raised_in ? ref_target(ctx, *item.raised_in) : Target{};
        Target closed = item.closed_in ? ref_target(ctx, *item.closed_in) : Target{};
        row.text("raised_title", raised.title).text("raised_href", raised.href);
        row.text("closed_title", closed.title).text("closed_href", closed.href);
        items.push(row);
    }
    put_list(v, "items", std::move(items));
    put_counts(v, counts);
    v.text("progress_svg", counts_svg(ctx.ui, counts, page.title));
    v.flag("wide", true);  // an eight-column ledger: the side column goes below
}

namespace {

const char* paper_label(model::Paper p) {
    switch (p) {
        case model::Paper::A4: return "A4";
        case model::Paper::A5: return "A5";
        case model::Paper::B5: return "B5";
        case model::Paper::K16: return "16开";
        case model::Paper::K32: return "32开";
    }
    return "A5";
}

// '*' matches inside one folder, '**' across folders (content-format §8).
bool glob_match(std::string_view pattern, std::string_view text) {
    if (pattern.empty()) return text.empty();
    if (pattern.substr(0, 2) == "**") {
        for (size_t i = 0; i <= text.size(); ++i)
            if (glob_match(pattern.substr(2), text.substr(i))) return true;
        return false;
    }
    if (pattern[0] == '*') {
        for (size_t i = 0; i <= text.size(); ++i) {
            if (glob_match(pattern.substr(1), text.substr(i))) return true;
            if (i < text.size() && text[i] == '/') break;
        }
        return false;
    }
    return !text.empty() && pattern[0] == text[0] && glob_match(pattern.substr(1), text.substr(1));
}

// The part's pages: resolved by the loader when it has; else from `items`.
std::vector<int> part_pages(const Ctx& ctx, const model::HandbookPart& part) {
    if (!part.pages.empty()) return part.pages;
    std::vector<int> out;
    for (const auto& item : part.items) {
        if (item.find('*') == std::string::npos) {
            auto it = ctx.site.by_id.find(item);
            if (it != ctx.site.by_id.end()) out.push_back(it->second);
            continue;
        }
        std::vector<int> matched;
        for (size_t i = 0; i < ctx.site.pages.size(); ++i)
            if (ctx.index.is_built(static_cast<int>(i)) && ctx.site.pages[i].kind != model::Kind::Handbook &&
                glob_match(item, ctx.site.pages[i].id))
                matched.push_back(static_cast<int>(i));
        std::stable_sort(matched.begin(), matched.end(), [&](int a, int b) {
            const auto& pa = ctx.site.pages[a];
            const auto& pb = ctx.site.pages[b];
            if (pa.weight != pb.weight) return pa.weight < pb.weight;
            if (pa.date != pb.date) return pa.date < pb.date;
            return pa.id < pb.id;
        });
        out.insert(out.end(), matched.begin(), matched.end());
    }
    return out;
}

}  // namespace

void handbook_fields(const Ctx& ctx, const model::Page& page, View& v) {
    const auto* book = page.as<model::Handbook>();
    if (!book) return;
    v.text("subtitle", book->subtitle)
        .text("edition", book->edition)
        .text("paper", paper_label(book->paper))
        .text("pdf_href", ctx.href_url("/handbooks/" + page.slug + ".pdf"))
        .text("publisher", ctx.site.config.publisher);
    ListView parts;
    for (const auto& part : book->include) {
        View p;
        p.text("title", part.title);
        ListView chapters;
        for (int c : part_pages(ctx, part)) {
            if (!ctx.index.is_built(c)) continue;
            View ch;
            ch.text("title", ctx.site.pages[c].title)
                .text("href", ctx.href_page(c))
                .text("kind_label", kind_label(ctx.ui, ctx.site.pages[c].kind));
            chapters.push(ch);
        }
        put_list(p, "chapters", std::move(chapters));
        parts.push(p);
    }
    put_list(v, "parts", std::move(parts));
}

}  // namespace chuxin::html
