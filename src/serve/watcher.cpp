#include "serve/watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace chuxin::serve {

namespace {

// What a save, a rename, a delete or a checkout does to a file or folder.
constexpr uint32_t kTreeEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                 IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;

std::string joined(const std::string& dir, const std::string& name) {
    return dir.empty() ? name : dir + "/" + name;
}

}  // namespace

InotifyFd::InotifyFd() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
InotifyFd::~InotifyFd() {
    if (fd_ >= 0) ::close(fd_);
}

bool is_watched_folder(const std::string& name) {
    for (const char* folder : kWatchedFolders)
        if (name == folder) return true;
    return false;
}

Watcher::Watcher(std::string site_root) : root_(std::move(site_root)) {
    if (!ok()) {
        error_ = std::string("inotify_init1: ") + std::strerror(errno);
        return;
    }
    // The root itself only for site.yaml and the watched folders appearing.
    const int wd = ::inotify_add_watch(fd_.get(), root_.c_str(),
                                       IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR);
    if (wd < 0) {
        error_ = "cannot watch " + root_ + ": " + std::strerror(errno);
        return;
    }
    dirs_[wd] = "";
    for (const char* name : kWatchedFolders) watch_tree(name, nullptr);
}

void Watcher::watch_one(const std::string& rel) {
    const int wd = ::inotify_add_watch(fd_.get(), (root_ + "/" + rel).c_str(), kTreeEvents);
    if (wd >= 0) dirs_[wd] = rel;
}

// Watches `rel` and every folder under it; with `changed`, also reports
// every file found (a tree that appeared at once: its files are new).
void Watcher::watch_tree(const std::string& rel, const Changed* changed) {
    std::error_code ec;
    if (!fs::is_directory(root_ + "/" + rel, ec)) return;
    watch_one(rel);
    for (fs::recursive_directory_iterator it(root_ + "/" + rel, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const std::string sub = rel + "/" + fs::relative(it->path(), root_ + "/" + rel, ec).generic_string();
        if (it->is_directory(ec))
            watch_one(sub);
        else if (changed)
            (*changed)(sub, true);
    }
}

void Watcher::read_events(const Changed& changed) {
    alignas(inotify_event) std::array<char, 64 * 1024> buffer;
    for (;;) {
        const ssize_t n = ::read(fd_.get(), buffer.data(), buffer.size());
        if (n <= 0) return;  // EAGAIN: nothing more waits
        for (ssize_t at = 0; at < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buffer.data() + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {
                changed(".", false);
                continue;
            }
            auto dir = dirs_.find(ev->wd);
            if (dir == dirs_.end()) continue;
            if (ev->mask & IN_IGNORED) {  // the folder is gone; its parent reported it
                dirs_.erase(dir);
                continue;
            }
            if (ev->mask & IN_DELETE_SELF) continue;
            const std::string name = ev->len ? std::string(ev->name) : std::string();
            if (dir->second.empty() && name != "site.yaml" && !is_watched_folder(name)) continue;
            const std::string rel = joined(dir->second, name);
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(rel, &changed);
            changed(rel, (ev->mask & IN_CREATE) != 0);
        }
    }
}

}  // namespace chuxin::serve
