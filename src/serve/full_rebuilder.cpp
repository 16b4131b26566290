#include <chrono>

#include "load/site_config.h"
#include "serve/rebuilder.h"

namespace chuxin::serve {

Lang site_lang(const std::string& root) {
    model::SiteConfig config;
    Diagnostics ignored;  // the build itself reports site.yaml's problems
    load::read_site_config(root, config, ignored);
    return config.lang;
}

RebuildOutcome outcome_of(const site::BuildResult& result, const Diagnostics& diags, const std::string& site_root,
                          std::chrono::steady_clock::time_point start) {
    RebuildOutcome outcome;
    outcome.ok = result.ok;
    outcome.output_dir = result.output_dir;
    outcome.stats = result.stats;
    outcome.pages = result.pages;
    outcome.diagnostics = diags.sorted();
    outcome.lang = site_lang(site_root);
    outcome.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

namespace {

class FullRebuilder : public Rebuilder {
public:
    explicit FullRebuilder(site::BuildOptions options) : options_(std::move(options)) {}

    RebuildOutcome rebuild(const ChangeSet&) override {
        const auto start = std::chrono::steady_clock::now();
        Diagnostics diags;
        site::BuildResult result = site::run_build(options_, diags);
        options_.progress = nullptr;  // the progress line is for the first build only
        return outcome_of(result, diags, options_.site_root, start);
    }

private:
    site::BuildOptions options_;
};

}  // namespace

std::unique_ptr<Rebuilder> make_full_rebuilder(site::BuildOptions options) {
    return std::make_unique<FullRebuilder>(std::move(options));
}

}  // namespace chuxin::serve
