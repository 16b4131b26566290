// Block placement: paragraphs, headings, lists, quotes, code, panels,
// images and rules become slices (tables: table.cpp).
#include <algorithm>
#include <utility>
#include <sstream>

#include "core/utf8.h"
#include "layout/flow.h"

namespace chuxin::layout {

void translate(Frame& f, Pt dx, Pt dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, GlyphRun>) {
                it.origin.x += dx;
                it.origin.y += dy;
            } else if constexpr (std::is_same_v<T, Line>) {
                it.from.x += dx; it.from.y += dy; it.to.x += dx; it.to.y += dy;
            } else if constexpr (std::is_same_v<T, Destination>) {
                it.y += dy;
            } else {
                it.rect.x += dx;
                it.rect.y += dy;
            }
        },
        f.item);
}

void translate(std::vector<Frame>& frames, Pt dx, Pt dy) {
    for (Frame& f : frames) translate(f, dx, dy);
}

std::string chinese_number(int n) {
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0) return "零";
    if (n < 10) return digits[n];
    if (n < 20) return std::string("十") + (n % 10 ? digits[n % 10] : "");
    if (n < 100) return std::string(digits[n / 10]) + "十" + (n % 10 ? digits[n % 10] : "");
    return std::to_string(n);
}

void flow_lines(std::vector<LineBox> lines, Pt x, Pt space_before, SourcePos pos,
                std::vector<Slice>& out) {
    (void)pos;
    const size_t n = lines.size();
    for (size_t i = 0; i < n; ++i) {
        Slice s;
        s.height = lines[i].height;
        s.space_before = i == 0 ? space_before : Pt(0);
        s.frames = std::move(lines[i].frames);
        translate(s.frames, x, Pt(0));
        // Widow/orphan control: never one line of a paragraph alone at the
        // foot or at the head of a page.
        s.keep_with_next = (i == 0 && n >= 2) || (n >= 3 && i + 2 == n);
        out.push_back(std::move(s));
    }
}

