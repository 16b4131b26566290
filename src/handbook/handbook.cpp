#include "handbook/handbook.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "core/utf8.h"
#include "handbook/body.h"
#include "markdown/document.h"
#include "handbook/dests.h"
#include "handbook/kinds.h"
#include "layout/book.h"

namespace chuxin::handbook {

namespace {

layout::PaperSize paper(model::Paper p) {
    switch (p) {
        case model::Paper::A4: return layout::PaperSize::A4;
        case model::Paper::A5: return layout::PaperSize::A5;
        case model::Paper::B5: return layout::PaperSize::B5;
        case model::Paper::K16: return layout::PaperSize::K16;
        case model::Paper::K32: return layout::PaperSize::K32;
    }
    return layout::PaperSize::A5;
}

// `*` matches inside one path segment, `**` across segments (content-format §8).
bool glob_match(const std::string& pat, size_t p, const std::string& s, size_t i) {
    while (p < pat.size()) {
        if (pat[p] == '*') {
            const bool deep = p + 1 < pat.size() && pat[p + 1] == '*';
            const size_t next = p + (deep ? 2 : 1);
            for (size_t k = i; k <= s.size(); ++k) {
                if (glob_match(pat, next, s, k)) return true;
                if (k < s.size() && s[k] == '/' && !deep) return false;
            }
            return false;
        }
        if (i >= s.size() || pat[p] != s[i]) return false;
        ++p;
        ++i;
    }
    return i == s.size();
}

bool visible(const model::Site& site, const model::Page& p) { return !p.draft || site.config.drafts; }

// HandbookPart::pages as the load stage resolves them; done here when a
// caller (a test, a tool) built the model without that stage.
std::vector<int> part_pages(const model::Site& site, const model::HandbookPart& part, const model::Page& self) {
    if (!part.pages.empty()) return part.pages;
    std::vector<int> out;
    for (const std::string& item : part.items) {
        std::vector<int> matched;
        for (size_t i = 0; i < site.pages.size(); ++i) {
            const model::Page& p = site.pages[i];
            if (&p == &self || p.kind == model::Kind::Handbook || !visible(site, p)) continue;
            const bool glob = item.find('*') != std::string::npos;
            if (glob ? glob_match(item, 0, p.id, 0) : p.id == item) matched.push_back(static_cast<int>(i));
        }
        std::sort(matched.begin(), matched.end(), [&](int a, int b) {
            const model::Page& x = site.pages[static_cast<size_t>(a)];
            const model::Page& y = site.pages[static_cast<size_t>(b)];
            if (x.weight != y.weight) return x.weight < y.weight;
            if (x.date != y.date) return x.date < y.date;
            return x.id < y.id;
        });
        out.insert(out.end(), matched.begin(), matched.end());
    }
    return out;
}

std::string plain(const layout::Inlines& in) {
    std::string s;
    for (const layout::Span& sp : in) s += sp.text;
    return s;
}

// A body that opens with its own title as a heading ("## 前言") would print
// it twice under the chapter title: drop that heading.
void drop_repeated_title(std::vector<layout::Block>& blocks, const std::string& title) {
    if (!blocks.empty() && blocks.front().kind == layout::BlockKind::Heading && plain(blocks.front().inlines) == title)
        blocks.erase(blocks.begin());
}

// "2026年1月", "2026年1月10日", "二〇二六年一月十日": a date line as written under a text.
bool is_written_date(const std::string& text) {
    const std::u32string t = utf8::decode(text);
    static const std::u32string digits = U"0123456789〇零一二三四五六七八九十";
    size_t i = 0, year = 0;
    while (i < t.size() && digits.find(t[i]) != std::u32string::npos) ++i, ++year;
    if (year != 4 || i >= t.size() || t[i++] != U'年') return false;
    size_t month = 0;
    while (i < t.size() && digits.find(t[i]) != std::u32string::npos) ++i, ++month;
    if (month == 0 || month > 3 || i >= t.size() || t[i++] != U'月') return false;
    if (i == t.size()) return true;
    size_t day = 0;
    while (i < t.size() && digits.find(t[i]) != std::u32string::npos) ++i, ++day;
    return day > 0 && day <= 3 && i + 1 == t.size() && t[i] == U'日';
}

// A text that ends with its signer and date (落款: "中共…支部委员会" over
// "2026年1月") sets both flush right, as a letter or notice is printed
// (GB/T 9704 §7.3.5 puts them at the right); Markdown cannot say so.
void align_signature(std::vector<layout::Block>& blocks) {
    const auto paragraph = [](const layout::Block& b) { return b.kind == layout::BlockKind::Paragraph; };
    if (blocks.empty() || !paragraph(blocks.back()) || !is_written_date(plain(blocks.back().inlines))) return;
    const auto set_right = [](layout::Block& b) {
        b.align = layout::Align::Right;
        b.indent = false;
    };
    set_right(blocks.back());
    if (blocks.size() < 2 || !paragraph(blocks[blocks.size() - 2])) return;
    layout::Block& signer = blocks[blocks.size() - 2];
    const std::u32string t = utf8::decode(plain(signer.inlines));
    const bool sentence = !t.empty() && std::u32string_view(U"。！？；：，…").find(t.back()) != std::u32string_view::npos;
    if (!t.empty() && t.size() <= 30 && !sentence) set_right(signer);
}

layout::Chapter chapter_for(const BodyContext& ctx) {
    layout::Chapter ch;
    ch.title = ctx.page.title;
    ch.dest = page_dest(ctx.page.id);
    ch.pos = ctx.page.front_matter;
    for (auto& b : kind_blocks_before(ctx)) ch.blocks.push_back(std::move(b));
    std::vector<layout::Block> body = body_blocks(ctx);
    drop_repeated_title(body, ctx.page.title);
    align_signature(body);
    for (auto& b : body) ch.blocks.push_back(std::move(b));
    for (auto& b : kind_blocks_after(ctx)) ch.blocks.push_back(std::move(b));
    return ch;
}

}  // namespace

layout::Book build_book(const model::Site& site, const model::Page& page, const HandbookOptions& options,
                        Diagnostics& diags) {
    layout::Book book;
    book.title = page.title;
    book.publisher = site.config.publisher;
    book.subject = site.config.title;
    book.pos = page.front_matter;
    book.chapter_start = options.chapter_start == ChapterStart::RightPage ? layout::ChapterStart::RightPage
                                                                          : layout::ChapterStart::NewPage;
    const model::Handbook* hb = page.as<model::Handbook>();
    const model::Handbook defaults;
    if (!hb) hb = &defaults;
    book.subtitle = hb->subtitle;
    book.edition = hb->edition;
    book.paper = paper(hb->paper);
    book.style = hb->style == model::BookStyle::Gbt9704 ? layout::StyleKind::Gbt9704 : layout::StyleKind::Handbook;
    book.toc_depth = hb->toc_depth;
    if (hb->chapter_start == model::ChapterOpening::RightPage) book.chapter_start = layout::ChapterStart::RightPage;
    book.bleed = layout::Pt::mm(hb->bleed_mm);

    // Which pages are in the book decides internal links vs web links.
    std::vector<std::vector<int>> parts;
    std::set<int> in_book;
    for (const model::HandbookPart& part : hb->include) {
        std::vector<int> pages;
        for (int i : part_pages(site, part, page)) {
            if (i < 0 || static_cast<size_t>(i) >= site.pages.size()) continue;
            if (!in_book.insert(i).second) {
                diags.warning(part.pos, "'" + site.pages[static_cast<size_t>(i)].id +
                                            "' is included twice; the handbook shows it once",
                              "remove it from one of the include entries");
                continue;
            }
            pages.push_back(i);
        }
        parts.push_back(std::move(pages));
    }

    // The pages' trees, by page index (markdown::Documents).
    auto doc_of = [&](size_t index) { return options.documents ? options.documents->page(index) : nullptr; };
    const auto self_index = site.by_id.find(page.id);
    BodyContext self{site, page, in_book, diags,
                     self_index == site.by_id.end() ? nullptr : doc_of(static_cast<size_t>(self_index->second))};
    book.preface = body_blocks(self);
    drop_repeated_title(book.preface, "前言");
    align_signature(book.preface);
    for (size_t k = 0; k < parts.size(); ++k) {
        const model::HandbookPart& part = hb->include[k];
        layout::Part out;
        out.title = part.title;
        out.dest = "part:" + std::to_string(k + 1);
        for (int i : parts[k]) {
            BodyContext ctx{site, site.pages[static_cast<size_t>(i)], in_book, diags, doc_of(static_cast<size_t>(i))};
            out.chapters.push_back(chapter_for(ctx));
        }
        book.parts.push_back(std::move(out));
    }
    return book;
}

namespace {

std::string date_text(const std::optional<Date>& d) {
    return d ? layout::gongwen_date(d->year, d->month, d->day) : std::string();
}

// §7.2.4: the 标志 is the issuer's name with 文件, unless it already ends so.
std::string mark_of(const std::string& issuer) {
    if (issuer.empty()) return "";
    const std::string suffix = "文件";
    const bool has = issuer.size() >= suffix.size() && issuer.compare(issuer.size() - suffix.size(), suffix.size(), suffix) == 0;
    return has ? issuer : issuer + suffix;
}

std::string without_suffix(const std::string& issuer) {
    const std::string suffix = "文件";
    if (issuer.size() > suffix.size() && issuer.compare(issuer.size() - suffix.size(), suffix.size(), suffix) == 0)
        return issuer.substr(0, issuer.size() - suffix.size());
    return issuer;
}

std::string six_digits(long n) {
    if (n <= 0) return "";
    std::string s = std::to_string(n);
    return std::string(s.size() < 6 ? 6 - s.size() : 0, '0') + s;
}

}  // namespace

layout::Gongwen build_gongwen(const model::Site& site, const model::Page& page, const HandbookOptions& options,
                              Diagnostics& diags) {
    const model::Handbook* hb = page.as<model::Handbook>();
    const model::Handbook defaults;
    if (!hb) hb = &defaults;
    const model::Gongwen& f = hb->gongwen;
    layout::Gongwen doc;
    doc.issuer = without_suffix(f.issuer);
    doc.mark = mark_of(f.issuer);
    doc.doc_number = f.doc_number;
    doc.signers = f.signer;
    doc.secret_level = f.secret_level;
    doc.copy_number = six_digits(f.copy_number);
    doc.title = page.title;
    doc.recipients = f.recipients;
    doc.signed_date = date_text(f.signed_date);
    doc.note = f.note;
    doc.cc = f.cc;
    doc.printed_by = f.printed_by;
    doc.printed_date = date_text(f.printed_date);
    doc.subject = site.config.title;
    doc.pos = page.front_matter;

    auto doc_of = [&](size_t index) { return options.documents ? options.documents->page(index) : nullptr; };
    std::set<int> in_book;
    std::vector<int> attached;
    for (const model::HandbookPart& part : hb->include)
        for (int i : part_pages(site, part, page))
            if (i >= 0 && static_cast<size_t>(i) < site.pages.size() && in_book.insert(i).second) attached.push_back(i);
    const auto self_index = site.by_id.find(page.id);
    BodyContext self{site, page, in_book, diags,
                     self_index == site.by_id.end() ? nullptr : doc_of(static_cast<size_t>(self_index->second))};
    doc.body = body_blocks(self);
    drop_repeated_title(doc.body, page.title);
    for (int i : attached) {
        BodyContext ctx{site, site.pages[static_cast<size_t>(i)], in_book, diags, doc_of(static_cast<size_t>(i))};
        layout::Chapter ch = chapter_for(ctx);
        doc.attachments.push_back({ch.title, std::move(ch.blocks), ch.pos});
    }
    return doc;
}

layout::LaidOutDocument build_handbook(const model::Site& site, const model::Page& page,
                                       const layout::FontMetrics& fonts, const World& world,
                                       const HandbookOptions& options, Diagnostics& diags) {
    const model::Handbook* hb = page.as<model::Handbook>();
    if (hb && hb->style == model::BookStyle::Gbt9704)
        return layout::layout_gongwen(build_gongwen(site, page, options, diags), fonts, world, diags);
    return layout::layout_book(build_book(site, page, options, diags), fonts, world, diags);
}

std::string handbook_pdf_path(const model::Page& page) {
    return "handbooks/" + (page.slug.empty() ? page.id : page.slug) + ".pdf";
}

std::vector<std::string> handbook_pdf_paths(const model::Site& site) {
    std::vector<std::string> out;
    for (const model::Page& p : site.pages)
        if (p.kind == model::Kind::Handbook && visible(site, p)) out.push_back(handbook_pdf_path(p));
    return out;
}

}  // namespace chuxin::handbook
