// The one table of kinds (model/kinds.h): names, folders, anchors, status words.
#include <catch2/catch.hpp>

#include <set>

#include "model/graph.h"
#include "model/kinds.h"

using namespace chuxin;
using namespace chuxin::model;

TEST_CASE("kinds table: every Kind once, with a unique name and folder") {
    std::set<Kind> kinds;
    std::set<std::string_view> names, folders;
    for (const KindInfo& info : kKinds) {
        CHECK(kinds.insert(info.kind).second);
        CHECK(names.insert(info.name).second);
        CHECK(kind_named(info.name) == &info);
        CHECK(&kind_info(info.kind) == &info);
        CHECK(std::string_view(kind_name(info.kind)) == info.name);
        if (info.folder.empty()) continue;
        CHECK(folders.insert(info.folder).second);
        CHECK(kind_of_folder(info.folder) == info.kind);
    }
    CHECK(kinds.size() == std::variant_size_v<KindData>);  // one data alternative per kind
    CHECK(kind_named("notices") == nullptr);
    CHECK(kind_of_folder("notices") == Kind::Page);
    CHECK(kind_names_joined() == "page, studylist, case, minutes, schedule, checklist, handbook");
}

TEST_CASE("page anchors: items, events, then headings, each with its title") {
    Page list;
    StudyList items;
    StudyItem book;
    book.id = "a1";
    book.title = "《共产党宣言》";
    items.items.push_back(book);
    list.data = items;
    Heading heading;
    heading.text = "说明";
    heading.anchor = "说明";
    list.headings.push_back(heading);
    auto anchors = page_anchors(list);
    REQUIRE(anchors.size() == 2);
    CHECK(anchors[0].id == "a1");
    CHECK(anchors[0].title == "《共产党宣言》");
    CHECK(anchors[1].id == "说明");
    CHECK(item_anchors(list).size() == 1);

    Page ledger;
    Checklist c;
    ChecklistItem issue;
    issue.id = "c1";
    issue.issue = "学习不深入";
    c.items.push_back(issue);
    ledger.data = c;
    ledger.title = "台账";
    CHECK(title_of(ledger, "c1") == "学习不深入");
    CHECK(title_of(ledger, "nope") == "台账");

    Page plan;
    Schedule s;
    ScheduleEvent event;
    event.id = "theme-day";
    event.title = "主题党日";
    s.events.push_back(event);
    plan.data = s;
    CHECK(anchors_of(plan) == std::vector<std::string>{"theme-day"});
    CHECK(title_of(plan, "theme-day") == "主题党日");

    Page story;
    story.data = CaseInfo{};
    CHECK(item_anchors(story).empty());
}

TEST_CASE("status words: one code and one word per language for each status") {
    std::set<std::string_view> codes, zh;
    for (auto s : kOccurrenceStatuses) {
        const StatusWords& w = words_of(s);
        CHECK(codes.insert(w.code).second);
        CHECK(zh.insert(w.zh).second);
        CHECK_FALSE(w.en.empty());
    }
    CHECK(std::string_view(words_of(OccurrenceStatus::Done).zh) == "已完成");
    CHECK(words_of(OccurrenceStatus::Due).in(Lang::Zh) == "待开展");
    CHECK(words_of(OccurrenceStatus::Overdue).in(Lang::En) == "Overdue");
    codes.clear();
    for (auto s : kItemStatuses) {
        CHECK(codes.insert(words_of(s).code).second);
        CHECK(zh.insert(words_of(s).zh).second);
    }
    CHECK(words_of(ItemStatus::Open).zh == "未整改");
    CHECK(words_of(ItemStatus::Doing).en == "In progress");
    CHECK(words_of(ItemStatus::Done).code == "done");
    CHECK(overdue_words().zh == "逾期");
}
