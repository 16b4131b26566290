#include "layout/book.h"

#include <map>
#include <set>

#include "layout/assemble.h"
#include "layout/paginate.h"

namespace chuxin::layout {

namespace {

using FolioMap = std::map<std::string, std::string>;

// One pass over the whole book with the folios of the previous pass.
class Pass {
public:
    Pass(const Book& book, const BookStyle& st, const FontMetrics& fonts, ImageSizes& images,
         Diagnostics& diags, const FolioMap& previous, bool report)
        : book_(book), st_(st), fonts_(fonts), images_(images), diags_(diags), previous_(previous),
          report_(report) {}

    LaidOutDocument run() {
        std::vector<DraftPage> body = body_pages();
        std::vector<DraftPage> front = front_pages();
        std::vector<DraftPage> pages = std::move(front);
        if (pages.size() % 2 == 1) pages.push_back(blank(true));  // body opens on a right-hand page
        const size_t front_count = pages.size();
        for (DraftPage& p : body) pages.push_back(std::move(p));
        return finish(std::move(pages), front_count);
    }

    const FolioMap& folios() const { return folios_; }
    const std::set<std::string>& missing() const { return missing_; }
    // Whether any page reference asked for a folio: if none did, the first
    // pass is final (the TOC takes its numbers from the same pass).
    bool used_folios() const { return lookups_ > 0; }

private:
    const Book& book_;
    const BookStyle& st_;
    const FontMetrics& fonts_;
    ImageSizes& images_;
    Diagnostics& diags_;
    const FolioMap& previous_;
    bool report_;
    FolioMap folios_;        // this pass: dest → folio
    FolioMap body_folios_;   // body dests of this pass (for the TOC)
    std::vector<TocEntry> toc_;
    std::vector<Bookmark> body_marks_;
    std::set<std::string> missing_;
    long lookups_ = 0;

    FolioLookup lookup() {
        return [this](const std::string& dest) {
            ++lookups_;
            auto it = previous_.find(dest);
            if (it != previous_.end()) return it->second;
            missing_.insert(dest);
            return std::string();
        };
    }

    FlowContext context() { return FlowContext{fonts_, st_, lookup(), diags_, images_, {}, {0, 0, 0, 0}, 1, report_}; }

    static DraftPage blank(bool front) {
        DraftPage p;
        p.role = PageRole::Blank;
        p.front = front;
        return p;
    }

    // Pages of one flow (a chapter, the preface, the TOC), in type-area coordinates.
    void paginate_into(const std::vector<Slice>& flow, const std::string& head, bool front,
                       std::vector<DraftPage>& out) {
        const Pt H = st_.text_height();
        bool first = true;
        for (PageBody& pb : paginate(flow, H, H, st_.text_width(), st_)) {
            DraftPage p;
            p.role = first ? PageRole::ChapterOpen : (front ? PageRole::Front : PageRole::Body);
            p.front = front;
            p.head = head;
            p.frames = std::move(pb.frames);
            out.push_back(std::move(p));
            first = false;
        }
    }

    void start_right(std::vector<DraftPage>& pages, bool front) {
        if (pages.size() % 2 == 1) pages.push_back(blank(front));
    }

    std::vector<DraftPage> body_pages() {
        std::vector<DraftPage> pages;
        for (const Part& part : book_.parts) {
            const bool titled = !part.title.empty();
            if (titled) {
                start_right(pages, false);  // part titles open on a right-hand page
                DraftPage p;
                p.role = PageRole::Part;
                p.frames = part_title_frames(part, st_, fonts_);
                pages.push_back(std::move(p));
                pages.push_back(blank(false));
                toc_.push_back({part.title, 0, part.dest, true});
                body_marks_.push_back({part.title, part.dest, 0});
            }
            for (const Chapter& ch : part.chapters) {
                if (book_.chapter_start == ChapterStart::RightPage) start_right(pages, false);
                FlowContext ctx = context();
                std::vector<Slice> flow;
                chapter_title_slices(ch.title, ch.dest, ch.pos, ctx, flow);
                flow_blocks(ch.blocks, Column{Pt(0), st_.text_width(), st_.body, true}, ctx, flow);
                paginate_into(flow, ch.title, false, pages);
                const int level = titled ? 1 : 0;
                toc_.push_back({ch.title, level, ch.dest, !titled});
                body_marks_.push_back({ch.title, ch.dest, level});
                for (const TocHeading& h : ctx.headings) {
                    if (h.level > book_.toc_depth) continue;
                    toc_.push_back({h.text, level + h.level, h.dest, false});
                    body_marks_.push_back({h.text, h.dest, level + h.level});
                }
            }
        }
        // Body folios of this pass: the TOC is set from them directly.
        for (size_t i = 0; i < pages.size(); ++i)
            for (const Frame& f : pages[i].frames)
                if (const auto* d = std::get_if<Destination>(&f.item))
                    body_folios_.emplace(d->name, std::to_string(i + 1));
        return pages;
    }

