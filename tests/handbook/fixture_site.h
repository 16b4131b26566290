#pragma once
// A small site built in code (no files): a handbook including a study list,
// a checklist, a case, minutes and a schedule, plus a page outside the book.
#include <vector>

#include "core/memory_world.h"
#include "handbook/handbook.h"
#include "layout/document.h"
#include "markdown/document.h"
#include "model/model.h"

namespace chuxin::handbook_test {

model::Site fixture_site();

// The markdown stage's trees of `site`'s bodies, parsed now (a test may have
// changed a body), with every page's refs resolved as the graph would, and
// handbook options that read them.
struct Bodies {
    explicit Bodies(model::Site& site);
    Bodies(const Bodies&) = delete;
    Bodies& operator=(const Bodies&) = delete;
    markdown::Documents docs;
    handbook::HandbookOptions options;
};
// Index of the handbook page in fixture_site().pages.
int handbook_index(const model::Site& site);
// The fixture's one image file (static/banner.png, read once from the source
// tree) into `world`, under the site-relative path Markdown names it by.
void add_fixture_files(MemoryWorld& world);

// Every span of `blocks`, depth first: paragraphs, table cells, list items,
// quote and panel children.
void collect_spans(const std::vector<layout::Block>& blocks, std::vector<layout::Span>& out);

}  // namespace chuxin::handbook_test
