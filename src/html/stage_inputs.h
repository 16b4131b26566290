#pragma once
// What the html stage reads from the markdown and schedule stages, in one
// place: expanded references, occurrence and repeat labels, calendars.
#include <functional>
#include <string>

#include "core/language.h"
#include "model/model.h"

namespace chuxin::markdown {
struct Documents;
}

namespace chuxin::html {

using HrefFor = std::function<std::string(const model::Page& target, const std::string& anchor)>;

// The HTML of site.pages[page]'s body, rendered from its tree
// (markdown::render_html) with its references as links (markdown::expand_refs).
std::string expand_body(const markdown::Documents& docs, size_t page, const model::Site& site,
                        const HrefFor& href_for);

// A section's _index.md introduction, rendered the same way.
std::string expand_intro(const markdown::Documents& docs, const model::Section& section, const model::Site& site,
                         const HrefFor& href_for);

// schedule::occurrence_label: "2026年1月6日", "2026年第一季度" … (en: "2026 Q1").
std::string occurrence_label(const model::Occurrence& occ, Lang lang);

// schedule::describe_repeat: Chinese phrases as written, RRULEs spelled out.
std::string repeat_label(const std::string& repeat, Lang lang);

// schedule::ics_output_path: "schedules/2026/calendar.ics" (not percent-encoded).
std::string ics_output_path(const model::Page& page);

// schedule::progress_svg: a bar of disjoint done / doing / open / overdue
// counts with a legend in words, as inline SVG.
enum class ProgressOf { ChecklistItems, Occurrences };
std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label,
                         ProgressOf what, Lang lang);

// schedule::ics: the iCalendar file of a schedule page.
std::string schedule_ics(const model::Site& site, const model::Page& page);

// schedule::scheduled_study_hours for an org and year.
double scheduled_study_hours(const model::Site& site, const std::string& org, int year);
constexpr double kYearlyStudyNorm = 32;  // members: ≥ 32 hours a year (glossary)

}  // namespace chuxin::html
