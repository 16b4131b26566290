// Adapters to the markdown and schedule stages. Until a stage's library
// exists (CHUXIN_HAVE_<STAGE>, set by CMakeLists.txt), a plain fallback keeps
// the renderer usable in tests.
#include "html/bridge.h"

#include <cstdio>

#include <algorithm>

#if defined(CHUXIN_HAVE_MARKDOWN) && __has_include("markdown/refs.h")
#include "markdown/refs.h"
#define CHUXIN_USE_MARKDOWN 1
#endif
#if defined(CHUXIN_HAVE_SCHEDULE) && __has_include("schedule/schedule.h")
#include "schedule/schedule.h"
#define CHUXIN_USE_SCHEDULE 1
#endif

namespace chuxin::html {

std::string expand_body(const std::string& body_html, const model::Page& page,
                        const model::Site& site, const HrefFor& href_for) {
#ifdef CHUXIN_USE_MARKDOWN
    return markdown::expand_refs(body_html, page, site, href_for);
#else
    (void)page, (void)site, (void)href_for;
    return body_html;
#endif
}

std::string expand_intro(const model::Section& section, const model::Site& site, const HrefFor& href_for) {
#ifdef CHUXIN_USE_MARKDOWN
    return markdown::expand_refs(section.intro_html, section.intro_refs, site, href_for);
#else
    (void)site, (void)href_for;
    return section.intro_html;
#endif
}

std::string occurrence_label(const model::Occurrence& occ, bool english) {
#ifdef CHUXIN_USE_SCHEDULE
    return schedule::occurrence_label(occ, english ? "en" : "zh-CN");
#else
    (void)english;
    return occ.start == occ.end ? occ.start.iso() : occ.start.iso() + " – " + occ.end.iso();
#endif
}

std::string ics_output_path(const model::Page& page) {
#ifdef CHUXIN_USE_SCHEDULE
    return schedule::ics_output_path(page);
#else
    std::string path = page.url + "calendar.ics";
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    return path;
#endif
}

#ifndef CHUXIN_USE_SCHEDULE
namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace
#endif

std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label,
                         ProgressOf what, bool english) {
#ifdef CHUXIN_USE_SCHEDULE
    return schedule::progress_svg(done, doing, open, overdue, label,
                                  what == ProgressOf::Occurrences ? schedule::ProgressWords::Schedule
                                                                  : schedule::ProgressWords::Checklist,
                                  english ? "en" : "zh-CN");
#else
    (void)what, (void)english;
    // Fallback: a plain stacked bar of the four disjoint counts.
    const int total = done + doing + open + overdue;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress\" viewBox=\"0 0 300 20\" "
                      "width=\"300\" height=\"20\" role=\"img\" aria-label=\"" + xml_escape(label) +
                      "\"><title>" + xml_escape(label) + "</title>";
    svg += "<rect width=\"300\" height=\"20\" fill=\"#E5E1DA\"/>";
    double x = 0;
    auto bar = [&](int n, const char* colour) {
        if (total <= 0 || n <= 0) return;
        double w = 300.0 * n / total;
        char buf[160];
        std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>", x, w, colour);
        svg += buf;
        x += w;
    };
    bar(done, "#1E7B34");
    bar(doing, "#1558A8");
    bar(open, "#8A8F98");
    bar(overdue, "#B5121B");
    svg += "</svg>";
    return svg;
#endif
}

std::string schedule_ics(const model::Site& site, const model::Page& page) {
#ifdef CHUXIN_USE_SCHEDULE
    return schedule::ics(site, page);
#else
    (void)site, (void)page;
    return {};
#endif
}

double scheduled_study_hours(const model::Site& site, const std::string& org, int year) {
#ifdef CHUXIN_USE_SCHEDULE
    return schedule::scheduled_study_hours(site, org, year);
#else
    (void)site, (void)org, (void)year;
    return -1;
#endif
}

}  // namespace chuxin::html
