#include "model/kinds.h"

namespace chuxin::model {

const KindInfo& kind_info(Kind kind) {
    for (const auto& info : kKinds)
        if (info.kind == kind) return info;
    return kKinds[0];
}

const KindInfo* kind_named(std::string_view name) {
    for (const auto& info : kKinds)
        if (info.name == name) return &info;
    return nullptr;
}

Kind kind_of_folder(std::string_view first_folder) {
    for (const auto& info : kKinds)
        if (!info.folder.empty() && info.folder == first_folder) return info.kind;
    return Kind::Page;
}

std::string kind_names_joined() {
    std::string out;
    for (const auto& info : kKinds) {
        if (!out.empty()) out += ", ";
        out += info.name;
    }
    return out;
}

namespace {

// One overload per kind with anchored entries; the others have none.
void add_anchors(const StudyList& list, std::vector<Anchor>& out) {
    for (const auto& item : list.items) out.push_back({item.id, item.title});
}
void add_anchors(const Checklist& list, std::vector<Anchor>& out) {
    for (const auto& item : list.items) out.push_back({item.id, item.issue});
}
void add_anchors(const Schedule& schedule, std::vector<Anchor>& out) {
    for (const auto& event : schedule.events) out.push_back({event.id, event.title});
}
template <class Other>
void add_anchors(const Other&, std::vector<Anchor>&) {}

}  // namespace

std::vector<Anchor> item_anchors(const Page& page) {
    std::vector<Anchor> out;
    std::visit([&out](const auto& data) { add_anchors(data, out); }, page.data);
    return out;
}

std::vector<Anchor> page_anchors(const Page& page) {
    std::vector<Anchor> out = item_anchors(page);
    for (const auto& heading : page.headings) out.push_back({heading.anchor, heading.text});
    return out;
}

namespace {

// The users' own words (shared/domain/glossary.md).
constexpr StatusWords kDone{"done", "已完成", "Done"};
constexpr StatusWords kDue{"due", "待开展", "Due"};
constexpr StatusWords kOverdue{"overdue", "逾期", "Overdue"};
constexpr StatusWords kOpen{"open", "未整改", "Open"};
constexpr StatusWords kDoing{"doing", "整改中", "In progress"};
constexpr StatusWords kClosed{"done", "已销号", "Closed"};

}  // namespace

const StatusWords& words_of(OccurrenceStatus status) {
    switch (status) {
        case OccurrenceStatus::Done: return kDone;
        case OccurrenceStatus::Due: return kDue;
        case OccurrenceStatus::Overdue: return kOverdue;
    }
    return kDue;
}

const StatusWords& words_of(ItemStatus status) {
    switch (status) {
        case ItemStatus::Open: return kOpen;
        case ItemStatus::Doing: return kDoing;
        case ItemStatus::Done: return kClosed;
    }
    return kOpen;
}

const StatusWords& overdue_words() { return kOverdue; }

}  // namespace chuxin::model
