// Month grids, window lists, labels, study hours and the progress picture.
#include <catch2/catch.hpp>

#include "schedule/calendar.h"
#include "schedule/progress_svg.h"
#include "schedule/status.h"
#include "schedule/study_hours.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::schedule;
using namespace chuxin::testing;

TEST_CASE("month grid: Monday first, outside days marked, entries on their day", "[calendar]") {
    SiteBuilder b;
    int s = b.schedule("schedules/2026", 2026, {event("theme-day", "每月第一个周二"), event("seminar", "每季度1次")});
    int m = b.minutes("minutes/2026-03-03", "2026-03-03", s, "theme-day");
    int draft = b.minutes("minutes/draft", "2026-03-04", s, "theme-day", true);
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    auto grid = month_grid(b.site, 2026, 3);
    // March 2026: Sunday 1st … Tuesday 31st → weeks from 23 Feb to 5 Apr.
    REQUIRE(grid.size() == 6);
    CHECK(grid[0][0].date.iso() == "2026-02-23");
    CHECK_FALSE(grid[0][0].in_month);
    CHECK(grid[0][6].date.iso() == "2026-03-01");
    CHECK(grid[0][6].in_month);
    CHECK(grid[5][6].date.iso() == "2026-04-05");
    const auto& tue = grid[1][1];
    CHECK(tue.date.iso() == "2026-03-03");
    REQUIRE(tue.occurrences.size() == 1);
    CHECK(tue.occurrences[0] == OccurrenceRef{s, 2});
    CHECK(tue.minutes == std::vector<int>{m});
    CHECK(grid[1][2].minutes.empty());  // the draft
    (void)draft;
    // The Q1 window shows on January, February and March; not in April.
    auto w = month_windows(b.site, 2026, 3);
    REQUIRE(w.size() == 1);
    CHECK(b.site.pages[static_cast<size_t>(w[0].page)].as<model::Schedule>()->occurrences[static_cast<size_t>(w[0].occurrence)].start.iso() == "2026-01-01");
    CHECK(month_windows(b.site, 2026, 4)[0].occurrence != w[0].occurrence);
    auto months = calendar_months(b.site);
    REQUIRE(months.size() == 12);
    CHECK(months.front() == std::pair<int, int>{2026, 1});
    // February 2027 fits in 4 weeks exactly (1 Feb is a Monday).
    CHECK(month_grid(b.site, 2027, 2).size() == 4);
}

TEST_CASE("status and occurrence labels in both languages", "[labels]") {
    CHECK(status_label(model::OccurrenceStatus::Done, Lang::Zh) == "已完成");
    CHECK(status_label(model::OccurrenceStatus::Due, Lang::Zh) == "待开展");
    CHECK(status_label(model::OccurrenceStatus::Overdue, Lang::Zh) == "逾期");
    CHECK(status_label(model::OccurrenceStatus::Due, Lang::En) == "Due");
    CHECK(item_status_label(model::ItemStatus::Open, Lang::Zh) == "未整改");
    CHECK(item_status_label(model::ItemStatus::Doing, Lang::Zh) == "整改中");
    CHECK(item_status_label(model::ItemStatus::Done, Lang::Zh) == "已销号");
    CHECK(item_status_label(model::ItemStatus::Done, Lang::En) == "Closed");
    model::Occurrence q;
    q.window = true;
    q.start = d("2026-04-01");
    q.end = d("2026-06-30");
    CHECK(occurrence_label(q, Lang::Zh) == "2026年第二季度");
    CHECK(occurrence_label(q, Lang::En) == "2026 Q2");
    q.start = d("2026-07-01");
    q.end = d("2026-12-31");
    CHECK(occurrence_label(q, Lang::Zh) == "2026年下半年");
    q.start = d("2026-12-28");
    q.end = d("2027-01-03");
    CHECK(occurrence_label(q, Lang::Zh) == "2026年12月28日至2027年1月3日");
    model::Occurrence f;
    f.start = f.end = d("2026-01-06");
    CHECK(occurrence_label(f, Lang::Zh) == "2026年1月6日");
}

