#pragma once
// Matching minutes to schedule occurrences, and the statuses of occurrences
// and checklist items against the as-of date (content-format §3, §8).
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/language.h"
#include "model/model.h"

namespace chuxin::schedule {

// How far (in days) a meeting may be from a fixed occurrence's date and still
// count for it (content-format §3).
inline constexpr int kMatchToleranceDays = 7;

// Fills, for every schedule page, Schedule::occurrences (event order in the
// file, then start) with fulfilled_by and status; for every checklist item its
// `overdue` flag; and site.as_of. Needs references resolved (model/graph.h):
// a minutes' `fulfills` Ref has page = the schedule page, anchor = event id.
//   - A non-draft minutes page counts toward the nearest fixed occurrence of
//     the event at most 7 days away (equal distance: the earlier), or toward
//     the window holding its date. It is listed once per occurrence.
//   - fulfilled_by is ordered by the minutes' date, then page index.
//   - done: count ≥ required; due: not done and date / window end ≥ as_of;
//     overdue: otherwise.
//   - Minutes whose `fulfills` reaches no occurrence: a warning at the ref.
//   - Checklist item: overdue = status != done && due && due < as_of.
// Unreadable `repeat` phrases are errors (at the event's repeat_pos).
void compute(model::Site& site, Date as_of, Diagnostics& diags);

// The status of one occurrence with `count` meetings against `as_of`.
model::OccurrenceStatus occurrence_status(const model::Occurrence& occ, Date as_of);

// UI words in the site's language.
//   occurrence: 已完成 / 待开展 / 逾期 — Done / Due / Overdue
//   item:       未整改 / 整改中 / 已销号 — Open / In progress / Closed
//   overdue:    逾期 — Overdue
std::string status_label(model::OccurrenceStatus status, Lang lang);
std::string item_status_label(model::ItemStatus status, Lang lang);
std::string overdue_label(Lang lang);
// The span an occurrence covers, for people: "2026年1月6日" (fixed),
// "2026年第一季度", "2026年上半年", "2026年3月", "2026年3月2日至3月8日" (a week);
// en: "2026-01-06", "2026 Q1", "2026 H1", "2026-03", "2026-03-02 – 2026-03-08".
std::string occurrence_label(const model::Occurrence& occ, Lang lang);
// Machine words used in reports and CSS classes: done | due | overdue, open | doing | done.
const char* status_code(model::OccurrenceStatus status);
const char* item_status_code(model::ItemStatus status);

}  // namespace chuxin::schedule
