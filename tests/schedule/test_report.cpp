// `chuxin report` output (content-format §7, §8): goldens in golden/,
// rewritten (and the run failed) with CHUXIN_UPDATE_GOLDEN=1.
#include <catch2/catch.hpp>


#include <filesystem>

#include "html/ui.h"
#include "schedule/report.h"
#include "schedule/report_xlsx.h"
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

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh folder in the build tree for one test's files.
std::filesystem::path scratch(const std::string& name) {
    auto dir = std::filesystem::path(CHUXIN_TEST_OUT) / "report" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
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
    std::string occ = report_csv(site, ReportWhat::Occurrences, ReportColumns::Ids);
    std::string items = report_csv(site, ReportWhat::Items, ReportColumns::Ids);
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

TEST_CASE("report CSV for people: titles, Chinese headers, the pages' words, ids last", "[report]") {
    auto site = ledger_site();
    std::string occ = report_csv(site, ReportWhat::Occurrences, ReportColumns::Titles);
    std::string items = report_csv(site, ReportWhat::Items, ReportColumns::Titles);
    CHECK(occ.rfind("\xEF\xBB\xBF计划,活动,时间,开始,截止,应开展次数,已开展次数,落实记录,状态,计划编号,活动编号,记录编号\r\n", 0) == 0);
    CHECK(occ.find("2026年度理论学习计划,theme-day,2026年3月3日,2026-03-03,2026-03-03,1,0,,逾期,schedules/2026,theme-day,\r\n") !=
          std::string::npos);
    CHECK(occ.find(",2026年上半年,2026-01-01,2026-06-30,1,1,minutes/2026-03-20,已完成,") != std::string::npos);
    CHECK(items.rfind("\xEF\xBB\xBF整改清单,问题,整改措施,责任人,整改时限,状态,逾期,销号日期,提出会议,销号会议,"
                      "清单编号,问题编号,提出会议编号,销号会议编号\r\n",
                      0) == 0);
    CHECK(items.find(",c2,,\"王某, \"\"老王\"\"\",2026-06-30,整改中,逾期,,minutes/unresolved,,checklists/2026,c2,minutes/unresolved,\r\n") !=
          std::string::npos);
    golden("occurrences_titles.csv", occ);
    golden("items_titles.csv", items);
}

TEST_CASE("report CSV for people on an English site", "[report]") {
    auto site = ledger_site();
    site.config.lang = Lang::En;
    std::string occ = report_csv(site, ReportWhat::Occurrences, ReportColumns::Titles);
    std::string items = report_csv(site, ReportWhat::Items, ReportColumns::Titles);
    CHECK(occ.rfind("\xEF\xBB\xBFPlan,Event,When,Start,End,Required,Held,Records,Status,Plan id,Event id,Record ids\r\n", 0) == 0);
    CHECK(occ.find(",2026 H1,2026-01-01,2026-06-30,1,1,minutes/2026-03-20,Done,") != std::string::npos);
    CHECK(items.find(",In progress,Overdue,") != std::string::npos);
    // The machine form does not depend on the language.
    site.config.lang = Lang::Zh;
    std::string zh_ids = report_csv(site, ReportWhat::Items, ReportColumns::Ids);
    site.config.lang = Lang::En;
    CHECK(report_csv(site, ReportWhat::Items, ReportColumns::Ids) == zh_ids);
}

// The report's status words are the ones the pages show (html/ui.cpp), so a
// secretary finds the same word in the spreadsheet as on the site.
TEST_CASE("report status words are the pages' words", "[report]") {
    for (auto lang : {Lang::Zh, Lang::En}) {
        html::Ui ui(lang);
        const Lang code = lang;
        CHECK(status_label(model::OccurrenceStatus::Done, code) == ui("status_done"));
        CHECK(status_label(model::OccurrenceStatus::Due, code) == ui("status_due"));
        CHECK(status_label(model::OccurrenceStatus::Overdue, code) == ui("status_overdue"));
        CHECK(item_status_label(model::ItemStatus::Open, code) == ui("item_open"));
        CHECK(item_status_label(model::ItemStatus::Doing, code) == ui("item_doing"));
        CHECK(item_status_label(model::ItemStatus::Done, code) == ui("item_done"));
        CHECK(overdue_label(code) == ui("overdue"));
    }
}

TEST_CASE("report sheet cells are typed and overdue rows flagged", "[report]") {
    auto site = ledger_site();
    auto occ = report_sheet(site, ReportWhat::Occurrences, ReportColumns::Titles);
    CHECK(occ.name == "落实情况");
    REQUIRE(occ.rows.size() == 6);
    CHECK(occ.rows[2].overdue);  // theme-day 2026-03-03, no minutes
    CHECK_FALSE(occ.rows[0].overdue);
    CHECK(occ.rows[0].cells[3].kind == ReportCell::Kind::Date);
    CHECK(occ.rows[0].cells[5].kind == ReportCell::Kind::Number);
    auto items = report_sheet(site, ReportWhat::Items, ReportColumns::Titles);
    CHECK(items.name == "整改台账");
    CHECK(items.rows[0].overdue);
    CHECK_FALSE(items.rows[1].overdue);
    CHECK(items.rows[2].cells[4].kind == ReportCell::Kind::Empty);  // no due
}

TEST_CASE("display width counts East Asian wide characters as 2", "[report]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("计划编号") == 8);
    CHECK(display_width("整改，（１）") == 12);  // full-width punctuation and digits
    CHECK(display_width("“老王”") == 6);        // curly quotes are ambiguous width: 1
    CHECK(display_width("2026年\n第一季度") == 8);  // the longest line
}

TEST_CASE("xlsx: written through a .part file, which is gone afterwards", "[report][xlsx]") {
    auto dir = scratch("ok");
    auto site = ledger_site();
    CHECK(write_report_xlsx(site, ReportColumns::Titles, (dir / "台账.xlsx").string(), {}) == "");
    std::string bytes = slurp(dir / "台账.xlsx");
    CHECK(bytes.rfind("PK", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "台账.xlsx.part"));
    // Same site, same bytes: the creation time comes from the as-of date, not the clock.
    CHECK(write_report_xlsx(site, ReportColumns::Titles, (dir / "again.xlsx").string(), {}) == "");
    CHECK(slurp(dir / "again.xlsx") == bytes);
}

TEST_CASE("xlsx: a failed write leaves the previous file as it was", "[report][xlsx]") {
    auto dir = scratch("fail");
    auto target = dir / "台账.xlsx";
    std::ofstream(target) << "previous";
    // A folder where the temporary file would go: libxlsxwriter cannot create it.
    std::filesystem::create_directory(dir / "台账.xlsx.part");
    std::string error = write_report_xlsx(ledger_site(), ReportColumns::Titles, target.string(), {});
    CHECK_FALSE(error.empty());
    CHECK(slurp(target) == "previous");
    CHECK(write_report_xlsx(ledger_site(), ReportColumns::Titles, (dir / "no/such/folder.xlsx").string(), {}) != "");
    CHECK_FALSE(std::filesystem::exists(dir / "no"));
}
