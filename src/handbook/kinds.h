#pragma once
// The typed kinds' own layouts in the handbook (content-format §3):
// study list → table with hour totals against hours_required; checklist →
// ledger (问题/整改措施/责任人/时限/状态 with a drawn mark); schedule → events
// and, when the schedule stage filled them, occurrences with status;
// minutes → a tinted header panel; case → its facts, and 启示 in a panel.
#include <vector>

#include "handbook/body.h"

namespace chuxin::handbook {

// What the handbook lays out for one kind, around the page's Markdown body.
struct KindLayout {
    model::Kind kind;
    std::vector<layout::Block> (*before)(const BodyContext& ctx);
    std::vector<layout::Block> (*after)(const BodyContext& ctx);
};
// One layout per kind of model::kKinds (tests/handbook checks it).
const std::vector<KindLayout>& kind_layouts();

// Blocks that go before the page's Markdown body.
std::vector<layout::Block> kind_blocks_before(const BodyContext& ctx);
// Blocks that go after it (a case's lessons).
std::vector<layout::Block> kind_blocks_after(const BodyContext& ctx);

}  // namespace chuxin::handbook
