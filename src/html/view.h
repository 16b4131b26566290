#pragma once
// View models: what templates see (style.md §11). Plain strings, already
// formatted and still unescaped (Mustache {{ }} escapes them), booleans and
// lists. An empty string is stored as `false`, so `{{#x}}…{{/x}}` means
// "x is present" and an absent field never falls back to an outer one.
#include <string>
#include <vector>

#include "html/links.h"
#include "html/site_index.h"
#include "html/template_impl.h"
#include "html/ui.h"
#include "model/model.h"

namespace chuxin::markdown {
struct Documents;
}

namespace chuxin::html {

// Builds one object of a view model.
class View {
public:
    // Room for the fields of a list entry at once (growing a field vector
    // moves every field; a page's view grows a few times more).
    View() { data_.reserve_fields(16); }
    View& text(const char* key, const std::string& value) {
        return set(key, value.empty() ? Data(false) : Data(value));
    }
    // A temporary's buffer moves into the view (most values are built for it).
    View& text(const char* key, std::string&& value) {
        return set(key, value.empty() ? Data(false) : Data(std::move(value)));
    }
    View& flag(const char* key, bool value) { return set(key, Data(value)); }
    View& set(const char* key, Data value) {
        data_.add(key, std::move(value));
        return *this;
    }
    Data& data() { return data_; }
    // The finished object, its fields sorted for lookup (view_data.h).
    Data take() {
        data_.seal();
        return std::move(data_);
    }

private:
    Data data_;
};

// A list under construction.
class ListView {
public:
    void push(View& item) { items_.push_back(item.take()); }
    void push(Data&& item) { items_.push_back(std::move(item)); }
    size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    Data take() {
        Data list(Data::type::list);
        list.list_value() = std::move(items_);
        items_.clear();
        return list;
    }

private:
    std::vector<Data> items_;
};
// Sets `key` to the list and `has_<key>` to whether it has items.
void put_list(View& view, const char* key, ListView&& list);

// Everything one output's views need: the site, lookups, strings, links,
// and where the output lives (all hrefs are relative to it).
struct Ctx {
    const model::Site& site;
    const SiteIndex& index;
    const Ui& ui;
    const Links& links;
    std::string out;  // output path being rendered: "cases/x/index.html"
    const markdown::Documents* documents = nullptr;  // the bodies (RenderOptions::documents)

