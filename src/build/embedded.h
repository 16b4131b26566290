#pragma once
// Files compiled into the binary (see embed.cmake).
#include <cstddef>
#include <span>
#include <string_view>

namespace chuxin::build {

struct EmbeddedFile {
    const char* path;  // relative, '/'-separated
    const char* data;
    size_t size;
    std::string_view bytes() const { return {data, size}; }
};

std::span<const EmbeddedFile> starter_files();    // templates/starter/
std::span<const EmbeddedFile> archetype_files();  // templates/archetypes/

}  // namespace chuxin::build
