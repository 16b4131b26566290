#include "import/inline.h"

#include "core/utf8.h"

namespace chuxin::import {

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t'; }

bool space_or_punct(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'\n') return true;
    if (c < 0x80) return (c >= U'!' && c <= U'/') || (c >= U':' && c <= U'@') || (c >= U'[' && c <= U'`') ||
                         (c >= U'{' && c <= U'~');
    return utf8::is_cjk_punct(c) || (c >= 0x2010 && c <= 0x205F);
}

// Splits `text` into what may go inside emphasis markers and what must stay
// outside: CommonMark's flanking rules (spec §6.2) do not open `**` before
// punctuation that follows a letter, which is every Chinese "**“…”**" or
// "**…。**"; leading and trailing spaces and punctuation go outside.
void split_for_emphasis(const std::string& text, std::string& before, std::string& inner, std::string& after) {
    std::u32string s = utf8::decode(text);
    size_t b = 0, e = s.size();
    while (b < e && space_or_punct(s[b])) ++b;
    while (e > b && space_or_punct(s[e - 1])) --e;
    before = utf8::encode(s.substr(0, b));
    inner = utf8::encode(s.substr(b, e - b));
    after = utf8::encode(s.substr(e));
}

struct Piece {
    std::string text;
    bool bold = false, italic = false;
    std::string link, footnote, image;
};

std::string wrap(const Piece& p, Emphasis emphasis) {
    std::string marker;
    if (emphasis == Emphasis::Keep) {
        if (p.bold) marker += "**";
        if (p.italic) marker += "*";
    }
    std::string before, inner, after;
    if (marker.empty()) {
        inner = p.text;
    } else {
        split_for_emphasis(p.text, before, inner, after);
    }
    std::string body = escape_inline(inner);
    if (!marker.empty() && !inner.empty()) {
        std::string closing(marker.rbegin(), marker.rend());
        body = marker + body + closing;
    }
    return escape_inline(before) + body + escape_inline(after);
}

}  // namespace

std::string escape_inline(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~':
            case '&':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

std::string escape_line_start(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && ascii_space(line[i])) ++i;
    std::string rest(line.substr(i));
    if (rest.empty()) return rest;
    char c = rest[0];
    if (c == '#' || c == '+' || c == '-' || c == '=' || c == '>') return "\\" + rest;
    size_t d = 0;
    while (d < rest.size() && d < 9 && rest[d] >= '0' && rest[d] <= '9') ++d;
    if (d > 0 && d < rest.size() && (rest[d] == '.' || rest[d] == ')'))
        return rest.substr(0, d) + "\\" + rest.substr(d);
    return rest;
}

bool linkable(std::string_view url) {
    std::string lower = utf8::ascii_lower(url.substr(0, 8));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0;
}

std::string render_runs(const std::vector<Run>& runs, const InlineContext& ctx, Emphasis emphasis, size_t bold_until) {
    // 1. Pieces, with the lead-in made bold (a run split where it ends).
    std::vector<Piece> pieces;
    size_t offset = 0;
    for (const Run& r : runs) {
        if (!r.footnote.empty() || !r.image.empty()) {
            pieces.push_back({"", false, false, "", r.footnote, r.image});
            continue;
        }
        std::string text = r.text;
        size_t end = offset + text.size();
        if (bold_until > offset && bold_until < end) {
            size_t cut = bold_until - offset;
            pieces.push_back({text.substr(0, cut), true, r.italic, r.link, "", ""});
            pieces.push_back({text.substr(cut), r.bold, r.italic, r.link, "", ""});
        } else {
            pieces.push_back({text, r.bold || bold_until >= end, r.italic, r.link, "", ""});
        }
        offset = end;
    }
    // 2. Neighbours of one format joined, so "**a****b**" is "**ab**".
    std::vector<Piece> merged;
    for (auto& p : pieces) {
        if (!merged.empty() && p.footnote.empty() && p.image.empty() && merged.back().footnote.empty() &&
            merged.back().image.empty() && merged.back().bold == p.bold && merged.back().italic == p.italic &&
            merged.back().link == p.link) {
            merged.back().text += p.text;
        } else {
            merged.push_back(std::move(p));
        }
    }
    // 3. Markdown.
    std::string out;
    for (const Piece& p : merged) {
        if (!p.footnote.empty()) {
            out += ctx.footnote ? ctx.footnote(p.footnote) : "";
        } else if (!p.image.empty()) {
            out += ctx.image ? ctx.image(p.image) : "";
        } else if (!p.link.empty() && linkable(p.link) && !p.text.empty()) {
            Piece plain = p;
            plain.link.clear();
            std::string url;
            for (char c : p.link) {
                if (c == ' ') url += "%20";
                else if (c == '(' || c == ')' || c == '<' || c == '>' || c == '\\') url += '\\', url += c;
                else url += c;
            }
            out += "[" + wrap(plain, emphasis) + "](" + url + ")";
        } else {
            out += wrap(p, emphasis);
        }
    }
    // 4. Line breaks: one hard break for any run of them, none at the ends.
    std::string clean;
    size_t i = 0;
    while (i < out.size()) {
        if (out[i] == '\n') {
            while (i < out.size() && (out[i] == '\n' || out[i] == ' ' || out[i] == '\t')) ++i;
            if (!clean.empty() && i < out.size()) clean += "\\\n";
            continue;
        }
        clean += out[i++];
    }
    // Spaces at the ends, including the ideographic indentation 　　 of 公文.
    std::u32string s = utf8::decode(clean);
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == U' ' || s[b] == U'\t' || s[b] == U'\u3000' || s[b] == U'\u00A0')) ++b;
    while (e > b && (s[e - 1] == U' ' || s[e - 1] == U'\t' || s[e - 1] == U'\u3000' || s[e - 1] == U'\u00A0')) --e;
    std::string trimmed = utf8::encode(s.substr(b, e - b));
    // Every line of it must not start a block.
    std::string result;
    size_t start = 0;
    while (start <= trimmed.size()) {
        size_t nl = trimmed.find('\n', start);
        std::string line = trimmed.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        result += escape_line_start(line);
        if (nl == std::string::npos) break;
        result += '\n';
        start = nl + 1;
    }
    return result;
}

}  // namespace chuxin::import
