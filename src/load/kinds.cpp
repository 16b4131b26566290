#include "load/kinds.h"

#include "load/names.h"

namespace chuxin::load {

using model::Kind;

const std::vector<std::string>& common_keys() {
    static const std::vector<std::string> keys = {"title", "id",      "type",   "date", "draft", "tags",
                                                  "org",   "summary", "weight", "slug", "extra"};
    return keys;
}

const std::vector<std::string>& kind_keys(Kind kind) {
    static const std::vector<std::string> none;
    static const std::vector<std::string> studylist = {"period", "audience", "hours_required", "items"};
    static const std::vector<std::string> case_keys = {"category", "subject", "lessons"};
    static const std::vector<std::string> minutes = {"meeting",  "time",     "location", "host",     "recorder",
                                                     "expected", "present",  "absent",   "fulfills", "studied"};
    static const std::vector<std::string> schedule = {"year", "events"};
    static const std::vector<std::string> checklist = {"items"};
    static const std::vector<std::string> handbook = {"subtitle", "edition",   "paper",         "style",
                                                      "include",  "toc_depth", "chapter_start", "bleed"};
    switch (kind) {
        case Kind::Page: return none;
        case Kind::StudyList: return studylist;
        case Kind::Case: return case_keys;
        case Kind::Minutes: return minutes;
        case Kind::Schedule: return schedule;
        case Kind::Checklist: return checklist;
        case Kind::Handbook: return handbook;
    }
    return none;
}

std::pair<std::string, std::vector<std::string>> entry_keys(Kind kind) {
    switch (kind) {
        case Kind::StudyList:
            return {"items", {"id", "title", "kind", "required", "hours", "due", "source", "url", "ref"}};
        case Kind::Schedule:
            return {"events", {"id", "title", "repeat", "dates", "meeting", "owner", "study"}};
        case Kind::Checklist:
            return {"items", {"id", "issue", "measures", "owner", "due", "status", "done_on", "raised_in", "closed_in"}};
        case Kind::Handbook: return {"include", {"part", "items"}};
        default: return {};
    }
}

std::vector<std::string> allowed_keys(Kind kind) {
    std::vector<std::string> keys = common_keys();
    for (const auto& k : kind_keys(kind)) keys.push_back(k);
    return keys;
}

Kind kind_from_folder(const std::string& first_folder) {
    if (first_folder == "studylists") return Kind::StudyList;
    if (first_folder == "cases") return Kind::Case;
    if (first_folder == "minutes") return Kind::Minutes;
    if (first_folder == "schedules") return Kind::Schedule;
    if (first_folder == "checklists") return Kind::Checklist;
    if (first_folder == "handbooks") return Kind::Handbook;
    return Kind::Page;
}

const std::vector<Choice<Kind>>& kind_choices() {
    static const std::vector<Choice<Kind>> choices = {
        {"page", Kind::Page},           {"studylist", Kind::StudyList}, {"case", Kind::Case},
        {"minutes", Kind::Minutes},     {"schedule", Kind::Schedule},   {"checklist", Kind::Checklist},
        {"handbook", Kind::Handbook},
    };
    return choices;
}

std::optional<std::string> ItemIds::take(const Fields& item) {
    auto id = item.text("id", Need::Required);
    if (!id) return std::nullopt;
    std::string clean = trim(*id);
    SourcePos pos = item.value_pos(*item.find("id"));
    if (std::string why = anchor_problem(clean); !why.empty()) {
        item.diags().error(pos, what_ + " id '" + clean + "' cannot be used after '#' in a reference: " + why,
                           "use letters, digits, '-' or Chinese, e.g. id: c1");
        return std::nullopt;
    }
    for (const auto& [seen, line] : seen_) {
        if (seen == clean) {
            item.diags().error(pos, "duplicate " + what_ + " id '" + clean + "' in this file",
                               "the first is on line " + std::to_string(line) + "; " + what_ +
                                   " ids must be unique in their file");
            return std::nullopt;
        }
    }
    seen_.emplace_back(clean, pos.line);
    return clean;
}

}  // namespace chuxin::load
