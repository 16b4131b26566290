#pragma once
// A `repeat` value as a reader says it. Chinese phrases are shown as
// written; an RRULE (content-format §5) is spelled out, so a printed
// schedule reads 每年3月、6月、9月、12月最后一个周五 and not
// FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR.
#include <string>
#include <string_view>

#include "core/language.h"
#include "schedule/repeat.h"

namespace chuxin::schedule {

// `lang` is the site language. Text that does not parse
// is returned unchanged (the load/schedule stages have reported it).
std::string describe_repeat(std::string_view repeat, Lang lang);

// The RRULE part of the above, for an already parsed rule.
std::string describe_rrule(const RRule& rule, Lang lang);

}  // namespace chuxin::schedule
