// Assembles a 公文 (GB/T 9704-2012): 版头, 主体 on the grid, 附件 on pages of
// their own, 版记 on the last page — an even one when there is more than
// one (§7.4: printed on both sides, the 版记 on the back) — and folios.
#include "layout/gongwen.h"

#include <cmath>

#include "core/utf8.h"
#include "layout/flow.h"
#include "layout/gongwen_parts.h"
#include "layout/style.h"

namespace chuxin::layout {

std::string gongwen_date(int year, int month, int day) {
    return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

namespace gongwen {
namespace {

std::string plain(const Inlines& in) {
    std::string s;
    for (const Span& sp : in)
        if (sp.kind == SpanKind::Text) s += sp.text;
    return s;
}

bool ends_with_mark(const std::string& s) {
    const std::u32string t = utf8::decode(s);
    return !t.empty() && std::u32string_view(U"。！？；：，、").find(t.back()) != std::u32string_view::npos;
}

// "一、", "（一）", "1.", "（1）" already written by the author.
bool has_own_number(const std::string& text) {
    const std::u32string t = utf8::decode(text);
    auto numeral = [](char32_t c) {
        return (c >= U'0' && c <= U'9') || std::u32string_view(U"一二三四五六七八九十百零").find(c) != std::u32string_view::npos;
    };
    size_t i = 0;
    const bool paren = !t.empty() && (t[0] == U'（' || t[0] == U'(');
    if (paren) ++i;
    const size_t start = i;
    while (i < t.size() && numeral(t[i])) ++i;
    if (i == start || i >= t.size()) return false;
    if (paren) return t[i] == U'）' || t[i] == U')';
    return t[i] == U'、' || t[i] == U'.' || t[i] == U'．';
}

class Body {
public:
    Body(const Geometry& g, const FontMetrics& fonts, const World& world, Diagnostics& diags)
        : g_(g), fonts_(fonts), images_(world), diags_(diags), style_(make_style(StyleKind::Gbt9704, PaperSize::A4)) {}

    std::vector<Row> rows;

    void blank(int n = 1) {
        for (int i = 0; i < n; ++i) {
            Row r;
            r.blank = true;
            r.role = "blank";
            rows.push_back(r);
        }
    }
    void add(std::vector<Row> more) {
        for (Row& r : more) rows.push_back(std::move(r));
    }

    void blocks(const std::vector<Block>& list) {
        for (size_t i = 0; i < list.size(); ++i) {
            const Block& b = list[i];
            if (b.kind == BlockKind::Heading && b.level >= 3 && i + 1 < list.size() &&
                list[i + 1].kind == BlockKind::Paragraph) {
                run_in(b, list[i + 1]);  // §7.3.3: 1. and （1） run on into their paragraph
                ++i;
                continue;
            }
            block(b);
        }
    }

    // Each 附件 numbers its headings from 一、 again.
    void restart_numbers() {
        for (int& c : counters_) c = 0;
    }

    void text(const Inlines& inl, FaceRole role, int first_indent, int indent, SourcePos pos, std::string what) {
        GridSpec spec;
        spec.size = g_.body_size;
        spec.first_indent = first_indent;
        spec.indent = indent;
        spec.role = std::move(what);
        add(set_grid({Piece{inl, role}}, spec, g_, fonts_, pos));
    }

private:
    const Geometry& g_;
    const FontMetrics& fonts_;
    ImageSizes images_;
    Diagnostics& diags_;
    BookStyle style_;
    int counters_[4] = {0, 0, 0, 0};

    std::string number(int level, const std::string& text) {
        if (has_own_number(text)) return "";
        for (int r = level; r < 4; ++r) counters_[r] = 0;
        const int n = ++counters_[level - 1];
        switch (level) {
            case 1: return chinese_number(n) + "、";
            case 2: return "（" + chinese_number(n) + "）";
            case 3: return std::to_string(n) + ".";
            default: return "（" + std::to_string(n) + "）";
        }
    }

    // §7.3.3: 一、黑体, （一）楷体, 1. 仿宋加粗 (the grid draws the 仿宋 bold:
    // no bold 仿宋 is packaged), （1）仿宋.
    static FaceRole heading_role(int level) {
        return level == 1 ? FaceRole::Hei : level == 2 ? FaceRole::Kai : FaceRole::Fangsong;
    }
    static unsigned heading_flags(int level) { return level == 3 ? kStrong : kPlain; }

    Inlines heading_inlines(const Block& b, int level) {
        Inlines inl = b.inlines;
        const std::string num = number(level, plain(b.inlines));
        if (!num.empty()) inl.insert(inl.begin(), text_span(num));
        for (Span& s : inl) s.flags |= heading_flags(level);
        return inl;
    }

    void heading(const Block& b) {
        const int level = std::clamp(b.level, 1, 4);
        GridSpec spec;
        spec.size = g_.body_size;
        spec.role = "heading";
        std::vector<Row> r = set_grid({Piece{heading_inlines(b, level), heading_role(level)}}, spec, g_, fonts_, b.pos);
        for (Row& row : r) row.keep_with_next = true;
        add(std::move(r));
    }

    void run_in(const Block& h, const Block& p) {
        const int level = std::clamp(h.level, 1, 4);
        Inlines head = heading_inlines(h, level);
        if (!ends_with_mark(plain(h.inlines))) head.push_back(text_span("。", heading_flags(level)));
        GridSpec spec;
        spec.size = g_.body_size;
        add(set_grid({Piece{head, heading_role(level)}, Piece{p.inlines, g_.body}}, spec, g_, fonts_, h.pos));
    }

    void block(const Block& b) {
        switch (b.kind) {
            case BlockKind::Paragraph: text(b.inlines, g_.body, b.indent ? 2 : 0, 0, b.pos, "body"); return;
            case BlockKind::Heading: heading(b); return;
            case BlockKind::List: list(b); return;
            default: flowed(b); return;
        }
    }

    void list(const Block& b) {
        int n = b.start;
        for (const ListItem& item : b.items) {
            std::vector<Block> inner = item.blocks;
            if (b.ordered && !inner.empty() && inner.front().kind == BlockKind::Paragraph)
                inner.front().inlines.insert(inner.front().inlines.begin(), text_span(std::to_string(n) + "."));
            ++n;
            blocks(inner);
        }
    }

    // Tables, quotes, code, images, rules: set as a book sets them, each
    // piece rounded up to whole rows, so the text after it is on the grid again.
    void flowed(const Block& b) {
        FlowContext ctx{fonts_, style_, [](const std::string&) { return std::string(); }, diags_, images_,
                        {}, {0, 0, 0, 0}, 1, true};
        std::vector<Slice> slices;
        flow_blocks({b}, Column{Pt(0), g_.width, style_.body, true}, ctx, slices);
        for (size_t k = 0; k < slices.size(); ++k) {
            Slice& s = slices[k];
            Row r;
            r.role = "block";
            r.height = s.height + s.space_before;
            r.keep_with_next = s.keep_with_next;
            r.snap_after = k + 1 == slices.size();
            r.frames = std::move(s.frames);
            translate(r.frames, Pt(0), s.space_before);
            rows.push_back(std::move(r));
        }
    }
};

// 附件说明 (§7.3.4): "附件：" two cells in, names numbered when more than
// one, each wrapped under its own first character, no closing mark.
// A title in 2号小标宋, centred, one row per line broken by sense, kept
// with what follows (the document's, and each 附件's).
void title_rows(const std::string& title, const std::string& role, const SourcePos& pos, const Geometry& g,
                const FontMetrics& fonts, std::vector<Row>& rows) {
    for (const std::string& line : title_lines(title, g, fonts)) {
        Row r;
        r.role = role;
        r.keep_with_next = true;
        const Pt w = natural_width(line, g.title, g.title_size, fonts);
        natural_line(line, g.title, g.title_size, g.black, (g.width - w) / 2.0, row_baseline(g, g.title_size), fonts,
                     pos, r.frames);
        rows.push_back(std::move(r));
    }
}

void attachment_note(const Gongwen& doc, Body& body, const Geometry& g, const FontMetrics& fonts) {
    if (doc.attachments.empty()) return;
    body.blank();
    const bool numbered = doc.attachments.size() > 1;
    for (size_t i = 0; i < doc.attachments.size(); ++i) {
        const std::string num = numbered ? std::to_string(i + 1) + "." : "";
        const std::string lead = i == 0 ? "附件：" : "";
        const int name_at = 2 + 3 + (grid_halves(num, g.body, g.body_size, g, fonts) + 1) / 2;
        Inlines inl{text_span(lead + num + doc.attachments[i].title)};
        GridSpec spec;
        spec.size = g.body_size;
        spec.first_indent = i == 0 ? 2 : 5;
        spec.indent = numbered ? name_at : 5;
        spec.role = "附件说明";
        body.add(set_grid({Piece{inl, g.body}}, spec, g, fonts, doc.attachments[i].pos));
    }
}

// 落款 (§7.3.5.1, a sealed document): 成文日期 right, four cells in; the
// 署名 centred over it; two empty rows above for the seal, which reaches up
// to within one row of the text. The group stays with the last text row.
void signature(const Gongwen& doc, Body& body, const Geometry& g, const FontMetrics& fonts) {
    if (doc.issuer.empty() && doc.signed_date.empty()) return;
    // The 落款 never stands alone: the last text row (and 附件说明) come along.
    for (size_t k = body.rows.size(); k > 0; --k) {
        body.rows[k - 1].keep_with_next = true;
        if (!body.rows[k - 1].blank && body.rows[k - 1].role != "附件说明") break;
    }
    for (int i = 0; i < 2; ++i) {
        Row seal;
        seal.role = "印章";
        seal.keep_with_next = true;
        body.rows.push_back(seal);
    }
    const int date_halves = grid_halves(doc.signed_date, g.body, g.body_size, g, fonts);
    const int date_start = 2 * (kCells - 4) - date_halves;  // 右空四字
    if (!doc.issuer.empty()) {
        const int name_halves = grid_halves(doc.issuer, g.body, g.body_size, g, fonts);
        int start = doc.signed_date.empty() ? 2 * (kCells - 4) - name_halves
                                            : date_start + (date_halves - name_halves) / 2;
        start = std::clamp(start, 0, 2 * kCells - name_halves);
        Row r = grid_line(doc.issuer, g.body, g.body_size, g.black, start, g, fonts, doc.pos, "署名");
        // Centred exactly over the date, even when that falls between half cells.
        const int odd = (date_halves - name_halves) % 2;  // −1, 0 or 1: half a half cell left over
        if (!doc.signed_date.empty() && start == date_start + (date_halves - name_halves) / 2)
            translate(r.frames, g.cell() / 4.0 * odd, Pt(0));
        r.keep_with_next = !doc.signed_date.empty();
        body.rows.push_back(std::move(r));
    }
    if (!doc.signed_date.empty())
        body.rows.push_back(grid_line(doc.signed_date, g.body, g.body_size, g.black, date_start, g, fonts, doc.pos, "成文日期"));
    // §7.3.6 附注: under the date, two cells in, in parentheses.
    if (!doc.note.empty()) {
        body.rows.back().keep_with_next = true;
        Inlines inl{text_span("（" + doc.note + "）")};
        body.text(inl, g.body, 2, 0, doc.pos, "附注");
    }
}

// §7.3.4 / §8: each 附件 on a new page: "附件N" 黑体 顶格 on the first row,
// its title centred on the third, then its text.
void attachments(const Gongwen& doc, Body& body, const Geometry& g, const FontMetrics& fonts) {
    const bool numbered = doc.attachments.size() > 1;
    for (size_t i = 0; i < doc.attachments.size(); ++i) {
        const GongwenAttachment& a = doc.attachments[i];
        Row label = grid_line("附件" + (numbered ? std::to_string(i + 1) : std::string()), FaceRole::Hei, g.body_size,
                              g.black, 0, g, fonts, a.pos, "附件");
        label.new_page = true;
        body.rows.push_back(std::move(label));
        body.blank();
        title_rows(a.title, "附件标题", a.pos, g, fonts, body.rows);
        body.blank();
        body.restart_numbers();
        body.blocks(a.blocks);
    }
}

struct DraftPage {
    std::vector<Frame> frames;
    Pt used{0};            // height taken from the type area's top
    bool blank = true;     // nothing but the 版记 (or nothing at all): no folio
    int rows(const Geometry& g) const { return static_cast<int>(std::ceil(used.v / g.pitch().v - 1e-6)); }
};

Pt height_of(const Row& r, const Geometry& g) { return r.height.v > 0 ? r.height : g.pitch() * r.span; }

// Rows onto pages: keep groups whole, drop spacing at a page's top; after a
// table or image the text goes on at the next whole row.
std::vector<DraftPage> paginate(const std::vector<Row>& rows, int first_row, const Geometry& g) {
    const Pt full = g.height + Pt(0.01);
    std::vector<DraftPage> pages(1);
    pages[0].used = g.pitch() * first_row;
    const Pt first_used = pages[0].used;
    size_t i = 0;
    while (i < rows.size()) {
        size_t j = i;  // the group [i, j]
        Pt group = height_of(rows[i], g);
        while (rows[j].keep_with_next && j + 1 < rows.size() && !rows[j + 1].new_page) group += height_of(rows[++j], g);
        DraftPage* page = &pages.back();
        const bool fresh = page->blank && page->used == (pages.size() == 1 ? first_used : Pt(0));
        if ((rows[i].new_page && !fresh) || (page->used + group > full && group <= g.height && !page->blank)) {
            pages.emplace_back();
            page = &pages.back();
        }
        for (size_t k = i; k <= j; ++k) {
            const Row& r = rows[k];
            if (page->used + height_of(r, g) > full) {
                pages.emplace_back();
                page = &pages.back();
            }
            if (r.blank && page->used.v == 0 && pages.size() > 1) continue;
            std::vector<Frame> frames = r.frames;
            translate(frames, Pt(0), page->used);
            for (Frame& f : frames) page->frames.push_back(std::move(f));
            page->used += height_of(r, g);
            if (r.snap_after) page->used = g.pitch() * page->rows(g);
            if (!r.blank) page->blank = false;
        }
        i = j + 1;
    }
    return pages;
}

// §7.4: 版记 at the foot of the last page, which is even when there are two
// or more; a page before it left empty carries no folio either (§7.5).
void place_record(std::vector<DraftPage>& pages, const Record& rec) {
    if (rec.rows == 0) return;
    if (pages.back().rows(Geometry{}) + rec.rows > kLines) pages.emplace_back();
    if (pages.size() > 1 && pages.size() % 2 == 1) pages.emplace_back();
    for (const Frame& f : rec.frames) pages.back().frames.push_back(f);
}

}  // namespace
}  // namespace gongwen

LaidOutDocument layout_gongwen(const Gongwen& doc, const FontMetrics& fonts, const World& world, Diagnostics& diags) {
    using namespace gongwen;
    const Geometry g;
    Head head = head_frames(doc, g, fonts);
    Body body(g, fonts, world, diags);
    title_rows(doc.title, "title", doc.pos, g, fonts, body.rows);
    // §7.3.2 主送机关: one empty row under the title, flush left, with a colon.
    if (!doc.recipients.empty()) {
        body.blank();
        body.text(Inlines{text_span(doc.recipients + "：")}, g.body, 0, 0, doc.pos, "主送");
    }
    body.blocks(doc.body);
    attachment_note(doc, body, g, fonts);
    signature(doc, body, g, fonts);
    attachments(doc, body, g, fonts);

    std::vector<DraftPage> pages = paginate(body.rows, head.first_row, g);
    for (Frame& f : head.frames) pages.front().frames.insert(pages.front().frames.begin(), f);
    pages.front().frames.insert(pages.front().frames.begin(), Frame{Destination{"gongwen", Pt(0)}, doc.pos});
    pages.front().blank = false;
    place_record(pages, record_frames(doc, g, fonts));

    LaidOutDocument out;
    out.info = DocumentInfo{doc.title, doc.issuer, doc.subject, "chuxin"};
    for (size_t i = 0; i < pages.size(); ++i) {
        const int number = static_cast<int>(i + 1);
        Page page;
        page.size = g.page;
        page.number = number;
        page.frames = std::move(pages[i].frames);
        if (pages[i].blank) {
            page.number_style = PageNumberStyle::None;
        } else {
            for (Frame& f : folio_frames(number, g, fonts)) page.frames.push_back(std::move(f));
        }
        translate(page.frames, g.left(number), g.top);
        out.pages.push_back(std::move(page));
    }
    out.bookmarks.push_back({doc.title, "gongwen", 0});
    return out;
}

}  // namespace chuxin::layout
