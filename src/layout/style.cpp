#include "layout/style.h"

namespace chuxin::layout {

Size paper_size(PaperSize paper) {
    switch (paper) {
        case PaperSize::A4: return {Pt::mm(210), Pt::mm(297)};
        case PaperSize::A5: return {Pt::mm(148), Pt::mm(210)};
        case PaperSize::B5: return {Pt::mm(176), Pt::mm(250)};
        case PaperSize::K16: return {Pt::mm(184), Pt::mm(260)};
        case PaperSize::K32: return {Pt::mm(130), Pt::mm(184)};
    }
    return {Pt::mm(148), Pt::mm(210)};
}

const char* paper_name(PaperSize paper) {
    switch (paper) {
        case PaperSize::A4: return "A4";
        case PaperSize::A5: return "A5";
        case PaperSize::B5: return "B5";
        case PaperSize::K16: return "16K";
        case PaperSize::K32: return "32K";
    }
    return "A5";
}

namespace {

TextStyle text(FaceRole role, double size, double leading) {
    TextStyle t;
    t.role = role;
    t.size = Pt(size);
    t.leading = Pt(leading);
    return t;
}

// design.md "The handbook": A5, margins 20/18/20 inside/15 outside, body
// 五号 (10.5 pt) 宋体 on 17 pt, headings 三号/四号/小四.
BookStyle handbook_style(PaperSize paper) {
    BookStyle s;
    s.page = paper_size(paper);
    // Larger papers keep the A5 proportions of the margins; their body grows
    // to 小四 (12 pt) so that a line stays near 40 characters.
    const double k = s.page.width.v / Pt::mm(148).v;
    const bool large = k > 1.1;
    s.top = Pt::mm(20 * (large ? k : 1.0));
    s.bottom = Pt::mm(18 * (large ? k : 1.0));
    s.inside = Pt::mm(20 * (large ? k : 1.0));
    s.outside = Pt::mm(15 * (large ? k : 1.0));
    if (paper == PaperSize::K32) {
        s.top = Pt::mm(17);
        s.bottom = Pt::mm(15);
        s.inside = Pt::mm(17);
        s.outside = Pt::mm(13);
    }
    s.body = large ? text(FaceRole::Song, 12, 20) : text(FaceRole::Song, 10.5, 17);
    s.heading[0] = text(FaceRole::Hei, 14, 22);
    s.heading[1] = text(FaceRole::Kai, 12, 19);
    s.heading[2] = text(FaceRole::Hei, s.body.size.v, s.body.leading.v);
    s.heading[3] = text(FaceRole::Kai, s.body.size.v, s.body.leading.v);
    s.heading_space_before[0] = Pt(12);
    s.heading_space_before[1] = Pt(8);
    s.heading_space_before[2] = Pt(6);
    s.heading_space_before[3] = Pt(4);
    s.chapter_title = text(FaceRole::Hei, 16, 24);
    s.part_title = text(FaceRole::Hei, 22, 32);
    s.cover_title = text(FaceRole::Hei, large ? 32 : 26, large ? 44 : 36);
    s.small = text(FaceRole::Song, 9, 14);
    s.footnote = text(FaceRole::Song, 8, 12);
    s.running_head = text(FaceRole::Song, 9, 12);
    s.folio = text(FaceRole::Song, 9, 12);
    s.folio_kind = FolioKind::OutsideFoot;
    return s;
}

// GB/T 9704-2012 (anchors.md §4.2): A4; 天头 37 mm, 订口 28 mm, type area
// 156 × 225 mm; 22 lines × 28 characters of 3号 (16 pt) 仿宋 filling it.
BookStyle gbt9704_style() {
    BookStyle s;
    s.page = paper_size(PaperSize::A4);
    s.top = Pt::mm(37);
    s.inside = Pt::mm(28);
    s.bottom = Pt::mm(35);
    s.outside = Pt::mm(26);
    const Pt pitch = s.text_height() / 22.0;          // §5.2.3: 22 lines fill
    const Pt tracking = s.text_width() / 28.0 - Pt(16); // 28 characters fill
    s.body = text(FaceRole::Fangsong, 16, pitch.v);
    s.body.tracking = tracking;
    s.body.color = Color{0, 0, 0};                      // §5.2.4: black
    // §7.3.3: 一、黑体, （一）楷体, 1. and （1） body face, all 3号.
    s.heading[0] = s.body;
    s.heading[0].role = FaceRole::Hei;
    s.heading[1] = s.body;
    s.heading[1].role = FaceRole::Kai;
    s.heading[2] = s.body;
    s.heading[3] = s.body;
    for (Pt& p : s.heading_space_before) p = Pt(0);
    s.chapter_title = text(FaceRole::Hei, 22, pitch.v * 1.5);  // 2号 标题
    s.chapter_title.color = Color{0, 0, 0};
    s.part_title = text(FaceRole::Hei, 22, 34);
    s.cover_title = text(FaceRole::Hei, 26, 40);
    s.small = text(FaceRole::Fangsong, 12, 19);
    s.footnote = text(FaceRole::Fangsong, 10.5, 15);
    s.running_head = text(FaceRole::Song, 9, 12);
    s.folio = text(FaceRole::Song, 14, 16);             // §7.5: 4号 半角宋体
    s.folio.color = Color{0, 0, 0};
    s.folio_kind = FolioKind::GbtDash;
    s.running_heads = false;
    s.number_headings = true;
    return s;
}

}  // namespace

BookStyle make_style(StyleKind kind, PaperSize paper) {
    return kind == StyleKind::Gbt9704 ? gbt9704_style() : handbook_style(paper);
}

}  // namespace chuxin::layout
