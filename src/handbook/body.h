#pragma once
// A page's Markdown body → layout blocks. The body is parsed again with
// cmark-gfm (tables, task lists, strikethrough, autolinks, footnotes), the
// same options as the markdown stage, so the i-th `ref:` link in document
// order is page.body_refs[i] (resolved by the graph stage) and the i-th
// heading is page.headings[i].
#include <set>
#include <vector>

#include "core/diagnostic.h"
#include "layout/document.h"
#include "model/model.h"

namespace chuxin::handbook {

struct BodyContext {
    const model::Site& site;
    const model::Page& page;
    const std::set<int>& in_book;  // indexes of the pages laid out in this handbook
    Diagnostics& diags;
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
