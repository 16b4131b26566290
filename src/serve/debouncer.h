#pragma once
// Turns a burst of file events into one change set. Editors save in several
// steps (vim: swap file, backup rename, write; others: write a temp file and
// rename it over the original) and `git checkout` writes many files at
// once: each burst must give one rebuild, not fifty. A change set is ready
// once no event came for `quiet`, or `max_wait` after its first event (a
// long stream of writes still gets a rebuild now and then).
//
// The clock is passed in, so tests drive it by hand.
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "serve/rebuilder.h"

namespace chuxin::serve {

using Clock = std::chrono::steady_clock;

// Files no build reads that editors and tools make beside the real ones:
// vim's .swp/.swx/.swo and its "4913" probe, backups ending in "~", emacs's
// "#x#" and ".#x" locks, temp files (".tmp", ".part"), and hidden files and
// folders (.git/, .DS_Store) — the loader skips those too. `rel` is relative
// to the site folder; every part of it is judged.
bool is_editor_noise(std::string_view rel);

class Debouncer {
public:
    // 25 ms of quiet: a save, a rename-over or a checkout comes in one burst
    // well inside it, and a touched file is answered within 30 ms.
    explicit Debouncer(Clock::duration quiet = std::chrono::milliseconds(25),
                       Clock::duration max_wait = std::chrono::milliseconds(1000))
        : quiet_(quiet), max_wait_(max_wait) {}

    // Records a changed path (noise is dropped here). `created`: the event
    // made the file (a temp file an editor renames over the real one is
    // made and gone within one burst).
    enum class Event { Changed, Created };
    void add(const std::string& rel, Clock::time_point now, Event event = Event::Changed);
    // True when a change set is waiting and its burst is over.
    bool ready(Clock::time_point now) const;
    // How long until ready() can become true; nullopt when nothing waits.
    std::optional<Clock::duration> time_left(Clock::time_point now) const;
    // The waiting change set (sorted, each path once); empties the debouncer.
    // A path made during the burst that `exists` says is gone again was a
    // temp file: it is left out.
    ChangeSet take(const std::function<bool(const std::string&)>& exists = nullptr);
    bool empty() const { return paths_.empty(); }

private:
    Clock::duration quiet_, max_wait_;
    std::set<std::string> paths_;
    std::set<std::string> created_;  // made during this burst
    Clock::time_point first_{}, last_{};
};

}  // namespace chuxin::serve
