#include "serve/debouncer.h"

#include <algorithm>

namespace chuxin::serve {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool name_is_noise(std::string_view name) {
    if (name.empty()) return false;
    if (name.front() == '.' || name.back() == '~') return true;  // hidden, .#lock, backup~
    if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
    if (name == "4913") return true;  // vim checks it may write the folder with this file
    for (std::string_view end : {".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"})
        if (ends_with(name, end)) return true;
    return false;
}

}  // namespace

bool is_editor_noise(std::string_view rel) {
    while (!rel.empty()) {
        const size_t slash = rel.find('/');
        if (name_is_noise(rel.substr(0, slash))) return true;
        if (slash == std::string_view::npos) break;
        rel.remove_prefix(slash + 1);
    }
    return false;
}

void Debouncer::add(const std::string& rel, Clock::time_point now, Event event) {
    if (is_editor_noise(rel)) return;
    if (paths_.empty()) first_ = now;
    last_ = now;
    if (paths_.insert(rel).second && event == Event::Created) created_.insert(rel);
}

bool Debouncer::ready(Clock::time_point now) const {
    auto left = time_left(now);
    return left && *left <= Clock::duration::zero();
}

std::optional<Clock::duration> Debouncer::time_left(Clock::time_point now) const {
    if (paths_.empty()) return std::nullopt;
    const Clock::time_point due = std::min(last_ + quiet_, first_ + max_wait_);
    return std::max(due - now, Clock::duration::zero());
}

ChangeSet Debouncer::take(const std::function<bool(const std::string&)>& exists) {
    ChangeSet changes;
    for (const auto& path : paths_)
        if (!exists || !created_.count(path) || exists(path)) changes.paths.push_back(path);
    // Only temp files: still one rebuild (cheap, and never a missed change).
    if (changes.paths.empty() && !paths_.empty()) changes.paths.push_back(*paths_.begin());
    paths_.clear();
    created_.clear();
    return changes;
}

}  // namespace chuxin::serve
