// schedule (年度学习计划 / 日程): content-format §3, §8. The `repeat` text is
// kept as written with its position; the schedule stage parses it (§5).
#include "load/kinds.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kEventKeys = entry_keys(model::Kind::Schedule).second;

std::vector<Date> read_dates(const Fields& event, int year) {
    std::vector<Date> out;
    const Field* f = event.get("dates", Need::Optional);
    if (!f) return out;
    std::vector<std::pair<YamlNode, SourcePos>> values;
    if (f->value.is_sequence()) {
        for (const auto& n : f->value) values.emplace_back(n, event.pos(n));
    } else {
        values.emplace_back(f->value, event.value_pos(*f));
    }
    for (const auto& [node, pos] : values) {
        auto d = event.as_date(node, pos, "an entry of 'dates'");
        if (!d) continue;
        if (year > 0 && d->year != year)
            event.diags().warning(pos, "date " + d->iso() + " is outside the schedule's year " + std::to_string(year),
                                  "it gets no occurrence; move it to the schedule of " + std::to_string(d->year));
        out.push_back(*d);
    }
    return out;
}

void read_event(const Fields& f, const YamlNode& node, int year, ItemIds& ids, model::Schedule& schedule) {
    SourcePos pos = f.pos(node);
    if (!node.is_map()) {
        f.diags().error(pos, "an event should be a map of fields, not " + describe(node),
                        "e.g.\n          - id: theme-day\n            title: 主题党日\n            repeat: 每月第一个周二");
        return;
    }
    Fields event(node, f.source(), f.diags(), pos, "in each event");
    event.reject_unknown(kEventKeys);
    model::ScheduleEvent e;
    e.pos = pos;
    auto id = ids.take(event);
    if (auto t = event.text("title", Need::Required)) e.title = trim(*t);
    if (auto r = event.text("repeat")) {
        e.repeat = trim(*r);
        e.repeat_pos = event.value_pos(*event.find("repeat"));
    }
    e.dates = read_dates(event, year);
    bool has_repeat = event.get("repeat", Need::Optional) != nullptr;
    bool has_dates = event.get("dates", Need::Optional) != nullptr;
    std::string name = id ? "event '" + *id + "'" : std::string("this event");
    if (!has_repeat && !has_dates)
        f.diags().error(pos, name + " needs 'repeat' or 'dates'",
                        "e.g. repeat: 每月第一个周二, or dates: [2026-07-01]");
    if (has_repeat && has_dates)
        f.diags().error(event.key_pos(*event.find("dates")), name + " has both 'repeat' and 'dates'",
                        "keep one: 'repeat' for a rule, 'dates' for a list of days");
    if (auto m = event.text("meeting")) e.meeting = trim(*m);
    if (auto o = event.text("owner")) e.owner = trim(*o);
    e.study = event.refs("study");
    if (!id) return;
    e.id = *id;
    schedule.events.push_back(std::move(e));
}

}  // namespace

void read_schedule(const Fields& f, model::Page& page) {
    model::Schedule schedule;
    if (auto y = f.integer("year", Need::Required, 1900, 2200)) schedule.year = static_cast<int>(*y);
    ItemIds ids("event");
    for (const YamlNode& node : f.list("events")) read_event(f, node, schedule.year, ids, schedule);
    page.data = std::move(schedule);
}

}  // namespace chuxin::load
