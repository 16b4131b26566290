#pragma once
// A text dump of laid-out pages for golden tests (style.md §12): one line per
// frame, numbers rounded to 0.01 pt, so diffs show what moved.
#include <string>

#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout {

std::string dump_frames(const LaidOutDocument& doc);

}  // namespace chuxin::layout
