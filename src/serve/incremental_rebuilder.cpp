#include <chrono>

#include "serve/rebuilder.h"
#include "site/incremental.h"

namespace chuxin::serve {

namespace {

// site::IncrementalBuild behind the server's seam: the change set goes to it
// as it is, and what it did comes back as an outcome.
class IncrementalRebuilder : public Rebuilder {
public:
    explicit IncrementalRebuilder(site::BuildOptions options) : build_(std::move(options)) {}

    RebuildOutcome rebuild(const ChangeSet& changes) override {
        const auto start = std::chrono::steady_clock::now();
        Diagnostics diags;
        const site::BuildResult result = build_.rebuild(changes.paths, diags);
        return outcome_of(result, diags, build_.options().site_root, start);
    }

    void tidy() override { build_.tidy(); }

private:
    site::IncrementalBuild build_;
};

}  // namespace

std::unique_ptr<Rebuilder> make_incremental_rebuilder(site::BuildOptions options) {
    return std::make_unique<IncrementalRebuilder>(std::move(options));
}

}  // namespace chuxin::serve
