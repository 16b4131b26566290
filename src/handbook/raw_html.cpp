#include "handbook/raw_html.h"

#include <algorithm>

#include "core/utf8.h"
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

bool cjk_break_boundary(char32_t cp) {
    return cp >= 0x2E80 || cp == U'“' || cp == U'”' || cp == U'—' || cp == U'…';
}

namespace {

// `align="center"` or `style="text-align: right"`, else `inherited`.
Align align_of(const xmlNode* n, Align inherited) {
    std::string value = utf8::ascii_lower(attribute(n, "align"));
    if (value.empty()) {
        const std::string style = utf8::ascii_lower(attribute(n, "style"));
        const size_t at = style.find("text-align");
        if (at != std::string::npos) {
            value = style.substr(at + std::string_view("text-align").size());
            value = value.substr(0, value.find(';'));  // not the next property's "right"
        }
    }
    if (value.find("center") != std::string::npos) return Align::Center;
    if (value.find("right") != std::string::npos) return Align::Right;
    if (value.find("left") != std::string::npos) return Align::Left;
    if (value.find("justify") != std::string::npos) return Align::Justify;
    return inherited;
}

// Marks a line break that stands for a block boundary inside inline-only
// content (a <p> in a table cell): merged with its neighbours, dropped at the ends.
constexpr std::string_view kBlockBreak = "\x01block";

Span block_break() {
    Span s;
    s.kind = SpanKind::LineBreak;
    s.label = kBlockBreak;
    return s;
}

// White space as a browser sets it (CSS Text 3 §4.1): each run of spaces,
// tabs and line ends is one space, none at the ends of a line; a run holding a
// line end between Chinese characters is nothing (as for Markdown soft breaks).
Inlines collapse_spaces(Inlines raw) {
    Inlines out;
    bool pending = false, pending_line_end = false;
    char32_t prev = 0;  // last character set on this line, 0 at a line start
    for (Span& s : raw) {
        if (s.kind == SpanKind::LineBreak) {
            const bool block = s.label == kBlockBreak;
            s.label.clear();
            if (block && (out.empty() || out.back().kind == SpanKind::LineBreak)) continue;
            if (!out.empty() && out.back().kind == SpanKind::LineBreak && out.back().label == kBlockBreak) out.pop_back();
            if (block) s.label = kBlockBreak;
            out.push_back(std::move(s));
            pending = pending_line_end = false;
            prev = 0;
            continue;
        }
        if (s.kind != SpanKind::Text) {
            out.push_back(std::move(s));
            continue;
        }
        std::string text;
        bool from_earlier_span = pending;  // the run began in a span before this one
        for (char32_t cp : utf8::decode(s.text)) {
            if (is_space(cp)) {
                if (!pending) from_earlier_span = false;
                pending = true;
                pending_line_end |= cp == U'\n';
                continue;
            }
            if (pending && prev != 0 && !(pending_line_end && (cjk_break_boundary(prev) || cjk_break_boundary(cp)))) {
                // The space keeps the style of the text its run began in
                // (`<b>粗 </b>字`: a bold space, `<b>粗</b> 字`: a plain one).
                if (from_earlier_span && text.empty() && !out.empty() && out.back().kind == SpanKind::Text)
                    out.back().text += ' ';
                else
                    text += ' ';
            }
            pending = pending_line_end = false;
            utf8::append(text, cp);
            prev = cp;
        }
        if (!text.empty()) {
            s.text = std::move(text);
            out.push_back(std::move(s));
        }
    }
    while (!out.empty() && out.back().kind == SpanKind::LineBreak) out.pop_back();
    for (Span& s : out) s.label = s.kind == SpanKind::LineBreak ? "" : s.label;
    return out;
}

bool has_text(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (is_text(c)) {
            for (char32_t cp : utf8::decode(content_of(c)))
                if (!is_space(cp)) return true;
        } else if (c->type == XML_ELEMENT_NODE && !html_names::is_dropped(name_of(c)) && has_text(c)) {
            return true;
        }
    }
    return false;
}

struct InlineStyle {
    unsigned flags = layout::kPlain;
    std::string uri;
};

class BlockMapper {
public:
    BlockMapper(const SourcePos& base, const HtmlHooks& hooks) : base_(base), hooks_(hooks) {}

