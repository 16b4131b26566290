// minutes (会议记录: 三会一课, 主题党日, 民主生活会 …): content-format §3.
#include "load/kinds.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kAbsenceKeys = {"name", "reason"};

std::vector<model::Absence> read_absent(const Fields& f) {
    std::vector<model::Absence> out;
    const Field* field = f.get("absent", Need::Optional);
    if (!field) return out;
    if (field->value.is_scalar()) {
        // `absent: 赵某` — one name.
        out.push_back({trim(field->value.scalar()), ""});
        return out;
    }
    for (const YamlNode& node : f.list("absent")) {
        SourcePos pos = f.pos(node);
        if (node.is_scalar()) {
            out.push_back({trim(node.scalar()), ""});
            continue;
        }
        if (!node.is_map()) {
            f.diags().error(pos, "an entry of 'absent' should be a name or {name, reason}, not " + describe(node),
                            "e.g. - {name: 赵某, reason: 出差}");
            continue;
        }
        Fields entry(node, f.source(), f.diags(), pos, "in each entry of 'absent'");
        entry.reject_unknown(kAbsenceKeys);
        model::Absence a;
        if (auto n = entry.text("name", Need::Required)) a.name = trim(*n);
        if (auto r = entry.text("reason")) a.reason = trim(*r);
        out.push_back(std::move(a));
    }
    return out;
}

// 应到 − 实到 should be the number of names under 缺席 (a warning, §3).
void check_attendance(const Fields& f, const model::Minutes& m) {
    if (!m.expected || !m.present) return;
    SourcePos where = f.has("absent") ? f.key_pos(*f.find("absent")) : f.value_pos(*f.find("present"));
    if (*m.present > *m.expected) {
        f.diags().warning(f.value_pos(*f.find("present")),
                          "present (" + std::to_string(*m.present) + ") is more than expected (" +
                              std::to_string(*m.expected) + ")",
                          "'expected' is 应到 and 'present' is 实到");
        return;
    }
    int missing = *m.expected - *m.present;
    int listed = static_cast<int>(m.absent.size());
    if (missing != listed && !f.has("absent")) {
        f.diags().warning(where,
                          "expected − present is " + std::to_string(missing) + " (" + std::to_string(*m.expected) +
                              " − " + std::to_string(*m.present) + ") but no one is listed under 'absent'",
                          "list each absent member with a reason, e.g.\n        absent:\n          - {name: 赵某, reason: 出差}");
    } else if (missing != listed) {
        f.diags().warning(where,
                          "'absent' lists " + std::to_string(listed) + (listed == 1 ? " person" : " people") +
                              " but expected − present is " + std::to_string(missing) + " (" +
                              std::to_string(*m.expected) + " − " + std::to_string(*m.present) + ")",
                          "list each absent member with a reason, e.g. - {name: 赵某, reason: 出差}");
    }
}

}  // namespace

void read_minutes(const Fields& f, model::Page& page) {
    model::Minutes m;
    if (auto meeting = f.text("meeting", Need::Required)) m.meeting = trim(*meeting);
    if (page.date)
        m.date = *page.date;
    else
        f.get("date", Need::Required);  // reports a missing or empty date; a bad one is reported already
    if (auto t = f.text("time"))
        m.time = trim(*t);
    else
        m.time = f.clock_of("date");  // date: 2026-03-03T14:30:00+08:00 keeps its 14:30
    if (auto l = f.text("location")) m.location = trim(*l);
    if (auto h = f.text("host")) m.host = trim(*h);
    if (auto r = f.text("recorder")) m.recorder = trim(*r);
    if (auto e = f.integer("expected", Need::Optional, 0, 100000)) m.expected = static_cast<int>(*e);
    if (auto p = f.integer("present", Need::Optional, 0, 100000)) m.present = static_cast<int>(*p);
    m.absent = read_absent(f);
    m.fulfills = f.refs("fulfills");
    m.studied = f.refs("studied");
    check_attendance(f, m);
    page.data = std::move(m);
}

}  // namespace chuxin::load
