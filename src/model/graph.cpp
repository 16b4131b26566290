#include "model/graph.h"

#include <algorithm>
#include <tuple>

#include "core/utf8.h"
#include "model/kinds.h"

namespace chuxin::model {
namespace {

// The field a Ref sits in decides what it may point at (content-format §3, §8).
enum class Target { Any, ScheduleEvent, Minutes };

struct RefSite {
    Ref* ref;
    std::string field;        // Backlink::field
    std::string from_anchor;  // the item/event holding the ref, or ""
    Target target = Target::Any;
};

std::vector<RefSite> refs_in(Page& page) {
    std::vector<RefSite> out;
    for (Ref& r : page.body_refs) out.push_back({&r, "body", "", Target::Any});
    if (auto* minutes = page.as<Minutes>()) {
        for (Ref& r : minutes->fulfills) out.push_back({&r, "fulfills", "", Target::ScheduleEvent});
        for (Ref& r : minutes->studied) out.push_back({&r, "studied", "", Target::Any});
    }
    if (auto* schedule = page.as<Schedule>())
        for (ScheduleEvent& event : schedule->events)
            for (Ref& r : event.study) out.push_back({&r, "study", event.id, Target::Any});
    if (auto* checklist = page.as<Checklist>())
        for (ChecklistItem& item : checklist->items) {
            if (item.raised_in) out.push_back({&*item.raised_in, "raised_in", item.id, Target::Minutes});
            if (item.closed_in) out.push_back({&*item.closed_in, "closed_in", item.id, Target::Minutes});
        }
    if (auto* list = page.as<StudyList>())
        for (StudyItem& item : list->items)
            if (item.ref) out.push_back({&*item.ref, "ref", item.id, Target::Any});
    return out;
}

bool has_anchor(const Page& page, const std::string& anchor) {
    for (const Anchor& a : page_anchors(page))
        if (a.id == anchor) return true;
    return false;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string joined(const std::vector<std::string>& items, size_t max) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > max) out += ", …";
    return out;
}

class Resolver {
public:
    Resolver(const Site& site, Diagnostics& diags) : site_(site), diags_(diags) {}

    // `self` is the citing page (an empty id before '#' means it), or -1.
    bool resolve(Ref& ref, int self, const std::string& field, Target target) {
        ref.page = -1;
        ref.anchor.clear();
        size_t hash = ref.text.find('#');
        std::string id = ref.text.substr(0, hash);
        std::string anchor = hash == std::string::npos ? "" : ref.text.substr(hash + 1);
        int page = find_page(ref, id, self);
        if (page < 0) return false;
        const Page& to = site_.pages[static_cast<size_t>(page)];
        if (!anchor.empty() && !check_anchor(ref, to, anchor)) return false;
        if (!check_target(ref, to, anchor, field, target)) return false;
        ref.page = page;
        ref.anchor = anchor;
        return true;
    }

private:
    int find_page(const Ref& ref, const std::string& id, int self) {
        if (id.empty() && self >= 0 && ref.text.size() > 1) return self;  // ref:#anchor: this page
        if (id.empty()) {
            diags_.error(ref.pos, "empty reference", "write the target's id, e.g. ref:cases/laozhishu");
            return -1;
        }
        auto it = site_.by_id.find(id);
        if (it != site_.by_id.end()) return it->second;
        std::string hint = did_you_mean(id, all_ids());
        if (hint.empty()) hint = "ids are paths under content/ without '.md', or a file's `id:`";
        diags_.error(ref.pos, "unknown reference " + quoted(id), hint);
        return -1;
    }

    bool check_anchor(const Ref& ref, const Page& to, const std::string& anchor) {
        if (has_anchor(to, anchor)) return true;
        std::vector<std::string> anchors = anchors_of(to);
        std::string hint = did_you_mean(anchor, anchors);
        if (hint.empty())
            hint = anchors.empty() ? quoted(to.id) + " has no item, event or heading to point at"
                                   : quoted(to.id) + " has: " + joined(anchors, 8);
        diags_.error(ref.pos, "unknown anchor " + quoted("#" + anchor) + " in " + quoted(to.id), hint);
        return false;
    }

