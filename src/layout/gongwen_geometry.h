#pragma once
// The measurements of GB/T 9704-2012 (anchors.md §4.2), in one place.
// 号 → pt by the industry convention: 2号 22 pt, 3号 16 pt, 4号 14 pt.
#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout::gongwen {

inline constexpr int kLines = 22;  // §5.2.3 "每面排22行"
inline constexpr int kCells = 28;  // §5.2.3 "每行排28个字"

struct Geometry {
    Size page{Pt::mm(210), Pt::mm(297)};  // §5.1 A4
    Pt top = Pt::mm(37);                  // §5.2.1 天头
    Pt binding = Pt::mm(28);              // §5.2.1 订口 (left on odd pages)
    Pt width = Pt::mm(156);               // §5.2.1 版心
    Pt height = Pt::mm(225);

    Pt pitch() const { return height / kLines; }  // 28.94 pt: 22 lines fill the block
    Pt cell() const { return width / kCells; }    // 15.79 pt: 28 characters fill a line
    // The type area's left edge: odd pages bind on the left, even pages on
    // the right, so that both sides of a sheet register (§6.2).
    Pt left(int page_number) const { return page_number % 2 == 1 ? binding : page.width - binding - width; }

    Pt body_size{16};    // 3号
    Pt title_size{22};   // 2号
    Pt small_size{14};   // 4号: 版记, folio
    Pt mark_top = Pt::mm(35);     // §7.2.4 标志 top edge below the type area's top
    Pt mark_max{42};              // 初号: the 标志's largest size (narrowed to fit the width)
    Pt red_rule_gap = Pt::mm(4);  // §7.2.6 the red line 4 mm under the 发文字号
    Pt red_rule = Pt::mm(0.5);
    Pt record_thick = Pt::mm(0.35);  // §7.4.1 版记 first and last rules
    Pt record_thin = Pt::mm(0.25);   // the rules between
    Pt folio_drop = Pt::mm(7);       // §7.5 一字线 7 mm below the type area
    Color red{230, 0, 18};
    Color black{0, 0, 0};
    // Faces (design.md): body 仿宋, title and 标志 a Song for 小标宋.
    FaceRole body = FaceRole::Fangsong;
    FaceRole title = FaceRole::Song;
};

}  // namespace chuxin::layout::gongwen