    std::string href_page(int page, const std::string& anchor = {}) const {
        return links.href_encoded(out, index.encoded[page], anchor);
    }
    std::string href_url(const std::string& url, const std::string& anchor = {}) const {
        return links.href(out, url, anchor);
    }
    std::string date(const Date& d) const { return ui.date(d); }
};

// What a reference points at, for display: title and relative href ("" if
// unresolved or not built, then title is the reference as written).
struct Target {
    std::string title;
    std::string href;
    int page = -1;
};
Target ref_target(const Ctx& ctx, const model::Ref& ref);
View target_view(const Target& t);  // {title, href}
// The title of an anchor inside a page: a study item, checklist issue,
// schedule event or heading; "" if unknown (content-format §8).
std::string anchor_title(const model::Page& page, const std::string& anchor);
std::string org_name(const model::Site& site, const std::string& id);
std::string kind_label(const Ui& ui, model::Kind kind);

// Status words with an icon, so a status reads without colour (design.md).
struct Status {
    std::string cls;    // "done" | "due" | "overdue" | "open" | "doing"
    std::string label;  // 已完成 …
    std::string icon;   // ✓ ○ ! ◐
};
Status occurrence_status(const Ui& ui, model::OccurrenceStatus s);
Status item_status(const Ui& ui, model::ItemStatus s);
Status overdue_status(const Ui& ui);
void put_status(View& v, const Status& s);  // status_class, status_label, status_icon

// "2026年3月3日" for a fixed occurrence, "2026年第1季度" … for a window.
std::string occurrence_when(const Ui& ui, const model::Occurrence& occ);
std::string occurrence_anchor(const model::Schedule& sched, const model::Occurrence& occ);

// A page as a list entry: title, href, date, kind, summary, org, badge.
View entry_view(const Ctx& ctx, int page);
ListView entries(const Ctx& ctx, const std::vector<int>& pages, size_t limit = SIZE_MAX);

// The body with reference placeholders expanded to relative links.
std::string body_html(const Ctx& ctx, size_t page);

// A section's introduction (its _index.md body) with references expanded.
std::string section_intro(const Ctx& ctx, const model::Section& section);

// The full view of a content page (common + kind fields + side column).
Data page_view(const Ctx& ctx, int page);
// Kind-specific fields, in view_kinds.cpp / view_plans.cpp.
void studylist_fields(const Ctx& ctx, const model::Page& page, View& v);
void case_fields(const Ctx& ctx, const model::Page& page, View& v);
void minutes_fields(const Ctx& ctx, const model::Page& page, View& v);
void schedule_fields(const Ctx& ctx, const model::Page& page, View& v);
void checklist_fields(const Ctx& ctx, const model::Page& page, View& v);
void handbook_fields(const Ctx& ctx, const model::Page& page, View& v);

// Counts of a checklist's items, and its progress picture.
struct ItemCounts {
    int open = 0, doing = 0, done = 0, overdue = 0;  // overdue: open or doing items past due
    int overdue_open = 0, overdue_doing = 0;
    int total() const { return open + doing + done; }
    int percent_done() const { return total() ? done * 100 / total() : 0; }
    void add(const model::ChecklistItem& item);
    void add(const ItemCounts& other);
};
// The progress picture of some counts ("<label> 销号率 40%").
std::string counts_svg(const Ui& ui, const ItemCounts& c, const std::string& label);
// count_* fields, percent_done and the widths of a small stacked bar
// (pct_done, pct_doing, pct_open, pct_overdue: disjoint, in %).
void put_counts(View& v, const ItemCounts& c);
// A checklist page's counts, and its cached picture.
ItemCounts checklist_counts(const model::Page& page);

// The page's own part of the frame: <title> and breadcrumbs.
struct Crumb {
    std::string label;
    std::string url;  // site URL, "" for the current page
};
void frame_fields(const Ctx& ctx, View& v, const std::string& title, const std::string& nav_section,
                  const std::vector<Crumb>& crumbs);
// The part of the frame that depends only on the output's folder depth and
// its top section (links to the root's files, the navigation): built once
// per (depth, section) and shared by every page, as a lookup layer under the
// page's own view (context.h).
Data frame_view(const Ctx& ctx, const std::string& nav_section);
std::string nav_section_of(const std::string& section);  // "cases/2026" → "cases"
// Crumbs for a section path: 首页 › 典型案例 › 2026 (each linked).
std::vector<Crumb> section_crumbs(const Ctx& ctx, const std::string& section);
std::string section_title(const Ctx& ctx, const std::string& section);

// Generated pages (view_lists.cpp, view_home.cpp, view_calendar.cpp, view_overview.cpp).
// Long lists (sections, tags) are split into pages of kListPageSize:
// page 1 at the list's URL, page k at "<url>page/k/".
constexpr size_t kListPageSize = 50;
int list_page_count(size_t entries);
std::string list_page_url(const std::string& url, int page_no);

Data section_view(const Ctx& ctx, const std::string& section, int page_no = 1);
Data tags_view(const Ctx& ctx);
Data tag_view(const Ctx& ctx, size_t tag, int page_no = 1);
Data orgs_view(const Ctx& ctx);
Data org_view(const Ctx& ctx, const std::string& org);
Data home_view(const Ctx& ctx);
Data month_view(const Ctx& ctx, int year, int month);
Data year_view(const Ctx& ctx, int year);
Data overview_view(const Ctx& ctx);
// The search results page (docs/search.md): its filter menus; the script fills the results.
Data search_view(const Ctx& ctx);

}  // namespace chuxin::html
