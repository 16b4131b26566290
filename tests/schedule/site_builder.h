#pragma once
// Builds model::Site objects in code for the schedule tests, standing in for
// the load and graph stages (refs are created already resolved).
#include <string>
#include <vector>

#include "model/model.h"

namespace chuxin::testing {

inline Date d(const char* iso) { return *Date::parse(iso); }

class SiteBuilder {
public:
    SiteBuilder() {
        site.config.title = "测试站点";
        site.config.base_url = "https://study.example.org/";
    }

    int add_page(model::Page p) {
        p.path = "content/" + p.id + ".md";
        p.rel = p.id + ".md";
        p.url = "/" + p.id + "/";
        p.front_matter = {p.path, 1, 1};
        site.pages.push_back(std::move(p));
        int index = static_cast<int>(site.pages.size()) - 1;
        site.by_id[site.pages.back().id] = index;
        return index;
    }

    // A schedule with events given as (id, repeat) pairs.
    int schedule(const std::string& id, int year, std::vector<model::ScheduleEvent> events,
                 const std::string& org = "") {
        model::Page p;
        p.id = id;
        p.kind = model::Kind::Schedule;
        p.title = std::to_string(year) + "年度理论学习计划";
        p.org = org;
        model::Schedule s;
        s.year = year;
        int line = 5;
        for (auto& e : events) {
            e.pos = {"content/" + id + ".md", line, 5};
            e.repeat_pos = {"content/" + id + ".md", line + 2, 13};
            line += 4;
        }
        s.events = std::move(events);
        p.data = s;
        return add_page(std::move(p));
    }

    model::Ref ref_to(int page, const std::string& anchor, int line = 8) {
        model::Ref r;
        r.page = page;
        r.anchor = anchor;
        r.text = site.pages[static_cast<size_t>(page)].id + (anchor.empty() ? "" : "#" + anchor);
        r.pos = {"", line, 11};
        return r;
    }

    // Minutes dated `date` fulfilling `event` of schedule page `sched`.
    int minutes(const std::string& id, const char* date, int sched, const std::string& event, bool draft = false) {
        model::Page p;
        p.id = id;
        p.kind = model::Kind::Minutes;
        p.title = id;
        p.draft = draft;
        model::Minutes m;
        m.meeting = "主题党日";
        m.date = d(date);
        if (sched >= 0) {
            m.fulfills.push_back(ref_to(sched, event));
            m.fulfills.back().pos.file = "content/" + id + ".md";
        }
        p.date = m.date;
        p.data = m;
        return add_page(std::move(p));
    }

    model::Site site;
};

inline model::ScheduleEvent event(const std::string& id, const std::string& repeat,
                                  std::vector<Date> dates = {}) {
    model::ScheduleEvent e;
    e.id = id;
    e.title = id;
    e.repeat = repeat;
    e.dates = std::move(dates);
    return e;
}

inline std::vector<std::string> isos(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (auto x : dates) out.push_back(x.iso());
    return out;
}

}  // namespace chuxin::testing
