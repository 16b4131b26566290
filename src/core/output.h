#pragma once
// Where renderers put files. The build owns the real implementation (a
// staging folder moved into place on success, site/staged_output.h); tests use an
// in-memory map. Paths are relative to the output root, '/'-separated,
// never absolute and never containing "..". Implementations are thread-safe.
#include <string>
#include <string_view>

namespace chuxin {

class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(const std::string& rel_path, std::string_view bytes) = 0;
    // Copies an existing file (static/, content assets) into the output.
    virtual void copy(const std::string& rel_path, const std::string& source_abs_path) = 0;
};

}  // namespace chuxin
