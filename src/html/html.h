#pragma once
// The HTML renderer: the model → a themed static site through Mustache
// (content-format §6). Templates see a view model of plain, pre-formatted
// strings, lists and booleans, never the model (style.md §11); docs/themes.md
// lists every field. Every link is relative, so the output works from any
// base path and from file://.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/output.h"
#include "model/model.h"

namespace chuxin::markdown {
struct Documents;
}

namespace chuxin::html {

// How relative links to pages are written.
enum class LinkStyle {
    IndexFile,  // "../cases/x/index.html": works from file:// too (default)
    Directory,  // "../cases/x/": pretty, needs a web server
};

struct RenderOptions {
    LinkStyle links = LinkStyle::IndexFile;
    int threads = 1;  // render_all's workers (site::BuildOptions::jobs); output is identical for any count
    // The markdown stage's trees (markdown::parse_site): page bodies and
    // section intros are rendered from them. None: bodies and intros are empty.
    const markdown::Documents* documents = nullptr;
};

// The parsed templates of one build. Each template is parsed once and
// shared read-only by every worker thread (render_tree.h walks the parsed
// tree without changing it), so nothing is parsed per page.
class TemplateSet {
public:
    TemplateSet();
    ~TemplateSet();
    TemplateSet(TemplateSet&&) noexcept;
    TemplateSet& operator=(TemplateSet&&) noexcept;

    struct Source {
        std::string name;    // "layout", "page", "minutes", … (file name without .mustache)
        std::string origin;  // where it came from: a file path, or "builtin:default/templates/x.mustache"
        std::string text;
    };
    // Adds (or replaces) a template; a syntax error is reported against `origin`.
    bool add(Source source, Diagnostics& diags);
    bool has(const std::string& name) const;
    const Source* source(const std::string& name) const;
    std::vector<std::string> names() const;  // sorted

    // Static files of the theme: output path → bytes (built-in) or absolute file.
    struct StaticFile {
        std::string rel;       // "css/chuxin.css"
        std::string abs_path;  // a file on disk, or "" for built-in bytes
        std::string bytes;     // built-in content when abs_path is empty
    };
    std::vector<StaticFile> static_files;  // sorted by rel, unique

private:
    friend class Renderer;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Lookup order per template name: <site>/templates/NAME.mustache →
// <site>/themes/<theme>/templates/NAME.mustache → the built-in theme
// (`default`). Static files: <site>/themes/<theme>/static/ over the built-in
// theme's static/ (the site's own static/ is copied by the Renderer, last).
// An unknown theme that is neither local nor built-in is an error.
TemplateSet load_templates(const std::string& site_root, const std::string& theme,
                           Diagnostics& diags);

// The names every theme must provide (the built-in theme has them all).
const std::vector<std::string>& template_names();

class Renderer {
public:
    Renderer(const model::Site& site, TemplateSet templates, Diagnostics& diags,
             RenderOptions options = {});
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Everything: pages, lists, calendars, overview, feeds, .ics, static files.
    void render_all(OutputSink& out);

    // Every output path render_one accepts (sorted, '/'-separated, relative):
    // "index.html", "cases/老支书/index.html", "schedules/2026/calendar.ics",
    // "sitemap.xml", "feed.xml", "css/chuxin.css", … For incremental rebuilds.
    std::vector<std::string> output_paths() const;
    // Renders (or copies) one output; unknown paths are ignored (returns false).
    bool render_one(const std::string& output_path, OutputSink& out);
    // Renders these outputs on the worker threads; unknown paths are ignored.
    void render_some(const std::vector<std::string>& output_paths, OutputSink& out);
    // Whether `output_path` is one of output_paths().
    bool makes(const std::string& output_path) const;
    // The page an output shows (its index in site.pages) when it is a
    // page's own HTML; -1 for every other output (lists, feeds, calendars,
    // static files).
    int page_of(const std::string& output_path) const;
    // What a list output lists, so that a rebuild renders only the lists
    // that hold a changed page: "section:<path>" (a section's list pages),
    // "tag:<name>", "org:<id>"; "static:" for a file copied or written as it
    // is (theme and site static files, content assets); "" for any other
    // output that is not a page's own (home, feeds, calendars, overview …),
    // which reads the whole site.
    std::string listed_group(const std::string& output_path) const;
    // The listed_group()s of the lists that show site.pages[page]: its
    // section and the sections above it (which show their sections'
    // counts), its tags, its branch. Empty for a page that is not built.
    std::vector<std::string> groups_listing(size_t page) const;
    // A hash of what every page's frame and links read from the whole site
    // — sections and their titles, tags and their URLs, calendar months,
    // whether there are checklists: when it changes, any page may change.
    uint64_t shared_inputs_hash() const;

    // A page's output path ("cases/老支书/index.html") from its site URL.
    static std::string output_path_of_url(const std::string& url);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chuxin::html
