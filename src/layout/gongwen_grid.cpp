#include "layout/gongwen_grid.h"

#include <cmath>
#include <optional>

#include "core/utf8.h"
#include "layout/chars.h"
#include "layout/shape.h"

namespace chuxin::layout::gongwen {

namespace {

bool half_width(char32_t cp) { return cp < 0x2000 && cp != 0xB7; }
bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

struct Glyph {
    char32_t cp = 0;
    FaceId face = 0;
    Pt size;
    Pt advance;  // drawn advance
    bool bold = false;  // synthetic (GlyphRun::synthetic_bold)
};

// A unit the breaker places: one Han character or mark (one cell), or a
// Latin/digit run (whole cells, centred), or a forced line break.
struct Unit {
    std::vector<Glyph> glyphs;
    std::vector<Pt> at;  // pen of each glyph from the unit's start, centring included
    int halves = 2;      // width in half cells
    bool latin = false;
    // The half cell an odd run takes so that its line ends on the grid: how
    // much of it goes before the run (centred inside a line; all after it
    // at the line's start, all before it at the line's end).
    double pad_before = -1;  // −1: no pad
    bool hard_break = false;
    Color color;
};


// Latin letters and digits in a 公文: the Latin face at the size that makes
// a digit exactly `half` wide (as 仿宋_GB2312's own digits are half an em),
// the letters at that size too so a run like "GB/T 9704" stays one size;
// digits advance exactly `half`, letters their width.
Glyph latin_glyph(char32_t cp, FaceRole role, Pt size, Pt half, const FontMetrics& fonts) {
    Glyph gl{cp, fonts.face_for(cp, role), size, Pt(0)};
    const Pt digit = size * fonts.advance(fonts.face_for(U'0', role), U'0');
    if (digit > half) gl.size = size * (half.v / digit.v);
    gl.advance = is_digit(cp) ? half : gl.size * fonts.advance(gl.face, cp);
    return gl;
}

// On the grid a digit is half a cell; elsewhere (title, 版记, folio) half an em.
Glyph glyph_for(char32_t cp, FaceRole role, Pt size, const Geometry& g, const FontMetrics& fonts) {
    if (half_width(cp)) return latin_glyph(cp, role, size, g.cell() / 2.0, fonts);
    const FaceId face = fonts.face_for(cp, role);
    return Glyph{cp, face, size, size * fonts.advance(face, cp)};
}

Glyph natural_glyph(char32_t cp, FaceRole role, Pt size, const FontMetrics& fonts) {
    if (half_width(cp)) return latin_glyph(cp, role, size, size / 2.0, fonts);
    const FaceId face = fonts.face_for(cp, role);
    return Glyph{cp, face, size, size * fonts.advance(face, cp)};
}

// Pen offsets of a Latin run's glyphs, centred in its whole cells.
void finish_latin(Unit& u, const Geometry& g, const FontMetrics& fonts) {
    Pt w{0};
    u.at.clear();
    for (const Glyph& gl : u.glyphs) {
        Pt natural = gl.size * fonts.advance(gl.face, gl.cp);
        u.at.push_back(w + (gl.advance - natural) / 2.0);
        w += gl.advance;
    }
    const Pt half = g.cell() / 2.0;
    u.halves = std::max(1, static_cast<int>(std::ceil(w.v / half.v - 1e-6)));
    const Pt pad = (half * u.halves - w) / 2.0;
    for (Pt& p : u.at) p += pad;
}

void trim_spaces(Unit& u) {
    while (!u.glyphs.empty() && is_space(u.glyphs.back().cp)) u.glyphs.pop_back();
    while (!u.glyphs.empty() && is_space(u.glyphs.front().cp)) u.glyphs.erase(u.glyphs.begin());
}

std::vector<Unit> make_units(const std::vector<Piece>& pieces, const GridSpec& spec, const Geometry& g,
                             const FontMetrics& fonts) {
    std::vector<Unit> out;
    Unit latin;
    latin.latin = true;
    auto flush = [&] {
        trim_spaces(latin);
        if (!latin.glyphs.empty()) {
            finish_latin(latin, g, fonts);
            out.push_back(latin);
        }
        latin.glyphs.clear();
    };
    for (const Piece& piece : pieces) {
        for (const Span& sp : piece.spans) {
            if (sp.kind == SpanKind::LineBreak) {
                flush();
                Unit br;
                br.hard_break = true;
                br.halves = 0;
                out.push_back(br);
                continue;
            }
            // A 公文 has no page references, and no footnotes: a note is set
            // in parentheses where its mark was, so that nothing is lost.
            if (sp.kind == SpanKind::PageRef) continue;
            const std::string text = sp.kind == SpanKind::FootnoteRef ? "（" + sp.text + "）" : sp.text;
            // 仿宋加粗 (§7.3.3): the 仿宋 itself, made bold, not the 黑体
            // that strong text takes elsewhere.
            const bool fangsong_bold = (sp.flags & kStrong) && piece.role == FaceRole::Fangsong;
            const FaceRole role = fangsong_bold ? FaceRole::Fangsong : role_for(piece.role, sp.flags);
            for (char32_t cp : utf8::decode(text)) {
                if (cp == U'\n') cp = U' ';
                if (half_width(cp)) {
                    if (latin.glyphs.empty()) latin.color = spec.color;
                    latin.glyphs.push_back(glyph_for(cp, role, spec.size, g, fonts));
                    latin.glyphs.back().bold = fangsong_bold;
                    continue;
                }
                flush();
                Unit u;
                u.color = spec.color;
                Glyph gl = glyph_for(cp, role, spec.size, g, fonts);
                gl.bold = fangsong_bold;
                u.glyphs.push_back(gl);
                u.at.push_back((g.cell() - gl.advance) / 2.0);  // centred in its cell
                out.push_back(u);
            }
        }
    }
    flush();
    return out;
}

// Splits a Latin run so that its head takes at most `cells`: at a space, or
// anywhere when `anywhere` (a run longer than a line). nullopt: no split fits.
std::optional<std::pair<Unit, Unit>> split_latin(const Unit& u, int cells, bool anywhere, const Geometry& g,
                                                 const FontMetrics& fonts) {
    std::optional<std::pair<Unit, Unit>> best;
    for (size_t k = 1; k < u.glyphs.size(); ++k) {
        if (!anywhere && !is_space(u.glyphs[k].cp)) continue;
        Unit head = u, tail = u;
        head.glyphs.assign(u.glyphs.begin(), u.glyphs.begin() + static_cast<long>(k));
        tail.glyphs.assign(u.glyphs.begin() + static_cast<long>(k), u.glyphs.end());
        trim_spaces(head);
        trim_spaces(tail);
        if (head.glyphs.empty() || tail.glyphs.empty()) continue;
        finish_latin(head, g, fonts);
        finish_latin(tail, g, fonts);
        if (head.halves > cells) break;
        best = std::make_pair(head, tail);
    }
    return best;
}

bool starts_bad(const Unit& u) { return !u.latin && !u.glyphs.empty() && no_line_start(u.glyphs[0].cp); }
bool ends_bad(const Unit& u) { return !u.latin && !u.glyphs.empty() && no_line_end(u.glyphs[0].cp); }

struct LineRange {
    size_t begin = 0, end = 0;
    int halves = 0;
    bool hung = false;
};

bool closing_mark(const Unit& u) { return !u.latin && !u.glyphs.empty() && blank_right(u.glyphs[0].cp); }

// A line that ends half a cell short takes the half after its last odd
// run, so that the line still ends on the grid: after the first closing
// mark that follows the run (its blank side hides it), else around the run.
bool pad_odd(std::vector<Unit>& units, size_t begin, size_t end, int& used) {
    for (size_t k = end; k > begin; --k) {
        if (units[k - 1].halves % 2 == 0) continue;
        size_t at = k - 1;
        for (size_t m = k; m + 1 < end; ++m)  // not the line's last unit: its mark ends the line
            if (closing_mark(units[m])) {
                at = m;
                break;
            }
        Unit& u = units[at];
        u.pad_before = at != k - 1 ? 0.0 : at == begin ? 0.0 : at + 1 == end ? 1.0 : 0.5;
        u.halves += 1;
        ++used;
        return true;
    }
    return false;
}

std::vector<LineRange> break_units(std::vector<Unit>& units, const GridSpec& spec, const Geometry& g,
                                   const FontMetrics& fonts) {
    std::vector<LineRange> lines;
    size_t s = 0;
    while (s < units.size()) {
        const int cap = 2 * (kCells - spec.right_indent - (lines.empty() ? spec.first_indent : spec.indent));
        LineRange line{s, s, 0, false};
        size_t e = s;
        int used = 0;
        bool hard = false;
        while (e < units.size()) {
            Unit& u = units[e];
            if (u.hard_break) {
                hard = true;
                break;
            }
            if (used + u.halves <= cap) {
                used += u.halves;
                ++e;
                continue;
            }
            if (u.latin) {
                if (auto parts = split_latin(u, cap - used, e == s, g, fonts)) {
                    units[e] = parts->first;
                    units.insert(units.begin() + static_cast<long>(e) + 1, parts->second);
                    used += units[e].halves;
                    ++e;
                    if (used == cap - 1) pad_odd(units, s, e, used);
                    break;
                }
            }
            if (used == cap - 1) pad_odd(units, s, e, used);
            const bool next_bad = e + 1 < units.size() && starts_bad(units[e + 1]);
            if (starts_bad(u) && used == cap && e > s && !next_bad) {
                line.hung = true;  // hangs in the margin: the line stays full
                ++e;
                break;
            }
            // Break before e: a closing mark may not open the next line, an
            // opening one not end this one — push units down (推出).
            while (e > s + 1 && (starts_bad(units[e]) || ends_bad(units[e - 1]))) {
                --e;
                used -= units[e].halves;
            }
            if (used % 2 == 1 && e < units.size()) pad_odd(units, s, e, used);
            break;
        }
        line.end = e;
        line.halves = used;
        lines.push_back(line);
        s = hard ? e + 1 : e;
    }
    return lines;
}

void add_glyph(std::vector<Frame>& out, const Glyph& gl, Color color, Pt pen, Pt baseline, SourcePos pos) {
    if (!out.empty()) {
        if (auto* run = std::get_if<GlyphRun>(&out.back().item);
            run && run->face == gl.face && run->size == gl.size && run->color == color && run->origin.y == baseline &&
            run->synthetic_bold == gl.bold) {
            run->text.push_back(gl.cp);
            run->x.push_back(pen - run->origin.x);
            return;
        }
    }
    GlyphRun run;
    run.origin = Point{pen, baseline};
    run.face = gl.face;
    run.size = gl.size;
    run.color = color;
    run.synthetic_bold = gl.bold;
    run.text.push_back(gl.cp);
    run.x.push_back(Pt(0));
    out.push_back(Frame{run, pos});
}

Row place(const std::vector<Unit>& units, const LineRange& line, int start_half, Pt size, const Geometry& g,
          SourcePos pos) {
    Row row;
    row.halves = line.halves;
    row.hung = line.hung;
    const Pt baseline = row_baseline(g, size);
    const Pt half = g.cell() / 2.0;
    int at = start_half;
    for (size_t k = line.begin; k < line.end; ++k) {
        const Unit& u = units[k];
        const Pt pad = u.pad_before > 0 ? half * u.pad_before : Pt(0);
        for (size_t i = 0; i < u.glyphs.size(); ++i)
            add_glyph(row.frames, u.glyphs[i], u.color, half * at + pad + u.at[i], baseline, pos);
        at += u.halves;
    }
    return row;
}

}  // namespace

Pt row_baseline(const Geometry& g, Pt size) { return (g.pitch() - size) / 2.0 + size * 0.88; }

std::vector<Row> set_grid(const std::vector<Piece>& pieces, const GridSpec& spec, const Geometry& g,
                          const FontMetrics& fonts, SourcePos pos) {
    std::vector<Unit> units = make_units(pieces, spec, g, fonts);
    std::vector<Row> rows;
    const std::vector<LineRange> lines = break_units(units, spec, g, fonts);
    for (size_t i = 0; i < lines.size(); ++i) {
        Row row = place(units, lines[i], 2 * (i == 0 ? spec.first_indent : spec.indent), spec.size, g, pos);
        row.role = spec.role;
        rows.push_back(std::move(row));
    }
    return rows;
}

int grid_halves(const std::string& text, FaceRole role, Pt size, const Geometry& g, const FontMetrics& fonts) {
    GridSpec spec;
    spec.size = size;
    int halves = 0;
    for (const Unit& u : make_units({Piece{Inlines{text_span(text)}, role}}, spec, g, fonts))
        halves += u.halves;
    return halves;
}

Row grid_line(const std::string& text, FaceRole role, Pt size, Color color, int start_half, const Geometry& g,
              const FontMetrics& fonts, SourcePos pos, std::string what) {
    GridSpec spec;
    spec.size = size;
    spec.color = color;
    std::vector<Unit> units = make_units({Piece{Inlines{text_span(text)}, role}}, spec, g, fonts);
    LineRange all{0, units.size(), 0, false};
    for (const Unit& u : units) all.halves += u.halves;
    Row row = place(units, all, start_half, size, g, pos);
    row.role = std::move(what);
    return row;
}

Pt natural_width(const std::string& text, FaceRole role, Pt size, const FontMetrics& fonts) {
    Pt w{0};
    for (char32_t cp : utf8::decode(text)) w += natural_glyph(cp, role, size, fonts).advance;
    return w;
}

Pt natural_line(const std::string& text, FaceRole role, Pt size, Color color, Pt x, Pt baseline,
                const FontMetrics& fonts, SourcePos pos, std::vector<Frame>& out) {
    Pt pen = x;
    for (char32_t cp : utf8::decode(text)) {
        const Glyph gl = natural_glyph(cp, role, size, fonts);
        add_glyph(out, gl, color, pen, baseline, pos);
        pen += gl.advance;
    }
    return pen - x;
}

}  // namespace chuxin::layout::gongwen
