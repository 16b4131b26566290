// UI strings of the theme, zh-CN and en. Terms follow the users' own usage
// (shared/domain/glossary.md); the status words come from model/kinds.h.
#include "html/ui.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "model/kinds.h"

namespace chuxin::html {

namespace {

// The status words are model/kinds.h's: one spelling for every stage.
Ui::Entry words(const char* key, const model::StatusWords& w) { return {key, w.zh.data(), w.en.data()}; }
template <class Status>
Ui::Entry status(const char* key, Status s) { return words(key, model::words_of(s)); }

}  // namespace

const std::vector<Ui::Entry>& Ui::table() {
    static const std::vector<Entry> entries = {
        // Frame of every page
        {"home", "首页", "Home"},
        {"nav_schedules", "学习计划", "Study plans"},
        {"nav_studylists", "学习书目", "Reading lists"},
        {"nav_cases", "典型案例", "Cases"},
        {"nav_minutes", "会议记录", "Minutes"},
        {"nav_checklists", "整改台账", "Rectification"},
        {"nav_handbooks", "手册下载", "Handbooks"},
        {"nav_calendar", "学习日历", "Calendar"},
        {"nav_label", "栏目导航", "Sections"},
        {"skip", "跳到正文", "Skip to content"},
        {"breadcrumbs", "当前位置", "You are here"},
        {"as_of", "数据截至", "Status as of"},
        {"backlinks", "被以下内容引用", "Referenced by"},
        {"tags", "标签", "Tags"},
        {"org", "所属支部", "Branch"},
        {"date", "日期", "Date"},
        {"kind", "类别", "Type"},
        {"details", "基本信息", "Details"},
        {"prev", "上一篇", "Previous"},
        {"next", "下一篇", "Next"},
        {"feed", "订阅更新", "Atom feed"},
        {"sitemap", "网站地图", "Sitemap"},
        {"publisher", "主办", "Published by"},
        {"generated", "本站由 chuxin 生成", "Built with chuxin"},
        {"print_note", "打印版", "Printed copy"},
        {"colon", "：", ": "},
        // Search (docs/search.md)
        {"search", "搜索", "Search"},
        {"search_label", "搜索本站", "Search this site"},
        {"search_placeholder", "输入关键词", "Words to find"},
        {"search_title", "站内搜索", "Search"},
        {"search_kind", "类别", "Type"},
        {"search_org", "支部", "Branch"},
        {"search_year", "年份", "Year"},
        {"search_all", "全部", "All"},
        {"search_filters", "筛选", "Filters"},
        {"search_more", "显示更多结果", "Show more results"},
        {"search_empty", "请输入要查找的文字。", "Type the words to find."},
        {"search_loading", "正在搜索……", "Searching…"},
        {"search_count", "找到 {n} 条结果", "{n} results"},
        {"search_none", "没有找到包含“{q}”的内容，请换个关键词试试。", "Nothing found for “{q}”: try other words."},
        {"search_failed", "搜索索引未能加载。", "The search index could not be loaded."},
        {"search_noscript", "站内搜索需要启用 JavaScript。", "Search needs JavaScript."},
        // Kinds
        {"kind_page", "文章", "Page"},
        {"kind_studylist", "学习书目", "Reading list"},
        {"kind_case", "典型案例", "Case"},
        {"kind_minutes", "会议记录", "Minutes"},
        {"kind_schedule", "学习计划", "Study plan"},
        {"kind_checklist", "整改台账", "Rectification list"},
        {"kind_handbook", "学习手册", "Handbook"},
        // Back-link fields
        {"field_body", "正文引用", "cited"},
        {"field_fulfills", "落实", "fulfils"},
        {"field_studied", "学习", "studied"},
        {"field_study", "计划学习", "planned study"},
        {"field_raised_in", "提出问题", "raised"},
        {"field_closed_in", "销号", "closed"},
        {"field_ref", "参考", "refers to"},
        // Study lists
        {"period", "学习时段", "Period"},
        {"audience", "学习对象", "Audience"},
        {"hours_required", "要求学时", "Required hours"},
        {"hours_total", "合计学时", "Total hours"},
        {"hours_met", "已达到要求", "target met"},
        {"hours_short", "低于要求", "below target"},
        {"col_no", "序号", "No."},
        {"col_book", "书目", "Title"},
        {"col_type", "类型", "Type"},
        {"col_required", "必读/选读", "Required"},
        {"col_hours", "学时", "Hours"},
        {"col_due", "完成时限", "Due"},
        {"col_source", "来源", "Source"},
        {"col_studied", "学习记录", "Studied in"},
        {"required", "必读", "required"},
        {"optional", "选读", "optional"},
        {"unit_hours", "学时", "h"},
        {"items", "学习内容", "Items"},
        // Cases
        {"category", "案例类别", "Category"},
        {"subject", "典型对象", "Subject"},
        {"lessons", "启示", "Lessons"},
        {"cat_advanced", "先进典型", "Role model"},
        {"cat_warning", "警示案例", "Warning case"},
        {"cat_work", "工作案例", "Work case"},
        // Minutes
        {"meeting", "会议类型", "Meeting"},
        {"time", "时间", "Time"},
        {"location", "地点", "Place"},
        {"host", "主持人", "Chair"},
        {"recorder", "记录人", "Recorder"},
        {"expected", "应到", "Expected"},
        {"present", "实到", "Present"},
        {"absent", "缺席及原因", "Absent (reason)"},
        {"none", "无", "none"},
        {"unit_people", "人", ""},
        {"counts_mismatch", "缺席人数与应到、实到人数不符，请核对", "Absences do not match expected − present; please check"},
        {"fulfills", "落实计划", "Fulfils"},
        {"studied", "学习内容", "Studied"},
        {"raised", "本次会议提出的问题", "Issues raised at this meeting"},
        {"closed", "本次会议销号的问题", "Issues closed at this meeting"},
        {"minutes_header", "会议基本情况", "Meeting record"},
        // Schedules
        {"year", "年度", "Year"},
        {"events", "计划安排", "Planned events"},
        {"repeat", "频次", "Frequency"},
        {"owner", "责任主体", "Owner"},
        {"study", "学习内容", "Study"},
        {"occurrences", "落实情况", "Occurrences"},
        {"col_when", "时间", "When"},
        {"col_status", "状态", "Status"},
        {"col_record", "会议记录", "Record"},
        {"col_event", "计划事项", "Event"},
        {"ics", "导入日历（iCalendar）", "Add to calendar (iCalendar)"},
        status("status_done", model::OccurrenceStatus::Done),
        status("status_due", model::OccurrenceStatus::Due),
        status("status_overdue", model::OccurrenceStatus::Overdue),
        {"window", "时段", "window"},
        {"held", "已开展", "held"},
        {"times", "次", "×"},
        {"at_least", "至少", "at least"},
        {"no_record", "尚无记录", "no record yet"},
        // Checklists
        {"col_issue", "问题", "Issue"},
        {"col_measures", "整改措施", "Measures"},
        {"col_owner", "责任人", "Owner"},
        {"col_deadline", "整改时限", "Deadline"},
        {"col_state", "状态", "Status"},
        {"col_raised", "提出", "Raised in"},
        {"col_closed", "销号", "Closed in"},
        status("item_open", model::ItemStatus::Open),
        status("item_doing", model::ItemStatus::Doing),
        status("item_done", model::ItemStatus::Done),
        words("overdue", model::overdue_words()),
        {"done_on", "销号日期", "Closed on"},
        {"progress", "整改进度", "Progress"},
        {"total", "合计", "Total"},
        {"done_rate", "销号率", "Closed"},
        // Handbooks
        {"subtitle", "副标题", "Subtitle"},
        {"edition", "版次", "Edition"},
        {"paper", "开本", "Paper size"},
        {"preface", "前言", "Preface"},
        {"contents", "目录", "Contents"},
        {"download_pdf", "下载 PDF 手册", "Download the PDF"},
        // Lists, taxonomies
        {"empty", "暂无内容", "Nothing here yet"},
        {"subsections", "子栏目", "Subsections"},
        {"page_no", "页", "Page"},
        {"prev_page", "上一页", "Previous page"},
        {"next_page", "下一页", "Next page"},
        {"all_tags", "全部标签", "All tags"},
        {"tagged", "标签", "Tag"},
        {"orgs", "党支部", "Branches"},
        {"org_content", "本支部内容", "Content of this branch"},
        {"study_hours", "计划集中学习学时", "Scheduled study hours"},
        {"study_norm", "党员每年集中学习不少于32学时", "Members study at least 32 hours a year"},
        {"norm_met", "达到要求", "meets the norm"},
        {"norm_short", "未达到要求", "below the norm"},
        {"pages_count", "篇", "pages"},
        // Home
        {"needs_action", "需要处理的事项", "Needs action"},
        {"overdue_now", "已逾期", "Overdue"},
        {"due_soon", "30日内到期", "Due within 30 days"},
        {"nothing_due", "暂无待办事项", "Nothing needs action"},
        {"latest_minutes", "最新会议记录", "Latest minutes"},
        {"newest_cases", "最新典型案例", "Newest cases"},
        {"checklist_progress", "整改进度", "Rectification progress"},
        {"handbook_download", "学习手册下载", "Handbook downloads"},
        {"more", "更多", "More"},
        {"occurrence", "计划活动", "Planned event"},
        {"checklist_item", "整改事项", "Rectification item"},
        // Calendar
        {"calendar", "学习日历", "Calendar"},
        {"prev_month", "上个月", "Previous month"},
        {"next_month", "下个月", "Next month"},
        {"windows_month", "本月时段任务", "Windows this month"},
        {"year_overview", "年度总览", "Year overview"},
        {"meetings", "会议", "Meetings"},
        {"col_month", "月份", "Month"},
        {"col_fixed", "定期活动", "Fixed events"},
        {"col_windows", "时段任务", "Windows"},
        {"col_meetings", "会议记录", "Minutes"},
        {"wd1", "一", "Mon"}, {"wd2", "二", "Tue"}, {"wd3", "三", "Wed"}, {"wd4", "四", "Thu"},
        {"wd5", "五", "Fri"}, {"wd6", "六", "Sat"}, {"wd7", "日", "Sun"},
        // Overview
        {"overview", "整改进度总览", "Rectification overview"},
        {"by_status", "按状态统计", "By status"},
        {"by_org", "按支部统计", "By branch"},
        {"by_owner", "按责任人统计", "By owner"},
        {"overdue_items", "逾期事项", "Overdue items"},
        {"all_checklists", "各整改清单", "All checklists"},
        {"col_checklist", "清单", "Checklist"},
        {"col_count", "数量", "Count"},
        {"col_name", "名称", "Name"},
        {"no_org", "未指定支部", "No branch"},
    };
    return entries;
}

Ui::Ui(Lang lang) : lang_(lang) {
    for (const auto& e : table()) strings_.emplace(e.key, lang == Lang::En ? e.en : e.zh);
}

std::string Ui::operator()(std::string_view key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? std::string(key) : std::string(it->second);
}

namespace {

// std::to_string's digits, appended without a temporary string.
void append_int(std::string& out, int n) {
    char buf[16];
    auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end);
}

}  // namespace

