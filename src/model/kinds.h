#pragma once
// The one table of content kinds (content-format §3). Everything a kind is
// called, and where its parts live, is read from here: the `type:` value and
// the folder that implies it, the archetype `templates/archetypes/<name>.md`,
// the page template `<name>.mustache`, the UI label `kind_<name>`. A stage
// that owns a kind's behaviour keeps its own table keyed by Kind (load: the
// readers; html: the page views; handbook: the layouts), each checked
// complete against kinds() by a test.
//
// Also here: the anchors a page offers (item and event ids with their
// titles), and the words of the statuses in each language.
// Every string_view of these tables views a string literal, so its data() is
// a NUL-terminated C string (kind_name(), status codes).
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "model/model.h"

namespace chuxin::model {

struct KindInfo {
    Kind kind;
    std::string_view name;     // `type:` value; archetype, template and UI-label key
    std::string_view folder;   // first folder under content/ implying the kind; "" = none
};

// Every kind, in the order users see them listed (`chuxin new`, hints).
inline constexpr std::array<KindInfo, 7> kKinds = {{
    {Kind::Page, "page", ""},
    {Kind::StudyList, "studylist", "studylists"},
    {Kind::Case, "case", "cases"},
    {Kind::Minutes, "minutes", "minutes"},
    {Kind::Schedule, "schedule", "schedules"},
    {Kind::Checklist, "checklist", "checklists"},
    {Kind::Handbook, "handbook", "handbooks"},
}};

const KindInfo& kind_info(Kind kind);
// The kind whose name is `name` ("case"), or nullptr.
const KindInfo* kind_named(std::string_view name);
// The kind a first folder under content/ implies ("cases" → Case), else Page.
Kind kind_of_folder(std::string_view first_folder);
// "page, studylist, case, …": for hints.
std::string kind_names_joined();

// An anchor a reference may name inside a page (content-format §4, §8).
struct Anchor {
    std::string_view id;
    std::string_view title;  // what a link with empty text shows
};
// The anchors of a page's typed entries, in page order: study and checklist
// item ids (title: the item's title, the checklist item's issue), schedule
// event ids (the event's title). Views into `page`.
std::vector<Anchor> item_anchors(const Page& page);
// item_anchors() followed by the headings' anchors (title: heading text).
std::vector<Anchor> page_anchors(const Page& page);

// The words of a status: the machine code (reports, CSS classes, the English
// spelling `status:` accepts) and what people read in each language.
struct StatusWords {
    std::string_view code;  // "done"
    std::string_view zh;    // "已完成"
    std::string_view en;    // "Done"
    std::string_view in(Lang lang) const { return lang == Lang::En ? en : zh; }
};
const StatusWords& words_of(OccurrenceStatus status);
const StatusWords& words_of(ItemStatus status);
// "逾期" / "Overdue" of a checklist item past its deadline.
const StatusWords& overdue_words();

inline constexpr std::array<OccurrenceStatus, 3> kOccurrenceStatuses = {
    OccurrenceStatus::Done, OccurrenceStatus::Due, OccurrenceStatus::Overdue};
inline constexpr std::array<ItemStatus, 3> kItemStatuses = {ItemStatus::Open, ItemStatus::Doing, ItemStatus::Done};

}  // namespace chuxin::model
