#pragma once
// The built-in themes' files, compiled into the binary by embed_theme.cmake.
#include <span>
#include <string>
#include <string_view>

namespace chuxin::html {

struct BuiltinFile {
    const char* path;        // relative to the theme folder: "templates/page.mustache"
    std::string_view bytes;
};

std::span<const BuiltinFile> builtin_theme_default();

// The files of a built-in theme by name; empty if there is no such theme.
std::span<const BuiltinFile> builtin_theme(const std::string& name);

}  // namespace chuxin::html
