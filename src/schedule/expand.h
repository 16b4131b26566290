#pragma once
// Expansion of schedule events into occurrences for one year
// (content-format §3 "schedule", §5, §8 "RRULE").
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "model/model.h"
#include "schedule/repeat.h"

namespace chuxin::schedule {

// The dates an RRULE yields from `dtstart` up to `cap` (both inclusive).
// As in dateutil and RFC 5545 §3.3.10, periods start at dtstart's period and
// step by INTERVAL; a dtstart that does not match the rule is not an
// occurrence; COUNT counts the occurrences actually produced. Days that do not
// exist (a 5th Friday, the 31st of April) are simply absent.
std::vector<Date> rrule_dates(const RRule& rule, Date dtstart, Date cap);

struct Span {
    Date start;
    Date end;
    bool operator==(const Span&) const = default;
};

// The windows of a span kind in `year`: the year; H1/H2; Q1–Q4; the months;
// the Monday–Sunday weeks whose Monday falls in the year (the last may end
// in January of the next year).
std::vector<Span> window_spans(WindowSpan span, int year);

// All occurrences of one event in `year`, ordered by start. `repeat` and the
// explicit `dates` (always fixed) are merged; an unreadable `repeat` is an
// error at the event's repeat_pos and yields no occurrence from the phrase;
// a listed date outside `year` is kept, with a warning at the event; a rule
// that yields no date in the year is a warning at repeat_pos.
std::vector<model::Occurrence> expand(const model::ScheduleEvent& event, int event_index, int year,
                                      Diagnostics& diags);

}  // namespace chuxin::schedule