    void container(const xmlNode* parent, Align align, std::vector<Block>& out) {
        Inlines pending;
        SourcePos at = pos_of(parent);
        const bool text_beside_images = has_text(parent);
        for (const xmlNode* c = parent->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) {
                if (pending.empty()) at = pos_of(c);
                inline_node(c, InlineStyle{}, pending);
                continue;
            }
            const std::string name = name_of(c);
            if (html_names::is_dropped(name)) continue;
            if ((name == "img" && !text_beside_images) || html_names::is_block(name)) {
                flush(pending, align, at, out);
                block_element(c, name, align, out);
                continue;
            }
            if (pending.empty()) at = pos_of(c);
            inline_node(c, InlineStyle{}, pending);
        }
        flush(pending, align, at, out);
    }

private:
    SourcePos base_;
    const HtmlHooks& hooks_;

    SourcePos pos_of(const xmlNode* n) const {
        SourcePos p = base_;
        for (; n; n = n->parent) {
            const long line = n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE ? 0 : xmlGetLineNo(n);
            if (line <= 0) continue;
            p.line = base_.line + static_cast<int>(line) - 1;
            if (line > 1) p.col = 1;
            break;
        }
        return p;
    }

    Span text_span(std::string text, const InlineStyle& st, const xmlNode* n) const {
        Span s;
        s.pos = pos_of(n);
        s.text = hooks_.checked_text(text, s.pos);
        s.flags = st.flags;
        s.uri = st.uri;
        return s;
    }

    void flush(Inlines& pending, Align align, const SourcePos& at, std::vector<Block>& out) const {
        Block b;
        b.kind = BlockKind::Paragraph;
        b.pos = at;
        b.inlines = collapse_spaces(std::move(pending));
        pending.clear();
        b.align = align;
        b.indent = align == Align::Justify;  // a centred line has no 2-em indent
        if (!b.inlines.empty()) out.push_back(std::move(b));
    }

    void inline_node(const xmlNode* n, InlineStyle st, Inlines& out) const {
        if (is_text(n)) {
            out.push_back(text_span(content_of(n), st, n));
            return;
        }
        if (n->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
        const std::string name = name_of(n);
        if (html_names::is_dropped(name)) return;
        if (name == "br") {
            Span s;
            s.kind = SpanKind::LineBreak;
            s.pos = pos_of(n);
            out.push_back(s);
            return;
        }
        if (name == "img") {
            const std::string alt = attribute(n, "alt");
            if (!alt.empty()) out.push_back(text_span(alt, st, n));
            return;
        }
        st.flags |= html_names::inline_flags(name);
        if (name == "a") {
            const std::string uri = hooks_.link_uri(attribute(n, "href"));
            if (!uri.empty()) st.uri = uri;
        }
        const bool block = html_names::is_block(name);
        if (block) out.push_back(block_break());
        if (name == "q") out.push_back(text_span("“", st, n));
        for (const xmlNode* c = n->children; c; c = c->next) inline_node(c, st, out);
        if (name == "q") out.push_back(text_span("”", st, n));
        if (block) out.push_back(block_break());
    }

    Inlines inlines_of(const xmlNode* n, InlineStyle st) const {
        Inlines raw;
        for (const xmlNode* c = n->children; c; c = c->next) inline_node(c, st, raw);
        return collapse_spaces(std::move(raw));
    }

    void block_element(const xmlNode* n, const std::string& name, Align align, std::vector<Block>& out) {
        Block b;
        b.pos = pos_of(n);
        if (const int level = html_names::heading_level(name)) {
            b.kind = BlockKind::Heading;
            b.level = hooks_.heading_rank(level);
            b.inlines = inlines_of(n, InlineStyle{});
            b.in_toc = false;  // the TOC lists the Markdown outline; HTML headings are display
            if (!b.inlines.empty()) out.push_back(std::move(b));
        } else if (name == "ul" || name == "ol" || name == "menu") {
            out.push_back(list(n, name == "ol"));
        } else if (name == "blockquote") {
            b.kind = BlockKind::Quote;
            container(n, Align::Justify, b.children);
            if (!b.children.empty()) out.push_back(std::move(b));
        } else if (name == "pre" || name == "listing" || name == "xmp") {
            b.kind = BlockKind::Code;
            b.code = hooks_.checked_text(pre_text(n), b.pos);
            out.push_back(std::move(b));
        } else if (name == "table") {
            table(n, out);
        } else if (name == "hr") {
            b.kind = BlockKind::Rule;
            out.push_back(std::move(b));
        } else if (name == "img") {
            b.kind = BlockKind::Image;
            b.path = hooks_.image_path(attribute(n, "src"));
            b.alt = hooks_.checked_text(attribute(n, "alt"), b.pos);
            out.push_back(std::move(b));
        } else {
            // p, div, section, article, li outside a list, dt/dd, figure…: the
            // children, block by block (nested containers flatten).
            container(n, align_of(n, name == "center" ? Align::Center : align), out);
        }
    }

    Block list(const xmlNode* n, bool ordered) {
        Block b;
        b.kind = BlockKind::List;
        b.pos = pos_of(n);
        b.ordered = ordered;
        const std::string start = attribute(n, "start");
        b.start = std::max(1, start.empty() ? 1 : std::atoi(start.c_str()));
        for (const xmlNode* c = n->children; c; c = c->next) {
            const bool item = c->type == XML_ELEMENT_NODE && name_of(c) == "li";
            if (item) {
                b.items.emplace_back();
                container(c, Align::Justify, b.items.back().blocks);
                continue;
            }
            // Text or a nested <ul> straight inside a list (invalid, common):
            // a browser shows it in the item before it.
            std::vector<Block> loose;
            if (c->type == XML_ELEMENT_NODE && html_names::is_block(name_of(c))) {
                block_element(c, name_of(c), Align::Justify, loose);
            } else {
                Inlines inl;
                inline_node(c, InlineStyle{}, inl);
                flush(inl, Align::Justify, pos_of(c), loose);
            }
            if (loose.empty()) continue;
            if (b.items.empty()) b.items.emplace_back();
            for (Block& l : loose) b.items.back().blocks.push_back(std::move(l));
        }
        return b;
    }

    layout::TableRow row(const xmlNode* tr, bool& all_th) const {
        layout::TableRow r;
        all_th = true;
        const Align row_align = align_of(tr, Align::Justify);
        for (const xmlNode* c = tr->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string name = name_of(c);
            if (name != "td" && name != "th") continue;
            all_th &= name == "th";
            layout::TableCell cell;
            // A browser centres <th> and sets <td> at the start (UA style sheet).
            const Align fallback = row_align != Align::Justify ? row_align
                                   : name == "th"             ? Align::Center
                                                              : Align::Left;
            cell.align = align_of(c, fallback);
            if (cell.align == Align::Justify) cell.align = Align::Left;
            cell.text = inlines_of(c, InlineStyle{});
            r.cells.push_back(std::move(cell));
        }
        if (r.cells.empty()) all_th = false;
        return r;
    }

    void table(const xmlNode* n, std::vector<Block>& out) {
        std::vector<const xmlNode*> head, body, foot;
        auto rows_of = [](const xmlNode* group, std::vector<const xmlNode*>& into) {
            for (const xmlNode* r = group->children; r; r = r->next)
                if (r->type == XML_ELEMENT_NODE && name_of(r) == "tr") into.push_back(r);
        };
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string name = name_of(c);
            if (name == "caption") container(c, Align::Center, out);  // above the table, centred
            else if (name == "thead") rows_of(c, head);
            else if (name == "tbody") rows_of(c, body);
            else if (name == "tfoot") rows_of(c, foot);
            else if (name == "tr") body.push_back(c);
        }
        Block t;
        t.kind = BlockKind::Table;
        t.pos = pos_of(n);
        // A browser draws <thead> first and <tfoot> last, wherever they stand.
        bool leading_th = head.empty();
        auto add = [&](const std::vector<const xmlNode*>& rows, bool header) {
            for (const xmlNode* tr : rows) {
                bool all_th = false;
                layout::TableRow r = row(tr, all_th);
                if (r.cells.empty()) continue;
                leading_th &= all_th;
                if (header || leading_th) ++t.header_rows;
                t.rows.push_back(std::move(r));
            }
        };
        add(head, true);
        add(body, false);
        leading_th = false;
        add(foot, false);
        if (!t.rows.empty()) out.push_back(std::move(t));
    }

    // The text of a <pre> as written: no collapsing; <br> is a line end.
    static void pre_text(const xmlNode* n, std::string& out) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (is_text(c)) out += content_of(c);
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string name = name_of(c);
            if (name == "br") out += '\n';
            else if (!html_names::is_dropped(name)) pre_text(c, out);
        }
    }
    static std::string pre_text(const xmlNode* n) {
        std::string s;
        pre_text(n, s);
        if (!s.empty() && s.front() == '\n') s.erase(0, 1);  // HTML ignores the line end after <pre>
        s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
        while (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }
};

}  // namespace

std::vector<Block> html_to_blocks(std::string_view html, const SourcePos& pos, const HtmlHooks& hooks) {
    std::vector<Block> out;
    DocOwner doc = parse_html(html);
    if (!doc) return out;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return out;
    BlockMapper(pos, hooks).container(root, Align::Justify, out);
    return out;
}

}  // namespace chuxin::handbook
