#include "schedule/progress_svg.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

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
    Svg() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_.get(), 0)) {}
    void start(const char* name) { xmlTextWriterStartElement(writer_.get(), x(name)); }
    void end() { xmlTextWriterEndElement(writer_.get()); }
    void attr(const char* name, const std::string& value) {
        xmlTextWriterWriteAttribute(writer_.get(), x(name), x(value.c_str()));
    }
    void text(const std::string& s) { xmlTextWriterWriteString(writer_.get(), x(s.c_str())); }
    std::string finish() {
        xmlTextWriterEndDocument(writer_.get());
        writer_.reset();  // flushes into the buffer
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                           static_cast<size_t>(xmlBufferLength(buffer_.get())));
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

}  // namespace

std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label) {
    std::vector<Segment> segs = {{"已完成", "#2E7D32", "#FFFFFF", std::max(0, done)},
                                 {"进行中", "#1565C0", "#FFFFFF", std::max(0, doing)},
                                 {"未开始", "#9E9E9E", "#222222", std::max(0, open)},
                                 {"逾期", "#B5121B", "#FFFFFF", std::max(0, overdue)}};
    int total = 0;
    for (const auto& s : segs) total += s.count;
    int percent = total ? (segs[0].count * 100 + total / 2) / total : 0;
    std::string summary = label + "：共" + std::to_string(total) + "项，已完成" + std::to_string(segs[0].count) +
                          "项（" + std::to_string(percent) + "%），进行中" + std::to_string(segs[1].count) +
                          "项，未开始" + std::to_string(segs[2].count) + "项，逾期" + std::to_string(segs[3].count) + "项";
    const double width = 480, bar_y = 28, bar_h = 24, legend_y = 74;
    Svg svg;
    svg.start("svg");
    svg.attr("xmlns", "http://www.w3.org/2000/svg");
    svg.attr("viewBox", "0 0 480 84");
    svg.attr("width", "480");
    svg.attr("height", "84");
    svg.attr("role", "img");
    svg.attr("aria-labelledby", "progress-title");
    svg.attr("font-family", "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif");
    svg.attr("font-size", "13");
    svg.start("title");
    svg.attr("id", "progress-title");
    svg.text(summary);
    svg.end();
    text(svg, 0, 18, label, "#222222", "start");
    text(svg, width, 18, "完成率 " + std::to_string(percent) + "%", "#222222", "end");
    rect(svg, 0, bar_y, width, bar_h, "#EEEEEE");
    double x0 = 0;
    for (const auto& s : segs) {
        if (!s.count) continue;
        double w = width * s.count / total;
        rect(svg, x0, bar_y, w, bar_h, s.fill);
        if (w >= 24) text(svg, x0 + w / 2, bar_y + 17, std::to_string(s.count), s.text_fill, "middle");
        x0 += w;
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

}  // namespace chuxin::schedule
