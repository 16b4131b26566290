#pragma once
// Tells open pages that the site changed. Each rebuild — good or failed —
// is a new generation; an event stream waits until the generation passes
// the one its page was served at, then tells the page to reload.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace chuxin::serve {

class ReloadHub {
public:
    uint64_t generation() const;
    // A rebuild finished: wake every waiting stream.
    void advance();
    // Wakes every stream for good (the server stops).
    void stop();
    // Waits until the generation is past `seen`, the hub stops, or `timeout`
    // passes; returns the generation then.
    uint64_t wait_past(uint64_t seen, std::chrono::milliseconds timeout) const;
    bool stopped() const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    uint64_t generation_ = 1;
    bool stopped_ = false;
};

}  // namespace chuxin::serve
