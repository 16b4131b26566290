#include "layout/paragraph.h"

namespace chuxin::layout {

Pt baseline_in_line(Pt leading, Pt size) { return (leading - size) / 2.0 + size * 0.88; }

namespace {

bool same_run(const Atom& a, const Atom& b) {
    return a.face == b.face && a.size == b.size && a.color == b.color && a.rise == b.rise;
}

const Span* span_of(const Inlines& spans, const Atom& a) {
    return a.span >= 0 && static_cast<size_t>(a.span) < spans.size() ? &spans[static_cast<size_t>(a.span)]
                                                                     : nullptr;
}

bool same_link(const Span* a, const Span* b) {
    if (!a || !b) return false;
    return a->dest == b->dest && a->uri == b->uri;
}

bool has_link(const Span* s) { return s && (!s->dest.empty() || !s->uri.empty()); }

void emit_runs(const std::vector<Atom>& at, const LineSpec& ls, const PlacedLine& pl, Pt x0,
               Pt baseline, const Inlines& spans, LineBox& box) {
    // A mark trimmed at the line's end gets a run of its own, so that the
    // backend can declare its trimmed width (frame.h GlyphWidths).
    const bool trimmed = pl.end_trim.v > 0;
    const size_t natural_end = trimmed ? ls.end - 1 : ls.end;
    size_t k = ls.begin;
    while (k < ls.end) {
        size_t e = k + 1;
        const size_t limit = k < natural_end ? natural_end : ls.end;
        while (e < limit && same_run(at[k], at[e])) ++e;
        GlyphRun run;
        const Pt start = x0 + pl.pen[k - ls.begin];
        run.origin = Point{start, baseline + at[k].rise};
        run.face = at[k].face;
        run.size = at[k].size;
        run.color = at[k].color;
        if (k >= natural_end) run.widths = GlyphWidths::TrimmedMarks;
        for (size_t i = k; i < e; ++i) {
            run.text.push_back(at[i].cp);
            run.x.push_back(pl.pen[i - ls.begin] + x0 - start);
        }
        const Span* s = span_of(spans, at[k]);
        box.frames.push_back(Frame{std::move(run), s ? s->pos : SourcePos{}});
        k = e;
    }
}

Pt right_of(const std::vector<Atom>& at, const LineSpec& ls, const PlacedLine& pl, size_t i) {
    return pl.pen[i - ls.begin] + at[i].advance;
}

void emit_links_and_strikes(const std::vector<Atom>& at, const LineSpec& ls, const PlacedLine& pl,
                            Pt x0, Pt height, Pt baseline, const Inlines& spans, LineBox& box) {
    size_t k = ls.begin;
    while (k < ls.end) {
        const Span* s = span_of(spans, at[k]);
        size_t e = k + 1;
        while (e < ls.end && span_of(spans, at[e]) == s) ++e;
        if (has_link(s)) {
            while (e < ls.end && same_link(s, span_of(spans, at[e]))) ++e;
            LinkArea link;
            const Pt left = x0 + pl.pen[k - ls.begin];
            link.rect = Rect{left, Pt(0), x0 + right_of(at, ls, pl, e - 1) - left, height};
            link.dest = s->dest;
            link.uri = s->dest.empty() ? s->uri : "";
            box.frames.push_back(Frame{link, s->pos});
        }
        if (s && (s->flags & kStrike)) {
            const Pt y = baseline - at[k].size * 0.3;
            Line rule{{x0 + pl.pen[k - ls.begin], y}, {x0 + right_of(at, ls, pl, e - 1), y},
                      at[k].size * 0.06, at[k].color};
            box.frames.push_back(Frame{rule, s->pos});
        }
        if (s && s->kind == SpanKind::FootnoteRef) box.footnotes.push_back(s);
        k = e;
    }
}

}  // namespace

std::vector<LineBox> set_paragraph(const Inlines& spans, const ParagraphSpec& spec,
                                   const FontMetrics& fonts, const FolioLookup& folio) {
    ShapeContext ctx{fonts, spec.style, folio};
    const std::vector<Atom> atoms = shape(spans, ctx);
    std::vector<LineBox> out;
    const std::vector<LineSpec> lines = break_lines(atoms, spec.width - spec.indent, spec.width);
    for (size_t n = 0; n < lines.size(); ++n) {
        const LineSpec& ls = lines[n];
        const Pt x0 = n == 0 ? spec.indent : Pt(0);
        const Pt measure = spec.width - x0;
        const PlacedLine pl = place_line(atoms, ls, measure, spec.align);
        LineBox box;
        box.height = spec.style.leading;
        box.width = x0 + pl.width;
        if (ls.end > ls.begin) {
            const Pt baseline = baseline_in_line(box.height, spec.style.size);
            emit_runs(atoms, ls, pl, x0, baseline, spans, box);
            emit_links_and_strikes(atoms, ls, pl, x0, box.height, baseline, spans, box);
        }
        out.push_back(std::move(box));
    }
    return out;
}

}  // namespace chuxin::layout