TEST_CASE("scheduled study hours: distinct items of the org's schedules for the year", "[hours]") {
    SiteBuilder b;
    model::Page list;
    list.id = "studylists/2026-q1";
    list.kind = model::Kind::StudyList;
    list.title = "2026年第一季度自学内容清单";
    model::StudyList sl;
    for (auto [id, h] : {std::pair{"dangzhang", 4.0}, {"jianghua", 2.5}, {"wenjian", 0.0}}) {
        model::StudyItem item;
        item.id = id;
        item.title = id;
        if (h > 0) item.hours = h;
        sl.items.push_back(item);
    }
    list.data = sl;
    int l = b.add_page(list);
    auto with_study = [&](std::string id, std::vector<std::string> anchors) {
        auto e = event(id, "每月第一个周二");
        for (const auto& a : anchors) e.study.push_back(b.ref_to(l, a));
        return e;
    };
    b.schedule("schedules/2026", 2026, {with_study("a", {"dangzhang"}), with_study("b", {"", "dangzhang"})}, "jiguan-1");
    b.schedule("schedules/2026-other", 2026, {with_study("c", {"jianghua"})}, "jiguan-2");
    b.schedule("schedules/2025", 2025, {with_study("d", {""})}, "jiguan-1");
    CHECK(scheduled_study_hours(b.site, "jiguan-1", 2026) == Approx(6.5));  // 4 + 2.5, each item once
    CHECK(scheduled_study_hours(b.site, "jiguan-2", 2026) == Approx(2.5));
    CHECK(scheduled_study_hours(b.site, "jiguan-1", 2027) == 0);
    CHECK(kYearlyStudyNorm == 32);
}

TEST_CASE("progress picture: accessible, worded, deterministic", "[svg]") {
    std::string svg = progress_svg(6, 2, 1, 1, "2026年整改清单 <总览> & 进度");
    CHECK(svg == progress_svg(6, 2, 1, 1, "2026年整改清单 <总览> & 进度"));
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    const std::string summary = "2026年整改清单 &lt;总览&gt; &amp; 进度：共10项，完成率60%，已销号6项，整改中2项，未整改1项，逾期1项";
    CHECK(svg.find("<title>" + summary + "</title>") != std::string::npos);
    CHECK(svg.find("aria-label=\"" + summary + "\"") != std::string::npos);
    for (const char* word : {"已销号 6", "整改中 2", "未整改 1", "逾期 1", "完成率 60%"})
        CHECK(svg.find(word) != std::string::npos);
    CHECK(svg.find("#2E7D32") != std::string::npos);   // done green
    CHECK(svg.find("#B5121B") != std::string::npos);   // overdue red
    CHECK(svg.find("width=\"288\"") != std::string::npos);  // 6/10 of 480
    CHECK(svg.find(" id=") == std::string::npos);  // many may sit in one page
    std::string sched = progress_svg(3, 0, 8, 1, "主题党日", ProgressWords::Schedule);
    for (const char* word : {"已完成 3", "待开展 8", "逾期 1", "完成率 25%"}) CHECK(sched.find(word) != std::string::npos);
    std::string en = progress_svg(1, 1, 1, 1, "Ledger", ProgressWords::Checklist, Lang::En);
    for (const char* word : {"Closed 1", "In progress 1", "Open 1", "Overdue 1", "Completed 25%"})
        CHECK(en.find(word) != std::string::npos);
    std::string empty = progress_svg(0, 0, 0, 0, "空");
    CHECK(empty.find("完成率 0%") != std::string::npos);
    CHECK(empty.find("nan") == std::string::npos);
    CHECK(empty.find("inf") == std::string::npos);
}

TEST_CASE("progress counts are disjoint: an overdue item counts only as overdue", "[svg]") {
    model::Checklist cl;
    auto add = [&](model::ItemStatus st, bool overdue) {
        model::ChecklistItem i;
        i.status = st;
        i.overdue = overdue;
        cl.items.push_back(i);
    };
    add(model::ItemStatus::Done, false);
    add(model::ItemStatus::Doing, false);
    add(model::ItemStatus::Doing, true);
    add(model::ItemStatus::Open, true);
    add(model::ItemStatus::Open, false);
    auto c = item_counts(cl);
    CHECK(c.done == 1);
    CHECK(c.doing == 1);
    CHECK(c.open == 1);
    CHECK(c.overdue == 2);
    CHECK(c.total() == 5);
    CHECK(progress_svg(c, "x") == progress_svg(1, 1, 1, 2, "x"));
    model::Schedule s;
    s.occurrences.resize(3);
    s.occurrences[0].status = model::OccurrenceStatus::Done;
    s.occurrences[2].status = model::OccurrenceStatus::Overdue;
    auto o = occurrence_counts(s);
    CHECK((o.done == 1 && o.doing == 0 && o.open == 1 && o.overdue == 1));
}
