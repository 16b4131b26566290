// 整改进度总览 (content-format §3 checklist, §6): every checklist's items
// totalled by status, by branch and by owner, overdue items first, with the
// progress drawn.
#include <algorithm>
#include <map>

#include "html/view.h"

namespace chuxin::html {

namespace {

struct OverdueRow {
    Date due;
    int order = 0;
    View view;
};

ListView count_rows(const Ctx& ctx, const std::map<std::string, ItemCounts>& groups, const char* name_key) {
    ListView rows;
    for (const auto& [name, counts] : groups) {
        View row;
        row.text(name_key, name.empty() ? ctx.ui("no_org") : name);
        put_counts(row, counts);
        rows.push(row);
    }
    return rows;
}

}  // namespace

Data overview_view(const Ctx& ctx) {
    View v;
    const std::string title = ctx.ui("overview");
    v.text("title", title).text("as_of_date", ctx.date(ctx.site.as_of));
    ItemCounts all;
    std::map<std::string, ItemCounts> by_org, by_owner;
    std::vector<OverdueRow> overdue;
    ListView lists;
    int order = 0;
    for (int c : ctx.index.checklists) {
        const auto& page = ctx.site.pages[c];
        const std::string org = org_name(ctx.site, page.org);
        ItemCounts counts;
        for (const auto& item : page.as<model::Checklist>()->items) {
            counts.add(item);
            all.add(item);
            by_org[org].add(item);
            by_owner[item.owner].add(item);
            if (item.overdue && item.status != model::ItemStatus::Done) {
                View row;
                row.text("issue", item.issue)
                    .text("href", ctx.href_page(c, item.id))
                    .text("checklist_title", page.title)
                    .text("owner", item.owner)
                    .text("due", item.due ? ctx.date(*item.due) : std::string())
                    .text("org_name", org);
                put_status(row, item_status(ctx.ui, item.status));
                overdue.push_back({item.due.value_or(Date{}), ++order, std::move(row)});
            }
        }
        View row;
        row.text("title", page.title).text("href", ctx.href_page(c)).text("org_name", org);
        put_counts(row, counts);
        lists.push(row);
    }
    put_counts(v, all);
    v.text("progress_svg", counts_svg(ctx.ui, all, title));
    put_list(v, "checklists", std::move(lists));
    put_list(v, "by_org", count_rows(ctx, by_org, "name"));
    put_list(v, "by_owner", count_rows(ctx, by_owner, "name"));
    std::stable_sort(overdue.begin(), overdue.end(), [](const OverdueRow& a, const OverdueRow& b) {
        return a.due != b.due ? a.due < b.due : a.order < b.order;
    });
    ListView overdue_list;
    for (auto& row : overdue) overdue_list.push(row.view);
    put_list(v, "overdue_items", std::move(overdue_list));
    frame_fields(ctx, v, title, "checklists",
                 {{ctx.ui("home"), "/"}, {section_title(ctx, "checklists"), "/checklists/"}, {title, ""}});
    return v.take();
}

}  // namespace chuxin::html
