#pragma once
// Lookups computed once per build so that each page's view model is cheap:
// which pages are built, their output paths and encoded URLs, tags, orgs,
// which occurrences a meeting fulfilled, neighbours within a section, and
// the calendar months that exist.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"

namespace chuxin::html {

struct OccurrenceRef {
    int schedule = -1;    // page index of the schedule
    int occurrence = -1;  // index into Schedule::occurrences
};

struct TagInfo {
    std::string name;      // as written (trimmed)
    std::string url;       // "/tags/<segment>/"
    std::vector<int> pages;  // built pages with this tag, in list order
};

struct SiteIndex {
    explicit SiteIndex(const model::Site& site);

    const model::Site& site;
    std::vector<bool> built;            // per page: not a skipped draft
    std::vector<std::string> out_path;  // per page: "cases/x/index.html"
    std::vector<std::string> encoded;   // per page: "cases/x/" percent-encoded
    std::vector<int> prev, next;        // per page: neighbours in its section, or -1

    std::vector<TagInfo> tags;                      // sorted by name
    std::map<std::string, std::vector<int>> by_org; // org id → built pages
    std::map<int, std::vector<OccurrenceRef>> fulfilled;  // minutes page → occurrences
    std::vector<int> dated_newest_first;            // built pages with a date
    std::vector<int> schedules, checklists, handbooks, minutes, cases;  // built, by kind
    std::set<std::pair<int, int>> months;           // (year, month) with a calendar page
    std::set<int> years;                            // years with a calendar page

    bool is_built(int page) const {
        return page >= 0 && static_cast<size_t>(page) < built.size() && built[page];
    }
    const TagInfo* tag(const std::string& name) const;  // by trimmed name
    // List order: weight, then date (newest first), then title (model.h Section).
    void sort_for_list(std::vector<int>& pages) const;
};

// A tag as the index names it: without the spaces around it.
std::string tag_name(const std::string& raw);

// Page URL and output path of generated pages.
std::string tag_url(const std::string& segment);
std::string org_url(const std::string& id);
std::string month_url(int year, int month);
std::string year_url(int year);
inline constexpr const char* kOverviewUrl = "/checklists/overview/";
inline constexpr const char* kSearchUrl = "/search/";  // the results page (docs/search.md)
inline constexpr const char* kTagsUrl = "/tags/";
inline constexpr const char* kOrgsUrl = "/orgs/";

}  // namespace chuxin::html
