#include "handbook/body.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "core/url_safety.h"
#include "core/utf8.h"
#include "handbook/dests.h"
#include "handbook/raw_html.h"
#include "markdown/document.h"

namespace chuxin::handbook {

using layout::Block;
using layout::BlockKind;
using layout::Inlines;
using layout::Span;
using layout::SpanKind;

namespace {

constexpr char32_t kGeta = 0x3013;  // 〓: the typesetter's mark for a missing character

std::string type_string(cmark_node* n) { return cmark_node_get_type_string(n); }

class Converter {
public:
    Converter(const BodyContext& ctx, const markdown::Document& doc)
        : ctx_(ctx), doc_(doc), raw_html_(ctx.site.config.raw_html) {}

    // Reads the markdown stage's tree; parses nothing (markdown/document.h).
    std::vector<Block> run() {
        index_nodes(doc_.root());
        std::vector<Block> out;
        for (cmark_node* n = cmark_node_first_child(doc_.root()); n; n = cmark_node_next(n)) convert_block(n, out);
        return out;
    }

private:
    const BodyContext& ctx_;
    const markdown::Document& doc_;
    std::vector<cmark_node*> footnotes_;           // definitions, by number
    int min_heading_ = 6;
    // Raw HTML (content-format §1 build.raw_html; raw_html.h): set as the
    // portal shows it, as text when off, as rendered elements when on.
    const bool raw_html_;
    InlineHtmlState html_;  // open inline tags of the paragraph being converted
    const HtmlHooks hooks_{
        [this](const std::string& text, const SourcePos& at) { return checked_text(text, at); },
        [this](const std::string& href) { return absolute_url(href); },
        [this](const std::string& src) { return image_path(src); },
        [this](int level) { return std::clamp(level - min_heading_ + 1, 1, 4); }};

    SourcePos pos(cmark_node* n) const {
        int line = doc_.start_line(n);
        for (cmark_node* p = n; line <= 0 && p; p = cmark_node_parent(p)) line = doc_.start_line(p);
        return SourcePos{ctx_.page.path, ctx_.page.body_line + std::max(line, 1) - 1,
                         std::max(doc_.start_column(n), 1)};
    }

    // Heading ranks and footnote numbers; refs and anchors come from the
    // Document, by node.
    void index_nodes(cmark_node* doc) {
        bool any_heading = false;
        std::vector<cmark_node*> pending{doc};
        while (!pending.empty()) {  // a stack, not recursion: quotes nest without limit
            cmark_node* node = pending.back();
            pending.pop_back();
            for (cmark_node* n = cmark_node_last_child(node); n; n = cmark_node_previous(n)) {
                const cmark_node_type type = cmark_node_get_type(n);
                if (type == CMARK_NODE_HEADING) {
                    any_heading = true;
                    min_heading_ = std::min(min_heading_, cmark_node_get_heading_level(n));
                }
                if (type != CMARK_NODE_HEADING && type != CMARK_NODE_PARAGRAPH) pending.push_back(n);
            }
        }
        // cmark numbers the definitions that are used and moves them, in that
        // order, to the end of the document.
        for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
            if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) footnotes_.push_back(n);
        // Without Markdown headings an HTML <h2> is the first rank, as `##` would be.
        if (!any_heading) min_heading_ = 2;
    }

    std::string anchor_of(cmark_node* heading) const {
        const model::Heading* h = doc_.heading(heading);
        return h ? h->anchor : std::string();
    }

