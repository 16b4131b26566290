#include "search/fold.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"
#include "search/fold_table.h"

namespace chuxin::search {

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0xFEFF;
}

namespace {

char32_t fold_by_rule(char32_t cp);

// Every BMP code point's fold, made once (immutable): a lookup per character
// instead of a search of the table; the whole site's text goes through it.
struct BmpFolds {
    std::vector<char16_t> to;
    BmpFolds() : to(0x10000) {
        for (char32_t cp = 0; cp < 0x10000; ++cp) to[cp] = static_cast<char16_t>(fold_by_rule(cp));
    }
};

char32_t fold_by_rule(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : (is_space(cp) ? U' ' : cp);
    if (is_space(cp)) return U' ';
    if (cp >= 0xFF01 && cp <= 0xFF5E) return fold_by_rule(cp - 0xFEE0);  // full-width ASCII forms
    if (cp < 0x3400) return cp;
    const auto table = traditional_to_simplified();
    auto it = std::lower_bound(table.begin(), table.end(), cp,
                               [](const FoldPair& pair, char32_t key) { return pair.from < key; });
    return it != table.end() && it->from == cp ? it->to : cp;
}

}  // namespace

char32_t fold(char32_t cp) {
    static const BmpFolds bmp;
    return cp < 0x10000 ? bmp.to[cp] : fold_by_rule(cp);
}

std::u32string fold_text(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) out.push_back(fold(utf8::next(utf8, i)));
    return out;
}

std::string fold_table_script() {
    std::string pairs;
    for (const auto& pair : traditional_to_simplified()) {
        utf8::append(pairs, pair.from);
        utf8::append(pairs, pair.to);
    }
    return "/* chuxin search: traditional → simplified pairs (OpenCC t2s), from then to. */\n"
           "chuxinSearch.foldTable(\"" + pairs + "\");\n";
}

}  // namespace chuxin::search
