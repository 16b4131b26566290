#include "model/model.h"

namespace chuxin::model {

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::Page: return "page";
        case Kind::StudyList: return "studylist";
        case Kind::Case: return "case";
        case Kind::Minutes: return "minutes";
        case Kind::Schedule: return "schedule";
        case Kind::Checklist: return "checklist";
        case Kind::Handbook: return "handbook";
    }
    return "page";
}

double StudyList::total_hours() const {
    double sum = 0;
    for (const auto& item : items)
        if (item.hours) sum += *item.hours;
    return sum;
}

const Page* Site::find(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &pages[static_cast<size_t>(it->second)];
}

const Org* Site::org(const std::string& id) const {
    for (const auto& o : config.orgs)
        if (o.id == id) return &o;
    return nullptr;
}

}  // namespace chuxin::model
