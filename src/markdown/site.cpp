#include <algorithm>
#include <atomic>
#include <thread>

#include "markdown/markdown.h"

namespace chuxin::markdown {

void render_site(model::Site& site, const MarkdownOptions& site_options, Diagnostics& diags, int threads) {
    MarkdownOptions options = site_options;
    if (options.language.empty()) options.language = site.config.language;
    // Pages are independent: each worker takes the next unrendered index.
    // Output does not depend on the schedule (each page's result is its own).
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < site.pages.size(); i = next++) render_body(site.pages[i], options, diags);
    };
    int extra = std::max(0, std::min(threads, 16) - 1);
    std::vector<std::thread> workers;
    for (int t = 0; t < extra; ++t) workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();

    for (auto& [path, section] : site.sections) {
        section.intro_refs.clear();
        if (section.intro_markdown.empty()) continue;
        section.intro_html = render_fragment(section.intro_markdown, section.source, section.intro_body_line,
                                             options, section.intro_refs, diags);
    }
}

}  // namespace chuxin::markdown
