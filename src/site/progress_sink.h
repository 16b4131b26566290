#pragma once
// Counts the files a build writes, for the progress line (BuildOptions::
// progress), and passes them on unchanged.
#include <atomic>
#include <functional>

#include "core/output.h"
#include "model/model.h"
#include "site/pipeline.h"

namespace chuxin::site {

// About how many files a site makes: a page each, its static files and
// assets, and a tenth more for lists, tags, feeds and calendars. Only the
// progress line's "of about N" uses it.
inline size_t expected_outputs(const model::Site& site) {
    const size_t files = site.pages.size() + site.static_files.size() + site.content_assets.size();
    return files + files / 10 + 16;
}

class ProgressSink : public OutputSink {
public:
    ProgressSink(OutputSink& out, const std::function<void(const BuildProgress&)>& progress, size_t expected)
        : out_(out), progress_(progress), expected_(expected) {}
    void write(const std::string& rel, std::string_view bytes) override {
        out_.write(rel, bytes);
        counted();
    }
    void copy(const std::string& rel, const std::string& source) override {
        out_.copy(rel, source);
        counted();
    }

private:
    void counted() {
        const size_t done = ++done_;
        progress_(BuildProgress{"write", done, std::max(done, expected_)});
    }

    OutputSink& out_;
    const std::function<void(const BuildProgress&)>& progress_;
    size_t expected_;
    std::atomic<size_t> done_{0};
};

}  // namespace chuxin::site
