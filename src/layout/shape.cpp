#include "layout/shape.h"

#include <algorithm>

#include "core/utf8.h"
#include "layout/chars.h"

namespace chuxin::layout {

FaceRole role_for(FaceRole base, unsigned flags) {
    if (flags & kCode) return FaceRole::Mono;
    if (flags & kStrong) return FaceRole::Hei;
    if (flags & kEmphasis) return FaceRole::Kai;
    return base;
}

std::string page_ref_text(const std::string& folio) {
    return "（第" + (folio.empty() ? std::string("0") : folio) + "页）";
}

namespace {

// U+3013 〓 (geta mark) is what Chinese typesetters put where a character
// cannot be set; the handbook stage has already warned with file and line.
constexpr char32_t kMissing = 0x3013;

void push_text(std::vector<Atom>& out, const std::string& text, int span, unsigned flags,
               Pt size, Pt rise, const ShapeContext& ctx) {
    const FaceRole role = role_for(ctx.base.role, flags);
    const bool code = flags & kCode;
    const Pt sz = code ? size * 0.9 : size;
    for (char32_t cp : utf8::decode(text)) {
        if (cp == U'\n' || cp == U'\r') cp = U' ';
        if (cp == U'\t') cp = U' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF || cp == 0x200B) continue;
        if (!ctx.fonts.covers(cp)) {
            if (!ctx.fonts.covers(kMissing)) continue;
            cp = kMissing;
        }
        Atom a;
        a.cp = cp;
        a.face = ctx.fonts.face_for(cp, role);
        a.size = sz;
        a.color = ctx.base.color;
        a.advance = sz * ctx.fonts.advance(a.face, cp) + (code ? Pt(0) : ctx.base.tracking);
        a.rise = rise;
        if (blank_left(cp) || blank_right(cp)) {
            double l = blank_left(cp) ? 0.5 : 0, r = blank_right(cp) ? 0.5 : 0;
            if (const auto ink = ctx.fonts.ink_extent(a.face, cp)) {
                if (blank_left(cp)) l = std::clamp(ink->first, 0.0, 0.5);
                if (blank_right(cp)) r = ctx.fonts.blank_right_of(a.face, cp);
            }
            a.blank_l = sz * l;
            a.blank_r = sz * r;
        }
        a.span = span;
        a.flags = flags;
        out.push_back(a);
    }
}

}  // namespace

std::vector<Atom> shape(const Inlines& spans, const ShapeContext& ctx) {
    std::vector<Atom> out;
    for (size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        const int idx = static_cast<int>(i);
        switch (s.kind) {
            case SpanKind::Text:
                push_text(out, s.text, idx, s.flags, ctx.base.size, Pt(0), ctx);
                break;
            case SpanKind::LineBreak:
                if (!out.empty()) out.back().hard_break = true;
                break;
            case SpanKind::PageRef: {
                const size_t first = out.size();
                push_text(out, page_ref_text(ctx.folio ? ctx.folio(s.dest) : ""), idx, s.flags,
                          ctx.base.size, Pt(0), ctx);
                for (size_t k = first; k + 1 < out.size(); ++k) out[k].glue_next = true;
                break;
            }
            case SpanKind::FootnoteRef:
                // A superscript mark: 60 % size, raised a third of the body.
                push_text(out, s.label, idx, kPlain, ctx.base.size * 0.6, ctx.base.size * -0.25, ctx);
                break;
        }
    }
    return out;
}

Pt measure(const std::string& text, const TextStyle& style, const FontMetrics& fonts) {
    ShapeContext ctx{fonts, style, {}};
    Inlines one{Span{SpanKind::Text, text, kPlain, "", "", "", {}}};
    Pt w{0};
    for (const Atom& a : shape(one, ctx)) w += a.advance;
    return w;
}

}  // namespace chuxin::layout
