#pragma once
// The file name an imported document gets under content/<folder>/ when no
// --output is given (docs/import.md "File names"): ASCII only, so it is the
// same in every shell, zip tool and URL.
//   minutes with a date:  <date>-<meeting in pinyin>   2026-05-12-zhutidangri
//   a source file named in ASCII: that name, cleaned   branch-report
//   a document with a date: <date>-<kind>              2026-05-12-tongzhi
//   otherwise: <kind>-<8 hex digits of the title>      anli-3f2a9c01
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "import/convert.h"

namespace chuxin::import {

// Lower-case a–z, 0–9 and single '-' between them; "" when nothing is left.
std::string clean_slug(std::string_view text);
// The pinyin of a meeting type (主题党日 → zhutidangri), or "huiyi".
std::string_view meeting_pinyin(std::string_view meeting);

std::string slug_for(ImportKind kind, const std::optional<Date>& date, const std::string& meeting,
                     const std::string& title, const std::string& source_stem);

}  // namespace chuxin::import
