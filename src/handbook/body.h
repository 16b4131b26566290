#pragma once
// A page's Markdown body → layout blocks, read from the markdown stage's
// tree (markdown/document.h): a `ref:` link is found by node
// (Document::ref_link → page.body_refs, resolved by the graph stage), so is a
// heading's anchor. Nothing is parsed here.
#include <set>
#include <vector>

#include "core/diagnostic.h"
#include "layout/document.h"
#include "model/model.h"

namespace chuxin::markdown {
class Document;
}

namespace chuxin::handbook {

struct BodyContext {
    const model::Site& site;
    const model::Page& page;
    const std::set<int>& in_book;  // indexes of the pages laid out in this handbook
    Diagnostics& diags;
    const markdown::Document* doc = nullptr;  // page's tree (markdown::Documents); none: no blocks
};

std::vector<layout::Block> body_blocks(const BodyContext& ctx);

// Spans for a reference to `ref` with link text `text` (empty: the target's
// title): an internal link followed by "（第N页）" when the target is in the
// book, else the title linked to its web address (content-format §4).
layout::Inlines ref_spans(const BodyContext& ctx, const model::Ref& ref, layout::Inlines text);

// Resolves `text` ("id#anchor") against the site when the graph stage has
// not (page == -1 then means unknown).
model::Ref resolve_ref(const model::Site& site, const std::string& text);

}  // namespace chuxin::handbook
