#include "schedule/report_table.h"

#include <algorithm>

#include "schedule/status.h"

namespace chuxin::schedule {

ReportCell ReportCell::str(std::string s) {
    ReportCell c;
    c.kind = Kind::Text;
    c.text = std::move(s);
    return c;
}
ReportCell ReportCell::opt(std::string s) { return s.empty() ? empty() : str(std::move(s)); }
ReportCell ReportCell::day(Date d) {
    ReportCell c;
    c.kind = Kind::Date;
    c.date = d;
    return c;
}
ReportCell ReportCell::day(const std::optional<Date>& d) { return d ? day(*d) : empty(); }
ReportCell ReportCell::num(long n) {
    ReportCell c;
    c.kind = Kind::Number;
    c.number = n;
    return c;
}
ReportCell ReportCell::boolean(bool b) {
    ReportCell c;
    c.kind = Kind::Bool;
    c.flag = b;
    return c;
}
ReportCell ReportCell::list(std::vector<std::string> ids) {
    ReportCell c;
    c.kind = Kind::List;
    c.items = std::move(ids);
    return c;
}

std::string ReportCell::plain() const {
    switch (kind) {
        case Kind::Empty: return "";
        case Kind::Text: return text;
        case Kind::Date: return date.iso();
        case Kind::Number: return std::to_string(number);
        case Kind::Bool: return flag ? "true" : "false";
        case Kind::List: {
            std::string joined;
            for (size_t i = 0; i < items.size(); ++i) joined += (i ? ";" : "") + items[i];
            return joined;
        }
    }
    return "";
}

namespace {

struct Context {
    const model::Site& site;
    Lang lang;
    bool en() const { return lang == Lang::En; }
    const model::Page& page(int i) const { return site.pages[static_cast<size_t>(i)]; }
};

struct OccurrenceLine {
    const model::Page* page;
    const model::ScheduleEvent* event;
    const model::Occurrence* occ;
};

struct ItemLine {
    const model::Page* page;
    const model::ChecklistItem* item;
};

// A column: its header in each language (Ids columns: the JSON key twice)
// and how a line becomes its cell.
template <class Line> struct Column {
    const char* zh;
    const char* en;
    ReportCell (*cell)(const Context&, const Line&);
};

bool included(const model::Site& site, const model::Page& p) { return !p.draft || site.config.drafts; }

// Pages of one kind that the report shows, by id.
template <class T> std::vector<const model::Page*> pages_by_id(const model::Site& site) {
    std::vector<const model::Page*> out;
    for (const auto& p : site.pages)
        if (p.as<T>() && included(site, p)) out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](const model::Page* a, const model::Page* b) { return a->id < b->id; });
    return out;
}

std::vector<OccurrenceLine> occurrence_lines(const model::Site& site) {
    std::vector<OccurrenceLine> lines;
    for (const model::Page* page : pages_by_id<model::Schedule>(site)) {
        const auto& sched = *page->as<model::Schedule>();
        // compute() keeps occurrences in event order, then start; sort anyway
        // so the report never depends on how they were filled.
        std::vector<const model::Occurrence*> occs;
        for (const auto& o : sched.occurrences) occs.push_back(&o);
        std::stable_sort(occs.begin(), occs.end(), [](const model::Occurrence* a, const model::Occurrence* b) {
            if (a->event != b->event) return a->event < b->event;
            return a->start != b->start ? a->start < b->start : a->end < b->end;
        });
        for (const auto* o : occs) lines.push_back({page, &sched.events.at(static_cast<size_t>(o->event)), o});
    }
    return lines;
}

std::vector<ItemLine> item_lines(const model::Site& site) {
    std::vector<ItemLine> lines;
    for (const model::Page* page : pages_by_id<model::Checklist>(site))
        for (const auto& item : page->as<model::Checklist>()->items) lines.push_back({page, &item});
    return lines;
}

std::string title_of(const model::Page& p) { return p.title.empty() ? p.id : p.title; }

