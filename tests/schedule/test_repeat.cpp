// The `repeat` grammar: phrases → rules, RRULE round trips, errors.
#include <catch2/catch.hpp>

#include <random>

#include "core/utf8.h"

#include "schedule/repeat.h"

using namespace chuxin;
using namespace chuxin::schedule;

namespace {

Rule parsed(const std::string& text) {
    ParseResult r = parse_repeat(text);
    if (auto* e = std::get_if<ParseError>(&r)) FAIL(text << " → " << e->message);
    return std::get<Rule>(r);
}

std::string rrule(const std::string& text) {
    Rule r = parsed(text);
    REQUIRE(std::holds_alternative<RRule>(r));
    return to_rrule_string(std::get<RRule>(r));
}

WindowRule window(const std::string& text) {
    Rule r = parsed(text);
    REQUIRE(std::holds_alternative<WindowRule>(r));
    return std::get<WindowRule>(r);
}

ParseError error(const std::string& text) {
    ParseResult r = parse_repeat(text);
    REQUIRE(std::holds_alternative<ParseError>(r));
    return std::get<ParseError>(r);
}

}  // namespace

TEST_CASE("fixed Chinese phrases translate to the RRULE they mean", "[repeat]") {
    CHECK(rrule("每月第一个周二") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("每月第1个周二") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("每月第三个周五") == "FREQ=MONTHLY;BYDAY=3FR");
    CHECK(rrule("每月第二个星期三") == "FREQ=MONTHLY;BYDAY=2WE");
    CHECK(rrule("每月第五个周日") == "FREQ=MONTHLY;BYDAY=5SU");
    CHECK(rrule("每月最后一个周五") == "FREQ=MONTHLY;BYDAY=-1FR");
    CHECK(rrule("每月倒数第二个周一") == "FREQ=MONTHLY;BYDAY=-2MO");
    CHECK(rrule("每周四") == "FREQ=WEEKLY;BYDAY=TH");
    CHECK(rrule("每周日") == "FREQ=WEEKLY;BYDAY=SU");
    CHECK(rrule("每周天") == "FREQ=WEEKLY;BYDAY=SU");
    CHECK(rrule("每星期六") == "FREQ=WEEKLY;BYDAY=SA");
    CHECK(rrule("每月15日") == "FREQ=MONTHLY;BYMONTHDAY=15");
    CHECK(rrule("每月十五号") == "FREQ=MONTHLY;BYMONTHDAY=15");
    CHECK(rrule("每月二十九日") == "FREQ=MONTHLY;BYMONTHDAY=29");
    CHECK(rrule("每月三十一日") == "FREQ=MONTHLY;BYMONTHDAY=31");
    CHECK(rrule("每月最后一天") == "FREQ=MONTHLY;BYMONTHDAY=-1");
    CHECK(rrule("  每月第一个周二。 ") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("每月１０日") == "FREQ=MONTHLY;BYMONTHDAY=10");
    CHECK(rrule("每年7月1日") == "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1");
    CHECK(rrule("每天") == "FREQ=DAILY");
    CHECK(rrule("每礼拜五") == "FREQ=WEEKLY;BYDAY=FR");
}

TEST_CASE("window phrases with Arabic and Chinese numerals", "[repeat]") {
    CHECK(window("每季度1次") == WindowRule{WindowSpan::Quarter, 1});
    CHECK(window("每季度两次") == WindowRule{WindowSpan::Quarter, 2});
    CHECK(window("每季一次") == WindowRule{WindowSpan::Quarter, 1});
    CHECK(window("每半年至少1次") == WindowRule{WindowSpan::HalfYear, 1});
    CHECK(window("每半年一次") == WindowRule{WindowSpan::HalfYear, 1});
    CHECK(window("每年1次") == WindowRule{WindowSpan::Year, 1});
    CHECK(window("每年至少十二次") == WindowRule{WindowSpan::Year, 12});
    CHECK(window("每年不少于4次") == WindowRule{WindowSpan::Year, 4});
    CHECK(window("每月2次") == WindowRule{WindowSpan::Month, 2});
    CHECK(window("每周两次") == WindowRule{WindowSpan::Week, 2});
    CHECK(window("每周至少三次") == WindowRule{WindowSpan::Week, 3});
}

