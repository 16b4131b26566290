#include "html/kind_views.h"

#include <algorithm>

#include "model/kinds.h"

namespace chuxin::html {
namespace {

// A plain page shows the common fields only.
void page_fields(const Ctx&, const model::Page&, View&) {}

}  // namespace

const std::vector<KindView>& kind_views() {
    using model::Kind;
    static const std::vector<KindView> views = {
        {Kind::Page, page_fields, 6, -1},
        {Kind::StudyList, studylist_fields, 1, 1},
        {Kind::Case, case_fields, 4, 2},
        {Kind::Minutes, minutes_fields, 2, 3},
        {Kind::Schedule, schedule_fields, 0, 0},
        {Kind::Checklist, checklist_fields, 3, 4},
        {Kind::Handbook, handbook_fields, 5, 5},
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

const std::vector<NavSection>& nav_sections() {
    static const std::vector<NavSection> sections = [] {
        std::vector<const KindView*> views;
        for (const auto& view : kind_views())
            if (view.nav_place >= 0) views.push_back(&view);
        std::sort(views.begin(), views.end(),
                  [](const KindView* a, const KindView* b) { return a->nav_place < b->nav_place; });
        std::vector<NavSection> out;
        for (const KindView* view : views) {
            const std::string folder(model::kind_info(view->kind).folder);
            out.push_back({folder, "nav_" + folder});
        }
        return out;
    }();
    return sections;
}

}  // namespace chuxin::html
