#include "layout/paginate.h"

#include <limits>

namespace chuxin::layout {

namespace {

constexpr size_t kHeaderCopy = std::numeric_limits<size_t>::max();
constexpr double kEps = 0.01;

struct Placed {
    const Slice* slice;
    Pt y;
    size_t index;  // into the flow; kHeaderCopy for repeated table headers
};

Pt notes_height(const Slice& s) {
    Pt h{0};
    for (const Slice& n : s.notes) h += n.height;
    return h;
}

// The rule above the notes and the gap around it.
Pt note_separator(const BookStyle& st) { return st.footnote.leading; }

void emit(const Placed& p, std::vector<Frame>& out) {
    for (Frame f : p.slice->frames) {
        translate(f, Pt(0), p.y);
        out.push_back(std::move(f));
    }
}

PageBody build_page(const std::vector<Placed>& placed, Pt height, Pt width, const BookStyle& st) {
    PageBody page;
    std::vector<const Slice*> notes;
    for (const Placed& p : placed) {
        emit(p, page.frames);
        page.used = p.y + p.slice->height;
        for (const Slice& n : p.slice->notes) notes.push_back(&n);
    }
    if (!notes.empty()) {
        Pt total{0};
        for (const Slice* n : notes) total += n->height;
        Pt y = height - total;
        const Pt rule_y = y - note_separator(st) / 2.0;
        page.frames.push_back(Frame{Line{{Pt(0), rule_y}, {width / 4.0, rule_y}, Pt(0.5), st.rule}, {}});
        for (const Slice* n : notes) {
            emit(Placed{n, y, 0}, page.frames);
            y += n->height;
        }
    }
    return page;
}

}  // namespace

std::vector<PageBody> paginate(const std::vector<Slice>& flow, Pt first_height, Pt height,
                               Pt width, const BookStyle& st) {
    std::vector<PageBody> pages;
    const size_t n = flow.size();
    size_t i = 0;
    while (i < n) {
        const Pt room = pages.empty() ? first_height : height;
        std::vector<Placed> placed;
        Pt y{0};
        Pt notes{0};
        // A page that starts inside a table repeats its header rows.
        if (i > 0 && flow[i].header && !flow[i].is_header)
            for (const Slice& h : *flow[i].header) {
                placed.push_back(Placed{&h, y, kHeaderCopy});
                y += h.height;
            }
        size_t content = 0;
        size_t j = i;
        for (; j < n; ++j) {
            const Slice& s = flow[j];
            const Pt gap = (content == 0 && placed.empty()) ? Pt(0) : s.space_before;
            Pt nh = notes_height(s);
            if (nh.v > 0 && notes.v == 0) nh += note_separator(st);
            const bool fits = (y + gap + s.height + notes + nh).v <= room.v + kEps;
            if (!fits && content > 0) break;
            placed.push_back(Placed{&s, y + gap, j});
            y += gap + s.height;
            notes += nh;
            ++content;
        }
        if (j < n) {
            // Break after the last slice that allows it; if every slice on
            // the page is kept with the next, break where it overflowed.
            size_t k = j - 1;
            while (k > i && flow[k].keep_with_next) --k;
            if (flow[k].keep_with_next) k = j - 1;
            while (!placed.empty() && placed.back().index != kHeaderCopy && placed.back().index > k)
                placed.pop_back();
            j = k + 1;
        }
        pages.push_back(build_page(placed, room, width, st));
        i = j;
    }
    if (pages.empty()) pages.push_back(PageBody{});
    return pages;
}

}  // namespace chuxin::layout
