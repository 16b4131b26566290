#pragma once
// Watches what a build reads (issue 11 §1): site.yaml and, recursively,
// content/, static/, templates/ and themes/ of the site folder, with inotify.
// Folders made later (also a whole tree moved in, as `git checkout` does)
// are watched as they appear. Reports changed paths relative to the site
// folder; a lost event queue (IN_Q_OVERFLOW) reports "." — everything.
#include <functional>
#include <map>
#include <string>

namespace chuxin::serve {

// The inotify descriptor: one owner, closed once (move-only).
class InotifyFd {
public:
    InotifyFd();
    ~InotifyFd();
    InotifyFd(InotifyFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    InotifyFd& operator=(InotifyFd&&) = delete;
    InotifyFd(const InotifyFd&) = delete;
    int get() const { return fd_; }

private:
    int fd_ = -1;
};

class Watcher {
public:
    // False from ok() when inotify is unavailable (the error is in error()).
    explicit Watcher(std::string site_root);
    bool ok() const { return fd_.get() >= 0; }
    const std::string& error() const { return error_; }
    // For poll(2): readable when events wait.
    int fd() const { return fd_.get(); }
    // Reads the waiting events (never blocks) and calls `changed` per path;
    // `created` when the event made it.
    using Changed = std::function<void(const std::string& rel, bool created)>;
    void read_events(const Changed& changed);

private:
    void watch_tree(const std::string& rel, const Changed* changed);
    void watch_one(const std::string& rel);

    std::string root_;
    InotifyFd fd_;
    std::map<int, std::string> dirs_;  // watch descriptor → folder relative to the root ("" = the root)
    std::string error_;
};

// The folders under the site root that a build reads, watched whole (and
// site.yaml beside them).
inline constexpr const char* kWatchedFolders[] = {"content", "static", "templates", "themes"};
bool is_watched_folder(const std::string& name);

}  // namespace chuxin::serve
