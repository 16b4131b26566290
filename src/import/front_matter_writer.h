#pragma once
// Front matter YAML that reads back as exactly the values given: every
// string double-quoted (YAML 1.2 §7.3.1) so no value can turn into a number,
// a date, a list or a comment.
#include <string>
#include <string_view>

namespace chuxin::import {

std::string yaml_quoted(std::string_view value);

}  // namespace chuxin::import
