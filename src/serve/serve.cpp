#include "serve/serve.h"

#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>

#include "serve/debouncer.h"
#include "serve/overlay.h"
#include "serve/site_server.h"
#include "serve/watcher.h"

extern char** environ;

namespace chuxin::serve {

namespace {

// SIGINT and SIGTERM as a descriptor the loop polls beside inotify: the
// signal is taken between rebuilds, never inside one, so a build always
// commits or abandons its staging folder before the process ends.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        // Blocked before any thread starts: every thread inherits the mask.
        pthread_sigmask(SIG_BLOCK, &set_, &old_);
        fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
    }
    ~StopSignals() {
        if (fd_ >= 0) ::close(fd_);
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    int fd() const { return fd_; }
    // Takes the waiting signal, so that it is not raised again when the mask
    // is restored.
    void take() const {
        signalfd_siginfo info{};
        while (::read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        }
    }

private:
    sigset_t set_{}, old_{};
    int fd_ = -1;
};

std::string clock_now() {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

void print_diagnostics(const RebuildOutcome& outcome, const ServeOptions& options) {
    Diagnostics shown;
    for (const auto& d : outcome.diagnostics)
        if (d.severity == Severity::Error || options.verbosity == Verbosity::Normal) shown.add(d);
    if (shown.error_count() + shown.warning_count() == 0) return;
    std::cerr << format_all(shown, SourceLines{options.site_root}, options.errors_shown);
}

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

void open_in_browser(const std::string& url) {
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
        std::cerr << "chuxin: cannot start xdg-open; open " << url << " in a browser\n";
}

// Makes the outcome what the server shows; true when open pages must reload.
bool show(const RebuildOutcome& outcome, const ServeOptions& options, ServedSite& site) {
    const std::string overlay =
        outcome.ok ? std::string() : render_overlay(outcome.diagnostics, SourceLines{options.site_root}, outcome.lang);
    const bool changed = overlay != site.overlay() || outcome.stats.written + outcome.stats.removed > 0;
    site.set(outcome.output_dir, overlay, outcome.lang);
    return changed;
}

// A build frees what it allocated, but glibc keeps the freed pages of each
// worker thread's arena; build after build, a long-running serve would grow
// to several times one build's peak (3.7 GB after 80 rebuilds of 10,000
// pages, measured). Handing them back after each rebuild keeps it at one
// build's peak. After the reload was sent: it costs the page nothing.
void give_back_memory() { ::malloc_trim(0); }

}  // namespace

std::string rebuild_line(const ChangeSet& changes, const RebuildOutcome& outcome, const std::string& clock) {
    std::string line = clock + " ";
    const auto& paths = changes.paths;
    for (size_t i = 0; i < paths.size() && i < 2; ++i) line += (i ? ", " : "") + (paths[i] == "." ? std::string("everything") : paths[i]);
    if (paths.size() > 2) line += " and " + std::to_string(paths.size() - 2) + " more";
    line += " changed: ";
    const std::string ms = std::to_string(static_cast<long long>(outcome.ms + 0.5)) + " ms";
    if (!outcome.ok) {
        size_t errors = 0;
        for (const auto& d : outcome.diagnostics) errors += d.severity == Severity::Error;
        return line + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
               ", the last good site is kept (" + ms + ")";
    }
    const auto& s = outcome.stats;
    line += std::to_string(s.written) + (s.written == 1 ? " file" : " files") + " rewritten";
    if (s.removed) line += ", " + std::to_string(s.removed) + " removed";
    return line + ", " + ms;
}

int run_serve(const ServeOptions& options, Rebuilder& rebuilder) {
    StopSignals signals;
    Watcher watcher(options.site_root);
    if (!watcher.ok() || signals.fd() < 0) {
        std::cerr << "chuxin: cannot watch the site's files: " << watcher.error() << "\n"
                  << "  hint: raise fs.inotify.max_user_instances, or use chuxin build\n";
        return 2;
    }
    // Watching starts before the first build: an edit made while it runs
    // gives a rebuild right after it.
    const bool quiet = options.verbosity == Verbosity::Quiet;
    ServedSite site;
    ReloadHub hub;
    RebuildOutcome first = rebuilder.rebuild(ChangeSet{});
    print_diagnostics(first, options);
    show(first, options, site);
    if (!quiet && first.ok)
        std::cerr << "built " << first.pages << " pages into " << first.output_dir << "/ in "
                  << static_cast<long long>(first.ms + 0.5) << " ms\n";
    give_back_memory();
    if (!first.ok) std::cerr << "the build failed: serving the last good site, with its errors on every page\n";

    SiteServer server(site, hub);
    const int port = server.start(options.bind, options.port);
    if (port < 0) {
        std::cerr << "chuxin: cannot listen on " << options.bind << ":" << options.port << "\n"
                  << "  hint: another program uses the port; choose one with --port, e.g. --port 1314\n";
        return 2;
    }
    if (!is_loopback(options.bind))
        std::cerr << "warning: serving on " << options.bind
                  << ": other machines on the network can read the site; the default is 127.0.0.1\n";
    const std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
    const std::string url = "http://" + host + ":" + std::to_string(port) + "/";
    if (!quiet) std::cerr << "serving " << url << " — edits rebuild and reload the pages; Ctrl-C stops\n" << std::flush;
    if (options.open_browser) open_in_browser(url);

    Debouncer debouncer;
    for (;;) {
        pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {signals.fd(), POLLIN, 0}};
        const auto left = debouncer.time_left(Clock::now());
        const int timeout =
            left ? static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(*left).count()) : -1;
        if (::poll(fds, 2, timeout) < 0 && errno != EINTR) break;
        if (fds[1].revents & POLLIN) {
            signals.take();
            break;
        }
        if (fds[0].revents & POLLIN)
            watcher.read_events([&](const std::string& rel, bool created) {
                debouncer.add(rel, Clock::now(), created ? Debouncer::Event::Created : Debouncer::Event::Changed);
            });
        if (!debouncer.ready(Clock::now())) continue;
        const ChangeSet changes = debouncer.take([&](const std::string& rel) {
            std::error_code ec;
            return std::filesystem::exists(options.site_root + "/" + rel, ec);
        });
        const RebuildOutcome outcome = rebuilder.rebuild(changes);
        // What is served (the overlay) and the reload first, then the line:
        // whoever reads the line sees the rebuild in the browser too.
        if (show(outcome, options, site)) hub.advance();
        print_diagnostics(outcome, options);
        if (!quiet || !outcome.ok) std::cerr << rebuild_line(changes, outcome, clock_now()) << "\n" << std::flush;
        rebuilder.tidy();
        give_back_memory();
    }
    server.stop();
    if (!quiet) std::cerr << "stopped\n";
    return 0;
}

}  // namespace chuxin::serve