    static std::string plain(cmark_node* n) {
        std::string s;
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            const cmark_node_type t = cmark_node_get_type(c);
            if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) s += cmark_node_get_literal(c);
            else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) s += " ";
            else s += plain(c);
        }
        return s;
    }

    // Characters above U+FFFF cannot be drawn by the PDF backend (libharu's
    // UTF-8 encoder is BMP-only): warn at the line and set 〓, never a space.
    std::string checked_text(const char* lit, cmark_node* n) { return checked_text(lit ? lit : "", pos(n)); }

    std::string checked_text(const std::string& text, const SourcePos& at) {
        std::u32string cps = utf8::decode(text);
        bool bad = false;
        std::string which;
        for (char32_t& cp : cps)
            if (cp > 0xFFFF) {
                if (!bad) {
                    std::string one;
                    utf8::append(one, cp);
                    which = one;
                }
                bad = true;
                cp = kGeta;
            }
        if (!bad) return text;
        ctx_.diags.warning(at, "character '" + which + "' (beyond U+FFFF) cannot be set in the handbook PDF; 〓 is printed instead",
                           "use a character from the Basic Multilingual Plane, or an image");
        return utf8::encode(cps);
    }

    void convert_inlines(cmark_node* parent, unsigned flags, const Span& link, Inlines& out) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) convert_inline(n, flags, link, out);
    }

    Span text_span(std::string text, unsigned flags, const Span& link, cmark_node* n) const {
        Span s = link;
        s.kind = SpanKind::Text;
        s.text = std::move(text);
        s.flags = flags | html_.flags();  // <b>…</b> around Markdown text
        if (s.uri.empty() && s.dest.empty()) s.uri = html_.uri();
        s.pos = pos(n);
        return s;
    }

    void convert_inline(cmark_node* n, unsigned flags, const Span& link, Inlines& out) {
        const cmark_node_type type = cmark_node_get_type(n);
        // Inside <script>…</script> written inline nothing is set; only the
        // containers are walked, for the end tag.
        if (html_.hidden() && type != CMARK_NODE_HTML_INLINE && type != CMARK_NODE_EMPH &&
            type != CMARK_NODE_STRONG && type_string(n) != "strikethrough")
            return;
        switch (type) {
            case CMARK_NODE_TEXT: convert_text(n, flags, link, out); break;
            case CMARK_NODE_CUSTOM_INLINE: break;  // the portal's markup (ref placeholders, checkboxes)
            case CMARK_NODE_SOFTBREAK: out.push_back(text_span("\n", flags, link, n)); break;  // resolved later
            case CMARK_NODE_LINEBREAK: {
                Span s = text_span("", flags, link, n);
                s.kind = SpanKind::LineBreak;
                out.push_back(s);
                break;
            }
            case CMARK_NODE_CODE:
                out.push_back(text_span(checked_text(cmark_node_get_literal(n), n), flags | layout::kCode, link, n));
                break;
            case CMARK_NODE_HTML_INLINE: convert_html_inline(n, flags, link, out); break;
            case CMARK_NODE_EMPH: convert_inlines(n, flags | layout::kEmphasis, link, out); break;
            case CMARK_NODE_STRONG: convert_inlines(n, flags | layout::kStrong, link, out); break;
            case CMARK_NODE_LINK: convert_link(n, flags, out); break;
            case CMARK_NODE_IMAGE: {
                Inlines alt;
                convert_inlines(n, flags, link, alt);
                for (Span& s : alt) out.push_back(s);
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: convert_footnote_ref(n, out); break;
            default:
                if (type_string(n) == "strikethrough") convert_inlines(n, flags | layout::kStrike, link, out);
                else convert_inlines(n, flags, link, out);
        }
    }

    // A text node that was raw HTML (build.raw_html off): set as the PDF sets HTML shown as text.
    void convert_text(cmark_node* n, unsigned flags, const Span& link, Inlines& out) {
        if (const std::string* html = doc_.html_as_written(n))
            out.push_back(text_span(checked_text(html_inline_as_text(*html), pos(n)), flags, link, n));
        else
            out.push_back(text_span(checked_text(cmark_node_get_literal(n), n), flags, link, n));
    }

    void convert_html_inline(cmark_node* n, unsigned flags, const Span& link, Inlines& out) {
        const char* literal = cmark_node_get_literal(n);
        if (raw_html_) html_.apply(literal ? literal : "", pos(n), hooks_, out);
        else out.push_back(text_span(checked_text(html_inline_as_text(literal ? literal : ""), pos(n)), flags, link, n));
    }

    void convert_link(cmark_node* n, unsigned flags, Inlines& out) {
        const char* url = doc_.url_as_written(n);
        Inlines text;
        if (const markdown::RefLink* ref_link = doc_.ref_link(n)) {
            // [](ref:x) and <ref:x>: the markdown stage dropped the text, the target's title is set.
            if (!ref_link->empty_text) convert_inlines(n, flags, Span{}, text);
            const auto& refs = ctx_.page.body_refs;
            model::Ref ref = ref_link->ref < refs.size() ? refs[ref_link->ref] : model::Ref{};
            for (Span& s : ref_spans(ctx_, ref, std::move(text))) out.push_back(std::move(s));
            return;
        }
        Span link;
        link.uri = absolute_url(url ? url : "");
        convert_inlines(n, flags, link, out);
    }

    std::string absolute_url(const std::string& url) const {
        // javascript:, vbscript:, file: and data: never become PDF actions,
        // whatever raw_html says (content-format §8; a PDF runs no script).
        if (is_unsafe_url(url, UrlUse::Link)) return "";
        if (url.empty() || url.find("://") != std::string::npos || url.rfind("mailto:", 0) == 0) return url;
        // Any other scheme (tel:, a ref: left over…) is no web address.
        const size_t colon = url.find(':');
        if (colon != std::string::npos && url.find('/') > colon) return "";
        std::string base = ctx_.site.config.base_url;
        while (!base.empty() && base.back() == '/') base.pop_back();
        if (url.front() == '/') return base + percent_encode_path(url);
        if (url.front() == '#') return web_url(ctx_.site, ctx_.page) + percent_encode_path(url);
        return web_url(ctx_.site, ctx_.page) + percent_encode_path(url);
    }

    void convert_footnote_ref(cmark_node* n, Inlines& out) {
        const char* lit = cmark_node_get_literal(n);
        const int number = lit ? std::atoi(lit) : 0;
        Span s;
        s.kind = SpanKind::FootnoteRef;
        s.label = lit ? lit : "";
        s.pos = pos(n);
        if (number >= 1 && static_cast<size_t>(number) <= footnotes_.size()) {
            cmark_node* def = footnotes_[static_cast<size_t>(number) - 1];
            for (cmark_node* c = cmark_node_first_child(def); c; c = cmark_node_next(c)) {
                if (!s.text.empty()) s.text += " ";
                s.text += plain(c);
                // The note keeps its links: a ref in a footnote resolves as in the body.
                if (!s.note.empty()) s.note.push_back(Span{SpanKind::Text, " ", layout::kPlain, "", "", "", pos(c)});
                convert_inlines(c, layout::kPlain, Span{}, s.note);
            }
            resolve_soft_breaks(s.note);
        }
        out.push_back(s);
    }

    // Soft line breaks: nothing between Chinese characters, a space between
    // Latin words (a line end in the source is not a space in Chinese).
    static void resolve_soft_breaks(Inlines& in) {
        for (size_t i = 0; i < in.size(); ++i) {
            if (in[i].kind != SpanKind::Text || in[i].text != "\n") continue;
            char32_t before = 0, after = 0;
            for (size_t k = i; k-- > 0;)
                if (!in[k].text.empty() && in[k].text != "\n") { before = utf8::decode(in[k].text).back(); break; }
            for (size_t k = i + 1; k < in.size(); ++k)
                if (!in[k].text.empty() && in[k].text != "\n") { after = utf8::decode(in[k].text).front(); break; }
            // Next to a line break (`<br>` then a line end) no space starts or ends the line.
            const bool at_break = (i > 0 && in[i - 1].kind == SpanKind::LineBreak) ||
                                  (i + 1 < in.size() && in[i + 1].kind == SpanKind::LineBreak);
            in[i].text = (at_break || cjk_break_boundary(before) || cjk_break_boundary(after)) ? "" : " ";
        }
        in.erase(std::remove_if(in.begin(), in.end(),
                                [](const Span& s) { return s.kind == SpanKind::Text && s.text.empty(); }),
                 in.end());
    }

    Inlines inlines_of(cmark_node* n) {
        Inlines out;
        html_.clear();  // an inline tag left open ends with its paragraph
        convert_inlines(n, layout::kPlain, Span{}, out);
        html_.clear();
        resolve_soft_breaks(out);
        return out;
    }

    // Relative to the site folder: the World reads it (core/world.h).
    std::string image_path(const std::string& url) const {
        if (url.size() > 1 && url[0] == '/' && url[1] != '/') return "static" + url;
        // The portal's rule (is_relative_reference): a file beside the page.
        if (!is_relative_reference(url)) return "";
        const std::string& rel = ctx_.page.rel;
        const size_t slash = rel.rfind('/');
        return "content/" + (slash == std::string::npos ? "" : rel.substr(0, slash + 1)) + url;
    }

    void convert_paragraph(cmark_node* n, std::vector<Block>& out) {
        cmark_node* only = cmark_node_first_child(n);
        if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
            Block b;
            b.kind = BlockKind::Image;
            b.pos = pos(n);
            const char* url = doc_.url_as_written(only);
            b.path = image_path(url ? url : "");
            b.alt = plain(only);
            // ![alt](x.png "caption"): the title is printed under the image.
            const char* title = cmark_node_get_title(only);
            if (title && *title) b.title = checked_text(title, only);
            out.push_back(std::move(b));
            return;
        }
        Block b;
        b.kind = BlockKind::Paragraph;
        b.pos = pos(n);
        b.inlines = inlines_of(n);
        if (!b.inlines.empty()) out.push_back(std::move(b));
    }

    void convert_table(cmark_node* n, std::vector<Block>& out) {
        Block t;
        t.kind = BlockKind::Table;
        t.pos = pos(n);
        const uint16_t ncols = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            layout::TableRow r;
            size_t c = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++c) {
                layout::TableCell tc;
                tc.text = inlines_of(cell);
                const uint8_t a = (aligns && c < ncols) ? aligns[c] : 0;
                tc.align = a == 'c' ? layout::Align::Center : a == 'r' ? layout::Align::Right : layout::Align::Left;
                r.cells.push_back(std::move(tc));
            }
            if (cmark_gfm_extensions_get_table_row_is_header(row)) ++t.header_rows;
            t.rows.push_back(std::move(r));
        }
        out.push_back(std::move(t));
    }

    void convert_list(cmark_node* n, std::vector<Block>& out) {
        Block b;
        b.kind = BlockKind::List;
        b.pos = pos(n);
        b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        b.start = std::max(1, cmark_node_get_list_start(n));
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            layout::ListItem li;
            if (std::optional<bool> checked = doc_.task_checked(item))
                li.task = *checked ? layout::TaskState::Done : layout::TaskState::Open;
            for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) convert_block(c, li.blocks);
            b.items.push_back(std::move(li));
        }
        out.push_back(std::move(b));
    }

    void convert_block(cmark_node* n, std::vector<Block>& out) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: convert_paragraph(n, out); return;
            case CMARK_NODE_HEADING: {
                Block b;
                b.kind = BlockKind::Heading;
                b.pos = pos(n);
                b.level = std::clamp(cmark_node_get_heading_level(n) - min_heading_ + 1, 1, 4);
                b.inlines = inlines_of(n);
                b.dest = anchor_dest(ctx_.page.id, anchor_of(n));
                b.in_toc = true;
                out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_THEMATIC_BREAK: {
                Block b;
                b.kind = BlockKind::Rule;
                b.pos = pos(n);
                out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_BLOCK_QUOTE: {
                Block b;
                b.kind = BlockKind::Quote;
                b.pos = pos(n);
                for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) convert_block(c, b.children);
                out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_LIST: convert_list(n, out); return;
            case CMARK_NODE_HTML_BLOCK: {
                const char* literal = cmark_node_get_literal(n);
                const std::string_view html = literal ? literal : "";
                for (Block& b : raw_html_ ? html_to_blocks(html, pos(n), hooks_) : html_block_as_text(html, pos(n), hooks_))
                    out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_CODE_BLOCK: {
                Block b;
                b.kind = BlockKind::Code;
                b.pos = pos(n);
                b.code = checked_text(cmark_node_get_literal(n), n);
                out.push_back(std::move(b));
                return;
            }
            case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // set at the foot of the citing page
            case CMARK_NODE_CUSTOM_BLOCK:
                // Raw HTML shown as text (build.raw_html off); other custom blocks are the portal's markup.
                if (const std::string* html = doc_.html_as_written(n))
                    for (Block& b : html_block_as_text(*html, pos(n), hooks_)) out.push_back(std::move(b));
                return;
            default:
                if (type_string(n) == "table") convert_table(n, out);
        }
    }
};

}  // namespace

