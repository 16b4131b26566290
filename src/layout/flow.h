#pragma once
// Place blocks: the block tree becomes a vertical flow of slices, the units
// the paginator may break between. A slice's frames are relative to its
// top-left corner (x from the text block's left edge).
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/world.h"
#include "layout/paragraph.h"
#include "layout/style.h"

namespace chuxin::layout {

struct Slice {
    Pt height;
    Pt space_before;               // dropped at the top of a page
    std::vector<Frame> frames;
    bool keep_with_next = false;   // no page break after this slice
    std::vector<Slice> notes;      // footnotes to set at this page's foot
    // Table rows: the header rows repeated when a page starts inside the table.
    std::shared_ptr<const std::vector<Slice>> header;
    bool is_header = false;
    bool note_start = false;       // in `notes`: the first line of a footnote
};

// A heading that may go into the TOC and the bookmarks.
struct TocHeading {
    std::string text;  // with its number (一、…) when the style numbers headings
    int level = 1;     // rank inside the chapter, 1..4
    std::string dest;
};

// Pixel size of a PNG or JPEG read from its header; {0,0} if unreadable.
struct PixelSize { int width = 0, height = 0; };
PixelSize image_pixel_size(std::string_view bytes);

// The pixel sizes of one book's images, each file asked of the World once
// (a book is laid out several times until its page numbers settle).
class ImageSizes {
public:
    explicit ImageSizes(const World& world) : world_(world) {}
    // nullopt: the world has no file at `path` (site-relative).
    std::optional<PixelSize> find(const std::string& path);

private:
    const World& world_;
    std::mutex mutex_;
    std::map<std::string, std::optional<PixelSize>> sizes_;
};

struct FlowContext {
    const FontMetrics& fonts;
    const BookStyle& style;
    FolioLookup folio;
    Diagnostics& diags;
    ImageSizes& images;
    std::vector<TocHeading> headings;  // collected while flowing a chapter
    int counters[4] = {0, 0, 0, 0};    // heading numbers (GB/T 9704 §7.3.3)
    int next_note = 1;                 // footnote numbers, per chapter
    bool warn = true;                  // only the last pass reports (no duplicates)
};

// The container a block list is set in: its left edge and width, and the
// text style its paragraphs use (quotes and panels change it).
struct Column {
    Pt x;
    Pt width;
    TextStyle text;
    bool indent = true;  // 2-em first-line indents (off inside lists and cells)
};

void flow_blocks(const std::vector<Block>& blocks, const Column& col, FlowContext& ctx,
                 std::vector<Slice>& out);

// Lines of a paragraph as slices, with widow/orphan keeps: the first two and
// the last two lines stay together (clreq §paragraph rules).
void flow_lines(std::vector<LineBox> lines, Pt x, Pt space_before, SourcePos pos,
                std::vector<Slice>& out);

void flow_table(const Block& table, const Column& col, FlowContext& ctx, std::vector<Slice>& out);

// Moves every frame by (dx, dy).
void translate(std::vector<Frame>& frames, Pt dx, Pt dy);
void translate(Frame& frame, Pt dx, Pt dy);

// "一", "十二" … for heading numbers.
std::string chinese_number(int n);

}  // namespace chuxin::layout
