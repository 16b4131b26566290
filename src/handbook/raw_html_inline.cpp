// raw_html.h, the text side: raw HTML shown as text (raw_html off) and the
// stack of inline tags spread over cmark's HTML_INLINE nodes (raw_html on).
#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "handbook/raw_html.h"
#include "handbook/raw_html_names.h"
#include "handbook/raw_html_xml.h"

namespace chuxin::handbook {

using layout::Align;
using layout::Block;
using layout::BlockKind;
using layout::Inlines;
using layout::Span;
using layout::SpanKind;
using namespace html_xml;

namespace {

// One line of escaped HTML as a browser sets it: runs of white space are one
// space, none at the ends.
std::string collapse_line(std::string_view line) {
    std::string out;
    bool space = false;
    for (char32_t cp : utf8::decode(line)) {
        if (is_space(cp)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        utf8::append(out, cp);
    }
    return out;
}

// The name of the tag in `<name …>` or `</name>`, lower case.
std::string tag_name(std::string_view literal) {
    size_t i = literal.size() > 1 && literal[1] == '/' ? 2 : 1;
    std::string name;
    for (; i < literal.size(); ++i) {
        const char c = literal[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) break;
        name += c;
    }
    return utf8::ascii_lower(name);
}


}  // namespace

std::vector<Block> html_block_as_text(std::string_view html, const SourcePos& pos, const HtmlHooks& hooks) {
    while (!html.empty() && (html.back() == '\n' || html.back() == '\r')) html.remove_suffix(1);
    Block b;
    b.kind = BlockKind::Paragraph;
    b.pos = pos;
    // Ragged right as on the portal (which justifies no prose): stretching
    // a wrapped line of markup apart only makes it harder to read.
    b.align = Align::Left;
    b.indent = false;  // (layout indents justified paragraphs only)
    bool any = false;
    int line_no = 0;
    for (size_t start = 0;; ++line_no) {
        const size_t end = html.find('\n', start);
        const std::string_view line = html.substr(start, end == std::string_view::npos ? end : end - start);
        SourcePos at = pos;
        at.line += line_no;
        if (line_no > 0) b.inlines.push_back(Span{SpanKind::LineBreak, "", layout::kPlain, "", "", "", at});
        const std::string text = collapse_line(line);
        if (!text.empty()) {
            b.inlines.push_back(Span{SpanKind::Text, hooks.checked_text(text, at), layout::kPlain, "", "", "", at});
            any = true;
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (!any) return {};
    return {std::move(b)};
}

std::string html_inline_as_text(std::string_view literal) { return collapse_line(literal); }

void InlineHtmlState::apply(std::string_view literal, const SourcePos& pos, const HtmlHooks& hooks,
                            Inlines& out) {
    if (literal.size() < 3 || literal[0] != '<' || literal[1] == '!' || literal[1] == '?') return;  // comment…
    const std::string name = tag_name(literal);
    if (name.empty()) return;
    auto add_text = [&](const std::string& text) {
        if (hidden() || text.empty()) return;
        out.push_back(Span{SpanKind::Text, hooks.checked_text(text, pos), flags(), "", uri(), "", pos});
    };
    if (literal[1] == '/') {
        // The end tag closes the innermost open tag of that name and those
        // opened inside it; a stray end tag does nothing (as in a browser).
        for (size_t i = open_.size(); i-- > 0;) {
            if (open_[i].name != name) continue;
            const bool quote = open_[i].quote;
            open_.resize(i + 1);
            if (quote) add_text("”");
            open_.pop_back();
            break;
        }
        return;
    }
    if (name == "br") {
        if (!hidden()) out.push_back(Span{SpanKind::LineBreak, "", layout::kPlain, "", "", "", pos});
        return;
    }
    if (html_names::is_void(name)) {
        if (name != "img") return;
        DocOwner doc = parse_html(literal);
        const xmlNode* img = doc ? find_element(xmlDocGetRootElement(doc.get()), "img") : nullptr;
        if (img) add_text(attribute(img, "alt"));
        return;
    }
    OpenTag tag;
    tag.name = name;
    tag.flags = html_names::inline_flags(name);
    tag.hidden = html_names::is_dropped(name);
    if (name == "a") {
        // Attribute values with entities (&amp;) as the browser reads them.
        DocOwner doc = parse_html(literal);
        const xmlNode* a = doc ? find_element(xmlDocGetRootElement(doc.get()), "a") : nullptr;
        if (a) tag.uri = hooks.link_uri(attribute(a, "href"));
    }
    if (name == "q") {
        add_text("“");
        tag.quote = true;
    }
    open_.push_back(std::move(tag));
}

unsigned InlineHtmlState::flags() const {
    unsigned f = layout::kPlain;
    for (const OpenTag& t : open_) f |= t.flags;
    return f;
}

const std::string& InlineHtmlState::uri() const {
    static const std::string none;
    for (size_t i = open_.size(); i-- > 0;)
        if (!open_[i].uri.empty()) return open_[i].uri;
    return none;
}

bool InlineHtmlState::hidden() const {
    return std::any_of(open_.begin(), open_.end(), [](const OpenTag& t) { return t.hidden; });
}


}  // namespace chuxin::handbook
