#include "schedule/ics.h"

#include <algorithm>
#include <set>

#include "core/url.h"
#include "model/graph.h"
#include "schedule/expand.h"
#include "schedule/repeat.h"
#include "schedule/status.h"

namespace chuxin::schedule {
namespace {

bool absolute_url(const std::string& u) { return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0; }

// Percent-encodes what a URI may not hold raw (RFC 3986): Chinese path
// segments, spaces, controls.

std::string page_url(const model::Site& site, const model::Page& page) {
    const std::string& base = site.config.base_url;
    if (!absolute_url(base)) return "";
    std::string path = page.url;
    std::string joined = base;
    if (!joined.empty() && joined.back() == '/' && !path.empty() && path.front() == '/') joined.pop_back();
    return joined + percent_encode(path, "!#$&'()*+,/:;=?@[]");
}

std::string dates_value(const std::vector<Date>& dates) {
    std::string v;
    for (size_t i = 0; i < dates.size(); ++i) v += (i ? "," : "") + dates[i].compact();
    return v;
}

// The RRULE written to the file: independent of DTSTART (the implicit
// day/month/weekday that RFC 5545 takes from DTSTART = 1 January is made
// explicit) and cut by UNTIL at the year's last occurrence instead of COUNT.
RRule portable_rule(RRule r, Date last) {
    Date jan1{last.year, 1, 1};
    bool no_days = r.by_day.empty() && r.by_month_day.empty();
    if (r.freq == Freq::Yearly && no_days) {
        r.by_month_day = {1};
        if (r.by_month.empty()) r.by_month = {1};
    }
    if (r.freq == Freq::Monthly && no_days) r.by_month_day = {1};
    if (r.freq == Freq::Weekly && r.by_day.empty()) r.by_day = {ByDay{jan1.weekday(), 0}};
    r.count.reset();
    r.until = last;
    return r;
}

std::vector<Date> minus(const std::vector<Date>& a, const std::vector<Date>& b) {
    std::vector<Date> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

struct Writer {
    std::string out;
    void line(const std::string& content) { out += ics_fold(content); }
    void text(const std::string& name, const std::string& value) { line(name + ":" + ics_escape_text(value)); }
};

struct EventContext {
    const model::Site& site;
    const model::Page& page;
    const model::Schedule& sched;
    std::string uid_base;  // "<schedule-id>/"
    std::string host;
    std::string dtstamp;
    std::string url;
};

// The words a calendar's text fields carry, in the site's language.
struct IcsWords {
    const char* plan;
    const char* arrangement;
    const char* meeting;
    const char* owner;
    const char* study;
};

const IcsWords& ics_words(Lang lang) {
    static const IcsWords zh{"计划：", "安排：", "会议类型：", "责任：", "学习内容："};
    static const IcsWords en{"Plan: ", "When: ", "Meeting: ", "Responsible: ", "Study: "};
    return lang == Lang::En ? en : zh;
}

std::string description(const EventContext& ctx, const model::ScheduleEvent& ev) {
    const IcsWords& words = ics_words(ctx.site.config.lang);
    std::string d = words.plan + ctx.page.title;
    if (!ev.repeat.empty()) d += std::string("\n") + words.arrangement + ev.repeat;
    if (!ev.meeting.empty()) d += std::string("\n") + words.meeting + ev.meeting;
    if (!ev.owner.empty()) d += std::string("\n") + words.owner + ev.owner;
    for (const auto& ref : ev.study) {
        const model::Page* target = ref.resolved() ? &ctx.site.pages[static_cast<size_t>(ref.page)] : nullptr;
        d += std::string("\n") + words.study + (target ? model::title_of(*target, ref.anchor) : ref.text);
    }
    return d;
}

// A window's to-do: "研讨（2026年第一季度，至少1次）", "Seminar (Q1 2026, at least 1 time)".
std::string window_summary(const EventContext& ctx, const model::ScheduleEvent& ev, const model::Occurrence& occ) {
    const Lang lang = ctx.site.config.lang;
    const std::string label = occurrence_label(occ, lang);
    const std::string n = std::to_string(occ.required);
    if (lang == Lang::En) return ev.title + " (" + label + ", at least " + n + (occ.required == 1 ? " time)" : " times)");
    return ev.title + "（" + label + "，至少" + n + "次）";
}

void common(Writer& w, const EventContext& ctx, const std::string& uid) {
    w.text("UID", uid + "@" + ctx.host);
    w.line("DTSTAMP:" + ctx.dtstamp);
}

void fixed_event(Writer& w, const EventContext& ctx, int e, const std::vector<Date>& actual) {
    const auto& ev = ctx.sched.events[static_cast<size_t>(e)];
    Date first = actual.front();
    std::optional<RRule> rule;
    if (!ev.repeat.empty()) {
        ParseResult parsed = parse_repeat(ev.repeat);
        if (auto* r = std::get_if<Rule>(&parsed))
            if (auto* rr = std::get_if<RRule>(r)) {
                auto own = rrule_dates(*rr, Date{ctx.sched.year, 1, 1}, Date{ctx.sched.year, 12, 31});
                if (!own.empty()) rule = portable_rule(*rr, own.back());
            }
    }
    // What a consumer computes from DTSTART + RRULE; the rest is corrected.
    std::vector<Date> predicted = rule ? rrule_dates(*rule, first, rule->until.value()) : std::vector<Date>{};
    std::vector<Date> rdates = minus(actual, predicted);
    std::vector<Date> exdates = minus(predicted, actual);
    // RFC 5545 makes DTSTART an instance even if the rule misses it; listing
    // it as RDATE too keeps readers that don't (dateutil) right, and the
    // recurrence set ignores the duplicate.
    w.line("BEGIN:VEVENT");
    common(w, ctx, ctx.uid_base + ev.id);
    w.line("DTSTART;VALUE=DATE:" + first.compact());
    w.line("DTEND;VALUE=DATE:" + first.plus_days(1).compact());
    if (rule) w.line("RRULE:" + to_rrule_string(*rule));
    if (!rdates.empty()) w.line("RDATE;VALUE=DATE:" + dates_value(rdates));
    if (!exdates.empty()) w.line("EXDATE;VALUE=DATE:" + dates_value(exdates));
    w.text("SUMMARY", ev.title);
    w.text("DESCRIPTION", description(ctx, ev));
    if (!ctx.url.empty()) w.line("URL:" + ctx.url);
    w.line("TRANSP:TRANSPARENT");
    w.line("END:VEVENT");
}

void window_todos(Writer& w, const EventContext& ctx, int e) {
    const auto& ev = ctx.sched.events[static_cast<size_t>(e)];
    int n = 0;
    for (const auto& occ : ctx.sched.occurrences) {
        if (occ.event != e || !occ.window) continue;
        ++n;
        w.line("BEGIN:VTODO");
        common(w, ctx, ctx.uid_base + ev.id + "/" + std::to_string(n));
        w.line("DTSTART;VALUE=DATE:" + occ.start.compact());
        // DUE is the window's last day: the meeting must be held by then.
        w.line("DUE;VALUE=DATE:" + occ.end.compact());
        w.text("SUMMARY", window_summary(ctx, ev, occ));
        w.text("DESCRIPTION", description(ctx, ev));
        if (!ctx.url.empty()) w.line("URL:" + ctx.url);
        bool done = occ.status == model::OccurrenceStatus::Done;
        w.line(done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
        w.line("END:VTODO");
    }
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
                out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view s) {
    std::string out;
    size_t limit = 75;  // octets, the leading space of a continuation included
    size_t i = 0;
    bool first = true;
    while (first || i < s.size()) {
        size_t room = first ? limit : limit - 1;
        size_t end = std::min(s.size(), i + room);
        // Back off to a code point boundary (not a 10xxxxxx continuation byte).
        while (end < s.size() && end > i && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
        if (end == i) end = std::min(s.size(), i + room);  // invalid UTF-8: cut anywhere
        if (!first) out += ' ';
        out.append(s.substr(i, end - i));
        out += "\r\n";
        i = end;
        first = false;
    }
    return out;
}

std::string ics_output_path(const model::Page& page) {
    std::string dir = page.url;
    while (!dir.empty() && dir.front() == '/') dir.erase(0, 1);
    if (!dir.empty() && dir.back() != '/') dir += '/';
    return dir + "calendar.ics";
}

std::string ics_host(const std::string& base_url) {
    if (!absolute_url(base_url)) return "chuxin.invalid";
    size_t start = base_url.find("://") + 3;
    size_t end = base_url.find_first_of("/:?#", start);
    std::string host = base_url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t at = host.rfind('@');
    if (at != std::string::npos) host = host.substr(at + 1);
    return host.empty() ? "chuxin.invalid" : host;
}

std::string ics(const model::Site& site, const model::Page& page) {
    const auto* sched = page.as<model::Schedule>();
    Writer w;
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//chuxin//chuxin schedule calendar//ZH-CN");
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.text("X-WR-CALNAME", page.title);
    if (sched) {
        Date stamp = page.date.value_or(Date{sched->year > 0 ? sched->year : 1970, 1, 1});
        EventContext ctx{site, page, *sched, page.id + "/", ics_host(site.config.base_url),
                         stamp.compact() + "T000000Z", page_url(site, page)};
        for (size_t e = 0; e < sched->events.size(); ++e) {
            std::vector<Date> fixed;
            for (const auto& occ : sched->occurrences)
                if (occ.event == static_cast<int>(e) && !occ.window) fixed.push_back(occ.start);
            std::sort(fixed.begin(), fixed.end());
            fixed.erase(std::unique(fixed.begin(), fixed.end()), fixed.end());
            if (!fixed.empty()) fixed_event(w, ctx, static_cast<int>(e), fixed);
            window_todos(w, ctx, static_cast<int>(e));
        }
    }
    w.line("END:VCALENDAR");
    return w.out;
}

}  // namespace chuxin::schedule
