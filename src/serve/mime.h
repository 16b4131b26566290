#pragma once
// The Content-Type of an output file, by its extension (case-insensitive).
// Text types carry charset=utf-8: chuxin writes UTF-8 only.
#include <string_view>

namespace chuxin::serve {

std::string_view mime_type(std::string_view path);

}  // namespace chuxin::serve