std::string iso_date(const Date& d) {
    // Outside four-digit years and two-digit months/days "%04d" pads differently.
    if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) return d.iso();
    char buf[10];
    buf[0] = static_cast<char>('0' + d.year / 1000);
    buf[1] = static_cast<char>('0' + d.year / 100 % 10);
    buf[2] = static_cast<char>('0' + d.year / 10 % 10);
    buf[3] = static_cast<char>('0' + d.year % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + d.month / 10);
    buf[6] = static_cast<char>('0' + d.month % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + d.day / 10);
    buf[9] = static_cast<char>('0' + d.day % 10);
    return std::string(buf, sizeof buf);
}

std::string Ui::date(const Date& d) const {
    if (lang_ == Lang::En) return iso_date(d);
    // Date::chinese() ("2026年3月3日"), in one buffer.
    std::string out;
    out.reserve(24);
    append_int(out, d.year);
    out += "年";
    append_int(out, d.month);
    out += "月";
    append_int(out, d.day);
    out += "日";
    return out;
}

std::string Ui::month_label(int year, int month) const {
    static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
    if (lang_ == Lang::En) return std::string(names[(month - 1) % 12]) + " " + std::to_string(year);
    return std::to_string(year) + "年" + std::to_string(month) + "月";
}

std::string format_number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string Ui::hours(double h) const {
    return format_number(h) + (lang_ == Lang::En ? " h" : "学时");
}

std::string Ui::count(int n, std::string_view unit_key) const {
    std::string unit = (*this)(unit_key);
    return std::to_string(n) + (lang_ == Lang::En && !unit.empty() ? " " : "") + unit;
}

}  // namespace chuxin::html
