#include "search/entries.h"

#include <cmark-gfm.h>

#include <memory>

#include "core/url.h"
#include "core/utf8.h"
#include "markdown/document.h"
#include "markdown/refs.h"
#include "model/graph.h"

namespace chuxin::search {

namespace {

char32_t last_code_point(const std::string& s) {
    if (s.empty()) return 0;
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    return utf8::next(s, i);
}

char32_t first_code_point(const char* s) {
    if (!s || !*s) return 0;
    size_t i = 0;
    return utf8::next(std::string_view(s), i);
}

bool is_chinese(char32_t cp) { return utf8::is_han(cp) || utf8::is_cjk_punct(cp); }

void end_line(std::string& out) {
    if (!out.empty() && out.back() != '\n') out += '\n';
}

bool ends_block(cmark_node_type type) {
    switch (type) {
        case CMARK_NODE_PARAGRAPH: case CMARK_NODE_HEADING: case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_ITEM: case CMARK_NODE_BLOCK_QUOTE: case CMARK_NODE_HTML_BLOCK:
            return true;
        default: return false;
    }
}

// GFM table cells and rows have extension types: any block that is not a
// container of the above ends its line too (cells: a tab keeps them apart).
bool is_table_cell(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name && std::string_view(name) == "table_cell";
}

bool is_table_row(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name && (std::string_view(name) == "table_row" || std::string_view(name) == "table_header");
}

class BodyText {
public:
    explicit BodyText(const markdown::Document& doc) : doc_(doc) {}

    std::string take(const model::Page& page) {
        cmark_iter* iter = cmark_iter_new(doc_.root());
        for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
            cmark_node* node = cmark_iter_get_node(iter);
            if (ev == CMARK_EVENT_ENTER) enter(page, node);
            else leave(node);
        }
        cmark_iter_free(iter);
        while (!out_.empty() && out_.back() == '\n') out_.pop_back();
        return std::move(out_);
    }

private:
    void enter(const model::Page& page, cmark_node* node) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) ++heading_depth_;
        if (heading_depth_ > 0) return;  // headings are their own field
        switch (type) {
            case CMARK_NODE_TEXT: case CMARK_NODE_CODE: text(cmark_node_get_literal(node)); break;
            case CMARK_NODE_CODE_BLOCK:
                end_line(out_);
                text(cmark_node_get_literal(node));
                break;
            case CMARK_NODE_SOFTBREAK: soft_break_ = true; break;
            case CMARK_NODE_LINEBREAK: end_line(out_); break;
            case CMARK_NODE_LINK:
                // The target's title is known after the graph: a marker
                // holds its place (model::with_ref_titles).
                if (const auto* ref = doc_.ref_link(node); ref && ref->empty_text && ref->ref < page.body_refs.size())
                    text(markdown::ref_open_marker(ref->ref).c_str());
                break;
            default:
                if (is_table_cell(node) && !out_.empty() && out_.back() != '\n') out_ += '\t';
                break;
        }
    }

    void leave(cmark_node* node) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            --heading_depth_;
            return;
        }
        if (heading_depth_ == 0 && (ends_block(type) || is_table_row(node))) end_line(out_);
    }

    void text(const char* literal) {
        if (!literal || !*literal) return;
        if (soft_break_) {
            soft_break_ = false;
            // A line break inside a Chinese paragraph is not a word space.
            if (!(is_chinese(last_code_point(out_)) && is_chinese(first_code_point(literal))) && !out_.empty() &&
                out_.back() != '\n')
                out_ += ' ';
        }
        out_ += literal;
    }

    const markdown::Document& doc_;
    std::string out_;
    int heading_depth_ = 0;
    bool soft_break_ = false;
};

void add_field(std::string& fields, const std::string& value) {
    if (value.empty()) return;
    end_line(fields);
    fields += value;
}

