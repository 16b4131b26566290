#include "load/kinds.h"

#include "load/names.h"
#include "model/kinds.h"

namespace chuxin::load {

using model::Kind;

const std::vector<std::string>& common_keys() {
    static const std::vector<std::string> keys = {"title", "id",      "type",   "date", "draft", "tags",
                                                  "org",   "summary", "weight", "slug", "search", "extra"};
    return keys;
}

const std::vector<KindReader>& kind_readers() {
    static const std::vector<KindReader> readers = {
        {Kind::Page, {}, "", {}, read_page},
        {Kind::StudyList,
         {"period", "audience", "hours_required", "items"},
         "items",
         {"id", "title", "kind", "required", "hours", "due", "source", "url", "ref"},
         read_studylist},
        {Kind::Case, {"category", "subject", "lessons"}, "", {}, read_case},
        {Kind::Minutes,
         {"meeting", "time", "location", "host", "recorder", "expected", "present", "absent", "fulfills", "studied"},
         "",
         {},
         read_minutes},
        {Kind::Schedule,
         {"year", "events"},
         "events",
         {"id", "title", "repeat", "dates", "meeting", "owner", "study"},
         read_schedule},
        {Kind::Checklist,
         {"items"},
         "items",
         {"id", "issue", "measures", "owner", "due", "status", "done_on", "raised_in", "closed_in"},
         read_checklist},
        {Kind::Handbook,
         {"subtitle", "edition", "paper", "style", "include", "toc_depth", "chapter_start", "bleed",
          // style gbt9704 (GB/T 9704 §7): kind_handbook.cpp, docs/handbook.md
          "issuer", "doc_number", "recipients", "cc", "signer", "secret_level", "copy_number", "signed_date",
          "printed_by", "printed_date", "note"},
         "include",
         {"part", "items"},
         read_handbook},
    };
    return readers;
}

const KindReader& reader_of(Kind kind) {
    for (const auto& reader : kind_readers())
        if (reader.kind == kind) return reader;
    return kind_readers().front();
}

const std::vector<std::string>& kind_keys(Kind kind) { return reader_of(kind).keys; }

std::pair<std::string, std::vector<std::string>> entry_keys(Kind kind) {
    const KindReader& reader = reader_of(kind);
    return {reader.entry_list, reader.entry_keys};
}

std::vector<std::string> allowed_keys(Kind kind) {
    std::vector<std::string> keys = common_keys();
    for (const auto& k : kind_keys(kind)) keys.push_back(k);
    return keys;
}

Kind kind_from_folder(const std::string& first_folder) { return model::kind_of_folder(first_folder); }

const std::vector<Choice<Kind>>& kind_choices() {
    static const std::vector<Choice<Kind>> choices = [] {
        std::vector<Choice<Kind>> out;
        for (const auto& info : model::kKinds) out.push_back({info.name, info.kind});
        return out;
    }();
    return choices;
}

// A plain page has no fields beyond the common ones.
void read_page(const Fields&, model::Page&) {}

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
