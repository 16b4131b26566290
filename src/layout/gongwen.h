#pragma once
// A 公文 as GB/T 9704-2012 describes it (style gbt9704; docs/handbook.md):
// 版头 (份号, 密级, the red 发文机关标志, 发文字号 / 签发人, the red line),
// 主体 (title, 主送机关, body on the 22 × 28 grid, 附件说明, 落款, 附注,
// 附件 on pages of their own), 版记 on the last page, folios "— 1 —".
// The handbook stage fills it; layout_gongwen sets it into pages.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/world.h"
#include "layout/document.h"
#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout {

struct GongwenAttachment {
    std::string title;
    std::vector<Block> blocks;
    SourcePos pos;
};

// Text fields as printed ("" = not printed); dates already "2026年3月12日".
struct Gongwen {
    std::string issuer;                 // 发文机关 (署名)
    std::string mark;                   // 发文机关标志 ("…文件")
    std::string doc_number;             // 发文字号
    std::vector<std::string> signers;   // 签发人: the 上行文 head
    std::string secret_level;           // 密级和保密期限
    std::string copy_number;            // 份号, 6 digits
    std::string title;
    std::string recipients;             // 主送机关 (without the colon)
    std::vector<Block> body;
    std::vector<GongwenAttachment> attachments;
    std::string signed_date;            // 成文日期
    std::string note;                   // 附注 (without the parentheses)
    std::vector<std::string> cc;        // 抄送机关
    std::string printed_by;             // 印发机关
    std::string printed_date;           // 印发日期 (without 印发)
    std::string subject;                // PDF metadata
    SourcePos pos;
};

// "2026年3月12日": dates of a 公文 in Arabic numerals (GB/T 9704 §7.3.5.1).
std::string gongwen_date(int year, int month, int day);

LaidOutDocument layout_gongwen(const Gongwen& doc, const FontMetrics& fonts, const World& world,
                               Diagnostics& diags);

}  // namespace chuxin::layout
