// `chuxin report` output (content-format §7, §8): goldens in golden/,
// rewritten (and the run failed) with CHUXIN_UPDATE_GOLDEN=1.
#include <catch2/catch.hpp>


#include "schedule/report.h"
#include "schedule/status.h"
#include "site_builder.h"
#include "support/golden.h"

using namespace chuxin;
using namespace chuxin::schedule;
using namespace chuxin::testing;

namespace {

void golden(const std::string& name, const std::string& actual) {
    CHECK(test::check_golden(std::string(CHUXIN_TEST_DATA) + "/schedule/golden/" + name, actual) == "");
}

model::ChecklistItem item(const char* id, const char* owner, model::ItemStatus st, std::optional<Date> due) {
    model::ChecklistItem i;
    i.id = id;
    i.issue = id;
    i.owner = owner;
    i.status = st;
    i.due = due;
    return i;
}

// Pages are added out of id order to show the report sorts by id.
model::Site ledger_site() {
    SiteBuilder b;
    model::Page cl;
    cl.id = "checklists/2026";
    cl.kind = model::Kind::Checklist;
    model::Checklist list;
    list.items.push_back(item("c2", "王某, \"老王\"", model::ItemStatus::Doing, d("2026-06-30")));
    list.items.push_back(item("c1", "李某", model::ItemStatus::Done, d("2026-06-30")));
    list.items.push_back(item("c3", "", model::ItemStatus::Open, std::nullopt));
    cl.data = list;
    int c = b.add_page(cl);
    int later = b.schedule("schedules/2026b", 2026, {event("half", "每半年至少1次")});
    int s = b.schedule("schedules/2026", 2026,
                       {event("theme-day", "FREQ=MONTHLY;BYDAY=1TU;COUNT=3"), event("lecture", "", {d("2026-07-01")})});
    b.schedule("schedules/draft", 2026, {event("x", "每年1次")});
    b.site.pages.back().draft = true;
    int m1 = b.minutes("minutes/2026-01-06-zhutidangri", "2026-01-06", s, "theme-day");
    b.minutes("minutes/2026-02-04\nline", "2026-02-04", s, "theme-day");
    b.minutes("minutes/2026-03-20", "2026-03-20", later, "half");
    auto& items = b.site.pages[static_cast<size_t>(c)].as<model::Checklist>()->items;
    items[1].raised_in = b.ref_to(m1, "");
    items[1].closed_in = b.ref_to(m1, "");
    model::Ref raw;
    raw.text = "minutes/unresolved";
    items[0].raised_in = raw;
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    return b.site;
}

}  // namespace

TEST_CASE("report JSON golden", "[report]") {
    auto site = ledger_site();
    std::string json = report_json(site);
    CHECK(json.rfind("{\"as_of\": \"2026-07-01\",\n \"occurrences\": [\n  {\"schedule\": \"schedules/2026\", "
                     "\"event\": \"theme-day\", \"start\": \"2026-01-06\", \"end\": \"2026-01-06\", \"required\": 1, "
                     "\"fulfilled_by\": [\"minutes/2026-01-06-zhutidangri\"], \"status\": \"done\"},",
                     0) == 0);
    CHECK(json.find("schedules/draft") == std::string::npos);
    CHECK(json.find("\"owner\": null, \"due\": null") != std::string::npos);
    CHECK(json.find("minutes/2026-02-04\\nline") != std::string::npos);
    CHECK(json.find("\"王某, \\\"老王\\\"\"") != std::string::npos);
    golden("report.json", json);
}

TEST_CASE("report CSV goldens", "[report]") {
    auto site = ledger_site();
    std::string occ = report_csv(site, ReportWhat::Occurrences);
    std::string items = report_csv(site, ReportWhat::Items);
    CHECK(occ.rfind("\xEF\xBB\xBFschedule,event,start,end,required,fulfilled_by,status\r\n", 0) == 0);
    CHECK(items.rfind("\xEF\xBB\xBF" "checklist,item,owner,due,status,overdue,raised_in,closed_in\r\n", 0) == 0);
    CHECK(items.find("checklists/2026,c2,\"王某, \"\"老王\"\"\",2026-06-30,doing,true,minutes/unresolved,\r\n") !=
          std::string::npos);
    CHECK(items.find("checklists/2026,c3,,,open,false,,\r\n") != std::string::npos);
    golden("occurrences.csv", occ);
    golden("items.csv", items);
}

TEST_CASE("JSON string escaping", "[report]") {
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
    CHECK(json_string(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
    CHECK(json_string("中文\u2028") == "\"中文\\u2028\"");
    CHECK(json_string("</script>") == "\"</script>\"");
}
