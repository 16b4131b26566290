#pragma once
// Golden files in tests/html/golden/: compared, or rewritten (and failed) when
// CHUXIN_UPDATE_GOLDEN=1.
#include <string>

namespace chuxin::test {

// Returns "" when `actual` matches the golden, else a message naming the
// first differing line (with CHUXIN_UPDATE_GOLDEN=1: that it was rewritten,
// a failure too).
std::string check_golden(const std::string& name, const std::string& actual);

}  // namespace chuxin::test
