#pragma once
// The schedule stage (content-format §3, §5–§8): repeat grammar, expansion,
// matching minutes to occurrences, statuses, calendars, .ics, reports.
#include "schedule/calendar.h"
#include "schedule/describe.h"
#include "schedule/expand.h"
#include "schedule/ics.h"
#include "schedule/progress_svg.h"
#include "schedule/repeat.h"
#include "schedule/report.h"
#include "schedule/status.h"
#include "schedule/study_hours.h"
