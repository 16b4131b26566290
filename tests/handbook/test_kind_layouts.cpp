// The handbook's part of each kind against the one table of kinds
// (model/kinds.h): a kind without a layout fails here.
#include <catch2/catch.hpp>

#include "handbook/kinds.h"
#include "model/kinds.h"

using namespace chuxin;

TEST_CASE("kind table: every kind has a handbook layout, in the table's order") {
    const auto& layouts = handbook::kind_layouts();
    REQUIRE(layouts.size() == model::kKinds.size());
    for (size_t i = 0; i < layouts.size(); ++i) {
        INFO(model::kKinds[i].name << ": add its KindLayout to handbook/kinds.cpp");
        CHECK(layouts[i].kind == model::kKinds[i].kind);
        CHECK(layouts[i].before != nullptr);
        CHECK(layouts[i].after != nullptr);
    }
}
