#pragma once
// The progress line of a long build (issue 11 §7), on standard error:
//   "write  5,234 of ~10,412 files  4,120/s  ~1 s left"
// redrawn in place ("\r", cleared) at most ten times a second, and only
// once the build has run for a second: a short build prints nothing of it.
// The line is erased when the build ends, so what follows starts clean.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "site/pipeline.h"

namespace chuxin::cli {

// Whether a command shows the line: on a terminal unless -q; elsewhere only
// with --progress (and never with -q).
enum class ProgressWhen { Auto, Always, Never };
bool shows_progress(ProgressWhen when, bool stderr_is_terminal);

class ProgressLine {
public:
    using Clock = std::chrono::steady_clock;
    explicit ProgressLine(std::function<void(const std::string&)> print, Clock::duration delay = std::chrono::seconds(1));
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // Thread-safe; for BuildOptions::progress.
    void update(const site::BuildProgress& p, Clock::time_point now = Clock::now());
    // Erases the line if one was drawn.
    void finish();
    std::function<void(const site::BuildProgress&)> callback();

private:
    std::function<void(const std::string&)> print_;
    Clock::duration delay_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_draw_{};
    Clock::time_point phase_start_ = start_;
    std::string phase_;
    size_t width_ = 0;  // of the line drawn last, to blank it out
    std::mutex mutex_;
};

// The text of the line (no "\r"), from the phase, counts and seconds since
// the phase started.
std::string progress_text(const site::BuildProgress& p, double phase_seconds);

}  // namespace chuxin::cli
