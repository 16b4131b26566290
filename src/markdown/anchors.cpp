#include "markdown/anchors.h"

#include "core/utf8.h"

namespace chuxin::markdown {
namespace {

// Simple lower-case mappings beyond ASCII: Latin-1, Greek, Cyrillic and
// full-width Latin letters, the ones a Chinese heading may plausibly hold.
char32_t to_lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE) && cp != 0xD7) return cp + 32;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
    return cp;
}

// GitHub keeps \p{Word} (alphabetic, marks, decimal digits, connector
// punctuation), `-` and space; ① or ² (other numbers) are dropped. Without a Unicode database we drop the blocks that hold only
// punctuation, symbols or spaces, and keep everything else.
bool is_dropped(char32_t cp) {
    if (cp < 0x80) {
        bool word = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                    (cp >= '0' && cp <= '9') || cp == '_' || cp == '-' || cp == ' ';
        return !word;
    }
    if (cp >= 0x80 && cp <= 0xBF)  // Latin-1 punctuation and symbols
        return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA);  // ª µ º are letters
    if (cp == 0xD7 || cp == 0xF7) return true;                     // × ÷
    if (cp >= 0x2000 && cp <= 0x2BFF)  // punctuation, super/subscripts, symbols, arrows, circled numbers
        return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054 ||   // connector punctuation
                 (cp >= 0x2160 && cp <= 0x2188) ||                 // Roman numerals (letter numbers)
                 (cp >= 0x24B6 && cp <= 0x24E9));                  // circled letters (alphabetic)
    if (cp >= 0x2E00 && cp <= 0x2E7F) return true;                 // supplemental punctuation
    if (cp >= 0x3000 && cp <= 0x303F)                              // CJK symbols and punctuation
        return !(cp == 0x3005 || cp == 0x3006 || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) ||
                 (cp >= 0x3031 && cp <= 0x3035) || cp == 0x303B || cp == 0x303C);  // 々 〆 〇 …
    if (cp >= 0xFE10 && cp <= 0xFE6F) return cp != 0xFE33 && cp != 0xFE34 && cp != 0xFE4D &&
                                             cp != 0xFE4E && cp != 0xFE4F;  // vertical/small forms
    if (cp >= 0xFF00 && cp <= 0xFF65) {                            // full-width forms
        bool word = (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                    (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF3F;
        return !word;
    }
    if (cp >= 0xFFE0 && cp <= 0xFFEF) return true;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;               // emoji and pictographs
    if (cp == 0xFE0F || cp == 0x200D) return true;                 // emoji presentation, ZWJ
    return false;
}

}  // namespace

std::string github_slug(std::string_view heading_text) {
    std::string out;
    out.reserve(heading_text.size());
    for (size_t i = 0; i < heading_text.size();) {
        char32_t cp = to_lower(utf8::next(heading_text, i));
        if (is_dropped(cp)) continue;
        utf8::append(out, cp == ' ' ? U'-' : cp);
    }
    return out;
}

std::string AnchorRegistry::unique(std::string base) {
    if (base.empty()) base = "section";
    if (used_.insert(base).second) return base;
    for (int n = 1;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (used_.insert(candidate).second) return candidate;
    }
}

}  // namespace chuxin::markdown
