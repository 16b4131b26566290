#include "layout/linebreak.h"

#include <linebreak.h>

#include <algorithm>
#include <mutex>

#include "layout/chars.h"

namespace chuxin::layout {

namespace {

void init_unibreak_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { init_linebreak(); });
}

// Mid-line squeezing of a mark: clreq allows ½ em (2 em → 1.5 em for a
// pair). We take 0.4 em: the glyph boxes then overlap by less than half a
// character, which text extraction (poppler's pdftotext) still reads as one
// line; at ½ em it splits the line there. The line-end trim stays ½ em.
constexpr double kMarkSqueeze = 0.4;

bool full_width(const Atom& a) { return a.advance.v >= a.size.v * 0.9; }
bool is_mark(const Atom& a) {
    return full_width(a) && (blank_right(a.cp) || blank_left(a.cp) || no_line_start(a.cp));
}
bool cjk_side(const Atom& a) { return is_cjk_ideo(a.cp); }
bool western_side(const Atom& a) { return is_western_alnum(a.cp); }

// Per-atom quantities of clreq's punctuation adjustment and mixed-text
// spacing; index k of the gap arrays is the gap between atoms k and k+1.
struct Adjust {
    std::vector<Pt> gap;        // ¼ em Han–Latin (clreq §3.2.2)
    std::vector<Pt> squeeze;    // two adjacent marks: 2 em → 1.5 em (§3.1.6)
    std::vector<Pt> shrink;     // further compression when squeezing in
    std::vector<Pt> end_trim;   // blank right half dropped at line end (GB/T 15834 §5.1.10)
    std::vector<Pt> start_trim; // blank left half of an opening mark dropped at a line's start
};

Adjust adjust(const std::vector<Atom>& at) {
    const size_t n = at.size();
    Adjust a;
    a.gap.assign(n, Pt(0));
    a.squeeze.assign(n, Pt(0));
    a.shrink.assign(n, Pt(0));
    a.end_trim.assign(n, Pt(0));
    a.start_trim.assign(n, Pt(0));
    for (size_t k = 0; k < n; ++k) {
        if (full_width(at[k]) && blank_right(at[k].cp)) a.end_trim[k] = at[k].blank_r;
        if (full_width(at[k]) && blank_left(at[k].cp)) a.start_trim[k] = at[k].blank_l;
        if (k + 1 >= n) continue;
        const Atom& x = at[k];
        const Atom& y = at[k + 1];
        if ((cjk_side(x) && western_side(y)) || (western_side(x) && cjk_side(y))) {
            a.gap[k] = (cjk_side(x) ? x.size : y.size) * 0.25;
            a.shrink[k] = a.gap[k] * 0.5;  // reduction step 6: down to ⅛ em
        }
        const bool xr = full_width(x) && blank_right(x.cp);
        const bool yl = full_width(y) && blank_left(y.cp);
        const Pt blank = (xr ? x.blank_r : Pt(0)) + (yl ? y.blank_l : Pt(0));
        if (is_mark(x) && is_mark(y) && (xr || yl)) {
            a.squeeze[k] = std::min((xr ? x.size : y.size) * kMarkSqueeze, blank);
        } else {
            // Reduction steps 4, 5, 7: marks give up (part of) their blank half.
            if (xr) a.shrink[k] += std::min(x.size * kMarkSqueeze, x.blank_r);
            if (yl) a.shrink[k] += std::min(y.size * kMarkSqueeze, y.blank_l);
        }
    }
    return a;
}

struct Prefix {
    std::vector<double> adv, gap, shrink;  // sums over [0, i)
};

Prefix prefix_sums(const std::vector<Atom>& at, const Adjust& adj) {
    Prefix p;
    const size_t n = at.size();
    p.adv.assign(n + 1, 0);
    p.gap.assign(n + 1, 0);
    p.shrink.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        p.adv[i + 1] = p.adv[i] + at[i].advance.v;
        p.gap[i + 1] = p.gap[i] + adj.gap[i].v - adj.squeeze[i].v;
        p.shrink[i + 1] = p.shrink[i] + adj.shrink[i].v;
    }
    return p;
}

// Natural width of atoms [a, l] set on one line, and how much it can shrink.
struct Width {
    double natural, minimum;
};
// Squeezing in takes at most one em per line: more makes a line visibly
// denser than its neighbours (clreq lists the reductions, not their limit).
// Lines after a paragraph's first also drop the blank half of an opening
// mark they start with (clreq §3.1.6 allows it at a line's start; the first
// line keeps it, as its indent already sets the paragraph apart).
enum class LineStart { Keep, Trim };
Width width_of(const Prefix& p, const Adjust& adj, size_t a, size_t l, double cap,
               LineStart start = LineStart::Keep) {
    double w = p.adv[l + 1] - p.adv[a] + (p.gap[l] - p.gap[a]) - adj.end_trim[l].v;
    if (start == LineStart::Trim) w -= adj.start_trim[a].v;
    return {w, w - std::min(cap, p.shrink[l] - p.shrink[a])};
}

