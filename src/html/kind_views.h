#pragma once
// The html stage's part of each kind (the kind itself: model/kinds.h): the
// fields its page view adds for the template `<name>.mustache`, the place of
// its group on a branch's page and of its folder in the top navigation.
#include <string>
#include <vector>

#include "html/view.h"

namespace chuxin::html {

struct KindView {
    model::Kind kind;
    // Adds the kind's own fields to the page's view (view_kinds.cpp, view_plans.cpp).
    void (*fields)(const Ctx& ctx, const model::Page& page, View& v);
    // Place of the kind's group among a branch's pages (0 first): plans and
    // study first, plain pages last.
    int org_group;
    // Place of the kind's folder in the top navigation (design.md "Layout"),
    // labelled by the UI string `nav_<folder>`; -1: not there (no folder).
    int nav_place;
};
// One view per kind of model::kKinds (tests/html checks it, with the
// template and the UI label `kind_<name>` in each language).
const std::vector<KindView>& kind_views();
const KindView* view_of(model::Kind kind);
// Every kind, in the order of KindView::org_group.
std::vector<model::Kind> kinds_in_org_order();

// A kind's folder in the top navigation.
struct NavSection {
    std::string folder;  // "cases"
    std::string ui_key;  // "nav_cases"
};
// The kinds' folders in KindView::nav_place order.
const std::vector<NavSection>& nav_sections();

}  // namespace chuxin::html
