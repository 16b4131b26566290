#include "html/kind_views.h"

namespace chuxin::html {
namespace {

// A plain page shows the common fields only.
void page_fields(const Ctx&, const model::Page&, View&) {}

}  // namespace

const std::vector<KindView>& kind_views() {
    using model::Kind;
    static const std::vector<KindView> views = {
        {Kind::Page, page_fields},           {Kind::StudyList, studylist_fields}, {Kind::Case, case_fields},
        {Kind::Minutes, minutes_fields},     {Kind::Schedule, schedule_fields},   {Kind::Checklist, checklist_fields},
        {Kind::Handbook, handbook_fields},
    };
    return views;
}

const KindView* view_of(model::Kind kind) {
    for (const auto& view : kind_views())
        if (view.kind == kind) return &view;
    return nullptr;
}

}  // namespace chuxin::html
