// iCalendar writer: RFC 5545 §3.1 folding, §3.3.11 escaping, structure.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "schedule/ics.h"
#include "schedule/status.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::schedule;
using namespace chuxin::testing;

namespace {

std::vector<std::string> physical_lines(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t crlf; (crlf = s.find("\r\n", start)) != std::string::npos; start = crlf + 2)
        out.push_back(s.substr(start, crlf - start));
    CHECK(start == s.size());  // every line ends in CRLF
    return out;
}

std::string unfold(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\r\n ") == 0) { i += 2; continue; }
        out += s[i];
    }
    return out;
}

bool valid_utf8_line(const std::string& line) {
    // A continuation byte never starts a line or its text after the space.
    size_t first = line.rfind(' ', 0) == 0 ? 1 : 0;
    return line.size() <= first || (static_cast<unsigned char>(line[first]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("TEXT escaping (RFC 5545 §3.3.11)", "[ics]") {
    CHECK(ics_escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
    CHECK(ics_escape_text("第一行\r\n第二行\r第三行") == "第一行\\n第二行\\n第三行");
    CHECK(ics_escape_text("x\x01y\tz") == "xy\tz");
    CHECK(ics_escape_text("中文：冒号不转义") == "中文：冒号不转义");
}

TEST_CASE("folding at 75 octets without splitting UTF-8 (RFC 5545 §3.1)", "[ics]") {
    CHECK(ics_fold("SUMMARY:short") == "SUMMARY:short\r\n");
    std::string ascii = "DESCRIPTION:" + std::string(200, 'x');
    auto lines = physical_lines(ics_fold(ascii));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[1][0] == ' ');
    CHECK(unfold(ics_fold(ascii)) == ascii + "\r\n");
    // 3-byte characters after an 8-byte prefix: 8 + 3·22 = 74 fits, the 23rd would not.
    std::string han;
    for (int i = 0; i < 60; ++i) han += "党";
    std::string line = "SUMMARY:" + han;
    std::string folded = ics_fold(line);
    auto parts = physical_lines(folded);
    CHECK(parts[0].size() == 74);
    for (const auto& p : parts) {
        CHECK(p.size() <= 75);
        CHECK(valid_utf8_line(p));
    }
    CHECK(unfold(folded) == line + "\r\n");
    // Exactly 75 octets stays one line.
    CHECK(physical_lines(ics_fold(std::string(75, 'a'))).size() == 1);
    CHECK(physical_lines(ics_fold(std::string(76, 'a'))).size() == 2);
    // Mixed widths at every offset: all pieces ≤ 75 and whole code points.
    for (int pad = 0; pad < 8; ++pad) {
        std::string mixed = std::string(static_cast<size_t>(pad), 'a') + "X-T:" + han + "𠀀𠀀" + han;
        auto pieces = physical_lines(ics_fold(mixed));
        for (const auto& p : pieces) {
            CHECK(p.size() <= 75);
            CHECK(valid_utf8_line(p));
        }
        CHECK(unfold(ics_fold(mixed)) == mixed + "\r\n");
    }
}

TEST_CASE("calendar.ics sits in the schedule page's folder", "[ics]") {
    model::Page p;
    p.url = "/schedules/2026/";
    CHECK(ics_output_path(p) == "schedules/2026/calendar.ics");
    p.url = "/计划/2026年/";
    CHECK(ics_output_path(p) == "计划/2026年/calendar.ics");
    p.url = "/";
    CHECK(ics_output_path(p) == "calendar.ics");
}

TEST_CASE("host of base_url for UIDs", "[ics]") {
    CHECK(ics_host("https://study.example.org/") == "study.example.org");
    CHECK(ics_host("http://user@example.org:8080/x/") == "example.org");
    CHECK(ics_host("/") == "chuxin.invalid");
}

TEST_CASE("calendar structure: VEVENT with RRULE, VTODO per window, stable and deterministic", "[ics]") {
    SiteBuilder b;
    model::Page list;
    list.id = "studylists/2026-q1";
    list.kind = model::Kind::StudyList;
    list.title = "2026年第一季度自学内容清单";
    model::StudyList sl;
    sl.items.push_back(model::StudyItem{});
    sl.items.back().id = "dangzhang";
    sl.items.back().title = "《中国共产党章程》";
    list.data = sl;
    int l = b.add_page(list);
    auto td = event("theme-day", "每月第一个周二");
    td.study = {b.ref_to(l, "dangzhang"), b.ref_to(l, "")};
    td.title = "主题党日";
    td.meeting = "主题党日";
    td.owner = "各党支部";
    auto lecture = event("lecture", "", {d("2026-07-01"), d("2026-12-26")});
    lecture.title = "书记讲党课; 专题, \\ 总结";
    int s = b.schedule("schedules/2026", 2026, {td, event("seminar", "每季度1次"), lecture});
    b.site.pages[static_cast<size_t>(s)].url = "/schedules/2026/";
    b.minutes("minutes/q1", "2026-02-10", s, "seminar");
    Diagnostics diags;
    compute(b.site, d("2026-07-01"), diags);
    std::string cal = ics(b.site, b.site.pages[static_cast<size_t>(s)]);
    CHECK(cal == ics(b.site, b.site.pages[static_cast<size_t>(s)]));
    for (const auto& line : physical_lines(cal)) CHECK(line.size() <= 75);
    std::string u = unfold(cal);
    CHECK(u.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0) == 0);
    CHECK(u.find("X-WR-CALNAME:2026年度理论学习计划\r\n") != std::string::npos);
    CHECK(u.find("UID:schedules/2026/theme-day@study.example.org\r\n") != std::string::npos);
    CHECK(u.find("DTSTART;VALUE=DATE:20260106\r\n") != std::string::npos);
    CHECK(u.find("RRULE:FREQ=MONTHLY;UNTIL=20261201;BYDAY=1TU\r\n") != std::string::npos);
    CHECK(u.find("DTSTAMP:20260101T000000Z\r\n") != std::string::npos);
    CHECK(u.find("SUMMARY:主题党日\r\n") != std::string::npos);
    CHECK(u.find("DESCRIPTION:计划：2026年度理论学习计划\\n安排：每月第一个周二\\n会议类型：主题党日\\n责任：各党支部\\n学习内容：《中国共产党章程》\\n学习内容：2026年第一季度自学内容清单\r\n") !=
          std::string::npos);
    CHECK(u.find("URL:https://study.example.org/schedules/2026/\r\n") != std::string::npos);
    // Explicit dates: one VEVENT, the rest as RDATE.
    CHECK(u.find("UID:schedules/2026/lecture@study.example.org\r\nDTSTAMP:20260101T000000Z\r\n"
                 "DTSTART;VALUE=DATE:20260701\r\nDTEND;VALUE=DATE:20260702\r\nRDATE;VALUE=DATE:20260701,20261226\r\n") !=
          std::string::npos);
    CHECK(u.find("SUMMARY:书记讲党课\\; 专题\\, \\\\ 总结\r\n") != std::string::npos);
    // Four VTODOs, the first completed.
    size_t todos = 0;
    for (size_t at = 0; (at = u.find("BEGIN:VTODO", at)) != std::string::npos; ++at) ++todos;
    CHECK(todos == 4);
    CHECK(u.find("UID:schedules/2026/seminar/1@study.example.org\r\nDTSTAMP:20260101T000000Z\r\n"
                 "DTSTART;VALUE=DATE:20260101\r\nDUE;VALUE=DATE:20260331\r\n"
                 "SUMMARY:seminar（2026年第一季度，至少1次）\r\n") != std::string::npos);
    CHECK(u.find("STATUS:COMPLETED") != std::string::npos);
    CHECK(u.find("UID:schedules/2026/seminar/4@") != std::string::npos);
    CHECK(u.substr(u.size() - 15) == "END:VCALENDAR\r\n");

    // An English site's calendar speaks English in the words chuxin adds.
    b.site.config.lang = Lang::En;
    const std::string en = unfold(ics(b.site, b.site.pages[static_cast<size_t>(s)]));
    CHECK(en.find("DESCRIPTION:Plan: 2026年度理论学习计划\\nWhen: 每月第一个周二\\nMeeting: 主题党日\\n"
                  "Responsible: 各党支部\\nStudy: 《中国共产党章程》") != std::string::npos);
    CHECK(en.find("SUMMARY:seminar (") != std::string::npos);
    CHECK(en.find(", at least 1 time)\r\n") != std::string::npos);
    CHECK(en.find("至少") == std::string::npos);
    CHECK(en.find("计划：") == std::string::npos);
}
