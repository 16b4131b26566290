#include "markdown/plain_text.h"

#include "core/utf8.h"

namespace chuxin::markdown {
namespace {

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

bool is_wide(char32_t cp) { return utf8::is_han(cp) || utf8::is_cjk_punct(cp); }

}  // namespace

std::string normalize_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char32_t last = 0;          // last code point written
    bool pending_space = false;  // a whitespace run since `last`
    bool pending_break = false;  // … that holds a line break
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        char32_t cp = utf8::next(text, i);
        if (is_space(cp)) {
            pending_space = !out.empty();
            pending_break = pending_break || cp == '\n';
            continue;
        }
        // A typed space is kept; a line break between two Chinese characters
        // is not a space (the source was wrapped, the sentence was not).
        if (pending_space && !(pending_break && is_wide(last) && is_wide(cp))) out += ' ';
        pending_space = pending_break = false;
        // A well-formed sequence is copied as it is (what encoding its code
        // point again would write); a stray byte becomes U+FFFD's bytes.
        if (cp == 0xFFFD && i - start == 1) utf8::append(out, cp);
        else out.append(text.data() + start, i - start);
        last = cp;
    }
    return out;
}

std::string cut_summary(std::string_view text, size_t max_chars) {
    if (max_chars == 0) return {};
    if (utf8::length(text) <= max_chars) return std::string(text);
    std::string cut = utf8::prefix(text, max_chars - 1);
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut + "…";
}

}  // namespace chuxin::markdown