// A reference as an id: the resolved page's id (+ "#anchor"), else as written.
std::string ref_id(const Context& c, const model::Ref& ref) {
    if (!ref.resolved()) return ref.text;
    const std::string& id = c.page(ref.page).id;
    return ref.anchor.empty() ? id : id + "#" + ref.anchor;
}

// A reference for people: the target page's title, else as written.
std::string ref_title(const Context& c, const model::Ref& ref) {
    return ref.resolved() ? title_of(c.page(ref.page)) : ref.text;
}

ReportCell opt_ref_id(const Context& c, const std::optional<model::Ref>& ref) {
    return ref ? ReportCell::str(ref_id(c, *ref)) : ReportCell::empty();
}
ReportCell opt_ref_title(const Context& c, const std::optional<model::Ref>& ref) {
    return ref ? ReportCell::str(ref_title(c, *ref)) : ReportCell::empty();
}

std::vector<std::string> record_ids(const Context& c, const model::Occurrence& o) {
    std::vector<std::string> ids;
    for (int m : o.fulfilled_by) ids.push_back(c.page(m).id);
    return ids;
}

std::string record_titles(const Context& c, const model::Occurrence& o) {
    std::string joined;
    for (size_t i = 0; i < o.fulfilled_by.size(); ++i)
        joined += (i ? (c.en() ? "; " : "；") : "") + title_of(c.page(o.fulfilled_by[i]));
    return joined;
}

using OccColumn = Column<OccurrenceLine>;
using ItemColumn = Column<ItemLine>;
using C = const Context&;
using O = const OccurrenceLine&;
using I = const ItemLine&;

// The JSON keys, in the order content-format §7 gives them.
const std::vector<OccColumn> kOccurrenceIds = {
    {"schedule", "schedule", [](C, O l) { return ReportCell::str(l.page->id); }},
    {"event", "event", [](C, O l) { return ReportCell::str(l.event->id); }},
    {"start", "start", [](C, O l) { return ReportCell::day(l.occ->start); }},
    {"end", "end", [](C, O l) { return ReportCell::day(l.occ->end); }},
    {"required", "required", [](C, O l) { return ReportCell::num(l.occ->required); }},
    {"fulfilled_by", "fulfilled_by", [](C c, O l) { return ReportCell::list(record_ids(c, *l.occ)); }},
    {"status", "status", [](C, O l) { return ReportCell::str(status_code(l.occ->status)); }},
};

const std::vector<OccColumn> kOccurrenceTitles = {
    {"计划", "Plan", [](C, O l) { return ReportCell::str(title_of(*l.page)); }},
    {"活动", "Event", [](C, O l) { return ReportCell::str(l.event->title.empty() ? l.event->id : l.event->title); }},
    {"时间", "When", [](C c, O l) { return ReportCell::str(occurrence_label(*l.occ, c.lang)); }},
    {"开始", "Start", [](C, O l) { return ReportCell::day(l.occ->start); }},
    {"截止", "End", [](C, O l) { return ReportCell::day(l.occ->end); }},
    {"应开展次数", "Required", [](C, O l) { return ReportCell::num(l.occ->required); }},
    {"已开展次数", "Held", [](C, O l) { return ReportCell::num(static_cast<long>(l.occ->fulfilled_by.size())); }},
    {"落实记录", "Records", [](C c, O l) { return ReportCell::opt(record_titles(c, *l.occ)); }},
    {"状态", "Status", [](C c, O l) { return ReportCell::str(status_label(l.occ->status, c.lang)); }},
    {"计划编号", "Plan id", [](C, O l) { return ReportCell::str(l.page->id); }},
    {"活动编号", "Event id", [](C, O l) { return ReportCell::str(l.event->id); }},
    {"记录编号", "Record ids", [](C c, O l) { return ReportCell::list(record_ids(c, *l.occ)); }},
};

