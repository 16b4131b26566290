// The home page (design.md "Home page"): first what needs action — overdue
// occurrences and checklist items, then what falls due within 30 days of the
// as-of date — then the latest minutes, newest cases, checklist progress and
// the handbook downloads.
#include <algorithm>
#include <tuple>

#include "html/view.h"

namespace chuxin::html {

namespace {

constexpr long kDueSoonDays = 30;
constexpr size_t kHomeChecklists = 6;
constexpr size_t kHomeActions = 12;  // per column; the rest is one click away

struct Action {
    Date when;       // sort key: the occurrence's (last) day or the item's deadline
    int order = 0;   // tie-break: discovery order (schedule/checklist order in the site)
    View view;
};

void sort_actions(std::vector<Action>& actions) {
    std::stable_sort(actions.begin(), actions.end(),
                     [](const Action& a, const Action& b) { return std::tie(a.when, a.order) < std::tie(b.when, b.order); });
}

ListView to_list(std::vector<Action>& actions, size_t limit) {
    sort_actions(actions);
    ListView list;
    for (auto& a : actions) {
        if (list.size() >= limit) break;
        list.push(a.view);
    }
    return list;
}

void collect_occurrences(const Ctx& ctx, std::vector<Action>& overdue, std::vector<Action>& soon) {
    const Date& today = ctx.site.as_of;
    const Date horizon = today.plus_days(kDueSoonDays);
    int order = 0;
    for (int s : ctx.index.schedules) {
        const auto* sched = ctx.site.pages[s].as<model::Schedule>();
        for (const auto& occ : sched->occurrences) {
            ++order;
            const bool is_overdue = occ.status == model::OccurrenceStatus::Overdue;
            const Date& last = occ.end;
            const bool is_soon = occ.status == model::OccurrenceStatus::Due && last >= today && last <= horizon;
            if (!is_overdue && !is_soon) continue;
            if (static_cast<size_t>(occ.event) >= sched->events.size()) continue;
            const auto& event = sched->events[occ.event];
            View v;
            v.text("what", ctx.ui("occurrence"))
                .text("title", event.title)
                .text("context", ctx.site.pages[s].title)
                .text("href", ctx.href_page(s, occurrence_anchor(*sched, occ)))
                .text("when", occurrence_when(ctx.ui, occ))
                .text("owner", event.owner);
            put_status(v, occurrence_status(ctx.ui, occ.status));
            (is_overdue ? overdue : soon).push_back({last, order, std::move(v)});
        }
    }
}

void collect_items(const Ctx& ctx, std::vector<Action>& overdue, std::vector<Action>& soon) {
    const Date& today = ctx.site.as_of;
    const Date horizon = today.plus_days(kDueSoonDays);
    int order = 100000000;  // items after occurrences on the same day
    for (int c : ctx.index.checklists) {
        const auto* checklist = ctx.site.pages[c].as<model::Checklist>();
        for (const auto& item : checklist->items) {
            ++order;
            if (item.status == model::ItemStatus::Done || !item.due) continue;
            const bool is_overdue = item.overdue;
            const bool is_soon = !is_overdue && *item.due >= today && *item.due <= horizon;
            if (!is_overdue && !is_soon) continue;
            View v;
            v.text("what", ctx.ui("checklist_item"))
                .text("title", item.issue)
                .text("context", ctx.site.pages[c].title)
                .text("href", ctx.href_page(c, item.id))
                .text("when", ctx.date(*item.due))
                .text("owner", item.owner);
            put_status(v, is_overdue ? overdue_status(ctx.ui) : item_status(ctx.ui, item.status));
            (is_overdue ? overdue : soon).push_back({*item.due, order, std::move(v)});
        }
    }
}

std::vector<int> newest_of(const Ctx& ctx, model::Kind kind, size_t limit) {
    std::vector<int> out;
    for (int p : ctx.index.dated_newest_first) {
        if (out.size() >= limit) break;
        if (ctx.site.pages[p].kind == kind) out.push_back(p);
    }
    return out;
}

std::string section_href(const Ctx& ctx, const char* folder) {
    return ctx.site.sections.count(folder) ? ctx.href_url("/" + std::string(folder) + "/") : std::string();
}

}  // namespace

Data home_view(const Ctx& ctx) {
    View v;
    const auto home = ctx.site.sections.find("");
    std::string title = home != ctx.site.sections.end() && !home->second.title.empty()
                            ? home->second.title : ctx.site.config.title;
    v.text("title", title)
        .text("intro", home != ctx.site.sections.end() ? section_intro(ctx, home->second) : std::string())
        .text("as_of_date", ctx.date(ctx.site.as_of))
        .flag("is_home", true);

    std::vector<Action> overdue, soon;
    collect_occurrences(ctx, overdue, soon);
    collect_items(ctx, overdue, soon);
    const bool nothing = overdue.empty() && soon.empty();
    v.text("count_overdue", std::to_string(overdue.size())).text("count_soon", std::to_string(soon.size()));
    v.flag("more_overdue", overdue.size() > kHomeActions).flag("more_soon", soon.size() > kHomeActions);
    put_list(v, "overdue", to_list(overdue, kHomeActions));
    put_list(v, "soon", to_list(soon, kHomeActions));
    v.flag("nothing_due", nothing);

    put_list(v, "latest_minutes", entries(ctx, newest_of(ctx, model::Kind::Minutes, 6)));
    put_list(v, "newest_cases", entries(ctx, newest_of(ctx, model::Kind::Case, 4)));
    v.text("minutes_href", section_href(ctx, "minutes")).text("cases_href", section_href(ctx, "cases"));

    // Every checklist counts toward the total; the first few are listed,
    // the overview (整改进度总览) has them all.
    ItemCounts all;
    ListView checklists;
    for (int c : ctx.index.checklists) {
        const ItemCounts counts = checklist_counts(ctx.site.pages[c]);
        all.add(counts);
        if (checklists.size() >= kHomeChecklists) continue;
        View row;
        row.text("title", ctx.site.pages[c].title).text("href", ctx.href_page(c));
        put_counts(row, counts);
        checklists.push(row);
    }
    put_list(v, "checklists", std::move(checklists));
    View total;
    put_counts(total, all);
    total.text("progress_svg", counts_svg(ctx.ui, all, ctx.ui("checklist_progress")));
    v.set("checklist_total", total.take());

    ListView books;
    for (int h : ctx.index.handbooks) {
        const auto& page = ctx.site.pages[h];
        const auto* book = page.as<model::Handbook>();
        View b;
        b.text("title", page.title)
            .text("href", ctx.href_page(h))
            .text("pdf_href", ctx.href_url("/handbooks/" + page.slug + ".pdf"))
            .text("edition", book ? book->edition : std::string())
            .text("subtitle", book ? book->subtitle : std::string());
        books.push(b);
    }
    put_list(v, "handbooks", std::move(books));
    frame_fields(ctx, v, title, "", {{ctx.ui("home"), ""}});
    return v.take();
}

}  // namespace chuxin::html