    std::vector<DraftPage> front_pages() {
        std::vector<DraftPage> pages;
        DraftPage cover;
        cover.role = PageRole::Cover;
        cover.front = true;
        cover.frames = cover_frames(book_, st_, fonts_);
        pages.push_back(std::move(cover));
        pages.push_back(blank(true));
        if (!book_.preface.empty()) {
            FlowContext ctx = context();
            std::vector<Slice> flow;
            chapter_title_slices("前言", "preface", book_.pos, ctx, flow);
            flow_blocks(book_.preface, Column{Pt(0), st_.text_width(), st_.body, true}, ctx, flow);
            paginate_into(flow, "前言", true, pages);
            start_right(pages, true);
        }
        FlowContext ctx = context();
        std::vector<Slice> flow;
        chapter_title_slices("目录", "toc", book_.pos, ctx, flow);
        toc_slices(toc_, body_folios_, ctx, flow);
        paginate_into(flow, "目录", true, pages);
        return pages;
    }

    LaidOutDocument finish(std::vector<DraftPage> pages, size_t front_count) {
        LaidOutDocument doc;
        doc.info = DocumentInfo{book_.title, book_.publisher, book_.subject, "chuxin"};
        for (size_t i = 0; i < pages.size(); ++i) {
            DraftPage& p = pages[i];
            const bool right = i % 2 == 0;  // physical page 1 is a right-hand page
            if (p.role != PageRole::Cover && p.role != PageRole::Part)
                translate(p.frames, right ? st_.inside : st_.outside, st_.top);
            else if (p.role == PageRole::Part && !right)
                translate(p.frames, st_.outside - st_.inside, Pt(0));
            Page page;
            page.size = st_.page;
            if (p.role == PageRole::Cover) {
                page.number_style = PageNumberStyle::None;
            } else if (p.front) {
                page.number_style = PageNumberStyle::LowerRoman;
                page.number = static_cast<int>(i + 1);
            } else {
                page.number_style = PageNumberStyle::Decimal;
                page.number = static_cast<int>(i + 1 - front_count);
            }
            const std::string folio = page.number_style == PageNumberStyle::None ? ""
                                      : p.front ? roman(page.number)
                                                : std::to_string(page.number);
            for (const Frame& f : p.frames)
                if (const auto* d = std::get_if<Destination>(&f.item)) folios_.emplace(d->name, folio);
            add_furniture(p, right, book_.title, folio, st_, fonts_);
            page.frames = std::move(p.frames);
            if (st_.bleed.v > 0) {  // the media grows by the bleed; the page is drawn inside it
                translate(page.frames, st_.bleed, st_.bleed);
                page.size = Size{page.size.width + st_.bleed * 2.0, page.size.height + st_.bleed * 2.0};
                page.bleed = st_.bleed;
            }
            doc.pages.push_back(std::move(page));
        }
        if (!book_.preface.empty()) doc.bookmarks.push_back({"前言", "preface", 0});
        doc.bookmarks.push_back({"目录", "toc", 0});
        for (const Bookmark& b : body_marks_) doc.bookmarks.push_back(b);
        return doc;
    }
};

}  // namespace

LaidOutDocument layout_book(const Book& book, const FontMetrics& fonts, const World& world,
                            Diagnostics& diags, LayoutStats* stats) {
    ImageSizes images(world);
    BookStyle st = make_style(book.style, book.paper);
    st.bleed = book.bleed;
    FolioMap folios;
    LaidOutDocument doc;
    int passes = 0;
    bool converged = false;
    Diagnostics last;  // only the last pass reports: no duplicate warnings
    std::set<std::string> missing;
    while (passes < kMaxPasses && !converged) {
        ++passes;
        Diagnostics scratch;
        Pass pass(book, st, fonts, images, scratch, folios, true);
        doc = pass.run();
        converged = pass.folios() == folios || !pass.used_folios();
        folios = pass.folios();
        missing = pass.missing();
        if (converged || passes == kMaxPasses)
            for (const Diagnostic& d : scratch.sorted()) diags.add(d);
    }
    for (const std::string& dest : missing)
        diags.warning(book.pos, "page reference to '" + dest + "' has no page in this handbook",
                      "the target is not laid out; check the handbook's include list");
    if (!converged)
        diags.warning(book.pos,
                      "page numbers did not settle after " + std::to_string(kMaxPasses) + " layout passes",
                      "a reference's page number keeps moving text across a page break; "
                      "the numbers shown may be off by one page");
    if (stats) *stats = LayoutStats{passes, converged};
    return doc;
}

}  // namespace chuxin::layout
