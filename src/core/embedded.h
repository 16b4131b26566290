#pragma once
// Files compiled into the binary by src/core/embed.cmake (the built-in
// theme, the starter site, the archetypes), so `chuxin` needs no data files
// on disk.
#include <span>
#include <string_view>

namespace chuxin {

struct EmbeddedFile {
    const char* path;        // relative to the embedded folder, '/'-separated
    std::string_view bytes;
};

}  // namespace chuxin
