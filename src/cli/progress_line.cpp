#include "cli/progress_line.h"

#include <cmath>

#include "core/diagnostic.h"

namespace chuxin::cli {

bool shows_progress(ProgressWhen when, bool stderr_is_terminal) {
    if (when == ProgressWhen::Never) return false;
    return when == ProgressWhen::Always || stderr_is_terminal;
}

std::string progress_text(const site::BuildProgress& p, double phase_seconds) {
    std::string text(p.phase);
    if (p.phase == "write") {
        text += "  " + with_thousands(p.done) + " of ~" + with_thousands(p.total) + " files";
        if (phase_seconds > 0.05 && p.done > 0) {
            const double rate = p.done / phase_seconds;
            text += "  " + with_thousands(static_cast<size_t>(rate)) + "/s";
            const double left = p.total > p.done ? (p.total - p.done) / rate : 0;
            text += "  ~" + std::to_string(static_cast<long long>(std::ceil(left))) + " s left";
        }
    } else if (p.total > 0) {
        text += "  " + with_thousands(p.total) + " pages";
    }
    return text;
}

ProgressLine::ProgressLine(std::function<void(const std::string&)> print, Clock::duration delay)
    : print_(std::move(print)), delay_(delay) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(const site::BuildProgress& p, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (p.phase != phase_) {
        phase_ = std::string(p.phase);
        phase_start_ = now;
    } else if (now - last_draw_ < std::chrono::milliseconds(100)) {
        return;
    }
    if (now - start_ < delay_) return;
    last_draw_ = now;
    std::string text = progress_text(p, std::chrono::duration<double>(now - phase_start_).count());
    const size_t width = text.size();
    if (text.size() < width_) text.append(width_ - text.size(), ' ');
    width_ = width;
    print_("\r" + text);
}

void ProgressLine::finish() {
    std::lock_guard lock(mutex_);
    if (width_ == 0) return;
    print_("\r" + std::string(width_, ' ') + "\r");
    width_ = 0;
}

std::function<void(const site::BuildProgress&)> ProgressLine::callback() {
    return [this](const site::BuildProgress& p) { update(p); };
}

}  // namespace chuxin::cli
