#include <algorithm>
#include <atomic>
#include <thread>

#include "markdown/markdown.h"

namespace chuxin::markdown {

Documents parse_site(model::Site& site, const MarkdownOptions& site_options, Diagnostics& diags, int threads,
                     const TreesKept& kept) {
    MarkdownOptions options = site_options;
    if (!options.lang) options.lang = site.config.lang;
    Documents docs;
    docs.pages.resize(site.pages.size());
    // Pages are independent: each worker takes the next unparsed index.
    // Output does not depend on the schedule (each page's result is its own).
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < site.pages.size(); i = next++) {
            docs.pages[i] = parse_body(site.pages[i], options, diags);
            if (kept.read_tree) kept.read_tree(i, docs.pages[i]);
            if (!kept.keeps(i)) docs.pages[i].release_tree();
        }
    };
    int extra = std::max(0, std::min(threads, 16) - 1);
    std::vector<std::thread> workers;
    for (int t = 0; t < extra; ++t) workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();
    docs.cmark_parses = site.pages.size();

    for (auto& [path, section] : site.sections) {
        section.intro_refs.clear();
        if (section.intro_markdown.empty()) continue;
        docs.intros[path] = parse_fragment(section.intro_markdown, section.source, section.intro_body_line, options,
                                           section.intro_refs, diags);
        ++docs.cmark_parses;
    }
    return docs;
}

}  // namespace chuxin::markdown
