// The parts of a book that are not its text: cover, part title pages,
// chapter titles, the TOC, running heads and folios (design.md "The handbook",
// GB/T 9704 §7.5 for the `— 1 —` folio).
#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "layout/chars.h"
#include "layout/assemble.h"

namespace chuxin::layout {

namespace {

Inlines plain(const std::string& text, SourcePos pos = {}) {
    return Inlines{Span{SpanKind::Text, text, kPlain, "", "", "", pos}};
}

// A centred title that needs several lines gets lines of even length (the
// narrowest measure that keeps the line count), not a last line of one or
// two characters.
std::vector<LineBox> balanced(const Inlines& text, const TextStyle& ts, Pt width, const FontMetrics& fonts) {
    std::vector<LineBox> lines = set_paragraph(text, ParagraphSpec{ts, width, Pt(0), Align::Center}, fonts, {});
    if (lines.size() < 2) return lines;
    double lo = width.v * 0.4, hi = width.v;
    for (int i = 0; i < 12; ++i) {
        const double mid = (lo + hi) / 2;
        const auto n = set_paragraph(text, ParagraphSpec{ts, Pt(mid), Pt(0), Align::Center}, fonts, {}).size();
        (n <= lines.size() ? hi : lo) = mid;
    }
    lines = set_paragraph(text, ParagraphSpec{ts, Pt(hi), Pt(0), Align::Center}, fonts, {});
    for (LineBox& lb : lines) translate(lb.frames, (width - Pt(hi)) / 2.0, Pt(0));
    return lines;
}

// A display title too long for one line breaks where its sense does: before
// "——" (the subtitle starts its own line), after "，", "：", "；", and
// before a number that follows Chinese text ("…党支部 / 2025年度…", never
// "2025年 / 度"), and around a quoted term ("…党工委“三会一课” / 台账…",
// never "“三会 / 一课”") — as titles are set in Chinese books — packing phrases
// greedily; a phrase too long for one line is balanced on its own. Every
// line is centred.
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Where a title may break, from the strongest sense boundary to the weakest.
enum class TitleBreaks { Sense, Numbers, Quotes };

bool opens_quote(char32_t c) { return c == U'“' || c == U'《' || c == U'「' || c == U'『'; }
bool closes_quote(char32_t c) { return c == U'”' || c == U'》' || c == U'」' || c == U'』'; }

std::vector<std::string> title_phrases(const std::string& text, TitleBreaks breaks) {
    std::vector<std::string> out;
    const std::u32string t = utf8::decode(text);
    std::u32string cur;
    for (size_t i = 0; i < t.size(); ++i) {
        const bool dash_starts = t[i] == U'—' && i + 1 < t.size() && t[i + 1] == U'—' && !cur.empty() &&
                                 cur.back() != U'—';
        const bool number_starts = breaks >= TitleBreaks::Numbers && is_digit(t[i]) && !cur.empty() &&
                                   is_cjk_ideo(cur.back()) && !no_line_end(cur.back());
        const bool quote_starts = breaks >= TitleBreaks::Quotes && opens_quote(t[i]) && !cur.empty() &&
                                  !no_line_end(cur.back()) && cur.back() != U'—';
        if (dash_starts || number_starts || quote_starts) out.push_back(utf8::encode(cur)), cur.clear();
        cur.push_back(t[i]);
        const bool next_ok = i + 1 < t.size() && !no_line_start(t[i + 1]);
        const bool quote_ends = breaks >= TitleBreaks::Quotes && closes_quote(t[i]) && next_ok;
        if (((t[i] == U'，' || t[i] == U'：' || t[i] == U'；') && i + 1 < t.size()) || quote_ends)
            out.push_back(utf8::encode(cur)), cur.clear();
    }
    if (!cur.empty()) out.push_back(utf8::encode(cur));
    return out;
}

std::vector<LineBox> phrase_lines(const std::string& text, TitleBreaks breaks, const TextStyle& ts, Pt width,
                                  const FontMetrics& fonts, SourcePos pos) {
    std::vector<std::string> lines;
    for (const std::string& phrase : title_phrases(text, breaks)) {
        const bool subtitle = phrase.rfind("——", 0) == 0;  // always opens a line
        if (!lines.empty() && !subtitle && measure(lines.back() + phrase, ts, fonts) <= width)
            lines.back() += phrase;
        else lines.push_back(phrase);
    }
    std::vector<LineBox> out;
    for (const std::string& line : lines)
        for (LineBox& lb : balanced(plain(line, pos), ts, width, fonts)) out.push_back(std::move(lb));
    return out;
}

// A subtitle after —— always gets its own line; the weaker boundaries
// (numbers, then quotes) are used only when they cost no extra line.
std::vector<LineBox> title_lines(const std::string& text, const TextStyle& ts, Pt width, const FontMetrics& fonts,
                                 SourcePos pos = {}) {
    std::vector<LineBox> whole = balanced(plain(text, pos), ts, width, fonts);
    if (whole.size() < 2) return whole;
    std::vector<LineBox> best = phrase_lines(text, TitleBreaks::Sense, ts, width, fonts, pos);
    const size_t count = best.size();
    for (TitleBreaks finer : {TitleBreaks::Numbers, TitleBreaks::Quotes}) {
        std::vector<LineBox> lines = phrase_lines(text, finer, ts, width, fonts, pos);
        if (lines.size() <= count) best = std::move(lines);
    }
    return best;
}

// Sets `text` in a box of `width` at (x, y); returns the height used.
Pt put_text(std::vector<Frame>& out, const std::string& text, const TextStyle& ts, Pt x, Pt y,
            Pt width, Align align, const FontMetrics& fonts) {
    Pt h{0};
    std::vector<LineBox> lines = align == Align::Center
                                     ? title_lines(text, ts, width, fonts)
                                     : set_paragraph(plain(text), ParagraphSpec{ts, width, Pt(0), align}, fonts, {});
    for (LineBox& lb : lines) {
        translate(lb.frames, x, y + h);
        for (Frame& f : lb.frames) out.push_back(std::move(f));
        h += lb.height;
    }
    return h;
}

TextStyle with(TextStyle ts, FaceRole role, double size, double leading) {
    ts.role = role;
    ts.size = Pt(size);
    ts.leading = Pt(leading);
    ts.tracking = Pt(0);
    return ts;
}

}  // namespace

namespace {

// A running head must fit one line: a long title loses its subtitle after
// "——", then characters, ending in "…".
std::string one_line(const std::string& text, const TextStyle& ts, Pt width, const FontMetrics& fonts) {
    if (measure(text, ts, fonts) <= width) return text;
    const size_t dash = text.find("——");
    if (dash != std::string::npos && dash > 0 && measure(text.substr(0, dash), ts, fonts) <= width)
        return text.substr(0, dash);
    std::u32string cps = utf8::decode(text);
    while (!cps.empty() && measure(utf8::encode(cps) + "…", ts, fonts) > width) cps.pop_back();
    return utf8::encode(cps) + "…";
}

}  // namespace

std::string roman(int n) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                        {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                        {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                        {1, "i"}};
    std::string s;
    for (const auto& [v, r] : table)
        while (n >= v) s += r, n -= v;
    return s;
}

std::vector<Frame> cover_frames(const Book& book, const BookStyle& st, const FontMetrics& fonts) {
    std::vector<Frame> out;
    const Size pg = st.page;
    // A red band across the top and a gold rule above the imprint: enough
    // decoration for an official booklet (design.md).
    // The band reaches the trim edges, so it runs on into the bleed: the
    // trimmed sheet shows no white sliver whatever the cut's tolerance.
    const Pt b = st.bleed;
    out.push_back(Frame{Box{Rect{Pt(0) - b, Pt(0) - b, pg.width + b * 2.0, pg.height * 0.12 + b}, true, st.accent,
                            false, {}, Pt(0)},
                        book.pos});
    const Pt margin = pg.width * 0.12;
    const Pt width = pg.width - margin * 2;
    Pt y = pg.height * 0.30;
    y += put_text(out, book.title, st.cover_title, margin, y, width, Align::Center, fonts);
    if (!book.subtitle.empty()) {
        y += st.cover_title.size * 0.8;
        put_text(out, book.subtitle, with(st.body, FaceRole::Kai, st.cover_title.size.v * 0.55,
                                           st.cover_title.size.v * 0.8),
                 margin, y, width, Align::Center, fonts);
    }
    const Pt rule_y = pg.height * 0.78;
    const Color gold{201, 162, 63};
    out.push_back(Frame{Line{{pg.width * 0.3, rule_y}, {pg.width * 0.7, rule_y}, Pt(1), gold}, book.pos});
    const TextStyle imprint = with(st.body, FaceRole::Song, st.body.size.v * 1.25, st.body.size.v * 1.9);
    Pt y2 = rule_y + imprint.size;
    if (!book.publisher.empty())
        y2 += put_text(out, book.publisher, imprint, margin, y2, width, Align::Center, fonts);
    if (!book.edition.empty())
        put_text(out, book.edition, with(st.body, FaceRole::Song, st.body.size.v, st.body.size.v * 1.8),
                 margin, y2 + st.body.size * 0.5, width, Align::Center, fonts);
    return out;
}

std::vector<Frame> part_title_frames(const Part& part, const BookStyle& st, const FontMetrics& fonts) {
    std::vector<Frame> out;
    out.push_back(Frame{Destination{part.dest, Pt(0)}, {}});
    const Pt margin = st.inside;
    const Pt width = st.text_width();
    const Pt y = st.page.height * 0.32;
    const Pt h = put_text(out, part.title, st.part_title, margin, y, width, Align::Center, fonts);
    const Pt ry = y + h + st.part_title.size * 0.6;
    const Pt mid = margin + width / 2.0;
    out.push_back(Frame{Line{{mid - width / 6.0, ry}, {mid + width / 6.0, ry}, Pt(0.8), st.accent}, {}});
    return out;
}

void chapter_title_slices(const std::string& title, const std::string& dest, SourcePos pos,
                          FlowContext& ctx, std::vector<Slice>& out) {
    const BookStyle& st = ctx.style;
    const TextStyle& ts = st.chapter_title;
    const size_t first = out.size();
    Slice top;
    top.height = st.number_headings ? Pt(0) : ts.leading;  // a little drop before the title
    top.frames.push_back(Frame{Destination{dest, Pt(0)}, pos});
    out.push_back(std::move(top));
    std::vector<LineBox> lines = title_lines(title, ts, st.text_width(), ctx.fonts, pos);
    for (LineBox& lb : lines) {
        Slice s;
        s.height = lb.height;
        s.frames = std::move(lb.frames);
        out.push_back(std::move(s));
    }
    Slice after;
    // GB/T 9704 §7.3.3: one blank line between title and text.
    after.height = st.number_headings ? st.body.leading : ts.leading * 0.75;
    out.push_back(std::move(after));
    for (size_t i = first; i < out.size(); ++i) out[i].keep_with_next = true;
}

void toc_slices(const std::vector<TocEntry>& entries, const std::map<std::string, std::string>& folios,
                FlowContext& ctx, std::vector<Slice>& out) {
    const BookStyle& st = ctx.style;
    const Pt W = st.text_width();
    for (const TocEntry& e : entries) {
        TextStyle ts = st.body;
        ts.tracking = Pt(0);
        if (e.bold) ts.role = FaceRole::Hei;
        const Pt em = ts.size;
        const Pt indent = em * static_cast<double>(std::max(0, e.level - (entries.front().level)));
        const auto it = folios.find(e.dest);
        const std::string folio = it == folios.end() ? "" : it->second;
        const Pt num_w = measure(folio, ts, ctx.fonts);
        const Pt text_w = W - indent - em * 3;
        // A long entry wraps with a hanging indent of 1 em under its first line.
        std::vector<LineBox> lines = set_paragraph(
            plain(e.text), ParagraphSpec{ts, text_w - em, Pt(0) - em, Align::Left}, ctx.fonts, ctx.folio);
        if (lines.empty()) continue;
        for (LineBox& lb : lines) translate(lb.frames, indent + em, Pt(0));
        LineBox& last = lines.back();
        const Pt base = baseline_in_line(last.height, ts.size);
        // Dot leaders on a fixed grid (multiples of ½ em from the type area's
        // left edge) so the dots of all entries line up.
        GlyphRun dots;
        dots.face = ctx.fonts.face_for(U'.', ts.role);
        dots.size = ts.size;
        dots.color = ts.color;
        const double step = em.v * 0.5;
        const double from = std::ceil((indent + em + last.width + em * 0.5).v / step) * step;
        const double to = (W - num_w - em * 0.2).v;
        dots.origin = Point{Pt(from), base};
        for (double x = from; x + step <= to; x += step) {
            dots.text.push_back(U'.');
            dots.x.push_back(Pt(x - from));
        }
        if (!dots.text.empty()) last.frames.push_back(Frame{dots, {}});
        std::vector<LineBox> num = set_paragraph(plain(folio), ParagraphSpec{ts, W, Pt(0), Align::Right},
                                                 ctx.fonts, ctx.folio);
        if (!num.empty())
            for (Frame& f : num[0].frames) last.frames.push_back(std::move(f));
        for (size_t i = 0; i < lines.size(); ++i) {
            Slice s;
            s.height = lines[i].height;
            s.frames = std::move(lines[i].frames);
            // The whole line, leaders and number included, links to the entry.
            s.frames.push_back(Frame{LinkArea{Rect{indent, Pt(0), W - indent, s.height}, e.dest, ""}, {}});
            if (i == 0 && e.level == 0 && &e != &entries.front()) s.space_before = ts.leading * 0.4;
            s.keep_with_next = i + 1 < lines.size();
            out.push_back(std::move(s));
        }
    }
}

void add_furniture(DraftPage& page, bool right_hand, const std::string& book_title,
                   const std::string& folio, const BookStyle& st, const FontMetrics& fonts) {
    if (page.role == PageRole::Cover || page.role == PageRole::Blank || page.role == PageRole::Part) return;
    const Pt left = right_hand ? st.inside : st.outside;
    const Pt width = st.text_width();
    if (st.running_heads && page.role != PageRole::ChapterOpen) {
        // 9 pt: the book's title on left pages, the chapter's on right pages,
        // on the outside edge, with a thin rule beneath.
        const TextStyle& ts = st.running_head;
        const std::string text = one_line(right_hand ? page.head : book_title, ts, width, fonts);
        const Pt rule_y = st.top - ts.size * 0.8;
        const Pt y = rule_y - ts.leading - Pt(1);
        put_text(page.frames, text, ts, left, y, width, right_hand ? Align::Right : Align::Left, fonts);
        page.frames.push_back(Frame{Line{{left, rule_y}, {left + width, rule_y}, Pt(0.4), st.rule}, {}});
    }
    if (folio.empty()) return;
    const TextStyle& fs = st.folio;
    if (st.folio_kind == FolioKind::GbtDash) {
        // GB/T 9704 §7.5: "— 1 —", 4号, its dashes 7 mm below the type area;
        // odd pages right, even pages left, one character in from the edge.
        const std::string text = "— " + folio + " —";
        const Pt y = st.top + st.text_height() + Pt::mm(7) - fs.leading / 2.0;
        const Pt inset = fs.size;
        put_text(page.frames, text, fs, left + (right_hand ? Pt(0) : inset), y, width - inset,
                 right_hand ? Align::Right : Align::Left, fonts);
        return;
    }
    const Pt y = st.page.height - st.bottom + (st.bottom - fs.leading) * 0.45;
    put_text(page.frames, folio, fs, left, y, width, right_hand ? Align::Right : Align::Left, fonts);
}

}  // namespace chuxin::layout
