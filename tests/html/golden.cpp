#include "golden.h"

#include "support/golden.h"

namespace chuxin::test {

std::string check_golden(const std::string& name, const std::string& actual) {
    return check_golden(std::filesystem::path(CHUXIN_TEST_DATA) / "html" / "golden" / name, actual);
}

}  // namespace chuxin::test
