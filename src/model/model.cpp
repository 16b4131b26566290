#include "model/model.h"

#include "model/kinds.h"

namespace chuxin::model {

const char* kind_name(Kind k) {
    // The table's names are string literals: NUL-terminated.
    return kind_info(k).name.data();
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
