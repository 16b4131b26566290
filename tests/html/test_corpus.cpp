// Renders a real site (e.g. bench/gen_corpus.py output) and times the HTML
// stage alone, without disk writes: CHUXIN_CORPUS=/path/to/site.
// Hidden ([.]) so that the normal test run does not depend on a corpus.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "site/pipeline.h"
#include "html/html.h"

using namespace chuxin;

namespace {

class CountingOutput : public OutputSink {
public:
    void write(const std::string&, std::string_view bytes) override {
        bytes_ += bytes.size();
        ++files_;
    }
    void copy(const std::string&, const std::string&) override { ++files_; }
    std::atomic<size_t> bytes_{0};
    std::atomic<size_t> files_{0};
};

}  // namespace

TEST_CASE("render a corpus and time the HTML stage", "[.corpus]") {
    const char* root = std::getenv("CHUXIN_CORPUS");
    if (!root) return;
    site::BuildOptions opts;
    opts.site_root = root;
    opts.as_of = Date{2026, 7, 1};
    Diagnostics diags;
    const auto prepared = site::prepare(opts, diags);
    const auto& site = prepared.site;
    REQUIRE_FALSE(diags.has_errors());
    const double cpu0 = static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
    const auto wall0 = std::chrono::steady_clock::now();
    html::RenderOptions ro;
    ro.documents = &prepared.documents;
    html::Renderer renderer(site, html::load_templates(site.root, site.config.theme, diags), diags, ro);
    CountingOutput out;
    renderer.render_all(out);
    const double cpu = static_cast<double>(std::clock()) / CLOCKS_PER_SEC - cpu0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    WARN(site.pages.size() << " pages: " << out.files_.load() << " files, " << out.bytes_.load() / 1048576
                           << " MiB, html CPU " << cpu << " s, wall " << wall << " s");
}
