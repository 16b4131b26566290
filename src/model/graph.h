#pragma once
// The reference graph (content-format §4, §8 "Backlinks", "fulfills").
//
// resolve_references() checks every Ref in the site — body `ref:` links and
// the front-matter fields fulfills, studied (minutes), study (schedule
// events), raised_in / closed_in (checklist items), ref (study items), and
// sections' intro links — and fills Ref::page / Ref::anchor, or reports an
// error at the Ref's position with the nearest ids offered. It then fills
// Site::backlinks, and puts target titles into summaries that the Markdown
// stage left with empty-text ref markers. Running it again gives the same
// result.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/model.h"

namespace chuxin::model {

void resolve_references(Site& site, Diagnostics& diags);

// Every anchor a reference may name in `page`, in page order: item ids
// (studylist, checklist), event ids (schedule), then heading anchors.
std::vector<std::string> anchors_of(const Page& page);

// The title shown for a link with empty text (content-format §8): for an
// anchor, a checklist item's `issue`, a study item's or schedule event's
// `title`, a heading's text; else (or if the anchor is unknown) the page
// title.
std::string title_of(const Page& page, const std::string& anchor);

// `text` with each open marker "\x1AR<n>\x1A" of an empty-text ref (the
// markdown stage's, markdown/refs.h) replaced by the title of page.body_refs[n]'s
// target (title_of), or by the ref as written when it did not resolve. The
// summary's titles come from here, and the search index's.
std::string with_ref_titles(const Site& site, const Page& page, const std::string& text);

// The Site::backlinks key of a resolved target: "id" or "id#anchor".
std::string backlink_key(const Page& target, const std::string& anchor);

}  // namespace chuxin::model
