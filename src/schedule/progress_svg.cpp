#include "schedule/progress_svg.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "model/kinds.h"

namespace chuxin::schedule {
namespace {

// Move-only owners of the libxml2 buffer and writer (style.md §9).
struct BufferFree {
    void operator()(xmlBufferPtr b) const { xmlBufferFree(b); }
};
struct WriterFree {
    void operator()(xmlTextWriterPtr w) const { xmlFreeTextWriter(w); }
};
using Buffer = std::unique_ptr<xmlBuffer, BufferFree>;
using TextWriter = std::unique_ptr<xmlTextWriter, WriterFree>;

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Colours from design.md; each pair with its text meets WCAG AA.
struct Segment {
    const char* word;
    const char* fill;
    const char* text_fill;
    int count;
};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

class Svg {
public:
    // Declaring UTF-8 makes libxml2 write attribute text as UTF-8 instead of
    // character references; the declaration itself is cut in finish(), so the
    // picture can also be inlined in HTML.
    Svg() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_.get(), 0)) {
        xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr);
    }
    void start(const char* name) { xmlTextWriterStartElement(writer_.get(), x(name)); }
    void end() { xmlTextWriterEndElement(writer_.get()); }
    void attr(const char* name, const std::string& value) {
        xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value.c_str()));
    }
    void text(const std::string& s) { xmlTextWriterWriteString(writer_.get(), x(s.c_str())); }
    std::string finish() {
        xmlTextWriterEndDocument(writer_.get());
        writer_.reset();  // flushes into the buffer
        std::string out(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                        static_cast<size_t>(xmlBufferLength(buffer_.get())));
        if (out.rfind("<?xml", 0) == 0) out.erase(0, out.find("?>") + 2);
        while (!out.empty() && (out.front() == '\n' || out.front() == '\r')) out.erase(0, 1);
        return out;
    }

private:
    Buffer buffer_;
    TextWriter writer_;
};

void rect(Svg& svg, double x0, double y0, double w, double h, const char* fill) {
    svg.start("rect");
    svg.attr("x", num(x0));
    svg.attr("y", num(y0));
    svg.attr("width", num(w));
    svg.attr("height", num(h));
    svg.attr("fill", fill);
    svg.end();
}

void text(Svg& svg, double x0, double y0, const std::string& s, const char* fill, const char* anchor) {
    svg.start("text");
    svg.attr("x", num(x0));
    svg.attr("y", num(y0));
    svg.attr("fill", fill);
    svg.attr("text-anchor", anchor);
    svg.text(s);
    svg.end();
}

// Segment words: the statuses' (model/kinds.h). A schedule has no status
// "in progress" of its own: its second segment is named here.
std::array<const char*, 4> segment_words(ProgressWords kind, Lang lang) {
    const bool en = lang == Lang::En;
    using model::words_of;
    if (kind == ProgressWords::Schedule)
        return {words_of(model::OccurrenceStatus::Done).in(lang).data(), en ? "In progress" : "进行中",
                words_of(model::OccurrenceStatus::Due).in(lang).data(), model::overdue_words().in(lang).data()};
    return {words_of(model::ItemStatus::Done).in(lang).data(), words_of(model::ItemStatus::Doing).in(lang).data(),
            words_of(model::ItemStatus::Open).in(lang).data(), model::overdue_words().in(lang).data()};
}

// The <title>: everything the picture says, in words.
std::string summary_text(const std::vector<Segment>& segs, int total, int percent, const std::string& label, bool en) {
    if (en) {
        std::string s = label + ": " + std::to_string(total) + " in all, " + std::to_string(percent) + "% " + segs[0].word;
        for (const auto& seg : segs) s += ", " + std::string(seg.word) + " " + std::to_string(seg.count);
        return s;
    }
    std::string s = label + "：共" + std::to_string(total) + "项，完成率" + std::to_string(percent) + "%";
    for (const auto& seg : segs) s += "，" + std::string(seg.word) + std::to_string(seg.count) + "项";
    return s;
}

}  // namespace

std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label, ProgressWords kind,
                         Lang lang) {
    bool en = lang == Lang::En;
    const auto w = segment_words(kind, lang);
    std::vector<Segment> segs = {{w[0], "#2E7D32", "#FFFFFF", std::max(0, done)},
                                 {w[1], "#1565C0", "#FFFFFF", std::max(0, doing)},
                                 {w[2], "#9E9E9E", "#222222", std::max(0, open)},
                                 {w[3], "#B5121B", "#FFFFFF", std::max(0, overdue)}};
    int total = 0;
    for (const auto& s : segs) total += s.count;
    int percent = total ? (segs[0].count * 100 + total / 2) / total : 0;
    std::string summary = summary_text(segs, total, percent, label, en);
    const double width = 480, bar_y = 28, bar_h = 24, legend_y = 74;
    Svg svg;
    svg.start("svg");
    svg.attr("xmlns", "http://www.w3.org/2000/svg");
    svg.attr("viewBox", "0 0 480 84");
    svg.attr("width", "480");
    svg.attr("height", "84");
    svg.attr("role", "img");
    // The accessible name: <title> (SVG-AAM) and aria-label for older
    // readers; no id, so that many pictures can sit inline in one page.
    svg.attr("aria-label", summary);
    svg.attr("font-family", "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif");
    svg.attr("font-size", "13");
    svg.start("title");
    svg.text(summary);
    svg.end();
    text(svg, 0, 18, label, "#222222", "start");
    text(svg, width, 18, (en ? "Completed " : "完成率 ") + std::to_string(percent) + "%", "#222222", "end");
    rect(svg, 0, bar_y, width, bar_h, "#EEEEEE");
    double x0 = 0;
    for (const auto& s : segs) {
        if (!s.count) continue;
        double seg_width = width * s.count / total;
        rect(svg, x0, bar_y, seg_width, bar_h, s.fill);
        if (seg_width >= 24) text(svg, x0 + seg_width / 2, bar_y + 17, std::to_string(s.count), s.text_fill, "middle");
        x0 += seg_width;
    }
    // The legend repeats every count in words: the picture reads without colour.
    double lx = 0;
    for (const auto& s : segs) {
        rect(svg, lx, legend_y - 10, 10, 10, s.fill);
        std::string word = std::string(s.word) + " " + std::to_string(s.count);
        text(svg, lx + 14, legend_y, word, "#222222", "start");
        lx += 120;
    }
    svg.end();
    return svg.finish();
}

ProgressCounts item_counts(const model::Checklist& checklist) {
    ProgressCounts c;
    for (const auto& item : checklist.items) {
        if (item.status == model::ItemStatus::Done) ++c.done;
        else if (item.overdue) ++c.overdue;
        else if (item.status == model::ItemStatus::Doing) ++c.doing;
        else ++c.open;
    }
    return c;
}

ProgressCounts occurrence_counts(const model::Schedule& schedule) {
    ProgressCounts c;
    for (const auto& occ : schedule.occurrences) {
        switch (occ.status) {
            case model::OccurrenceStatus::Done: ++c.done; break;
            case model::OccurrenceStatus::Due: ++c.open; break;
            case model::OccurrenceStatus::Overdue: ++c.overdue; break;
        }
    }
    return c;
}

std::string progress_svg(const ProgressCounts& c, const std::string& label, ProgressWords words,
                         Lang lang) {
    return progress_svg(c.done, c.doing, c.open, c.overdue, label, words, lang);
}

}  // namespace chuxin::schedule
