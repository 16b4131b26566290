#include "markdown/document.h"

#include "markdown/arena.h"

#include <utility>

namespace chuxin::markdown {

Document::Document() = default;
Document::~Document() = default;  // the arena releases every node at once
Document::Document(Document&& other) noexcept { *this = std::move(other); }
Document& Document::operator=(Document&& other) noexcept {
    if (this == &other) return *this;
    arena_ = std::move(other.arena_);
    root_ = std::exchange(other.root_, nullptr);
    source_hash_ = other.source_hash_;
    cmark_flags_ = other.cmark_flags_;
    labels_ = other.labels_;
    headings_ = std::move(other.headings_);
    summary_ = std::move(other.summary_);
    html_ = std::move(other.html_);
    notes_ = std::move(other.notes_);
    return *this;
}

void Document::release_tree() {
    root_ = nullptr;
    notes_ = Annotations{};
    arena_.reset();  // every node at once
}

namespace {

template <class Map>
const typename Map::mapped_type* find_in(const Map& map, cmark_node* node) {
    auto it = map.find(node);
    return it == map.end() ? nullptr : &it->second;
}

}  // namespace

const RefLink* Document::ref_link(cmark_node* link) const { return find_in(notes_.ref_links, link); }

const model::Heading* Document::heading(cmark_node* heading) const {
    const size_t* index = find_in(notes_.heading_index, heading);
    return index && *index < headings_.size() ? &headings_[*index] : nullptr;
}

const std::string* Document::html_as_written(cmark_node* node) const {
    return find_in(notes_.html_as_written, node);
}

const char* Document::url_as_written(cmark_node* node) const {
    if (const std::string* url = find_in(notes_.url_as_written, node)) return url->c_str();
    return cmark_node_get_url(node);
}

std::optional<bool> Document::task_checked(cmark_node* item) const {
    if (const bool* checked = find_in(notes_.tasks, item)) return *checked;
    return std::nullopt;
}

int Document::start_line(cmark_node* node) const {
    if (const auto* at = find_in(notes_.replaced_start, node)) return at->first;
    return cmark_node_get_start_line(node);
}

int Document::start_column(cmark_node* node) const {
    if (const auto* at = find_in(notes_.replaced_start, node)) return at->second;
    return cmark_node_get_start_column(node);
}

const Document* Documents::intro(const std::string& section) const {
    auto it = intros.find(section);
    return it == intros.end() ? nullptr : &it->second;
}

uint64_t source_hash_of(std::string_view text) {
    uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace chuxin::markdown