model::Ref resolve_ref(const model::Site& site, const std::string& text) {
    model::Ref ref;
    ref.text = text;
    const size_t hash = text.find('#');
    const std::string id = text.substr(0, hash);
    if (hash != std::string::npos) ref.anchor = text.substr(hash + 1);
    auto it = site.by_id.find(id);
    if (it != site.by_id.end()) ref.page = it->second;
    return ref;
}

Inlines ref_spans(const BodyContext& ctx, const model::Ref& ref, Inlines text) {
    if (!ref.resolved() || static_cast<size_t>(ref.page) >= ctx.site.pages.size()) {
        if (text.empty()) text.push_back(Span{SpanKind::Text, ref.text, layout::kPlain, "", "", "", ref.pos});
        return text;  // the graph stage has reported it
    }
    const model::Page& target = ctx.site.pages[static_cast<size_t>(ref.page)];
    if (text.empty())
        text.push_back(Span{SpanKind::Text, target_title(target, ref.anchor), layout::kPlain, "", "", "", ref.pos});
    const bool inside = ctx.in_book.count(ref.page) > 0;
    const std::string dest = anchor_dest(target.id, ref.anchor);
    for (Span& s : text) {
        if (inside) s.dest = dest;
        else s.uri = web_url(ctx.site, target, ref.anchor);
    }
    if (inside) text.push_back(Span{SpanKind::PageRef, "", layout::kPlain, dest, "", "", ref.pos});
    return text;
}

std::vector<Block> body_blocks(const BodyContext& ctx) {
    if (!ctx.doc || !*ctx.doc) return {};
    return Converter(ctx, *ctx.doc).run();
}

}  // namespace chuxin::handbook
