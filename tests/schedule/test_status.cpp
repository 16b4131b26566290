// Matching minutes to occurrences and the statuses (content-format §3, §8).
#include <catch2/catch.hpp>

#include "schedule/status.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::schedule;
using namespace chuxin::testing;

namespace {

const model::Schedule& sched(const SiteBuilder& b, int page) { return *b.site.pages[static_cast<size_t>(page)].as<model::Schedule>(); }

const model::Occurrence& occ_on(const SiteBuilder& b, int page, const char* start) {
    for (const auto& o : sched(b, page).occurrences)
        if (o.start == d(start)) return o;
    FAIL("no occurrence starting " << start);
    throw;
}

}  // namespace

TEST_CASE("a meeting counts within 7 days of a fixed date, not 8", "[match]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("theme-day", "每月第一个周二")});
    int seven_after = b.minutes("minutes/a", "2026-01-13", s, "theme-day");   // 6 Jan + 7
    int seven_before = b.minutes("minutes/b", "2026-01-27", s, "theme-day");  // 3 Feb − 7
    b.minutes("minutes/c", "2026-03-11", s, "theme-day");                     // 3 Mar + 8
    Diagnostics diags;
    compute(b.site, d("2026-12-31"), diags);
    CHECK(occ_on(b, s, "2026-01-06").fulfilled_by == std::vector<int>{seven_after});
    CHECK(occ_on(b, s, "2026-02-03").fulfilled_by == std::vector<int>{seven_before});
    CHECK(occ_on(b, s, "2026-03-03").fulfilled_by.empty());
    REQUIRE(diags.warning_count() == 1);
    CHECK_FALSE(diags.has_errors());
    auto w = diags.sorted().front();
    CHECK(w.severity == Severity::Warning);
    CHECK(w.pos.file == "content/minutes/c.md");
    CHECK(w.pos.line == 8);
    CHECK(w.message.find("content/minutes/c.md") != std::string::npos);
    CHECK(w.message.find("schedules/2026#theme-day") != std::string::npos);
}

TEST_CASE("two meetings for one occurrence are both listed, by date then page", "[match]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("theme-day", "每月第一个周二")});
    int later = b.minutes("minutes/a-later", "2026-01-08", s, "theme-day");
    int same_day_2 = b.minutes("minutes/b", "2026-01-06", s, "theme-day");
    int same_day_1 = b.minutes("minutes/a", "2026-01-06", s, "theme-day");
    Diagnostics diags;
    compute(b.site, d("2026-12-31"), diags);
    CHECK(occ_on(b, s, "2026-01-06").fulfilled_by == std::vector<int>{same_day_2, same_day_1, later});
    CHECK(occ_on(b, s, "2026-01-06").status == model::OccurrenceStatus::Done);
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("a meeting exactly between two occurrences counts for the earlier", "[match]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("talk", "", {d("2026-01-12"), d("2026-01-06")})});
    int m = b.minutes("minutes/mid", "2026-01-09", s, "talk");
    Diagnostics diags;
    compute(b.site, d("2026-12-31"), diags);
    CHECK(occ_on(b, s, "2026-01-06").fulfilled_by == std::vector<int>{m});
    CHECK(occ_on(b, s, "2026-01-12").fulfilled_by.empty());
}

TEST_CASE("windows count every meeting inside; required 2 needs two", "[match]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("seminar", "每季度两次"), event("theme-day", "每月第一个周二")});
    b.minutes("minutes/q1-a", "2026-01-20", s, "seminar");
    b.minutes("minutes/q1-b", "2026-03-31", s, "seminar");
    b.minutes("minutes/q2-a", "2026-04-01", s, "seminar");
    b.minutes("minutes/q3-draft", "2026-07-10", s, "seminar", true);  // drafts count for nothing
    b.minutes("minutes/2027", "2027-01-05", s, "seminar");            // outside every window → warning
    Diagnostics diags;
    compute(b.site, d("2026-08-01"), diags);
    const auto& occs = sched(b, s).occurrences;
    REQUIRE(occs.size() == 16);
    // Event order in the file, then start.
    CHECK(occs[0].event == 0);
    CHECK(occs[3].event == 0);
    CHECK(occs[4].event == 1);
    CHECK(occs[0].required == 2);
    CHECK(occs[0].fulfilled_by.size() == 2);
    CHECK(occs[0].status == model::OccurrenceStatus::Done);
    CHECK(occs[1].fulfilled_by.size() == 1);
    CHECK(occs[1].status == model::OccurrenceStatus::Overdue);  // Q2 ended 06-30
    CHECK(occs[2].fulfilled_by.empty());
    CHECK(occs[2].status == model::OccurrenceStatus::Due);  // Q3 ends 09-30
    CHECK(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].message.find("minutes/2027") != std::string::npos);
}

