// Adapters to the markdown and schedule stages: the renderer's views call
// these small functions, so the few cross-stage calls sit in one place.
#include "html/stage_inputs.h"

#include "markdown/document.h"
#include "markdown/refs.h"
#include "schedule/schedule.h"

namespace chuxin::html {

std::string expand_body(const markdown::Documents& docs, size_t page, const model::Site& site,
                        const HrefFor& href_for) {
    const markdown::Document* doc = docs.page(page);
    if (!doc || page >= site.pages.size()) return {};
    return markdown::expand_refs(markdown::render_html(*doc), site.pages[page].body_refs, site, href_for);
}

std::string expand_intro(const markdown::Documents& docs, const model::Section& section, const model::Site& site,
                         const HrefFor& href_for) {
    const markdown::Document* doc = docs.intro(section.path);
    if (!doc) return {};
    return markdown::expand_refs(markdown::render_html(*doc), section.intro_refs, site, href_for);
}

std::string occurrence_label(const model::Occurrence& occ, Lang lang) {
    return schedule::occurrence_label(occ, lang);
}

std::string repeat_label(const std::string& repeat, Lang lang) {
    return schedule::describe_repeat(repeat, lang);
}

std::string ics_output_path(const model::Page& page) { return schedule::ics_output_path(page); }

std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label,
                         ProgressOf what, Lang lang) {
    return schedule::progress_svg(done, doing, open, overdue, label,
                                  what == ProgressOf::Occurrences ? schedule::ProgressWords::Schedule
                                                                  : schedule::ProgressWords::Checklist,
                                  lang);
}

std::string schedule_ics(const model::Site& site, const model::Page& page) { return schedule::ics(site, page); }

double scheduled_study_hours(const model::Site& site, const std::string& org, int year) {
    return schedule::scheduled_study_hours(site, org, year);
}

}  // namespace chuxin::html
