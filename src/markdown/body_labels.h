#pragma once
// The few words the rendered body carries besides the author's text: the
// accessible names of task-list checkboxes and of footnote back-links.
// cmark-gfm writes none (checkboxes) or English ("Back to content"); they
// follow the site's language instead, like the theme's UI strings
// (html/ui.cpp; docs/themes.md lists both).
#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/language.h"

namespace chuxin::markdown {

struct BodyLabels {
    const char* task_done;      // a checked task-list item
    const char* task_open;      // an unchecked one
    const char* footnote_back;  // the ↩ link from a footnote to its mark
};

const BodyLabels& body_labels(Lang lang);

// Every task-list item of the tree renders its checkbox with an aria-label
// (WCAG 4.1.2: a form control needs a name); the markup is cmark's otherwise.
// `mem` is the tree's allocator. Each item's state goes into `tasks` (the
// item is no task-list node afterwards).
void label_task_items(cmark_node* document, const BodyLabels& labels, cmark_mem* mem,
                      std::unordered_map<const cmark_node*, bool>& tasks);

// Whether the parsed tree has footnotes (cmark moves the definitions that are
// used to the end of the document).
bool has_footnotes(cmark_node* document);

// `html` (cmark's rendering) with the aria-label of every footnote back-link
// set to labels.footnote_back.
std::string label_backrefs(std::string_view html, const BodyLabels& labels);

}  // namespace chuxin::markdown
