#include "layout/paginate.h"

#include <algorithm>
#include <limits>

namespace chuxin::layout {

namespace {

constexpr size_t kHeaderCopy = std::numeric_limits<size_t>::max();
constexpr double kEps = 0.01;

// When a note has to be split anyway, the note area may claim at most this
// share of the type area while body text is waiting for the page (the role
// of TeX's \dimen\footins): a note longer than a page then runs over several
// pages beside body text instead of pushing it away page after page. Notes
// that fit whole are never split to honour this share.
constexpr double kSplitNoteShare = 0.5;

// A note of at least this many lines keeps two lines on each side of a page
// break (orphan and widow control for notes, as for paragraphs, clreq §paragraph rules).
constexpr size_t kNoteKeepLines = 4;

// The rule above the notes and the gap around it.
Pt note_separator(const BookStyle& st) { return st.footnote.leading; }

// Every footnote line of a flow, in citation order: the one sequence the
// page feet consume, so notes carried over always come before new ones.
class NoteQueue {
public:
    NoteQueue(const std::vector<Slice>& flow, Pt separator) : separator_(separator) {
        begin_.reserve(flow.size() + 1);
        prefix_.push_back(0);
        for (const Slice& s : flow) {
            begin_.push_back(lines_.size());
            for (size_t k = 0; k < s.notes.size(); ++k) {
                if (k == 0 || s.notes[k].note_start) starts_.push_back(lines_.size());
                lines_.push_back(&s.notes[k]);
                prefix_.push_back(prefix_.back() + s.notes[k].height.v);
            }
        }
        begin_.push_back(lines_.size());
        starts_.push_back(lines_.size());
    }

    size_t total() const { return lines_.size(); }
    const Slice& line(size_t k) const { return *lines_[k]; }
    // Lines cited by flow[0 .. j).
    size_t cited_before(size_t j) const { return begin_[j]; }
    bool cites(size_t j) const { return begin_[j + 1] > begin_[j]; }

    // First line of the note that line k belongs to, and the end of that note.
    size_t note_first(size_t k) const { return *(std::upper_bound(starts_.begin(), starts_.end(), k) - 1); }
    size_t note_end(size_t k) const { return *std::upper_bound(starts_.begin(), starts_.end(), k); }

    // The lines that must share the page with flow[j]: everything before its
    // last note and that note's first line (two when the note is long).
    size_t need_end(size_t j) const { return opening_end(note_first(begin_[j + 1] - 1)); }
    // The same for its first note only.
    size_t first_need_end(size_t j) const { return opening_end(begin_[j]); }

    // Height of the note area holding lines [a, b): the lines and the rule.
    Pt area(size_t a, size_t b) const {
        return b > a ? Pt(prefix_[b] - prefix_[a]) + separator_ : Pt(0);
    }
    Pt lines_height(size_t a, size_t b) const { return Pt(prefix_[b] - prefix_[a]); }

    // The largest end e in [a, limit] whose note area fits in `room`.
    size_t fit(size_t a, size_t limit, Pt room) const {
        size_t e = a;
        while (e < limit && area(a, e + 1).v <= room.v + kEps) ++e;
        return e;
    }

private:
    // The lines a note starting at `first` keeps with its reference.
    size_t opening_end(size_t first) const {
        const size_t len = note_end(first) - first;
        return first + (len >= kNoteKeepLines ? 2 : 1);
    }

