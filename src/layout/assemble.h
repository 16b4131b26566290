#pragma once
// Internal pieces of book assembly (book.cpp drives them).
#include <map>
#include <string>
#include <vector>

#include "layout/flow.h"

namespace chuxin::layout {

enum class PageRole { Cover, Blank, Front, Part, ChapterOpen, Body };

// A page while the book is assembled: frames relative to the page's
// top-left, plus what the running head and folio need to know.
struct DraftPage {
    PageRole role = PageRole::Body;
    std::vector<Frame> frames;  // in the type area's coordinates until placed
    std::string head;           // chapter title for right-hand running heads
    bool front = false;         // front matter: roman folios
};

struct TocEntry {
    std::string text;
    int level = 0;  // 0 part, 1 chapter, 2.. headings
    std::string dest;
    bool bold = false;
};

// Cover page frames (page coordinates).
std::vector<Frame> cover_frames(const Book& book, const BookStyle& st, const FontMetrics& fonts);
// Part title page frames (page coordinates, before the inside margin shift).
std::vector<Frame> part_title_frames(const Part& part, const BookStyle& st, const FontMetrics& fonts);
// A chapter title block at the top of a chapter's first page, as slices.
void chapter_title_slices(const std::string& title, const std::string& dest, SourcePos pos,
                          FlowContext& ctx, std::vector<Slice>& out);
// TOC lines with dot leaders and right-aligned folios, as slices.
void toc_slices(const std::vector<TocEntry>& entries, const std::map<std::string, std::string>& folios,
                FlowContext& ctx, std::vector<Slice>& out);
// Running head and folio for one page (page coordinates).
void add_furniture(DraftPage& page, bool right_hand, const std::string& book_title,
                   const std::string& folio, const BookStyle& st, const FontMetrics& fonts);

std::string roman(int n);

}  // namespace chuxin::layout
