#pragma once
// Where a handbook chapter opens (`chapter_start:`, content-format §3): on
// the next page, or on the next right-hand page. One enum for the model
// (what the file says), the handbook options and the layout (what is done):
// core is the one stage both model and layout see.

namespace chuxin {

enum class ChapterStart { NewPage, RightPage };

}  // namespace chuxin
