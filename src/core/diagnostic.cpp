#include "core/diagnostic.h"

#include <algorithm>
#include <fstream>
#include <tuple>

#include "core/utf8.h"

namespace chuxin {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    add({Severity::Error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    add({Severity::Warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
    std::lock_guard lock(mutex_);
    return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

size_t Diagnostics::warning_count() const {
    std::lock_guard lock(mutex_);
    return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out;
    {
        std::lock_guard lock(mutex_);
        out = items_;
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.col, a.message) <
               std::tie(b.pos.file, b.pos.line, b.pos.col, b.message);
    });
    out.erase(std::unique(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.severity == b.severity && a.pos.file == b.pos.file && a.pos.line == b.pos.line &&
               a.pos.col == b.pos.col && a.message == b.message;
    }), out.end());
    return out;
}

std::string SourceLines::line(const std::string& file, int wanted) const {
    if (wanted <= 0 || file.empty()) return {};
    // An absolute path (an output folder's manifest, say) is opened as it is.
    std::ifstream in(root.empty() || file.front() == '/' ? file : root + "/" + file, std::ios::binary);
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        if (n == wanted) {
            if (!text.empty() && text.back() == '\r') text.pop_back();
            if (n == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
            return text;
        }
    }
    return {};
}

std::string format_diagnostic(const Diagnostic& d, const SourceLines& src) {
    std::string out = d.pos.file.empty() ? std::string("chuxin") : d.pos.file;
    if (d.pos.known()) {
        out += ":" + std::to_string(d.pos.line);
        if (d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message + "\n";
    std::string text = src.line(d.pos.file, d.pos.line);
    if (!text.empty()) {
        std::string num = std::to_string(d.pos.line);
        out += " " + num + " | " + text + "\n";
        if (d.pos.col > 0) {
            // Wide (CJK) characters take two terminal cells; line the caret up.
            std::string pad;
            size_t i = 0;
            for (int c = 1; c < d.pos.col && i < text.size(); ++c) {
                char32_t cp = utf8::next(text, i);
                pad += cp == '\t' ? "\t" : (cp >= 0x1100 && (utf8::is_han(cp) || utf8::is_cjk_punct(cp) ||
                                                             (cp >= 0x3000 && cp <= 0xFFEF))) ? "  " : " ";
            }
            out += " " + std::string(num.size(), ' ') + " | " + pad + "^\n";
        }
    }
    if (!d.hint.empty()) out += "  hint: " + d.hint + "\n";
    return out;
}

std::string message_kind(const std::string& message) {
    std::string out;
    bool quoted = false;
    for (char c : message) {
        if (c == '\'') {
            if (quoted) out += "…'";
            else out += c;
            quoted = !quoted;
        } else if (!quoted) {
            out += c;
        }
    }
    if (quoted) out += "…";  // an unmatched quote (an apostrophe in a hint-like text)
    return out;
}

std::string with_thousands(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace {

constexpr size_t kFilesNamed = 3;  // per kind in the summary

struct KindSummary {
    Severity severity = Severity::Error;
    std::string kind;
    size_t count = 0;
    std::vector<std::string> files;  // distinct, in order of first appearance
};

std::string summarize(const std::vector<Diagnostic>& rest) {
    std::vector<KindSummary> kinds;
    for (const Diagnostic& d : rest) {
        const std::string kind = message_kind(d.message);
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const KindSummary& k) {
            return k.severity == d.severity && k.kind == kind;
        });
        if (it == kinds.end()) it = kinds.insert(kinds.end(), KindSummary{d.severity, kind, 0, {}});
        ++it->count;
        if (!d.pos.file.empty() && std::find(it->files.begin(), it->files.end(), d.pos.file) == it->files.end())
            it->files.push_back(d.pos.file);
    }
    // Errors first, then the largest groups; ties keep their first appearance.
    std::stable_sort(kinds.begin(), kinds.end(), [](const KindSummary& a, const KindSummary& b) {
        if (a.severity != b.severity) return a.severity == Severity::Error;
        return a.count > b.count;
    });
    std::string out = "and " + with_thousands(rest.size()) + " more:\n";
    for (const KindSummary& k : kinds) {
        out += "  " + with_thousands(k.count) + " × " + (k.severity == Severity::Error ? "error: " : "warning: ") +
               k.kind;
        if (!k.files.empty()) {
            out += " — in ";
            const size_t named = std::min(k.files.size(), kFilesNamed);
            for (size_t i = 0; i < named; ++i) out += (i ? ", " : "") + k.files[i];
            if (k.files.size() > named) out += " and " + with_thousands(k.files.size() - named) + " more files";
        }
        out += "\n";
    }
    return out;
}

}  // namespace

std::string format_all(const Diagnostics& diags, const SourceLines& src, size_t shown_in_full) {
    std::string out;
    const std::vector<Diagnostic> all = diags.sorted();
    const size_t full = shown_in_full == kShowAll ? all.size() : std::min(shown_in_full, all.size());
    for (size_t i = 0; i < full; ++i) out += format_diagnostic(all[i], src);
    if (full < all.size()) {
        out += summarize(std::vector<Diagnostic>(all.begin() + static_cast<long>(full), all.end()));
        out += "(all of them: --errors all)\n";
    }
    size_t e = diags.error_count(), w = diags.warning_count();
    if (e || w) {
        out += with_thousands(e) + (e == 1 ? " error" : " errors") + ", " + with_thousands(w) +
               (w == 1 ? " warning" : " warnings") + "\n";
    }
    return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::u32string x = utf8::decode(a), y = utf8::decode(b);
    std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= y.size(); ++j) {
            size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

std::vector<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates,
                                 size_t max) {
    size_t limit = std::max<size_t>(2, utf8::length(word) / 3);
    std::vector<std::pair<size_t, std::string>> scored;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        // A candidate that contains the word (or vice versa) is a good guess too.
        bool contains = !word.empty() && (c.find(word) != std::string::npos || word.find(c) != std::string::npos);
        if (d <= limit || contains) scored.emplace_back(contains ? std::min(d, limit) : d, c);
    }
    std::sort(scored.begin(), scored.end());
    scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < scored.size() && out.size() < max; ++i) out.push_back(scored[i].second);
    return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    auto near = nearest(word, candidates);
    if (near.empty()) return {};
    std::string out = "did you mean '" + near[0] + "'";
    for (size_t i = 1; i < near.size(); ++i)
        out += (i + 1 == near.size() ? " or '" : ", '") + near[i] + "'";
    return out + "?";
}

}  // namespace chuxin
