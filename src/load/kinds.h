#pragma once
// The typed kinds of content-format §3: the fields each kind accepts and the
// readers that fill model::Page::data from a file's front matter.
#include <string>
#include <vector>

#include "load/fields.h"
#include "model/model.h"

namespace chuxin::load {

// Fields every content file may have (content-format §2).
const std::vector<std::string>& common_keys();

// What the load stage knows of one kind (the kind itself: model/kinds.h).
struct KindReader {
    model::Kind kind;
    std::vector<std::string> keys;        // fields beyond the common ones
    std::string entry_list;               // the list of entries ("items", "events", "include"), or ""
    std::vector<std::string> entry_keys;  // the fields of each of its entries
    // Validates the kind's fields (the common ones are read by the caller,
    // `page.date` is already read) and stores the result in page.data.
    void (*read)(const Fields& f, model::Page& page);
};
// One reader per kind of model::kKinds, in its order (tests/load checks it).
const std::vector<KindReader>& kind_readers();
const KindReader& reader_of(model::Kind kind);

// Fields of one kind beyond the common ones.
const std::vector<std::string>& kind_keys(model::Kind kind);
// Fields of the list entries of a kind ("items", "events"), with that list's name.
std::pair<std::string, std::vector<std::string>> entry_keys(model::Kind kind);
// common_keys() + kind_keys(kind).
std::vector<std::string> allowed_keys(model::Kind kind);

// The kind named by a first folder under content/ ("cases" → Case), else Page.
model::Kind kind_from_folder(const std::string& first_folder);
// Accepted spellings of `type:`: the kinds' names.
const std::vector<Choice<model::Kind>>& kind_choices();

// The readers of KindReader::read, one file each (kind_<name>.cpp).
void read_page(const Fields& f, model::Page& page);
void read_studylist(const Fields& f, model::Page& page);
void read_case(const Fields& f, model::Page& page);
void read_minutes(const Fields& f, model::Page& page);
void read_schedule(const Fields& f, model::Page& page);
void read_checklist(const Fields& f, model::Page& page);
void read_handbook(const Fields& f, model::Page& page);

// `period:` of a studylist: YYYY | YYYY-Qn | YYYY-Hn | YYYY-MM (the text)…
std::optional<model::Period> parse_period_text(const std::string& text);

// Item/event ids: present, anchor-safe and unique within the file.
class ItemIds {
public:
    explicit ItemIds(std::string what) : what_(std::move(what)) {}
    // The id, or nullopt after reporting why it cannot be used.
    std::optional<std::string> take(const Fields& item);

private:
    std::string what_;  // "item", "event"
    std::vector<std::pair<std::string, int>> seen_;  // id, line
};

}  // namespace chuxin::load
