#pragma once
// Running command-line tools (poppler, qpdf, the chuxin binary) from tests.
#include <cstdio>
#include <string>

namespace chuxin::test {

struct ToolResult {
    int status = -1;  // as pclose(3) returns it
    std::string out;  // stdout and stderr together
};

inline ToolResult run_tool(const std::string& command) {
    ToolResult r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    r.status = pclose(pipe);
    return r;
}

}  // namespace chuxin::test
