#pragma once
// Scheduled study hours (学时) of a branch for a year (glossary: Party members
// need at least 32 hours of concentrated study a year).
#include <string>

#include "model/model.h"

namespace chuxin::schedule {

// The yearly norm of concentrated study hours per member.
inline constexpr double kYearlyStudyNorm = 32;

// Definition (docs/schedules.md): the sum of `hours` of the distinct study
// items referenced through events' `study` by the non-draft schedules whose
// `org` is `org_id` and whose `year` is `year`. A reference to a whole study
// list counts all of its items; a reference with an anchor counts that item.
// Each item counts once, however many events or occurrences name it (an item
// is studied once, not at every meeting); items without hours add nothing.
// Call after references are resolved.
double scheduled_study_hours(const model::Site& site, const std::string& org_id, int year);

}  // namespace chuxin::schedule