// The structured fields a reader types: a meeting's type, place and host, a
// checklist item's problem and owner, a study item's title and author …
std::string fields_of(const model::Page& page) {
    std::string f;
    if (const auto* m = page.as<model::Minutes>()) {
        add_field(f, m->meeting);
        add_field(f, m->location);
        add_field(f, m->host);
        add_field(f, m->recorder);
        for (const auto& absence : m->absent) {
            add_field(f, absence.name);
            add_field(f, absence.reason);
        }
    } else if (const auto* c = page.as<model::Checklist>()) {
        for (const auto& item : c->items) {
            add_field(f, item.issue);
            add_field(f, item.measures);
            add_field(f, item.owner);
        }
    } else if (const auto* s = page.as<model::StudyList>()) {
        if (s->period) add_field(f, s->period->label);
        add_field(f, s->audience);
        for (const auto& item : s->items) {
            add_field(f, item.title);
            add_field(f, item.kind);
            add_field(f, item.source);  // the author or publisher
        }
    } else if (const auto* k = page.as<model::CaseInfo>()) {
        add_field(f, k->category_label);
        add_field(f, k->subject);
        for (const auto& lesson : k->lessons) add_field(f, lesson);
    } else if (const auto* sc = page.as<model::Schedule>()) {
        for (const auto& event : sc->events) {
            add_field(f, event.title);
            add_field(f, event.repeat);
            add_field(f, event.meeting);
            add_field(f, event.owner);
        }
    } else if (const auto* h = page.as<model::Handbook>()) {
        add_field(f, h->subtitle);
        add_field(f, h->edition);
    }
    return f;
}

// The default summary is the body's first paragraph: kept only when it says
// something the body does not (a `summary:` of the front matter).
std::string summary_unless_in(std::string summary, const std::string& body) {
    std::string_view core = summary;
    const std::string_view ellipsis = "…";
    if (core.size() >= ellipsis.size() && core.substr(core.size() - ellipsis.size()) == ellipsis)
        core.remove_suffix(ellipsis.size());
    if (core.empty() || body.find(core) != std::string::npos) return {};
    return summary;
}

}  // namespace

bool is_searchable(const model::Site& site, const model::Page& page) {
    (void)site;  // drafts are never searched, even when built (docs/search.md)
    return !page.draft && page.search;
}

std::string body_text_marked(const model::Page& page, const markdown::Document& doc) {
    if (!doc) return {};
    return BodyText(doc).take(page);
}

std::string body_text(const model::Site& site, const model::Page& page, const std::string& marked) {
    return model::with_ref_titles(site, page, marked);
}

void BodyTexts::read(const model::Site& site, size_t page, const markdown::Document& doc) {
    if (page < pages.size() && is_searchable(site, site.pages[page])) pages[page] = body_text_marked(site.pages[page], doc);
}

namespace {

Entry entry_of(const model::Site& site, const BodyTexts& texts, size_t i) {
    const model::Page& page = site.pages[i];
    Entry e;
    std::string path = page.url;
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    e.href = percent_encode(path, "/") + "index.html";
    e.title = page.title;
    e.kind = model::kind_name(page.kind);
    e.org = page.org;
    if (page.date) e.date = page.date->iso();
    e.tags = page.tags;
    for (const auto& h : page.headings) e.headings.push_back(h.text);
    e.fields = fields_of(page);
    e.body = i < texts.pages.size() ? body_text(site, page, texts.pages[i]) : std::string();
    e.summary = summary_unless_in(page.summary, e.body);
    return e;
}

std::vector<size_t> searchable_pages(const model::Site& site) {
    std::vector<size_t> out;
    for (size_t i = 0; i < site.pages.size(); ++i)
        if (is_searchable(site, site.pages[i])) out.push_back(i);
    return out;
}

}  // namespace

std::vector<Entry> collect_entries(const model::Site& site, const BodyTexts& texts) {
    std::vector<Entry> entries;
    for (size_t i : searchable_pages(site)) entries.push_back(entry_of(site, texts, i));
    return entries;
}

EntrySource entry_source(const model::Site& site, const BodyTexts& texts) {
    auto pages = std::make_shared<const std::vector<size_t>>(searchable_pages(site));
    return {pages->size(), [&site, &texts, pages](size_t k) { return entry_of(site, texts, (*pages)[k]); }};
}

}  // namespace chuxin::search
