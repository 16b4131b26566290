#pragma once
// The progress picture (挂图作战): a stacked bar of done / doing / open /
// overdue counts with numbers, percentage and words, so that it reads
// without colour (WCAG 1.4.1) and to screen readers (role="img", <title>).
#include <string>

namespace chuxin::schedule {

// A standalone SVG document (also fine inline in HTML5). Segments in the
// order done, doing, open, overdue; zero segments are left out. Deterministic.
// `label` names what is counted ("2026年整改清单"); it is escaped.
std::string progress_svg(int done, int doing, int open, int overdue, const std::string& label);

}  // namespace chuxin::schedule
