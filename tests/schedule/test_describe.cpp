#include <catch2/catch.hpp>

#include "schedule/describe.h"

using chuxin::Lang;
using chuxin::schedule::describe_repeat;

TEST_CASE("RRULEs are spelled out for readers; Chinese phrases stay as written") {
    struct Row { const char* repeat; const char* zh; const char* en; };
    const Row rows[] = {
        {"FREQ=MONTHLY;BYDAY=1TU", "每月第一个周二", "every month on the first Tuesday"},
        {"FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR", "每年3月、6月、9月、12月最后一个周五",
         "every month in March, June, September and December on the last Friday"},
        {"FREQ=WEEKLY;BYDAY=TU,TH", "每周二、周四", "every week on Tuesday and Thursday"},
        {"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "每2周的周一", "every 2 weeks on Monday"},
        {"FREQ=MONTHLY;BYMONTHDAY=-1", "每月最后一天", "every month on the last day"},
        {"FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", "每月15日，共6次", "every month on day 15, 6 times"},
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE;UNTIL=20260630", "每2个月第二个周三，至2026年6月30日",
         "every 2 months on the second Wednesday, until 2026-06-30"},
        {"FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1", "每年7月1日", "every year in July on day 1"},
        {"每月第一个周二", "每月第一个周二", "每月第一个周二"},
        {"每季度1次", "每季度1次", "每季度1次"},
        {"FREQ=NONSENSE", "FREQ=NONSENSE", "FREQ=NONSENSE"},
    };
    for (const auto& r : rows) {
        INFO(r.repeat);
        CHECK(describe_repeat(r.repeat, Lang::Zh) == r.zh);
        CHECK(describe_repeat(r.repeat, Lang::En) == r.en);
    }
}
