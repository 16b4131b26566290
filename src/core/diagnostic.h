#pragma once
// Errors are values: every stage reports into a Diagnostics sink and goes on,
// so one build lists all of its problems (content-format §7, exit code 1).
#include <mutex>
#include <string>
#include <vector>

#include "core/source_pos.h"

namespace chuxin {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string message;  // what is wrong
    std::string hint;     // what was probably meant / how to fix; may be empty
};

// Thread-safe collector. Stages running in parallel share one sink.
class Diagnostics {
public:
    void error(SourcePos pos, std::string message, std::string hint = {});
    void warning(SourcePos pos, std::string message, std::string hint = {});
    void add(Diagnostic d);

    bool has_errors() const;
    size_t error_count() const;
    size_t warning_count() const;
    // Sorted by file, line, column, then message: deterministic output.
    std::vector<Diagnostic> sorted() const;

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

// Reads source lines for excerpts. Given the site root, it opens the file
// named in a diagnostic's position.
struct SourceLines {
    std::string root;  // directory that relative diagnostic paths are under
    std::string line(const std::string& file, int line) const;
};

// "file:line:col: error: message\n  12 | source line\n     |    ^\n  hint: …"
std::string format_diagnostic(const Diagnostic& d, const SourceLines& src);
// How many diagnostics a build prints in full before it summarizes the rest:
// a site migrated from another tool can have thousands of the same error.
inline constexpr size_t kShownInFull = 20;
inline constexpr size_t kShowAll = 0;

// The first `shown_in_full` diagnostics in order (kShowAll: every one), then
// the rest summarized by kind — the message with its quoted values taken out —
// with counts and their first files:
//   and 5,507 more:
//     5,507 × error: '…' is not a date — in content/a.md, content/b.md, content/c.md and 2,310 more files
// and a one-line total ("2 errors, 1 warning").
std::string format_all(const Diagnostics& diags, const SourceLines& src, size_t shown_in_full = kShownInFull);

// "'2021-04-32' is not a date" → "'…' is not a date": what a summary groups by.
std::string message_kind(const std::string& message);
// 5507 → "5,507".
std::string with_thousands(size_t n);

// Levenshtein distance over code points; used for did-you-mean hints.
size_t edit_distance(const std::string& a, const std::string& b);
// Up to `max` candidates closest to `word` (distance ≤ max(2, len/3)), nearest first.
std::vector<std::string> nearest(const std::string& word,
                                 const std::vector<std::string>& candidates,
                                 size_t max = 3);
// "did you mean 'x'?" / "did you mean 'x', 'y' or 'z'?" or "" if none.
std::string did_you_mean(const std::string& word,
                         const std::vector<std::string>& candidates);

}  // namespace chuxin