TEST_CASE("RRULE subset parses and round-trips", "[repeat]") {
    for (std::string text : {"FREQ=MONTHLY;BYDAY=1TU", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
                             "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1", "FREQ=DAILY;COUNT=10",
                             "FREQ=MONTHLY;UNTIL=20260630;BYMONTHDAY=1,15", "FREQ=YEARLY;BYDAY=20MO"}) {
        CHECK(rrule(text) == text);
        CHECK(rrule(rrule(text)) == text);
    }
    CHECK(rrule("RRULE:FREQ=MONTHLY;BYDAY=1TU") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("freq=monthly;byday=1tu") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("FREQ=WEEKLY;BYDAY=FR;WKST=MO") == "FREQ=WEEKLY;BYDAY=FR");
    CHECK(rrule("FREQ=MONTHLY;UNTIL=20260630T235959Z;BYDAY=1TU") == "FREQ=MONTHLY;UNTIL=20260630;BYDAY=1TU");
    CHECK(rrule("FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("BYDAY=1TU;FREQ=MONTHLY") == "FREQ=MONTHLY;BYDAY=1TU");
    // Typed with a Chinese input method: full-width forms.
    CHECK(rrule("FREQ＝MONTHLY；BYDAY＝1TU") == "FREQ=MONTHLY;BYDAY=1TU");
    CHECK(rrule("ＦＲＥＱ=WEEKLY;BYDAY=MO，FR") == "FREQ=WEEKLY;BYDAY=MO,FR");
}

TEST_CASE("unreadable phrases are errors that quote them and list the forms", "[repeat]") {
    for (std::string bad : {"每月第六个周二", "每月第一个", "每两周一次", "隔周一次", "每周八", "每月32日", "每月0日",
                            "每季度零次", "每天两次以上", "月初", "每年2月30日"}) {
        ParseError e = error(bad);
        CAPTURE(bad, e.message);
        CHECK(e.message.find("“" + bad + "”") != std::string::npos);
        CHECK(e.hint.find("每月第一个周二") != std::string::npos);
        CHECK(e.hint.find("每季度N次") != std::string::npos);
        CHECK(e.hint.find("FREQ=MONTHLY;BYDAY=1TU") != std::string::npos);
    }
    CHECK(error("每月第六个周二").message.find("第6个") != std::string::npos);
    CHECK(error("").message == "重复规则为空");
    // Errors quote the text as written, full-width forms included.
    CHECK(error(" 每月第６个周二 ").message.find("“每月第６个周二”") != std::string::npos);
    CHECK(error("FREQ＝HOURLY").message.find("“FREQ＝HOURLY”") != std::string::npos);
}

TEST_CASE("RRULE errors name the part at fault", "[repeat]") {
    auto msg = [](const std::string& t) { return error(t).message; };
    CHECK(msg("FREQ=HOURLY").find("FREQ=HOURLY") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;BYSETPOS=1;BYDAY=TU").find("BYSETPOS 不受支持") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;COUNT=3;UNTIL=20261231").find("COUNT 与 UNTIL") != std::string::npos);
    CHECK(msg("FREQ=WEEKLY;BYDAY=1TU").find("序数") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;BYDAY=6TU").find("5个") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;BYMONTHDAY=0").find("BYMONTHDAY") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;BYMONTH=13").find("BYMONTH") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;UNTIL=2026-12-31").find("UNTIL") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;INTERVAL=0").find("INTERVAL") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;FREQ=WEEKLY").find("两次") != std::string::npos);
    CHECK(msg("INTERVAL=2").find("缺少 FREQ") != std::string::npos);
    CHECK(msg("FREQ=MONTHLY;BYDAY=XX").find("XX") != std::string::npos);
    CHECK(msg("FREQ=WEEKLY;WKST=SU").find("WKST") != std::string::npos);
}

TEST_CASE("property: any input parses to a rule or to an error quoting it", "[repeat][property]") {
    // Untrusted input: random strings over the grammar's own alphabet, so
    // near-misses are common. Every result is a rule that round-trips, or an
    // error with the phrase quoted and the hint.
    const std::u32string alphabet = U"每月年季度半周星期第个最后倒数一二三四五六七八九十两零日天号次至少不=;,-+0123456789FREQMONTHLYBYDAWKTUSRC ";
    std::mt19937 rng(5);
    int rules = 0;
    for (int n = 0; n < 20000; ++n) {
        std::u32string s;
        int len = std::uniform_int_distribution<int>(0, 12)(rng);
        if (n % 3 == 0) s.push_back(U'每');  // (not s = U"每": GCC 12 -Wrestrict false positive)
        for (int i = 0; i < len; ++i) s += alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
        std::string text = utf8::encode(s);
        ParseResult r = parse_repeat(text);
        if (auto* rule = std::get_if<Rule>(&r)) {
            ++rules;
            if (auto* rr = std::get_if<RRule>(rule)) {
                ParseResult again = parse_repeat(to_rrule_string(*rr));
                REQUIRE(std::holds_alternative<Rule>(again));
                CHECK(std::get<RRule>(std::get<Rule>(again)) == *rr);
            }
        } else {
            const auto& e = std::get<ParseError>(r);
            CHECK_FALSE(e.hint.empty());
            CHECK_FALSE(e.message.empty());
        }
    }
    CHECK(rules > 0);
    // Invalid UTF-8 is an error too, not a crash.
    CHECK(std::holds_alternative<ParseError>(parse_repeat("\xff\xfe每月")));
}
