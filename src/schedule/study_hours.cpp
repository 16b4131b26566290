#include "schedule/study_hours.h"

#include <set>
#include <utility>

namespace chuxin::schedule {

double scheduled_study_hours(const model::Site& site, const std::string& org_id, int year) {
    std::set<std::pair<int, std::string>> items;  // (study list page, item id)
    for (const auto& page : site.pages) {
        const auto* sched = page.as<model::Schedule>();
        if (!sched || page.draft || page.org != org_id || sched->year != year) continue;
        for (const auto& ev : sched->events)
            for (const auto& ref : ev.study) {
                if (!ref.resolved()) continue;
                const auto* list = site.pages[static_cast<size_t>(ref.page)].as<model::StudyList>();
                if (!list) continue;
                for (const auto& item : list->items)
                    if (ref.anchor.empty() || ref.anchor == item.id) items.insert({ref.page, item.id});
            }
    }
    double hours = 0;
    for (const auto& [page, id] : items)
        for (const auto& item : site.pages[static_cast<size_t>(page)].as<model::StudyList>()->items)
            if (item.id == id && item.hours) hours += *item.hours;
    return hours;
}

}  // namespace chuxin::schedule
