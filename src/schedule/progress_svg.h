#pragma once
// The progress picture (挂图作战): a stacked bar of done / doing / open /
// overdue counts with numbers, percentage and words, so that it reads
// without colour (WCAG 1.4.1) and to screen readers (role="img", <title>).
#include <string>

#include "core/language.h"
#include "model/model.h"

namespace chuxin::schedule {

// Which words name the four segments.
//   Checklist: 已销号 / 整改中 / 未整改 / 逾期  (Closed / In progress / Open / Overdue)
//   Schedule:  已完成 / 进行中 / 待开展 / 逾期  (Done / In progress / Due / Overdue)
enum class ProgressWords { Checklist, Schedule };

// A standalone SVG document (also fine inline in HTML5). The four counts are
// disjoint segments in the order done, doing, open, overdue (the caller puts
// an overdue item in `overdue` only); zero segments are left out of the bar
// but stay in the legend. `label` names what is counted ("2026年整改清单");
// it is escaped. `lang` gives the words's language.
// Deterministic.
std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label,
                         ProgressWords words = ProgressWords::Checklist, Lang lang = Lang::Zh);

// The four disjoint counts of a picture.
struct ProgressCounts {
    int done = 0;
    int doing = 0;
    int open = 0;
    int overdue = 0;
    int total() const { return done + doing + open + overdue; }
};

// Checklist items as disjoint segments: an item that is overdue (not done,
// due before the as-of date) counts only as overdue, not also as open/doing.
ProgressCounts item_counts(const model::Checklist& checklist);
// Schedule occurrences: done, doing 0, open = due, overdue.
ProgressCounts occurrence_counts(const model::Schedule& schedule);

std::string progress_svg(const ProgressCounts& counts, const std::string& label,
                         ProgressWords words = ProgressWords::Checklist, Lang lang = Lang::Zh);

}  // namespace chuxin::schedule
