#include "layout/dump.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace chuxin::layout {

namespace {

std::string num(Pt p) {
    char buf[32];
    double v = std::round(p.v * 100) / 100;
    if (v == 0) v = 0;  // no "-0.00"
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string color(Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::string rect(const Rect& r) {
    return num(r.x) + " " + num(r.y) + " " + num(r.width) + " " + num(r.height);
}

std::string style_name(PageNumberStyle s) {
    switch (s) {
        case PageNumberStyle::None: return "none";
        case PageNumberStyle::LowerRoman: return "roman";
        case PageNumberStyle::Decimal: return "decimal";
    }
    return "?";
}

std::string frame_line(const Item& item) {
    struct V {
        std::string operator()(const GlyphRun& r) const {
            std::string s = "run f" + std::to_string(r.face) + " " + num(r.size) + " " + num(r.origin.x) +
                            "," + num(r.origin.y) + " \"" + utf8::encode(r.text) + "\" x=";
            for (size_t i = 0; i < r.x.size(); ++i) s += (i ? "," : "") + num(r.x[i]);
            if (r.widths == GlyphWidths::TrimmedMarks) s += " trimmed";
            if (r.synthetic_bold) s += " bold";
            return s;
        }
        std::string operator()(const Line& l) const {
            return "line " + num(l.from.x) + "," + num(l.from.y) + " " + num(l.to.x) + "," + num(l.to.y) +
                   " w" + num(l.thickness) + " " + color(l.color);
        }
        std::string operator()(const Box& b) const {
            return "box " + rect(b.rect) + (b.fill ? " fill " + color(b.fill_color) : "") +
                   (b.stroke ? " stroke " + color(b.stroke_color) + " w" + num(b.stroke_width) : "");
        }
        std::string operator()(const Image& i) const { return "image " + rect(i.rect) + " " + i.path; }
        std::string operator()(const LinkArea& l) const {
            return "link " + rect(l.rect) + (l.dest.empty() ? " uri " + l.uri : " dest " + l.dest);
        }
        std::string operator()(const Destination& d) const { return "dest " + d.name + " " + num(d.y); }
    };
    return std::visit(V{}, item);
}

}  // namespace

std::string dump_frames(const LaidOutDocument& doc) {
    std::string out = "info title=" + doc.info.title + " author=" + doc.info.author + "\n";
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        const Page& p = doc.pages[i];
        out += "page " + std::to_string(i + 1) + " " + style_name(p.number_style) + " " +
               std::to_string(p.number) + " " + num(p.size.width) + "x" + num(p.size.height) + "\n";
        for (const Frame& f : p.frames) out += "  " + frame_line(f.item) + "\n";
    }
    for (const Bookmark& b : doc.bookmarks)
        out += "bookmark " + std::to_string(b.level) + " " + b.dest + " " + b.title + "\n";
    return out;
}

}  // namespace chuxin::layout
