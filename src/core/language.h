#pragma once
// The site's language (site.yaml `language`, content-format §1): the one form
// every stage passes around — UI strings, dates, status words, repeat rules
// spelled out, report headers. The tag written into pages and feeds is
// derived from it.
#include <string_view>

namespace chuxin {

enum class Lang { Zh, En };

// "en", "en-US" … → En; anything else (zh-CN, zh, 中文 …) → Zh.
constexpr Lang lang_of(std::string_view tag) { return tag.substr(0, 2) == "en" ? Lang::En : Lang::Zh; }

// The BCP 47 tag for <html lang> and xml:lang.
constexpr std::string_view lang_tag(Lang lang) { return lang == Lang::En ? "en" : "zh-CN"; }

}  // namespace chuxin
