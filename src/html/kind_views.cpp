#include "html/kind_views.h"

#include <algorithm>

namespace chuxin::html {
namespace {

// A plain page shows the common fields only.
void page_fields(const Ctx&, const model::Page&, View&) {}

}  // namespace

const std::vector<KindView>& kind_views() {
    using model::Kind;
    static const std::vector<KindView> views = {
        {Kind::Page, page_fields, 6},         {Kind::StudyList, studylist_fields, 1}, {Kind::Case, case_fields, 4},
        {Kind::Minutes, minutes_fields, 2},   {Kind::Schedule, schedule_fields, 0},   {Kind::Checklist, checklist_fields, 3},
        {Kind::Handbook, handbook_fields, 5},
    };
    return views;
}

const KindView* view_of(model::Kind kind) {
    for (const auto& view : kind_views())
        if (view.kind == kind) return &view;
    return nullptr;
}

std::vector<model::Kind> kinds_in_org_order() {
    std::vector<const KindView*> views;
    for (const auto& view : kind_views()) views.push_back(&view);
    std::sort(views.begin(), views.end(), [](const KindView* a, const KindView* b) { return a->org_group < b->org_group; });
    std::vector<model::Kind> out;
    for (const KindView* view : views) out.push_back(view->kind);
    return out;
}

}  // namespace chuxin::html
