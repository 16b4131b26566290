#pragma once
// The header block of a meeting record (会议记录): lines or table cells
// "时间：2026年5月12日 14:30—16:30", "地点：…", "主持人：…", "记录人：…",
// "应到人数：18人", "实到人数：16人", "缺席人员：张某（出差）、李某（病假）",
// "会议类型：…" — mapped onto the minutes fields of content-format §3.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace chuxin::import {

enum class HeaderField { None, Time, Place, Host, Recorder, Expected, Present, Absent, Meeting, Kept };

struct Absentee {
    std::string name;
    std::string reason;
};

// What a minutes header says; unset fields were not in it.
struct MinutesHeader {
    std::optional<Date> date;
    std::string time;  // "14:30-16:30"
    std::string location, host, recorder, meeting;
    std::optional<int> expected, present;
    std::optional<std::vector<Absentee>> absent;
    int recognised = 0;  // lines mapped onto a field
};

// "label：value" (full- or half-width colon) split at the first colon, both
// trimmed; nullopt when there is no colon or the label is over 8 characters.
struct LabelValue {
    std::string label, value;
};
std::optional<LabelValue> split_label(std::string_view line);

// The field a label names: 时间/会议时间/日期 → Time, 地点/会议地点 → Place,
// 主持人/主持 → Host, 记录人/记录 → Recorder, 应到(人数)/应出席 → Expected,
// 实到(人数)/出席(人数) → Present, 缺席(人员)/请假(人员) → Absent,
// 会议类型 → Meeting; 参加人员/出席人员/列席(人员)/议题/主题 → Kept (header
// lines that stay in the body); anything else → None (not a header line).
HeaderField header_field(std::string_view label);

// Maps one label/value onto `header`; false when the value does not fit the
// field (出席：张某、李某 names people, not a number): then the line stays
// in the body.
bool apply_header_line(const LabelValue& line, MinutesHeader& header);

// "2026年5月12日（星期二）下午14:30—16:30" → date 2026-05-12, time "14:30-16:30".
bool parse_meeting_time(std::string_view value, std::optional<Date>& date, std::string& time);
// A date anywhere in the text: 2026年5月12日, 2026-05-12, 2026.5.12, 2026/5/12,
// 二〇二六年五月十二日.
std::optional<Date> find_date(std::string_view text);
// Is the whole line just a date (maybe in brackets)? 落款 and date lines.
bool is_date_line(std::string_view text);
// "18人", "18名", "十八人" → 18.
std::optional<int> parse_count(std::string_view value);
// "张某（出差）、李某（病假）" → {张某, 出差}, {李某, 病假}; "无" → none.
std::vector<Absentee> parse_absent(std::string_view value);
// The meeting type a title names (content-format §3's list, longest first;
// 支委会 → 支部委员会, 党员大会 → 支部党员大会), or "".
std::string meeting_in(std::string_view title);

}  // namespace chuxin::import