size_t skip_spaces(const std::vector<Atom>& at, size_t i) {
    while (i < at.size() && is_space(at[i].cp) && !at[i].hard_break) ++i;
    return i;
}

// Last drawn atom of a line that breaks after j (trailing spaces dropped).
size_t last_ink(const std::vector<Atom>& at, size_t a, size_t j) {
    while (j > a && is_space(at[j].cp)) --j;
    return j;
}

constexpr double kEps = 0.001;

// A line less than two-thirds full is left ragged rather than spread: its
// characters would stand so far apart that they read as separate words
// (it happens in narrow table cells, "整 改 中" above "（逾期）").
constexpr double kMinJustifiedFill = 2.0 / 3.0;

// The widest a justified line opens one gap between characters: ¼ em. A
// line that would need more stays short of the measure instead (it reads as
// loose, and the break before it is the fix, not the spacing).
constexpr double kMaxSpreadEm = 0.25;

// Justification's spread (clreq §3.8) of `room` over the gaps of atoms
// [0, l], in the order a typesetter takes it: first the ½ em two adjacent
// marks gave up, then the Han–Latin gaps (¼ em → at most ½ em), and only
// then every gap between characters evenly — never inside —— or ……, not
// between two letters of a Latin word, and at most kMaxSpreadEm each.
void spread(const std::vector<Atom>& slice, const Adjust& adj, size_t l, double room, std::vector<double>& extra) {
    std::vector<size_t> gaps;
    for (size_t k = 0; k < l; ++k) {
        const Atom& x = slice[k];
        const Atom& y = slice[k + 1];
        if (unbreakable_pair(x.cp, y.cp)) continue;
        const bool latin_word = !full_width(x) && !full_width(y) && !is_space(x.cp) && !is_space(y.cp);
        if (!latin_word) gaps.push_back(k);
    }
    if (gaps.empty())  // a line of Latin only: its letters take the spread
        for (size_t k = 0; k < l; ++k)
            if (!unbreakable_pair(slice[k].cp, slice[k + 1].cp)) gaps.push_back(k);
    // One stage: each gap takes up to cap(k), in proportion to it.
    auto take = [&](auto cap) {
        double total = 0;
        for (size_t k : gaps) total += cap(k);
        if (total <= kEps || room <= kEps) return;
        const double share = std::min(1.0, room / total);
        for (size_t k : gaps) extra[k] += cap(k) * share;
        room -= total * share;
    };
    take([&](size_t k) { return adj.squeeze[k].v; });
    take([&](size_t k) { return adj.gap[k].v; });
    take([&](size_t k) { return std::max(slice[k].size.v, slice[k + 1].size.v) * kMaxSpreadEm; });
}

// clreq §paragraph rules: a paragraph's last line holding a single
// character (or one character and its punctuation) is avoided by pulling a
// character down from the line before; that line is then justified wider.
void avoid_short_last_line(const std::vector<Atom>& at, const std::vector<char>& allow, const Prefix& pre,
                           const Adjust& adj, std::vector<LineSpec>& lines, double prev_measure,
                           double last_measure) {
    if (lines.size() < 2) return;
    LineSpec& last = lines.back();
    LineSpec& prev = lines[lines.size() - 2];
    if (prev.last) return;  // the previous line ends at a hard break
    size_t ink = 0;
    for (size_t i = last.begin; i < last.end; ++i) ink += !no_line_start(at[i].cp) && !is_space(at[i].cp);
    if (ink > 1) return;
    // The latest earlier break that leaves the previous line at least 3/4 full.
    for (size_t j = prev.end - 1; j-- > prev.begin;) {
        if (!allow[j] || at[j].hard_break) continue;
        const size_t l = last_ink(at, prev.begin, j);
        const LineStart start = prev.trim_start ? LineStart::Trim : LineStart::Keep;
        if (width_of(pre, adj, prev.begin, l, 0, start).natural < prev_measure * 0.75) return;
        const size_t next = skip_spaces(at, j + 1);
        if (width_of(pre, adj, next, last.end - 1, at[next].size.v, LineStart::Trim).minimum > last_measure + kEps)
            return;
        prev.end = l + 1;
        prev.next = next;
        last.begin = next;
        last.trim_start = true;
        return;
    }
}

}  // namespace