    Pt separator_;
    std::vector<const Slice*> lines_;
    std::vector<double> prefix_;   // heights of lines_[0 .. k)
    std::vector<size_t> starts_;   // first line of each note, then total()
    std::vector<size_t> begin_;    // first line cited by each slice, then total()
};

// Which note lines the page being filled has promised to set: `must` may not
// be taken back (the first lines of notes cited here, one carried line), the
// body leaves room for `committed`.
struct NoteClaim {
    size_t must;
    size_t committed;
};

struct Placed {
    const Slice* slice;
    Pt y;
    size_t index;     // into the flow; kHeaderCopy for repeated table headers
    NoteClaim claim;  // after this slice
};

struct PageCut {
    std::vector<Placed> placed;
    size_t end;       // first flow slice of the next page
    NoteClaim claim;
};

// Body slices for the page starting at flow[i], with `next` the first note
// line not yet set (lines cited before i and not set are carried over).
PageCut fill_body(const std::vector<Slice>& flow, size_t i, size_t next, Pt room, const NoteQueue& q) {
    const size_t n = flow.size();
    const Pt share = room * kSplitNoteShare;
    NoteClaim claim{next, next};
    const size_t carried = q.cited_before(i);
    if (carried > next) claim = NoteClaim{next + 1, std::max(next + 1, q.fit(next, carried, share))};
    const NoteClaim start = claim;

    PageCut cut;
    Pt y{0};
    // A page that starts inside a table repeats its header rows.
    if (i > 0 && i < n && flow[i].header && !flow[i].is_header)
        for (const Slice& h : *flow[i].header) {
            cut.placed.push_back(Placed{&h, y, kHeaderCopy, start});
            y += h.height;
        }
    size_t content = 0;
    size_t j = i;
    for (; j < n; ++j) {
        const Slice& s = flow[j];
        const Pt gap = (content == 0 && cut.placed.empty()) ? Pt(0) : s.space_before;
        const Pt bottom = y + gap + s.height;
        NoteClaim after = claim;
        if (q.cites(j)) {
            const size_t cited = q.cited_before(j + 1);
            size_t need = q.need_end(j);
            // A line whose earlier note is longer than a page cannot start
            // its later ones on any page: only its first note must start here.
            if ((s.height + q.area(q.cited_before(j), need)).v > room.v + kEps) need = q.first_need_end(j);
            after.must = std::max(claim.must, need);
            const Pt avail = room - bottom;
            if (q.area(next, cited).v <= avail.v + kEps)
                after.committed = cited;  // the notes fit whole: no split
            else
                after.committed = std::max(after.must, std::min(q.fit(next, cited, avail), q.fit(next, cited, share)));
        }
        const bool fits = (bottom + q.area(next, std::max(after.must, claim.committed))).v <= room.v + kEps;
        if (!fits) {
            if (content > 0) break;
            // Carried notes first: a slice that cannot share the page with
            // them waits for the next one.
            if (carried > next) {
                cut.placed.clear();
                break;
            }
        }
        cut.placed.push_back(Placed{&s, y + gap, j, after});
        y = bottom;
        claim = after;
        ++content;
    }
    if (j < n && content > 0) {
        // Break after the last slice that allows it; if every slice on
        // the page is kept with the next, break where it overflowed.
        size_t k = j - 1;
        while (k > i && flow[k].keep_with_next) --k;
        if (flow[k].keep_with_next) {
            // Rather than break a keep, give the page to carried notes:
            // they shrink, and the kept slices come together later.
            if (carried > next) {
                cut.placed.clear();
                cut.end = i;
                cut.claim = start;
                return cut;
            }
            k = j - 1;
        }
        while (!cut.placed.empty() && cut.placed.back().index != kHeaderCopy && cut.placed.back().index > k)
            cut.placed.pop_back();
        j = k + 1;
        claim = cut.placed.empty() ? start : cut.placed.back().claim;
    }
    cut.end = j;
    cut.claim = claim;
    return cut;
}

// Keeps two lines of a long note on the next page rather than one, when
// the page can give one up and still keep two (and what it promised).
size_t avoid_note_widow(const NoteQueue& q, size_t next, size_t end, size_t floor) {
    if (end == next) return end;
    const size_t first = q.note_first(end - 1);
    const size_t last = q.note_end(end - 1);
    if (last == end || last - first < kNoteKeepLines) return end;
    const size_t here = end - std::max(first, next);
    if (last - end == 1 && here >= 3 && end - 1 >= floor) return end - 1;
    return end;
}

void emit(const Slice& s, Pt y, std::vector<Frame>& out) {
    for (Frame f : s.frames) {
        translate(f, Pt(0), y);
        out.push_back(std::move(f));
    }
}

// Lines [next, end) of the queue at the page foot, under a rule: a quarter
// of the measure, the full measure when the page continues a note (as TeX's
// split-footnote rule) so the reader sees the note did not start here.
void emit_notes(const NoteQueue& q, size_t next, size_t end, Pt room, Pt width, const BookStyle& st,
                std::vector<Frame>& out) {
    if (end == next) return;
    Pt y = room - q.lines_height(next, end);
    const Pt rule_y = y - note_separator(st) / 2.0;
    const bool continued = q.note_first(next) < next;
    const Pt rule_width = continued ? width : width / 4.0;
    out.push_back(Frame{Line{{Pt(0), rule_y}, {rule_width, rule_y}, Pt(0.5), st.rule}, {}});
    for (size_t k = next; k < end; ++k) {
        emit(q.line(k), y, out);
        y += q.line(k).height;
    }
}

}  // namespace

std::vector<PageBody> paginate(const std::vector<Slice>& flow, Pt first_height, Pt height,
                               Pt width, const BookStyle& st) {
    std::vector<PageBody> pages;
    const NoteQueue q(flow, note_separator(st));
    const size_t n = flow.size();
    size_t i = 0;
    size_t next = 0;  // first note line not set yet
    // Past the last slice, carried notes get pages of their own.
    while (i < n || next < q.total()) {
        const Pt room = pages.empty() ? first_height : height;
        const PageCut cut = fill_body(flow, i, next, room, q);
        PageBody page;
        for (const Placed& p : cut.placed) {
            emit(*p.slice, p.y, page.frames);
            page.used = p.y + p.slice->height;
        }
        // Set what was promised, then whatever else of the cited notes fits
        // below the body; a page without body text sets at least one line.
        const size_t cited = q.cited_before(cut.end);
        size_t end = q.fit(next, cited, room - page.used);
        if (end == next && cut.placed.empty() && cited > next) end = next + 1;
        end = avoid_note_widow(q, next, end, std::min(cut.claim.must, end));
        emit_notes(q, next, end, room, width, st, page.frames);
        pages.push_back(std::move(page));
        next = end;
        i = cut.end;
    }
    if (pages.empty()) pages.push_back(PageBody{});
    return pages;
}

}  // namespace chuxin::layout
