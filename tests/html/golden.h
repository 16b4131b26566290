#pragma once
// Golden files in tests/html/golden/: compared, or rewritten when
// CHUXIN_UPDATE_GOLDEN=1.
#include <string>

namespace chuxin::test {

// Returns "" when `actual` matches the golden (or it was rewritten), else a
// message naming the first differing line.
std::string check_golden(const std::string& name, const std::string& actual);

}  // namespace chuxin::test
