#include "serve/site_server.h"

#include <httplib.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "serve/mime.h"
#include "serve/overlay.h"
#include "serve/request_path.h"

namespace chuxin::serve {

namespace {

// Workers: every open tab holds one for its event stream while it waits.
constexpr size_t kWorkers = 64;
// Event streams beyond this many are told to come back later, so that
// pages and files always find a free worker.
constexpr int kMaxStreams = 40;
// An event stream ends after this long without a rebuild; the page's
// EventSource reconnects with the last generation it saw.
constexpr auto kStreamLife = std::chrono::seconds(25);

bool read_whole(const std::string& path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
    return true;
}

bool is_html(std::string_view type) { return type.rfind("text/html", 0) == 0; }

std::string not_found_page(Lang lang, uint64_t generation, const std::string& overlay) {
    const bool en = lang == Lang::En;
    std::string page = "<!doctype html><html lang=\"" + std::string(lang_tag(lang)) +
                       "\"><meta charset=\"utf-8\"><title>404</title><body><h1>404</h1><p>";
    page += en ? "No such page in the site. It may have been deleted or renamed."
               : "网站中没有这个页面，它可能已被删除或改名。";
    // When the page comes (back), the reload shows it.
    page += "</p>" + overlay + reload_script(generation) + "</body></html>";
    return page;
}

uint64_t since_of(const httplib::Request& req) {
    uint64_t since = 0;
    for (const std::string& v : {req.get_param_value("since"), req.get_header_value("Last-Event-ID")}) {
        if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) continue;
        since = std::max<uint64_t>(since, std::stoull(v));
    }
    return since;
}

}  // namespace

void ServedSite::set(std::string output_dir, std::string overlay, Lang lang) {
    std::lock_guard lock(mutex_);
    output_dir_ = std::move(output_dir);
    overlay_ = std::move(overlay);
    lang_ = lang;
}
std::string ServedSite::output_dir() const {
    std::lock_guard lock(mutex_);
    return output_dir_;
}
std::string ServedSite::overlay() const {
    std::lock_guard lock(mutex_);
    return overlay_;
}
Lang ServedSite::lang() const {
    std::lock_guard lock(mutex_);
    return lang_;
}

SiteServer::SiteServer(const ServedSite& site, ReloadHub& hub)
    : site_(site), hub_(hub), http_(std::make_unique<httplib::Server>()) {
    route();
}

SiteServer::~SiteServer() { stop(); }

void SiteServer::route() {
    http_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    http_->set_payload_max_length(64 * 1024);
    http_->set_read_timeout(5);
    http_->set_write_timeout(5);
    http_->set_keep_alive_timeout(3);
    http_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content("only GET and HEAD\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });

    auto streams = std::make_shared<std::atomic<int>>(0);
    http_->Get(kEventsPath, [this, streams](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        const uint64_t since = since_of(req);
        if (streams->fetch_add(1) >= kMaxStreams) {
            streams->fetch_sub(1);
            res.set_content("retry: 3000\n\n", "text/event-stream");
            return;
        }
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, since](size_t, httplib::DataSink& sink) {
                const auto deadline = std::chrono::steady_clock::now() + kStreamLife;
                std::string hello = "retry: 500\n\n";
                sink.write(hello.data(), hello.size());
                while (!hub_.stopped() && std::chrono::steady_clock::now() < deadline) {
                    const uint64_t now = hub_.wait_past(since, std::chrono::milliseconds(5000));
                    if (now > since) {
                        const std::string event = "id: " + std::to_string(now) + "\nevent: reload\ndata: " +
                                                  std::to_string(now) + "\n\n";
                        sink.write(event.data(), event.size());
                        break;
                    }
                    if (!sink.is_writable()) break;
                    static constexpr char kPing[] = ": ping\n\n";
                    if (!sink.write(kPing, sizeof kPing - 1)) break;
                }
                sink.done();
                return true;
            },
            [streams](bool) { streams->fetch_sub(1); });
    });

    http_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        const auto rel = request_rel_path(req.target);
        if (!rel) {
            res.status = 400;
            res.set_content("bad request path\n", "text/plain; charset=utf-8");
            return;
        }
        const ResolvedFile file = resolve_in_output(site_.output_dir(), *rel);
        if (file.what == ResolvedFile::What::NeedsSlash) {
            const std::string target = req.target.substr(0, req.target.find('?'));
            res.set_redirect(target + "/", 301);
            return;
        }
        std::string bytes;
        if (file.what != ResolvedFile::What::File || !read_whole(file.abs_path, bytes)) {
            res.status = 404;
            res.set_content(not_found_page(site_.lang(), hub_.generation(), site_.overlay()), "text/html; charset=utf-8");
            return;
        }
        const std::string_view type = mime_type(file.abs_path);
        if (is_html(type)) bytes = inject_before_body_end(std::move(bytes), site_.overlay() + reload_script(hub_.generation()));
        res.set_content(std::move(bytes), std::string(type));
    });
}

int SiteServer::start(const std::string& host, int port) {
    int bound = port;
    if (port == 0)
        bound = http_->bind_to_any_port(host);
    else if (!http_->bind_to_port(host, port))
        bound = -1;
    if (bound < 0) return -1;
    listener_ = std::thread([this] { http_->listen_after_bind(); });
    return bound;
}

void SiteServer::stop() {
    hub_.stop();
    if (http_) http_->stop();
    if (listener_.joinable()) listener_.join();
}

}  // namespace chuxin::serve