    bool check_target(const Ref& ref, const Page& to, const std::string& anchor, const std::string& field,
                      Target target) {
        if (target == Target::Minutes && to.kind != Kind::Minutes) {
            diags_.error(ref.pos,
                         "`" + field + "` must name minutes (a meeting record); " + quoted(to.id) + " is a " +
                             kind_name(to.kind),
                         "ids of minutes start with the folder they are in, e.g. minutes/2026-01-15-shenghuohui");
            return false;
        }
        if (target != Target::ScheduleEvent) return true;
        const Schedule* schedule = to.as<Schedule>();
        if (!schedule) {
            diags_.error(ref.pos,
                         "`fulfills` must name a schedule event; " + quoted(to.id) + " is a " + kind_name(to.kind),
                         "write schedules/<year>#<event id>, e.g. schedules/2026#theme-day");
            return false;
        }
        bool is_event = std::any_of(schedule->events.begin(), schedule->events.end(),
                                    [&](const ScheduleEvent& e) { return e.id == anchor; });
        if (is_event) return true;
        std::vector<std::string> events;
        for (const auto& e : schedule->events) events.push_back(to.id + "#" + e.id);
        diags_.error(ref.pos,
                     anchor.empty() ? "`fulfills` must name one event of the schedule " + quoted(to.id)
                                    : "`fulfills` must name a schedule event, not the heading " + quoted("#" + anchor),
                     events.empty() ? quoted(to.id) + " has no events" : "name one of: " + joined(events, 8));
        return false;
    }

    const std::vector<std::string>& all_ids() {
        if (ids_.empty())
            for (const auto& [id, index] : site_.by_id) ids_.push_back(id);
        return ids_;
    }

    const Site& site_;
    Diagnostics& diags_;
    std::vector<std::string> ids_;  // for did-you-mean, built on the first error
};

void add_backlink(Site& site, const Ref& ref, int from, const RefSite& where) {
    if (ref.page == from) return;  // a page citing itself is not a backlink
    const Page& target = site.pages[static_cast<size_t>(ref.page)];
    Backlink link{from, where.field, where.from_anchor};
    site.backlinks[target.id].push_back(link);
    if (!ref.anchor.empty()) site.backlinks[backlink_key(target, ref.anchor)].push_back(link);
}

void sort_backlinks(Site& site) {
    auto key = [](const Backlink& b) { return std::tie(b.from, b.field, b.from_anchor); };
    for (auto& [target, links] : site.backlinks) {
        std::sort(links.begin(), links.end(), [&](const Backlink& a, const Backlink& b) { return key(a) < key(b); });
        links.erase(std::unique(links.begin(), links.end(),
                                [&](const Backlink& a, const Backlink& b) { return key(a) == key(b); }),
                    links.end());
    }
}

// The Markdown stage leaves "\x1AR<n>\x1A" in a summary for a ref with empty
// link text (markdown/markdown.h); the title is known only now. Then the
// summary gets its 120-character limit (content-format §8 "Summary").
void finish_summary(const Site& site, Page& page) {
    if (page.summary.find('\x1A') == std::string::npos) return;
    std::string out = with_ref_titles(site, page, page.summary);
    if (utf8::length(out) > 120) {
        out = utf8::prefix(out, 119);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "…";
    }
    page.summary = std::move(out);
}

}  // namespace

void resolve_references(Site& site, Diagnostics& diags) {
    Resolver resolver(site, diags);
    site.backlinks.clear();
    for (size_t i = 0; i < site.pages.size(); ++i) {
        int from = static_cast<int>(i);
        for (const RefSite& where : refs_in(site.pages[i]))
            if (resolver.resolve(*where.ref, from, where.field, where.target))
                add_backlink(site, *where.ref, from, where);
    }
    for (auto& [path, section] : site.sections)
        for (Ref& ref : section.intro_refs) resolver.resolve(ref, -1, "body", Target::Any);
    sort_backlinks(site);
    for (Page& page : site.pages) finish_summary(site, page);
}

std::string with_ref_titles(const Site& site, const Page& page, const std::string& in) {
    if (in.find('\x1A') == std::string::npos) return in;
    std::string out;
    for (size_t i = 0; i < in.size();) {
        if (in[i] != '\x1A') {
            out += in[i++];
            continue;
        }
        size_t end = in.find('\x1A', i + 1);
        size_t index = 0;
        bool valid = end != std::string::npos && end > i + 2 && in[i + 1] == 'R';
        for (size_t k = i + 2; valid && k < end; ++k) {
            valid = in[k] >= '0' && in[k] <= '9';
            index = index * 10 + static_cast<size_t>(in[k] - '0');
        }
        if (!valid || index >= page.body_refs.size()) {
            ++i;  // not a marker: drop the control character only
            continue;
        }
        const Ref& ref = page.body_refs[index];
        out += ref.resolved() ? title_of(site.pages[static_cast<size_t>(ref.page)], ref.anchor) : ref.text;
        i = end + 1;
    }
    return out;
}

std::vector<std::string> anchors_of(const Page& page) {
    std::vector<std::string> out;
    for (const Anchor& a : page_anchors(page)) out.emplace_back(a.id);
    return out;
}

std::string title_of(const Page& page, const std::string& anchor) {
    if (anchor.empty()) return page.title;
    for (const Anchor& a : page_anchors(page))
        if (a.id == anchor) return std::string(a.title);
    return page.title;
}

std::string backlink_key(const Page& target, const std::string& anchor) {
    return anchor.empty() ? target.id : target.id + "#" + anchor;
}

}  // namespace chuxin::model
