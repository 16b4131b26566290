#include <catch2/catch.hpp>

#include "import/minutes_header.h"

using namespace chuxin::import;
using chuxin::Date;

TEST_CASE("labels with full- or half-width colons, spaced-out labels") {
    auto a = split_label("时间：2026年5月12日");
    REQUIRE(a);
    CHECK(a->label == "时间");
    CHECK(a->value == "2026年5月12日");
    auto b = split_label("地点:三楼会议室");
    REQUIRE(b);
    CHECK(b->value == "三楼会议室");
    auto c = split_label("时\u3000\u3000间：上午");
    REQUIRE(c);
    CHECK(c->label == "时间");
    CHECK_FALSE(split_label("没有冒号的一句话"));
    CHECK_FALSE(split_label("这是一个很长很长的标签不像表头：值"));
}

TEST_CASE("label variants map onto the minutes fields") {
    CHECK(header_field("时间") == HeaderField::Time);
    CHECK(header_field("会议时间") == HeaderField::Time);
    CHECK(header_field("会议地点") == HeaderField::Place);
    CHECK(header_field("主持人") == HeaderField::Host);
    CHECK(header_field("记录人") == HeaderField::Recorder);
    CHECK(header_field("应到人数") == HeaderField::Expected);
    CHECK(header_field("实到") == HeaderField::Present);
    CHECK(header_field("出席") == HeaderField::Present);
    CHECK(header_field("缺席人员") == HeaderField::Absent);
    CHECK(header_field("请假") == HeaderField::Absent);
    CHECK(header_field("会议类型") == HeaderField::Meeting);
    CHECK(header_field("列席") == HeaderField::Kept);
    CHECK(header_field("参加人员") == HeaderField::Kept);
    CHECK(header_field("各党支部") == HeaderField::None);
}

TEST_CASE("the meeting's date and time") {
    std::optional<Date> d;
    std::string t;
    REQUIRE(parse_meeting_time("2026年5月12日 14:30—16:30", d, t));
    CHECK(d->iso() == "2026-05-12");
    CHECK(t == "14:30-16:30");
    t.clear();
    REQUIRE(parse_meeting_time("2026年5月12日（星期二）下午2:30-4:30", d, t));
    CHECK(t == "14:30-16:30");
    t.clear();
    REQUIRE(parse_meeting_time("２０２６年６月２日　９：００至１１：００", d, t));
    CHECK(d->iso() == "2026-06-02");
    CHECK(t == "09:00-11:00");
    t.clear();
    REQUIRE(parse_meeting_time("2026-03-03 14时30分", d, t));
    CHECK(t == "14:30");
    CHECK_FALSE(parse_meeting_time("下午", d, t));
}

TEST_CASE("dates in the forms people type") {
    CHECK(find_date("2026年5月12日")->iso() == "2026-05-12");
    CHECK(find_date("（2026年4月8日）")->iso() == "2026-04-08");
    CHECK(find_date("二〇二六年五月十二日")->iso() == "2026-05-12");
    CHECK(find_date("2026.5.12")->iso() == "2026-05-12");
    CHECK(find_date("2026/05/12")->iso() == "2026-05-12");
    CHECK_FALSE(find_date("2026年2月30日"));
    CHECK(is_date_line("2026年6月10日"));
    CHECK(is_date_line("（2026年4月8日）"));
    CHECK_FALSE(is_date_line("2026年6月10日召开会议"));
}

TEST_CASE("counts and the absent with their reasons") {
    CHECK(parse_count("18人") == 18);
    CHECK(parse_count("16名") == 16);
    CHECK(parse_count("十八人") == 18);
    CHECK_FALSE(parse_count("张某、李某"));
    auto absent = parse_absent("张某（出差）、李某(病假)，王某");
    REQUIRE(absent.size() == 3);
    CHECK(absent[0].name == "张某");
    CHECK(absent[0].reason == "出差");
    CHECK(absent[1].reason == "病假");
    CHECK(absent[2].name == "王某");
    CHECK(absent[2].reason.empty());
    CHECK(parse_absent("无").empty());
    // A reason may itself hold a 、.
    auto nested = parse_absent("赵某（外出学习、培训）");
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].reason == "外出学习、培训");
}

TEST_CASE("header lines fill the header; what does not fit stays out") {
    MinutesHeader h;
    CHECK(apply_header_line({"时间", "2026年5月12日 14:30—16:30"}, h));
    CHECK(apply_header_line({"应到人数", "18人"}, h));
    CHECK(apply_header_line({"实到人数", "16人"}, h));
    CHECK(apply_header_line({"缺席人员", "张某（出差）、李某（病假）"}, h));
    CHECK_FALSE(apply_header_line({"出席", "张某、李某、王某"}, h));  // names, not a number
    CHECK_FALSE(apply_header_line({"列席人员", "刘某"}, h));
    CHECK_FALSE(apply_header_line({"缺席", "2人"}, h));  // a count without names
    CHECK(h.recognised == 4);
    CHECK(h.date->iso() == "2026-05-12");
    CHECK(h.expected == 18);
    CHECK(h.present == 16);
    CHECK(h.absent->size() == 2);
}

TEST_CASE("the meeting type from a title") {
    CHECK(meeting_in("2026年5月主题党日活动记录") == "主题党日");
    CHECK(meeting_in("第二季度支委会会议记录") == "支部委员会");
    CHECK(meeting_in("支部党员大会记录") == "支部党员大会");
    CHECK(meeting_in("书记讲党课") == "党课");
    CHECK(meeting_in("2025年度组织生活会") == "组织生活会");
    CHECK(meeting_in("工作总结").empty());
}
