#pragma once
// One iCalendar file per schedule (content-format §6, §8 "Calendars";
// RFC 5545). Fixed occurrences of an event → one VEVENT (DTSTART;VALUE=DATE,
// RRULE translated from the phrase, RDATE/EXDATE where the expansion differs
// from what the RRULE alone yields); each window → one VTODO (DTSTART, DUE).
// Deterministic: DTSTAMP comes from the page's date (else 1 January of the
// schedule's year), never from the clock.
#include <string>
#include <string_view>

#include "model/model.h"

namespace chuxin::schedule {

// The whole calendar, CRLF line ends, folded. Call after compute().
std::string ics(const model::Site& site, const model::Page& schedule_page);

// Where the calendar goes, relative to the output root: "calendar.ics" in
// the page's folder ("/schedules/2026/" → "schedules/2026/calendar.ics";
// content-format §8 "Calendars"). Not percent-encoded.
std::string ics_output_path(const model::Page& schedule_page);

// RFC 5545 §3.3.11 TEXT escaping: backslash, ';', ',' and newlines (CR LF,
// LF or CR → "\n"); other control characters but TAB are dropped.
std::string ics_escape_text(std::string_view text);

// RFC 5545 §3.1: one content line as lines of at most 75 octets, each
// continuation starting with a space, never splitting a UTF-8 sequence;
// every line ends in CRLF.
std::string ics_fold(std::string_view content_line);

// Host part of an absolute base_url ("https://study.example.org/" →
// "study.example.org"); "chuxin.invalid" when base_url has no host. Used in UIDs.
std::string ics_host(const std::string& base_url);

}  // namespace chuxin::schedule
