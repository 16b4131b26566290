#include "html/site_index.h"

#include <algorithm>
#include <cstdio>

#include "html/links.h"

namespace chuxin::html {

std::string tag_url(const std::string& segment) { return "/tags/" + segment + "/"; }
std::string org_url(const std::string& id) { return "/orgs/" + safe_segment(id) + "/"; }
std::string month_url(int year, int month) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "/calendar/%04d-%02d/", year, month);
    return buf;
}
std::string year_url(int year) { return "/calendar/" + std::to_string(year) + "/"; }

void SiteIndex::sort_for_list(std::vector<int>& pages) const {
    const auto& all = site.pages;
    std::stable_sort(pages.begin(), pages.end(), [&](int a, int b) {
        const auto& pa = all[a];
        const auto& pb = all[b];
        if (pa.weight != pb.weight) return pa.weight < pb.weight;
        if (pa.date != pb.date) return pa.date > pb.date;  // newest first; undated last
        if (pa.title != pb.title) return pa.title < pb.title;
        return pa.rel < pb.rel;
    });
}

const TagInfo* SiteIndex::tag(const std::string& name) const {
    auto it = std::lower_bound(tags.begin(), tags.end(), name,
                               [](const TagInfo& t, const std::string& n) { return t.name < n; });
    return it != tags.end() && it->name == name ? &*it : nullptr;
}

std::string tag_name(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

namespace {

}  // namespace

SiteIndex::SiteIndex(const model::Site& s) : site(s) {
    const size_t n = site.pages.size();
    built.assign(n, false);
    out_path.resize(n);
    encoded.resize(n);
    prev.assign(n, -1);
    next.assign(n, -1);
    std::map<std::string, std::vector<int>> tag_pages;
    for (size_t i = 0; i < n; ++i) {
        const auto& page = site.pages[i];
        const int idx = static_cast<int>(i);
        built[i] = !page.draft || site.config.drafts;
        out_path[i] = output_path_of(page.url);
        encoded[i] = Links::encode_url(page.url);
        if (!built[i]) continue;
        for (const auto& tag : page.tags) {
            std::string t = tag_name(tag);
            if (!t.empty()) tag_pages[t].push_back(idx);
        }
        if (!page.org.empty()) by_org[page.org].push_back(idx);
        if (page.date) dated_newest_first.push_back(idx);
        switch (page.kind) {
            case model::Kind::Schedule: schedules.push_back(idx); break;
            case model::Kind::Checklist: checklists.push_back(idx); break;
            case model::Kind::Handbook: handbooks.push_back(idx); break;
            case model::Kind::Minutes: minutes.push_back(idx); break;
            case model::Kind::Case: cases.push_back(idx); break;
            default: break;
        }
        if (const auto* m = page.as<model::Minutes>()) months.insert({m->date.year, m->date.month});
    }
    std::stable_sort(dated_newest_first.begin(), dated_newest_first.end(), [&](int a, int b) {
        const auto& pa = site.pages[a];
        const auto& pb = site.pages[b];
        if (*pa.date != *pb.date) return *pa.date > *pb.date;
        return pa.id < pb.id;
    });
    // Tag folders: a safe segment per tag; two tags that map to one segment get "-2", "-3".
    std::set<std::string> used;
    for (auto& [name, pages] : tag_pages) {
        std::string seg = safe_segment(name);
        std::string candidate = seg;
        for (int k = 2; used.count(candidate); ++k) candidate = seg + "-" + std::to_string(k);
        used.insert(candidate);
        sort_for_list(pages);
        tags.push_back({name, tag_url(candidate), std::move(pages)});
    }
    for (auto& [org, pages] : by_org) sort_for_list(pages);
    for (int s_idx : schedules) {
        const auto* sched = site.pages[s_idx].as<model::Schedule>();
        if (!sched) continue;
        if (sched->year > 0)
            for (int m = 1; m <= 12; ++m) months.insert({sched->year, m});
        for (size_t o = 0; o < sched->occurrences.size(); ++o)
            for (int by : sched->occurrences[o].fulfilled_by)
                fulfilled[by].push_back({s_idx, static_cast<int>(o)});
    }
    for (const auto& [y, m] : months) years.insert(y);
    // Neighbours inside each section, in the section's own order.
    for (const auto& [path, section] : site.sections) {
        int last = -1;
        for (int p : section.pages) {
            if (!is_built(p) || site.pages[p].section != path) continue;
            if (last >= 0) {
                next[last] = p;
                prev[p] = last;
            }
            last = p;
        }
    }
}

}  // namespace chuxin::html