const std::vector<ItemColumn> kItemIds = {
    {"checklist", "checklist", [](C, I l) { return ReportCell::str(l.page->id); }},
    {"item", "item", [](C, I l) { return ReportCell::str(l.item->id); }},
    {"owner", "owner", [](C, I l) { return ReportCell::opt(l.item->owner); }},
    {"due", "due", [](C, I l) { return ReportCell::day(l.item->due); }},
    {"status", "status", [](C, I l) { return ReportCell::str(item_status_code(l.item->status)); }},
    {"overdue", "overdue", [](C, I l) { return ReportCell::boolean(l.item->overdue); }},
    {"raised_in", "raised_in", [](C c, I l) { return opt_ref_id(c, l.item->raised_in); }},
    {"closed_in", "closed_in", [](C c, I l) { return opt_ref_id(c, l.item->closed_in); }},
};

const std::vector<ItemColumn> kItemTitles = {
    {"整改清单", "Checklist", [](C, I l) { return ReportCell::str(title_of(*l.page)); }},
    {"问题", "Issue", [](C, I l) { return ReportCell::opt(l.item->issue); }},
    {"整改措施", "Measures", [](C, I l) { return ReportCell::opt(l.item->measures); }},
    {"责任人", "Owner", [](C, I l) { return ReportCell::opt(l.item->owner); }},
    {"整改时限", "Deadline", [](C, I l) { return ReportCell::day(l.item->due); }},
    {"状态", "Status", [](C c, I l) { return ReportCell::str(item_status_label(l.item->status, c.lang)); }},
    {"逾期", "Overdue",
     [](C c, I l) { return l.item->overdue ? ReportCell::str(overdue_label(c.lang)) : ReportCell::empty(); }},
    {"销号日期", "Closed on", [](C, I l) { return ReportCell::day(l.item->done_on); }},
    {"提出会议", "Raised in", [](C c, I l) { return opt_ref_title(c, l.item->raised_in); }},
    {"销号会议", "Closed in", [](C c, I l) { return opt_ref_title(c, l.item->closed_in); }},
    {"清单编号", "Checklist id", [](C, I l) { return ReportCell::str(l.page->id); }},
    {"问题编号", "Item id", [](C, I l) { return ReportCell::str(l.item->id); }},
    {"提出会议编号", "Raised-in id", [](C c, I l) { return opt_ref_id(c, l.item->raised_in); }},
    {"销号会议编号", "Closed-in id", [](C c, I l) { return opt_ref_id(c, l.item->closed_in); }},
};

template <class Line>
ReportSheet fill(const Context& c, const std::vector<Column<Line>>& columns, const std::vector<Line>& lines,
                 bool (*overdue)(const Line&)) {
    ReportSheet sheet;
    for (const auto& col : columns) sheet.headers.push_back(c.en() ? col.en : col.zh);
    sheet.rows.reserve(lines.size());
    for (const auto& line : lines) {
        ReportRow row;
        row.overdue = overdue(line);
        row.cells.reserve(columns.size());
        for (const auto& col : columns) row.cells.push_back(col.cell(c, line));
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

ReportSheet report_sheet(const model::Site& site, ReportWhat what, ReportColumns columns) {
    Context c{site, site.config.lang};
    bool ids = columns == ReportColumns::Ids;
    ReportSheet sheet;
    if (what == ReportWhat::Occurrences) {
        sheet = fill(c, ids ? kOccurrenceIds : kOccurrenceTitles, occurrence_lines(site),
                     +[](const OccurrenceLine& l) { return l.occ->status == model::OccurrenceStatus::Overdue; });
        sheet.name = ids ? "occurrences" : c.en() ? "Occurrences" : "落实情况";
    } else {
        sheet = fill(c, ids ? kItemIds : kItemTitles, item_lines(site),
                     +[](const ItemLine& l) { return l.item->overdue; });
        sheet.name = ids ? "items" : c.en() ? "Checklist items" : "整改台账";
    }
    return sheet;
}

}  // namespace chuxin::schedule
