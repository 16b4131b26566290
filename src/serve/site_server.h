#pragma once
// The HTTP side of `serve` (cpp-httplib): the output folder's files, the
// live-reload event stream, nothing else (issue 11 §8).
//   * GET and HEAD only (others: 405);
//   * a path is served only when request_path.h accepts it (400 otherwise)
//     and the file is inside the output folder (404 otherwise; a deleted
//     page's URL answers 404 as soon as its rebuild committed);
//   * HTML gets the reload script, and the overlay while the last build
//     failed, as it is sent; the file on disk is never changed;
//   * bounded: a fixed pool of worker threads, small requests only, and an
//     event stream ends after a while (the browser reconnects), so open tabs
//     cannot hold every worker.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/language.h"
#include "serve/reload_hub.h"

namespace httplib {
class Server;
}

namespace chuxin::serve {

// What the server shows, changed by the rebuild loop after each rebuild.
class ServedSite {
public:
    void set(std::string output_dir, std::string overlay, Lang lang);
    std::string output_dir() const;
    std::string overlay() const;  // "" while the last build was good
    Lang lang() const;

private:
    mutable std::mutex mutex_;
    std::string output_dir_;
    std::string overlay_;
    Lang lang_ = Lang::Zh;
};

class SiteServer {
public:
    SiteServer(const ServedSite& site, ReloadHub& hub);
    ~SiteServer();
    SiteServer(const SiteServer&) = delete;
    SiteServer& operator=(const SiteServer&) = delete;

    // Binds host:port (port 0: any free port) and answers on a thread of its
    // own. Returns the port, or -1 when the address cannot be bound.
    int start(const std::string& host, int port);
    // Stops answering; every open event stream ends.
    void stop();

private:
    void route();

    const ServedSite& site_;
    ReloadHub& hub_;
    std::unique_ptr<httplib::Server> http_;
    std::thread listener_;
};

}  // namespace chuxin::serve
