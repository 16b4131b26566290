#include "schedule/status.h"

#include <algorithm>
#include <cstdlib>

#include "model/kinds.h"
#include "schedule/expand.h"

namespace chuxin::schedule {
namespace {

using model::Occurrence;

// Index into `occs` of the occurrence a meeting on `date` counts for, or -1.
int match(const std::vector<Occurrence>& occs, int event, Date date) {
    int best = -1;
    long best_distance = 0;
    for (size_t i = 0; i < occs.size(); ++i) {
        const Occurrence& o = occs[i];
        if (o.event != event) continue;
        if (o.window) {
            if (o.start <= date && date <= o.end) return static_cast<int>(i);
            continue;
        }
        long distance = std::labs(o.start.days() - date.days());
        if (distance > kMatchToleranceDays) continue;
        // Occurrences are in date order, so a strict '<' keeps the earlier one
        // on a tie (content-format §8).
        if (best < 0 || distance < best_distance) {
            best = static_cast<int>(i);
            best_distance = distance;
        }
    }
    return best;
}

int event_index(const model::Schedule& s, const std::string& id) {
    for (size_t i = 0; i < s.events.size(); ++i)
        if (s.events[i].id == id) return static_cast<int>(i);
    return -1;
}

void expand_all(model::Site& site, Diagnostics& diags) {
    for (auto& page : site.pages) {
        auto* sched = page.as<model::Schedule>();
        if (!sched) continue;
        sched->occurrences.clear();
        if (sched->year <= 0) continue;  // a missing `year` is the load stage's error
        for (size_t e = 0; e < sched->events.size(); ++e) {
            auto occs = expand(sched->events[e], static_cast<int>(e), sched->year, diags);
            sched->occurrences.insert(sched->occurrences.end(), occs.begin(), occs.end());
        }
    }
}

void count_minutes(model::Site& site, Diagnostics& diags) {
    for (size_t p = 0; p < site.pages.size(); ++p) {
        const auto& page = site.pages[p];
        const auto* minutes = page.as<model::Minutes>();
        if (!minutes || page.draft) continue;  // drafts count for nothing (§8)
        for (const auto& ref : minutes->fulfills) {
            // Unresolved refs and refs without an event were reported by the graph stage.
            if (!ref.resolved() || ref.anchor.empty()) continue;
            auto* sched = site.pages[static_cast<size_t>(ref.page)].as<model::Schedule>();
            if (!sched) continue;
            int event = event_index(*sched, ref.anchor);
            if (event < 0) continue;
            int hit = match(sched->occurrences, event, minutes->date);
            if (hit < 0) {
                diags.warning(ref.pos,
                              "会议记录 " + page.path + "（" + minutes->date.iso() + "）未对应 “" + ref.text +
                                  "” 的任何一次安排",
                              "定期活动须在安排日期前后" + std::to_string(kMatchToleranceDays) +
                                  "天内，时段活动须在时段之内；请核对会议日期或 fulfills");
                continue;
            }
            auto& by = sched->occurrences[static_cast<size_t>(hit)].fulfilled_by;
            if (std::find(by.begin(), by.end(), static_cast<int>(p)) == by.end()) by.push_back(static_cast<int>(p));
        }
    }
}

}  // namespace

model::OccurrenceStatus occurrence_status(const Occurrence& occ, Date as_of) {
    if (static_cast<int>(occ.fulfilled_by.size()) >= occ.required) return model::OccurrenceStatus::Done;
    return occ.end >= as_of ? model::OccurrenceStatus::Due : model::OccurrenceStatus::Overdue;
}

void compute(model::Site& site, Date as_of, Diagnostics& diags) {
    site.as_of = as_of;
    expand_all(site, diags);
    count_minutes(site, diags);
    const auto& pages = site.pages;
    for (auto& page : site.pages) {
        if (auto* sched = page.as<model::Schedule>()) {
            for (auto& occ : sched->occurrences) {
                std::sort(occ.fulfilled_by.begin(), occ.fulfilled_by.end(), [&](int a, int b) {
                    Date da = pages[static_cast<size_t>(a)].as<model::Minutes>()->date;
                    Date db = pages[static_cast<size_t>(b)].as<model::Minutes>()->date;
                    return da != db ? da < db : a < b;
                });
                occ.status = occurrence_status(occ, as_of);
            }
        }
        if (auto* list = page.as<model::Checklist>())
            for (auto& item : list->items)
                item.overdue = item.status != model::ItemStatus::Done && item.due && *item.due < as_of;
    }
}

// The words are model/kinds.h's: one spelling for html, handbook, report and load.
std::string status_label(model::OccurrenceStatus status, Lang lang) {
    return std::string(model::words_of(status).in(lang));
}

std::string item_status_label(model::ItemStatus status, Lang lang) {
    return std::string(model::words_of(status).in(lang));
}

std::string overdue_label(Lang lang) { return std::string(model::overdue_words().in(lang)); }

const char* status_code(model::OccurrenceStatus status) { return model::words_of(status).code.data(); }

const char* item_status_code(model::ItemStatus status) { return model::words_of(status).code.data(); }

}  // namespace chuxin::schedule

namespace chuxin::schedule {

std::string occurrence_label(const model::Occurrence& occ, Lang lang) {
    bool en = lang == Lang::En;
    const Date& s = occ.start;
    const Date& e = occ.end;
    std::string y = std::to_string(s.year);
    if (!occ.window || s == e) return en ? s.iso() : s.chinese();
    bool whole_months = s.day == 1 && e.day == Date::days_in_month(e.year, e.month) && s.year == e.year;
    int months = e.month - s.month + 1;
    if (whole_months && months == 12) return en ? y : y + "年";
    if (whole_months && months == 6) return en ? y + (s.month == 1 ? " H1" : " H2") : y + (s.month == 1 ? "年上半年" : "年下半年");
    if (whole_months && months == 3 && (s.month - 1) % 3 == 0) {
        static const char* const zh[] = {"一", "二", "三", "四"};
        int q = (s.month - 1) / 3;
        return en ? y + " Q" + std::to_string(q + 1) : y + "年第" + zh[q] + "季度";
    }
    if (whole_months && months == 1) return en ? s.iso().substr(0, 7) : y + "年" + std::to_string(s.month) + "月";
    if (en) return s.iso() + " – " + e.iso();
    std::string tail = e.year != s.year ? e.chinese() : std::to_string(e.month) + "月" + std::to_string(e.day) + "日";
    return s.chinese() + "至" + tail;
}

}  // namespace chuxin::schedule