TEST_CASE("status boundaries on the as-of date", "[status]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("lecture", "", {d("2026-07-01")}), event("half", "每半年1次")});
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    CHECK(occ_on(b, s, "2026-07-01").status == model::OccurrenceStatus::Due);  // date == as_of
    compute(b.site, d("2026-07-02"), diags);
    CHECK(occ_on(b, s, "2026-07-01").status == model::OccurrenceStatus::Overdue);
    compute(b.site, d("2026-06-30"), diags);
    CHECK(occ_on(b, s, "2026-01-01").status == model::OccurrenceStatus::Due);  // window end == as_of
    compute(b.site, d("2026-07-01"), diags);
    CHECK(occ_on(b, s, "2026-01-01").status == model::OccurrenceStatus::Overdue);
    CHECK(occ_on(b, s, "2026-07-01").status == model::OccurrenceStatus::Due);
    CHECK(b.site.as_of == d("2026-07-01"));
    // Recomputing does not pile up occurrences.
    CHECK(sched(b, s).occurrences.size() == 3);
}

TEST_CASE("one meeting may fulfil several events; refs without an event are skipped", "[match]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("theme-day", "每月第一个周二"), event("seminar", "每季度1次")});
    int m = b.minutes("minutes/joint", "2026-02-03", s, "theme-day");
    auto& mins = *b.site.pages[static_cast<size_t>(m)].as<model::Minutes>();
    mins.fulfills.push_back(b.ref_to(s, "seminar"));
    mins.fulfills.push_back(b.ref_to(s, "theme-day"));  // listed twice: still one meeting
    mins.fulfills.push_back(b.ref_to(s, ""));           // the graph stage reports these
    model::Ref unresolved;
    unresolved.text = "schedules/nope#x";
    mins.fulfills.push_back(unresolved);
    Diagnostics diags;
    compute(b.site, d("2026-03-01"), diags);
    CHECK(occ_on(b, s, "2026-02-03").fulfilled_by == std::vector<int>{m});
    CHECK(sched(b, s).occurrences[12].fulfilled_by == std::vector<int>{m});  // Q1 window
    CHECK(sched(b, s).occurrences[12].status == model::OccurrenceStatus::Done);
    CHECK(diags.warning_count() == 0);
    CHECK(occ_on(b, s, "2026-01-06").status == model::OccurrenceStatus::Overdue);
}

TEST_CASE("checklist items: overdue only when not done, with a due date before as-of", "[status]") {
    SiteBuilder b;
    model::Page p;
    p.id = "checklists/2026";
    p.kind = model::Kind::Checklist;
    model::Checklist cl;
    auto item = [&](const char* id, model::ItemStatus st, std::optional<Date> due) {
        model::ChecklistItem i;
        i.id = id;
        i.issue = id;
        i.status = st;
        i.due = due;
        cl.items.push_back(i);
    };
    item("past-open", model::ItemStatus::Open, d("2026-06-30"));
    item("past-doing", model::ItemStatus::Doing, d("2026-06-30"));
    item("past-done", model::ItemStatus::Done, d("2026-06-30"));
    item("today", model::ItemStatus::Open, d("2026-07-01"));
    item("no-due", model::ItemStatus::Open, std::nullopt);
    p.data = cl;
    int c = b.add_page(p);
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    const auto& items = b.site.pages[static_cast<size_t>(c)].as<model::Checklist>()->items;
    CHECK(items[0].overdue);
    CHECK(items[1].overdue);
    CHECK_FALSE(items[2].overdue);
    CHECK_FALSE(items[3].overdue);
    CHECK_FALSE(items[4].overdue);
}

TEST_CASE("an unreadable repeat in a schedule is reported by compute", "[status]") {
    SiteBuilder b;
    b.schedule("schedules/2026", 2026, {event("a", "每月第一个周二"), event("b", "隔周一次"), event("c", "每月32日")});
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    CHECK(diags.error_count() == 2);
    auto all = diags.sorted();
    CHECK(all[0].pos.line == 11);  // event b's repeat_pos
    CHECK(all[1].pos.line == 15);
}