namespace {

Frame dest_frame(const std::string& name, SourcePos pos) { return Frame{Destination{name, Pt(0)}, pos}; }

// Footnote slices for the notes marked on `line`.
std::vector<Slice> note_slices(const LineBox& line, FlowContext& ctx) {
    std::vector<Slice> notes;
    for (const Span* s : line.footnotes) {
        Inlines text{Span{SpanKind::Text, s->label + " " + (s->note.empty() ? s->text : ""), kPlain, "", "", "", s->pos}};
        text.insert(text.end(), s->note.begin(), s->note.end());
        ParagraphSpec spec{ctx.style.footnote, ctx.style.text_width(), Pt(0), Align::Justify};
        bool first = true;
        for (LineBox& lb : set_paragraph(text, spec, ctx.fonts, ctx.folio)) {
            Slice n;
            n.height = lb.height;
            n.frames = std::move(lb.frames);
            n.note_start = std::exchange(first, false);
            notes.push_back(std::move(n));
        }
    }
    return notes;
}

void flow_paragraph(const Inlines& inl, const Column& col, Pt indent, Align align,
                    const TextStyle& ts, Pt space_before, SourcePos pos, FlowContext& ctx,
                    std::vector<Slice>& out) {
    ParagraphSpec spec{ts, col.width, indent, align};
    std::vector<LineBox> lines = set_paragraph(inl, spec, ctx.fonts, ctx.folio);
    std::vector<std::vector<Slice>> notes;
    for (const LineBox& lb : lines) notes.push_back(note_slices(lb, ctx));
    const size_t first = out.size();
    flow_lines(std::move(lines), col.x, space_before, pos, out);
    for (size_t i = 0; i < notes.size(); ++i) out[first + i].notes = std::move(notes[i]);
}

std::string heading_number(int rank, FlowContext& ctx) {
    for (int r = rank; r < 4; ++r) ctx.counters[r] = 0;
    const int n = ++ctx.counters[rank - 1];
    switch (rank) {
        case 1: return chinese_number(n) + "、";
        case 2: return "（" + chinese_number(n) + "）";
        case 3: return std::to_string(n) + ".";
        default: return "（" + std::to_string(n) + "）";
    }
}

// "一、", "（一）", "1." / "1．", "（1）" already written by the author.
bool has_own_number(const std::string& text) {
    const std::u32string t = utf8::decode(text);
    auto cn = [](char32_t c) { return std::u32string_view(U"一二三四五六七八九十百零").find(c) != std::u32string_view::npos; };
    auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    size_t i = 0;
    const bool paren = !t.empty() && (t[0] == U'（' || t[0] == U'(');
    if (paren) ++i;
    const size_t start = i;
    while (i < t.size() && (cn(t[i]) || digit(t[i]))) ++i;
    if (i == start || i >= t.size()) return false;
    if (paren) return t[i] == U'）' || t[i] == U')';
    return t[i] == U'、' || t[i] == U'.' || t[i] == U'．';
}

std::string plain_text(const Inlines& inl) {
    std::string s;
    for (const Span& sp : inl)
        if (sp.kind == SpanKind::Text) s += sp.text;
    return s;
}

void flow_heading(const Block& b, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    const int rank = std::clamp(b.level, 1, 4);
    const TextStyle& ts = ctx.style.heading[rank - 1];
    Inlines inl = b.inlines;
    std::string number;
    if (ctx.style.number_headings && !has_own_number(plain_text(b.inlines))) {
        number = heading_number(rank, ctx);
        inl.insert(inl.begin(), Span{SpanKind::Text, number, kPlain, "", "", "", b.pos});
    }
    if (b.in_toc && !b.dest.empty()) ctx.headings.push_back({number + plain_text(b.inlines), rank, b.dest});
    // GB/T 9704 headings run in the text block like paragraphs (2-em indent);
    // booklet headings stand flush left with space above.
    const bool gbt = ctx.style.number_headings;
    const Pt indent = gbt ? ts.size * 2 : Pt(0);
    const size_t first = out.size();
    flow_paragraph(inl, col, indent, Align::Left, ts, ctx.style.heading_space_before[rank - 1],
                   b.pos, ctx, out);
    if (first == out.size()) out.push_back(Slice{});  // an empty heading still holds its destination
    if (!b.dest.empty()) out[first].frames.insert(out[first].frames.begin(), dest_frame(b.dest, b.pos));
    for (size_t i = first; i < out.size(); ++i) out[i].keep_with_next = true;  // keep with next
}

void add_marker(Slice& s, const std::string& text, TaskState task, const Column& col, Pt gutter,
                FlowContext& ctx, SourcePos pos) {
    const TextStyle& ts = col.text;
    const Pt base = baseline_in_line(ts.leading, ts.size);
    if (task != TaskState::None) {
        // ☐/☑ drawn as vector shapes: fonts differ in whether they have them.
        const Pt side = ts.size * 0.75;
        const Pt left = col.x + gutter - side - ts.size * 0.4;
        const Pt top = base - side - ts.size * 0.02;
        Box box;
        box.rect = Rect{left, top, side, side};
        box.fill = false;
        box.stroke = true;
        box.stroke_color = ts.color;
        box.stroke_width = Pt(0.6);
        s.frames.push_back(Frame{box, pos});
        if (task == TaskState::Done) {
            const Pt w = Pt(0.9);
            s.frames.push_back(Frame{Line{{left + side * 0.18, top + side * 0.5},
                                          {left + side * 0.42, top + side * 0.78}, w, ts.color}, pos});
            s.frames.push_back(Frame{Line{{left + side * 0.42, top + side * 0.78},
                                          {left + side * 0.85, top + side * 0.15}, w, ts.color}, pos});
        }
        return;
    }
    ParagraphSpec spec{ts, gutter, Pt(0), Align::Right};
    Inlines inl{Span{SpanKind::Text, text, kPlain, "", "", "", pos}};
    std::vector<LineBox> lines = set_paragraph(inl, spec, ctx.fonts, ctx.folio);
    if (lines.empty()) return;
    std::vector<Frame> fr = std::move(lines[0].frames);
    translate(fr, col.x - ts.size * 0.4, Pt(0));
    for (Frame& f : fr) s.frames.push_back(std::move(f));
}

void flow_list(const Block& b, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    const Pt gutter = col.text.size * 2;
    Column inner{col.x + gutter, col.width - gutter, col.text, false};
    int n = b.start;
    for (const ListItem& item : b.items) {
        const size_t first = out.size();
        flow_blocks(item.blocks, inner, ctx, out);
        if (first == out.size()) {  // empty item: still show its marker
            Slice s;
            s.height = col.text.leading;
            out.push_back(std::move(s));
        }
        const std::string marker = b.ordered ? std::to_string(n) + "." : "•";
        add_marker(out[first], marker, item.task, col, gutter, ctx, b.pos);
        ++n;
    }
}

// Tinted background and side rules for every slice in [first, end): each
// slice draws its own piece, so the panel survives a page break.
void decorate(std::vector<Slice>& out, size_t first, Pt x, Pt width, Color tint, bool border,
              const BookStyle& st, SourcePos pos) {
    for (size_t i = first; i < out.size(); ++i) {
        Slice& s = out[i];
        if (i != first && s.space_before.v > 0) {  // the gap belongs inside the panel
            translate(s.frames, Pt(0), s.space_before);
            s.height += s.space_before;
            s.space_before = Pt(0);
        }
        const Pt h = s.height;
        const Pt y{0};
        std::vector<Frame> deco;
        Box bg;
        bg.rect = Rect{x, y, width, h};
        bg.fill_color = tint;
        deco.push_back(Frame{bg, pos});
        if (border) {
            const Pt t{0.5};
            deco.push_back(Frame{Line{{x, y}, {x, y + h}, t, st.rule}, pos});
            deco.push_back(Frame{Line{{x + width, y}, {x + width, y + h}, t, st.rule}, pos});
            if (i == first) deco.push_back(Frame{Line{{x, y}, {x + width, y}, t, st.rule}, pos});
            if (i + 1 == out.size())
                deco.push_back(Frame{Line{{x, y + h}, {x + width, y + h}, t, st.rule}, pos});
        }
        s.frames.insert(s.frames.begin(), deco.begin(), deco.end());
    }
}

Slice spacer(Pt h) {
    Slice s;
    s.height = h;
    return s;
}

void flow_code(const Block& b, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    TextStyle ts = ctx.style.small;
    ts.role = FaceRole::Mono;
    ts.tracking = Pt(0);
    const Pt pad = ts.size * 0.6;
    const size_t first = out.size();
    out.push_back(spacer(pad));
    out.back().space_before = ctx.style.body.leading * 0.3;
    out.back().keep_with_next = true;
    std::istringstream in(b.code);
    std::string line;
    while (std::getline(in, line)) {
        size_t lead = 0;
        while (lead < line.size() && line[lead] == ' ') ++lead;
        const Pt indent = ts.size * 0.6 * static_cast<double>(lead);
        Inlines inl{Span{SpanKind::Text, line.substr(lead), kCode, "", "", "", b.pos}};
        ParagraphSpec spec{ts, col.width - pad * 2, indent, Align::Left};
        std::vector<LineBox> lines = set_paragraph(inl, spec, ctx.fonts, ctx.folio);
        if (lines.empty()) lines.push_back(LineBox{ts.leading, {}, {}, Pt(0)});
        for (LineBox& lb : lines) {
            Slice s;
            s.height = lb.height;
            s.frames = std::move(lb.frames);
            translate(s.frames, col.x + pad, Pt(0));
            out.push_back(std::move(s));
        }
    }
    out.back().keep_with_next = true;
    out.push_back(spacer(pad));
    decorate(out, first, col.x, col.width, ctx.style.code_tint, false, ctx.style, b.pos);
}

// The panel's text keeps the column's measure, so its justified lines end
// on the same edge as the text around it; the tint and rules stand out into
// the margins by the padding instead of narrowing the text.
void flow_panel(const Block& b, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    const Pt pad = col.text.size * 0.8;
    TextStyle body = col.text;
    body.role = b.role;
    Column inner{col.x, col.width, body, false};
    const size_t first = out.size();
    out.push_back(spacer(pad * 0.75));
    out.back().space_before = ctx.style.body.leading * 0.5;
    out.back().keep_with_next = true;
    if (!b.dest.empty()) out.back().frames.push_back(dest_frame(b.dest, b.pos));
    if (!b.title.empty()) {
        TextStyle ts = col.text;
        ts.role = FaceRole::Hei;
        Inlines t{Span{SpanKind::Text, b.title, kPlain, "", "", "", b.pos}};
        flow_paragraph(t, inner, Pt(0), Align::Left, ts, Pt(0), b.pos, ctx, out);
        out.back().keep_with_next = true;
    }
    flow_blocks(b.children, inner, ctx, out);
    out.back().keep_with_next = true;  // the panel's bottom edge never starts a page alone
    out.push_back(spacer(pad * 0.75));
    // A short panel (up to a third of the page) is never split: a box cut
    // after a line or two reads as two boxes.
    Pt total{0};
    for (size_t i = first; i < out.size(); ++i) total += out[i].height + (i == first ? Pt(0) : out[i].space_before);
    if (total.v <= ctx.style.text_height().v / 3)
        for (size_t i = first; i + 1 < out.size(); ++i) out[i].keep_with_next = true;
    decorate(out, first, col.x - pad, col.width + pad * 2, ctx.style.tint, true, ctx.style, b.pos);
}

void flow_image(const Block& b, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    const std::optional<PixelSize> found = b.path.empty() ? std::nullopt : ctx.images.find(b.path);
    const PixelSize px = found.value_or(PixelSize{});
    if (px.width <= 0 || px.height <= 0) {
        if (ctx.warn && b.path.empty())
            ctx.diags.warning(b.pos, "image is not a file of the site; its text is set instead",
                              "the handbook prints only images of the site: save it next to the page");
        else if (ctx.warn && !found)
            ctx.diags.warning(b.pos, "image '" + b.path + "' not found; its text is set instead",
                              "put the image next to the page (or under static/ for a path starting with /)");
        else if (ctx.warn)
            ctx.diags.warning(b.pos, "image '" + b.path + "' is not a readable PNG or JPEG; its text is set instead",
                              "use a PNG or JPEG file next to the page");
        Inlines alt{Span{SpanKind::Text, "［图：" + b.alt + "］", kPlain, "", "", "", b.pos}};
        flow_paragraph(alt, col, Pt(0), Align::Center, col.text, Pt(0), b.pos, ctx, out);
        return;
    }
    // 96 px per inch at most; never wider than the column nor taller than
    // 60 % of the type area (scaled to fit).
    double w = px.width * 0.75, h = px.height * 0.75;
    const double k = std::min({1.0, col.width.v / w, ctx.style.text_height().v * 0.6 / h});
    w *= k;
    h *= k;
    Slice s;
    s.space_before = col.text.leading * 0.3;
    s.height = Pt(h) + col.text.leading * 0.3;
    Image img{Rect{col.x + (col.width - Pt(w)) / 2.0, Pt(0), Pt(w), Pt(h)}, b.path};
    if (!b.dest.empty()) s.frames.push_back(dest_frame(b.dest, b.pos));
    s.frames.push_back(Frame{img, b.pos});
    s.keep_with_next = !b.title.empty();  // an image never leaves its caption behind
    out.push_back(std::move(s));
    if (b.title.empty()) return;
    TextStyle caption = ctx.style.small;
    caption.role = FaceRole::Hei;
    Inlines text{Span{SpanKind::Text, b.title, kPlain, "", "", "", b.pos}};
    flow_paragraph(text, col, Pt(0), Align::Center, caption, Pt(0), b.pos, ctx, out);
}

void flow_rule(const Block& b, const Column& col, const BookStyle& st, std::vector<Slice>& out) {
    Slice s;
    s.height = st.body.leading;
    const Pt y = s.height / 2.0;
    const Pt w = col.width / 3.0;
    s.frames.push_back(Frame{Line{{col.x + w, y}, {col.x + w * 2.0, y}, Pt(0.5), st.rule}, b.pos});
    out.push_back(std::move(s));
}

}  // namespace

