#pragma once
// The starter site and archetypes compiled into the binary (core/embed.cmake).
#include <span>

#include "core/embedded.h"

namespace chuxin::site {

std::span<const EmbeddedFile> starter_files();    // templates/starter/
std::span<const EmbeddedFile> archetype_files();  // templates/archetypes/

}  // namespace chuxin::site
