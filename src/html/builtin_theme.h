#pragma once
// The built-in themes' files, compiled into the binary (core/embed.cmake);
// paths are relative to the theme folder: "templates/page.mustache".
#include <span>
#include <string>

#include "core/embedded.h"

namespace chuxin::html {


std::span<const EmbeddedFile> builtin_theme_default();

// The files of a built-in theme by name; empty if there is no such theme.
std::span<const EmbeddedFile> builtin_theme(const std::string& name);

}  // namespace chuxin::html