void flow_blocks(const std::vector<Block>& blocks, const Column& col, FlowContext& ctx,
                 std::vector<Slice>& out) {
    Pt pending{0};  // space after a display block (table, code, panel, image)
    for (const Block& b : blocks) {
        const size_t first = out.size();
        switch (b.kind) {
            case BlockKind::Paragraph: {
                const bool indent = col.indent && b.indent && b.align == Align::Justify;
                flow_paragraph(b.inlines, col, indent ? col.text.size * 2 : Pt(0), b.align, col.text,
                               Pt(0), b.pos, ctx, out);
                break;
            }
            case BlockKind::Heading: flow_heading(b, col, ctx, out); break;
            case BlockKind::List: flow_list(b, col, ctx, out); break;
            case BlockKind::Quote: {
                TextStyle kai = col.text;
                kai.role = FaceRole::Kai;
                const Pt in = col.text.size * 2;
                Column inner{col.x + in, col.width - in, kai, col.indent};
                flow_blocks(b.children, inner, ctx, out);
                break;
            }
            case BlockKind::Code: flow_code(b, col, ctx, out); break;
            case BlockKind::Table: flow_table(b, col, ctx, out); break;
            case BlockKind::Image: flow_image(b, col, ctx, out); break;
            case BlockKind::Rule: flow_rule(b, col, ctx.style, out); break;
            case BlockKind::Panel: flow_panel(b, col, ctx, out); break;
        }
        if (!b.dest.empty() && b.kind != BlockKind::Heading && b.kind != BlockKind::Panel &&
            b.kind != BlockKind::Image && first < out.size())
            out[first].frames.insert(out[first].frames.begin(), dest_frame(b.dest, b.pos));
        if (first < out.size()) out[first].space_before = std::max(out[first].space_before, pending);
        const bool display = b.kind == BlockKind::Table || b.kind == BlockKind::Code ||
                             b.kind == BlockKind::Panel || b.kind == BlockKind::Image;
        pending = display ? col.text.leading * 0.5 : Pt(0);
    }
}

}  // namespace chuxin::layout
