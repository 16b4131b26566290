#include "markdown/refs.h"

#include <charconv>

#include "markdown/escape.h"
#include "model/graph.h"

namespace chuxin::markdown {
namespace {

struct Marker {
    char kind = 0;      // 'R' open, '/' close, other: unknown
    size_t index = 0;   // for 'R'
    size_t end = 0;     // just past the marker's closing \x1A
    bool valid = false;
};

Marker read_marker(std::string_view html, size_t at) {
    Marker m;
    size_t end = html.find(kMarker, at + 1);
    if (end == std::string_view::npos || end == at + 1) {
        m.end = at + 1;  // a lone \x1A: dropped
        return m;
    }
    m.kind = html[at + 1];
    if (m.kind == '/') {
        m.valid = end == at + 2;
    } else if (m.kind == 'R') {
        auto parsed = std::from_chars(html.data() + at + 2, html.data() + end, m.index);
        m.valid = parsed.ec == std::errc() && parsed.ptr == html.data() + end;
    }
    // A valid marker is consumed whole; otherwise only this \x1A is dropped
    // and the text after it is kept.
    m.end = m.valid ? end + 1 : at + 1;
    return m;
}

// Removes any marker left inside link text (none are expected: CommonMark
// links do not nest), so no \x1A reaches the page.
std::string without_markers(std::string_view html) {
    std::string out;
    for (size_t i = 0; i < html.size();) {
        if (html[i] != kMarker) {
            out += html[i++];
            continue;
        }
        i = read_marker(html, i).end;
    }
    return out;
}

void write_ref(std::string& out, const model::Ref* ref, std::string_view inner, const model::Site& site,
               const HrefFor& href_for) {
    std::string text = without_markers(inner);
    if (ref && ref->resolved() && static_cast<size_t>(ref->page) < site.pages.size()) {
        const model::Page& target = site.pages[static_cast<size_t>(ref->page)];
        out += "<a href=\"";
        append_escaped(out, href_for(target, ref->anchor));
        out += "\">";
        if (text.empty())
            append_escaped(out, model::title_of(target, ref->anchor));
        else
            out += text;
        out += "</a>";
        return;
    }
    out += "<span class=\"broken-ref\">";
    if (!text.empty())
        out += text;
    else if (ref)
        append_escaped(out, ref->text);
    out += "</span>";
}

// The tree walk leaves each ref link in place with an empty URL, the markers
// inside it (tree_walk.cpp): that <a href=""> … </a> pair is ours, and goes.
constexpr std::string_view kEmptyLinkOpen = "<a href=\"\">";
constexpr std::string_view kLinkClose = "</a>";

bool drop_empty_link_open(std::string& out) {
    if (out.size() < kEmptyLinkOpen.size() ||
        std::string_view(out).substr(out.size() - kEmptyLinkOpen.size()) != kEmptyLinkOpen)
        return false;
    out.resize(out.size() - kEmptyLinkOpen.size());
    return true;
}

}  // namespace

std::string ref_open_marker(size_t index) {
    return std::string(1, kMarker) + "R" + std::to_string(index) + kMarker;
}

const std::string& ref_close_marker() {
    static const std::string close = std::string(1, kMarker) + "/" + kMarker;
    return close;
}

std::string expand_refs(const std::string& body_html, const model::Page& page, const model::Site& site,
                        const HrefFor& href_for) {
    return expand_refs(body_html, page.body_refs, site, href_for);
}

std::string expand_refs(const std::string& html, const std::vector<model::Ref>& refs, const model::Site& site,
                        const HrefFor& href_for) {
    std::string_view in(html);
    size_t m = in.find(kMarker);
    if (m == std::string_view::npos) return html;
    std::string out;
    out.reserve(html.size() + 256);
    size_t copied = 0;
    for (; m != std::string_view::npos; m = in.find(kMarker, copied)) {
        out.append(in.substr(copied, m - copied));
        Marker open = read_marker(in, m);
        copied = open.end;
        if (!open.valid || open.kind != 'R') continue;  // stray close or junk: dropped
        size_t close = in.find(ref_close_marker(), open.end);
        size_t inner_end = close == std::string_view::npos ? in.size() : close;
        const model::Ref* ref = open.index < refs.size() ? &refs[open.index] : nullptr;
        const bool in_link = drop_empty_link_open(out);
        write_ref(out, ref, in.substr(open.end, inner_end - open.end), site, href_for);
        copied = close == std::string_view::npos ? in.size() : close + ref_close_marker().size();
        if (in_link && in.substr(copied, kLinkClose.size()) == kLinkClose) copied += kLinkClose.size();
    }
    out.append(in.substr(copied));
    return out;
}

}  // namespace chuxin::markdown
