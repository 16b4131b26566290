#include "serve/reload_hub.h"

namespace chuxin::serve {

uint64_t ReloadHub::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

void ReloadHub::advance() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
    }
    changed_.notify_all();
}

void ReloadHub::stop() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

bool ReloadHub::stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_;
}

uint64_t ReloadHub::wait_past(uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopped_ || generation_ > seen; });
    return generation_;
}

}  // namespace chuxin::serve
