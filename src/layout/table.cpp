// Tables: column widths from their content (the automatic table layout of
// CSS 2.1 §17.5.2.2: minimum = longest unbreakable piece, maximum = one
// line), wrapping cells, one slice per row so rows split across pages, and
// the header rows repeated at the top of each continued page (design.md).
#include <algorithm>
#include <numeric>

#include "core/utf8.h"
#include "layout/chars.h"
#include "layout/flow.h"

namespace chuxin::layout {

namespace {

struct ColumnWidths {
    std::vector<double> min, max;
};

TextStyle cell_style(const BookStyle& st, bool header) {
    TextStyle ts = st.small;
    ts.tracking = Pt(0);
    if (header) ts.role = FaceRole::Hei;
    return ts;
}

Pt mark_room(const TextStyle& ts) { return ts.size * 1.2; }

void measure_cell(const TableCell& cell, const TextStyle& ts, const FlowContext& ctx, double extra,
                  double& mn, double& mx) {
    ShapeContext sc{ctx.fonts, ts, ctx.folio};
    const std::vector<Atom> atoms = shape(cell.text, sc);
    const std::vector<char> allow = break_opportunities(atoms);
    double piece = 0, line = 0, longest = 0, widest = 0;
    for (size_t i = 0; i < atoms.size(); ++i) {
        piece += atoms[i].advance.v;
        line += atoms[i].advance.v;
        if (allow[i]) {
            longest = std::max(longest, piece);
            piece = 0;
        }
        if (atoms[i].hard_break) {
            widest = std::max(widest, line);
            line = 0;
        }
    }
    longest = std::max(longest, piece);
    widest = std::max(widest, line);
    // A very long unbreakable piece (a URL, an RRULE) may be cut anywhere
    // rather than starve the other columns.
    longest = std::min(longest, ts.size.v * 8);
    // Short cells (序号, 责任人, 李某) are not broken at all: up to four
    // characters stay on one line, so narrow columns never stack characters.
    longest = std::max(longest, std::min(widest, ts.size.v * 4.2));
    mn = std::max(mn, longest + extra);
    mx = std::max(mx, widest + extra);
}

std::vector<double> column_widths(const Block& t, size_t ncols, Pt avail, const FlowContext& ctx) {
    const TextStyle body = cell_style(ctx.style, false);
    const double pad = body.size.v * 0.8;  // 0.4 em each side
    ColumnWidths w{std::vector<double>(ncols, pad + body.size.v),
                   std::vector<double>(ncols, pad + body.size.v)};
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const bool header = static_cast<int>(r) < t.header_rows;
        const TextStyle ts = cell_style(ctx.style, header);
        for (size_t c = 0; c < t.rows[r].cells.size() && c < ncols; ++c) {
            double extra = pad;
            if (c + 1 == ncols && r < t.row_marks.size() && t.row_marks[r] != Mark::None)
                extra += mark_room(ts).v;
            measure_cell(t.rows[r].cells[c], ts, ctx, extra, w.min[c], w.max[c]);
        }
    }
    const double smin = std::accumulate(w.min.begin(), w.min.end(), 0.0);
    const double smax = std::accumulate(w.max.begin(), w.max.end(), 0.0);
    const double W = avail.v;
    std::vector<double> out(ncols);
    for (size_t c = 0; c < ncols; ++c) {
        if (smax <= W)
            out[c] = w.max[c] + (W - smax) * w.max[c] / smax;  // fill the measure
        else if (smin <= W)
            out[c] = w.min[c] + (w.max[c] - w.min[c]) * (W - smin) / (smax - smin);
        else
            out[c] = w.min[c] * W / smin;  // too narrow: cells break inside words
    }
    return out;
}

void draw_mark(Mark m, Rect r, const TextStyle& ts, std::vector<Frame>& fr, SourcePos pos) {
    if (m == Mark::None) return;
    Box b;
    b.rect = r;
    b.stroke = true;
    b.stroke_width = Pt(0.5);
    const Color green{46, 125, 50}, amber{198, 134, 0}, red{183, 28, 28}, grey{110, 110, 110};
    switch (m) {
        case Mark::Done: b.fill_color = green; b.stroke_color = green; break;
        case Mark::Doing:
            b.fill = false;
            b.stroke_color = amber;
            fr.push_back(Frame{Box{Rect{r.x, r.y + r.height / 2.0, r.width, r.height / 2.0}, true, amber,
                                   false, {}, Pt(0)}, pos});
            break;
        case Mark::Open: b.fill = false; b.stroke_color = grey; break;
        case Mark::Overdue: b.fill_color = red; b.stroke_color = red; break;
        case Mark::None: break;
    }
    fr.push_back(Frame{b, pos});  // after the half fill: the outline stays on top
    if (m == Mark::Done) {  // a white tick inside the green square
        const Color white{255, 255, 255};
        const Pt w = ts.size * 0.08;
        fr.push_back(Frame{Line{{r.x + r.width * 0.2, r.y + r.height * 0.5},
                                {r.x + r.width * 0.42, r.y + r.height * 0.75}, w, white}, pos});
        fr.push_back(Frame{Line{{r.x + r.width * 0.42, r.y + r.height * 0.75},
                                {r.x + r.width * 0.82, r.y + r.height * 0.22}, w, white}, pos});
    }
}

// One row as one slice, or, when it is taller than a page can hold, as
// several slices of at most `max_lines` lines per cell, so that even a very
// long cell breaks across pages instead of running off the page's foot.
bool has_han(const Inlines& text) {
    for (const Span& s : text)
        for (char32_t c : utf8::decode(s.text))
            if (is_cjk_ideo(c)) return true;
    return false;
}

std::vector<Slice> row_slices(const Block& t, size_t r, const std::vector<double>& widths, const Column& col,
                              FlowContext& ctx) {
    const bool header = static_cast<int>(r) < t.header_rows;
    const TextStyle ts = cell_style(ctx.style, header);
    const Pt hpad = ts.size * 0.4, vpad = ts.size * 0.3;
    const Mark mark = r < t.row_marks.size() ? t.row_marks[r] : Mark::None;
    std::vector<std::vector<LineBox>> cells;
    size_t lines = 1;
    for (size_t c = 0; c < widths.size(); ++c) {
        Pt w = Pt(widths[c]) - hpad * 2;
        if (c + 1 == widths.size() && mark != Mark::None) w -= mark_room(ts);
        const TableCell empty;
        const TableCell& cell = c < t.rows[r].cells.size() ? t.rows[r].cells[c] : empty;
        Align a = cell.align;
        // Chinese text in a cell is justified like the body (its last line
        // stays natural); Latin text, numbers, dates and the status label
        // beside a row's mark ("整改中（逾期）") stay ragged right.
        const bool label = c + 1 == widths.size() && mark != Mark::None;
        if (a == Align::Left || a == Align::Justify)
            a = has_han(cell.text) && !label ? Align::Justify : Align::Left;
        if (header) a = Align::Center;
        cells.push_back(set_paragraph(cell.text, ParagraphSpec{ts, w, Pt(0), a}, ctx.fonts, ctx.folio));
        lines = std::max(lines, cells.back().size());
    }
    const double room = ctx.style.text_height().v * 0.7 - vpad.v * 2;
    const size_t max_lines = std::max<size_t>(1, static_cast<size_t>(room / ts.leading.v));
    std::vector<Slice> out;
    const SourcePos pos = t.pos;
    const Pt rule{0.5};
    for (size_t from = 0; from < lines; from += max_lines) {
        const size_t to = std::min(lines, from + max_lines);
        Slice s;
        s.height = ts.leading * static_cast<double>(to - from) + vpad * 2;
        if (header) s.frames.push_back(Frame{Box{Rect{col.x, Pt(0), col.width, s.height}, true,
                                                 ctx.style.header_tint, false, {}, Pt(0)}, pos});
        if (from == 0 && !t.rows[r].dest.empty()) s.frames.push_back(Frame{Destination{t.rows[r].dest, Pt(0)}, pos});
        Pt x = col.x;
        for (size_t c = 0; c < widths.size(); ++c) {
            Pt y = vpad;
            for (size_t i = from; i < to && i < cells[c].size(); ++i) {
                LineBox& lb = cells[c][i];
                translate(lb.frames, x + hpad, y);
                for (Frame& f : lb.frames) s.frames.push_back(std::move(f));
                y += lb.height;
            }
            if (from == 0 && c + 1 == widths.size() && mark != Mark::None) {
                const Pt side = ts.size * 0.7;
                const Rect r2{x + Pt(widths[c]) - hpad - side, vpad + (ts.leading - side) / 2.0, side, side};
                draw_mark(mark, r2, ts, s.frames, pos);
            }
            s.frames.push_back(Frame{Line{{x, Pt(0)}, {x, s.height}, rule, ctx.style.rule}, pos});
            x += Pt(widths[c]);
        }
        s.frames.push_back(Frame{Line{{x, Pt(0)}, {x, s.height}, rule, ctx.style.rule}, pos});
        s.frames.push_back(Frame{Line{{col.x, Pt(0)}, {x, Pt(0)}, rule, ctx.style.rule}, pos});
        s.frames.push_back(Frame{Line{{col.x, s.height}, {x, s.height}, rule, ctx.style.rule}, pos});
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

void flow_table(const Block& t, const Column& col, FlowContext& ctx, std::vector<Slice>& out) {
    size_t ncols = 0;
    for (const TableRow& row : t.rows) ncols = std::max(ncols, row.cells.size());
    if (ncols == 0) return;
    const std::vector<double> widths = column_widths(t, ncols, col.width, ctx);
    auto header = std::make_shared<std::vector<Slice>>();
    const size_t first = out.size();
    for (size_t r = 0; r < t.rows.size(); ++r) {
        for (Slice& s : row_slices(t, r, widths, col, ctx)) {
            if (static_cast<int>(r) < t.header_rows) {
                s.is_header = true;
                s.keep_with_next = true;  // never a header alone at a page's foot
                Slice copy = s;
                copy.frames.erase(std::remove_if(copy.frames.begin(), copy.frames.end(),
                                                 [](const Frame& f) {
                                                     return std::holds_alternative<Destination>(f.item);
                                                 }),
                                  copy.frames.end());
                header->push_back(std::move(copy));
            }
            out.push_back(std::move(s));
        }
    }
    if (first < out.size()) out[first].space_before = col.text.leading * 0.4;
    if (!header->empty())
        for (size_t i = first; i < out.size(); ++i)
            if (!out[i].is_header) out[i].header = header;
}

}  // namespace chuxin::layout