std::vector<char> break_opportunities(const std::vector<Atom>& at) {
    const size_t n = at.size();
    std::vector<char> allow(n, 0);
    if (n == 0) return allow;
    init_unibreak_once();
    std::vector<utf32_t> text(n);
    for (size_t i = 0; i < n; ++i) text[i] = at[i].cp;
    std::vector<char> brks(n);
    set_linebreaks_utf32(text.data(), n, "zh", brks.data());
    for (size_t i = 0; i + 1 < n; ++i) {
        bool ok = brks[i] == LINEBREAK_ALLOWBREAK || brks[i] == LINEBREAK_MUSTBREAK;
        const char32_t x = at[i].cp, y = at[i + 1].cp;
        // Tailoring (libharu-cjk.md §6): libunibreak allows a break before · and ～.
        if (no_line_start(y) || no_line_end(x) || unbreakable_pair(x, y)) ok = false;
        if (at[i].glue_next) ok = false;
        // A break before a space is taken after it instead (the space is dropped).
        if (is_space(y)) ok = false;
        if (at[i].hard_break) ok = true;
        allow[i] = ok ? 1 : 0;
    }
    allow[n - 1] = 1;
    return allow;
}

std::vector<LineSpec> break_lines(const std::vector<Atom>& at, Pt first, Pt rest) {
    std::vector<LineSpec> lines;
    const size_t n = at.size();
    const std::vector<char> allow = break_opportunities(at);
    const Adjust adj = adjust(at);
    const Prefix pre = prefix_sums(at, adj);
    size_t a = skip_spaces(at, 0);
    while (a < n) {
        const double measure = (lines.empty() ? first : rest).v;
        const LineStart start = lines.empty() ? LineStart::Keep : LineStart::Trim;
        long best = -1;
        for (size_t j = a; j < n; ++j) {
            const size_t l = last_ink(at, a, j);
            const Width w = width_of(pre, adj, a, l, at[a].size.v, start);
            if (allow[j] && w.minimum <= measure + kEps) best = static_cast<long>(j);
            if (at[j].hard_break && best == static_cast<long>(j)) break;
            if (w.minimum > measure + kEps && allow[j]) break;
            if (w.minimum > measure + 4 * at[j].size.v) break;  // no hope further on
        }
        if (best < 0) {
            // Emergency: nothing fits (a long URL or word). Cut at the last
            // atom that fits, at least one atom.
            size_t j = a;
            while (j + 1 < n && width_of(pre, adj, a, j + 1, at[a].size.v, start).minimum <= measure + kEps &&
                   !at[j].hard_break)
                ++j;
            best = static_cast<long>(j);
        }
        LineSpec line;
        line.begin = a;
        line.end = last_ink(at, a, static_cast<size_t>(best)) + 1;
        line.next = skip_spaces(at, static_cast<size_t>(best) + 1);
        line.last = line.next >= n || at[static_cast<size_t>(best)].hard_break;
        line.trim_start = start == LineStart::Trim;
        lines.push_back(line);
        a = line.next;
    }
    avoid_short_last_line(at, allow, pre, adj, lines, lines.size() == 2 ? first.v : rest.v, rest.v);
    return lines;
}

PlacedLine place_line(const std::vector<Atom>& at, const LineSpec& line, Pt measure,
                      Align align) {
    PlacedLine out;
    if (line.end <= line.begin) return out;
    // Adjustment values depend only on neighbours within the paragraph.
    std::vector<Atom> slice(at.begin() + static_cast<long>(line.begin),
                            at.begin() + static_cast<long>(line.end));
    const Adjust adj = adjust(slice);
    const Prefix pre = prefix_sums(slice, adj);
    const size_t l = slice.size() - 1;
    const LineStart start = line.trim_start ? LineStart::Trim : LineStart::Keep;
    const Width w = width_of(pre, adj, 0, l, 1e9, start);
    std::vector<double> extra(slice.size(), 0);
    double excess = w.natural - measure.v;
    if (excess > kEps) {
        // Squeezed in: take the excess from the compressible gaps, evenly.
        const double room = w.natural - w.minimum;
        if (room > 0)
            for (size_t k = 0; k < l; ++k) extra[k] = -adj.shrink[k].v * std::min(1.0, excess / room);
    } else if (align == Align::Justify && !line.last && l > 0 && w.natural >= measure.v * kMinJustifiedFill) {
        spread(slice, adj, l, -excess, extra);
    }
    // A trimmed opening mark hangs its blank half before the line's edge.
    double x = start == LineStart::Trim ? -adj.start_trim[0].v : 0;
    if (excess < 0 && (align == Align::Center || align == Align::Right))
        x = align == Align::Center ? -excess / 2 : -excess;
    out.pen.resize(slice.size());
    for (size_t k = 0; k <= l; ++k) {
        out.pen[k] = Pt(x);
        if (k < l) x += slice[k].advance.v + adj.gap[k].v - adj.squeeze[k].v + extra[k];
    }
    out.end_trim = adj.end_trim[l];
    out.width = out.pen[l] + slice[l].advance - out.end_trim;
    return out;
}

}  // namespace chuxin::layout
