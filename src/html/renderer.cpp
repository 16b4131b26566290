// The renderer: plans every output once (path → what produces it), then
// renders them on worker threads. Each output depends only on the model, so
// the files are identical for any thread count and any order.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <libxml/parser.h>

#include "core/fnv.h"
#include "html/stage_inputs.h"
#include "html/context.h"
#include "html/feeds.h"
#include "html/render_tree.h"
#include "html/view.h"

namespace chuxin::html {

namespace {

enum class OutKind {
    Page, Ics, Section, Home, Tags, Tag, Orgs, Org, Month, Year, Overview, Search,
    Sitemap, Feed, ThemeStatic, SiteStatic, ContentAsset,
};

struct Output {
    std::string path;  // relative output path
    OutKind kind = OutKind::Page;
    int index = -1;    // page, tag, static file … depending on kind
    std::string key;   // section path, org id, source file
    int year = 0, month = 0;
    std::string url;   // site URL of an HTML output (sitemap)
    const Data* frame = nullptr;  // the shared frame (nav …) of its depth and section
    int page_no = 1;              // of a paged list (section, tag)
    bool html() const { return kind != OutKind::Ics && kind < OutKind::Sitemap; }
};

const char* template_of(OutKind kind) {
    switch (kind) {
        case OutKind::Section: return "section";
        case OutKind::Home: return "home";
        case OutKind::Tags: return "tags";
        case OutKind::Tag: return "tag";
        case OutKind::Orgs: return "orgs";
        case OutKind::Org: return "org";
        case OutKind::Month: return "month";
        case OutKind::Year: return "year";
        case OutKind::Overview: return "overview";
        case OutKind::Search: return "search";
        default: return "page";
    }
}

std::string url_of_path(const std::string& path) {
    const std::string_view index = "index.html";
    size_t keep = path.size();
    if (path.size() >= index.size() && path.compare(path.size() - index.size(), index.size(), index) == 0)
        keep -= index.size();
    // Appended, not "/" + …: GCC 12 warns falsely (-Wrestrict) on that form here.
    std::string url;
    url.reserve(keep + 1);
    url += '/';
    url.append(path, 0, keep);
    return url;
}

}  // namespace

struct Renderer::Impl {
    const model::Site& site;
    TemplateSet templates;
    Diagnostics& diags;
    RenderOptions options;
    SiteIndex index;
    Ui ui;
    Links links;
    Data globals{Data::type::object};
    std::map<std::string, std::unique_ptr<CompiledTemplate>> compiled;  // by name, shared by the workers
    std::vector<Output> outputs;              // sorted by path
    std::map<std::pair<size_t, std::string>, Data> frames;  // (depth, nav section) → frame
    std::map<std::string, size_t> by_path;
    std::mutex error_mutex;
    std::set<std::string> reported;           // template errors, once each

    // What one worker thread renders with: the shared parsed templates, and
    // its own buffers (reused: no allocation per page).
    struct Parsed {
        std::map<std::string, const CompiledTemplate*> templates;
        std::string content;     // the content template's output
        std::string buffer;      // the page
        const CompiledTemplate* find(const std::string& name) const {
            auto it = templates.find(name);
            return it == templates.end() ? nullptr : it->second;
        }
    };

    Impl(const model::Site& s, TemplateSet t, Diagnostics& d, RenderOptions o)
        : site(s), templates(std::move(t)), diags(d), options(o), index(s),
          ui(s.config.lang), links(o.links) {
        build_globals();
        plan();
    }

    void build_globals();
    void build_frames();
    std::string nav_of(const Output& out) const;
    void plan();
    void add(Output out, const SourcePos& owner);
    Parsed parse_for_worker();
    // Renders into `buffer` (a worker's, reused: no allocation per page).
    void render_template(Parsed& parsed, const std::string& name, const Data& view, const Data* frame,
                         std::string& buffer);
    Data view_of(const Output& out, const Ctx& ctx);
    void render(const Output& out, Parsed& parsed, OutputSink& sink);
    // Renders outputs[i] for each i of `chosen` on the worker threads.
    void render_on_workers(const std::vector<size_t>& chosen, OutputSink& out);
    // A failure in one output is reported and the others still render.
    void render_guarded(const Output& out, Parsed& parsed, OutputSink& sink) {
        try {
            render(out, parsed, sink);
        } catch (const std::exception& e) {
            diags.error(SourcePos{out.index >= 0 && out.kind == OutKind::Page ? site.pages[out.index].path
                                                                                : out.path, 0, 0},
                        "cannot render '" + out.path + "': " + e.what());
        }
    }
    std::vector<SitemapEntry> sitemap_entries() const;
};

void Renderer::Impl::build_globals() {
    const auto& cfg = site.config;
    globals["site_title"] = Data(cfg.title);
    globals["publisher"] = cfg.publisher.empty() ? Data(false) : Data(cfg.publisher);
    globals["lang"] = Data(std::string(lang_tag(ui.lang())));
    globals["as_of"] = Data(ui.date(site.as_of));
    globals["as_of_iso"] = Data(site.as_of.iso());
    globals["generator"] = Data(std::string("chuxin"));
    for (const auto& e : Ui::table())
        globals[std::string("ui_") + e.key] = Data(std::string(ui.lang() == Lang::En ? e.en : e.zh));
    globals.seal();  // sorted once: every lookup of a page is then a binary search
    // Every template can also be used as a partial ({{> name}}): see
    // parse_for_worker.
    for (const auto& [name, tpl] : templates.impl_->parsed) compiled[name] = std::make_unique<CompiledTemplate>(*tpl);
}

void Renderer::Impl::add(Output out, const SourcePos& owner) {
    auto [it, fresh] = by_path.emplace(out.path, outputs.size());
    if (!fresh) {
        diags.error(owner, "two outputs would be written to '" + out.path + "'",
                    "change a `slug` or rename a file so that every page has its own URL");
        return;
    }
    outputs.push_back(std::move(out));
}

void Renderer::Impl::plan() {
    const SourcePos site_yaml{"site.yaml", 0, 0};
    for (size_t i = 0; i < site.pages.size(); ++i) {
        if (!index.is_built(static_cast<int>(i))) continue;
        const auto& page = site.pages[i];
        const int idx = static_cast<int>(i);
        add({index.out_path[i], OutKind::Page, idx, {}, 0, 0, page.url}, page.front_matter);
        if (page.kind == model::Kind::Schedule)
            add({ics_output_path(page), OutKind::Ics, idx, {}, 0, 0, {}}, page.front_matter);
    }
    add({"index.html", OutKind::Home, -1, "", 0, 0, "/"}, site_yaml);
    for (const auto& [path, section] : site.sections) {
        if (path.empty()) continue;
        const std::string url = "/" + path + "/";
        size_t built = 0;
        for (int p : section.pages) built += index.is_built(p) ? 1 : 0;
        for (int n = 1; n <= list_page_count(built); ++n) {
            const std::string page_url = list_page_url(url, n);
            add({output_path_of(page_url), OutKind::Section, -1, path, 0, 0, page_url, nullptr, n}, site_yaml);
        }
    }
    if (!index.tags.empty()) {
        add({output_path_of(kTagsUrl), OutKind::Tags, -1, {}, 0, 0, kTagsUrl}, site_yaml);
        for (size_t t = 0; t < index.tags.size(); ++t)
            for (int n = 1; n <= list_page_count(index.tags[t].pages.size()); ++n) {
                const std::string page_url = list_page_url(index.tags[t].url, n);
                add({output_path_of(page_url), OutKind::Tag, static_cast<int>(t), {}, 0, 0, page_url, nullptr, n},
                    site_yaml);
            }
    }
    if (!site.config.orgs.empty()) {
        add({output_path_of(kOrgsUrl), OutKind::Orgs, -1, {}, 0, 0, kOrgsUrl}, site_yaml);
        for (const auto& org : site.config.orgs)
            add({output_path_of(org_url(org.id)), OutKind::Org, -1, org.id, 0, 0, org_url(org.id)}, site_yaml);
    }
    for (const auto& [y, m] : index.months)
        add({output_path_of(month_url(y, m)), OutKind::Month, -1, {}, y, m, month_url(y, m)}, site_yaml);
    for (int y : index.years)
        add({output_path_of(year_url(y)), OutKind::Year, -1, {}, y, 0, year_url(y)}, site_yaml);
    if (!index.checklists.empty())
        add({output_path_of(kOverviewUrl), OutKind::Overview, -1, {}, 0, 0, kOverviewUrl}, site_yaml);
    if (site.config.search)
        add({output_path_of(kSearchUrl), OutKind::Search, -1, {}, 0, 0, kSearchUrl}, site_yaml);
    add({"sitemap.xml", OutKind::Sitemap, -1, {}, 0, 0, {}}, site_yaml);
    add({"feed.xml", OutKind::Feed, -1, {}, 0, 0, {}}, site_yaml);
    // Static files: the site's own static/ wins over the theme's (content-format §1).
    std::set<std::string> site_static(site.static_files.begin(), site.static_files.end());
    for (size_t s = 0; s < templates.static_files.size(); ++s)
        if (!site_static.count(templates.static_files[s].rel))
            add({templates.static_files[s].rel, OutKind::ThemeStatic, static_cast<int>(s), {}, 0, 0, {}}, site_yaml);
    for (const auto& rel : site.static_files)
        add({rel, OutKind::SiteStatic, -1, rel, 0, 0, {}}, SourcePos{"static/" + rel, 0, 0});
    // Content assets keep their place under content/ (content-format §8).
    for (const auto& rel : site.content_assets)
        add({rel, OutKind::ContentAsset, -1, rel, 0, 0, {}}, SourcePos{"content/" + rel, 0, 0});
    // Sort by path through an index (moving Outputs around is what costs).
    std::vector<size_t> order(outputs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return outputs[a].path < outputs[b].path; });
    std::vector<Output> sorted;
    sorted.reserve(outputs.size());
    for (size_t i : order) sorted.push_back(std::move(outputs[i]));
    outputs = std::move(sorted);
    by_path.clear();
    for (size_t i = 0; i < outputs.size(); ++i) by_path[outputs[i].path] = i;
    build_frames();
}

std::string Renderer::Impl::nav_of(const Output& out) const {
    switch (out.kind) {
        case OutKind::Page: return nav_section_of(site.pages[out.index].section);
        case OutKind::Section: return nav_section_of(out.key);
        case OutKind::Tags: case OutKind::Tag: return "tags";
        case OutKind::Orgs: case OutKind::Org: return "orgs";
        case OutKind::Month: case OutKind::Year: return "calendar";
        case OutKind::Overview: return "checklists";
        default: return "";
    }
}

// One frame per (folder depth, top section): nothing per page.
void Renderer::Impl::build_frames() {
    for (auto& out : outputs) {
        if (!out.html()) continue;
        const size_t depth = static_cast<size_t>(std::count(out.path.begin(), out.path.end(), '/'));
        const std::string nav = nav_of(out);
        auto key = std::make_pair(depth, nav);
        auto it = frames.find(key);
        if (it == frames.end()) {
            const Ctx ctx{site, index, ui, links, out.path, options.documents};
            it = frames.emplace(key, frame_view(ctx, nav)).first;
        }
        out.frame = &it->second;
    }
}

Renderer::Impl::Parsed Renderer::Impl::parse_for_worker() {
    Parsed parsed;
    for (const auto& [name, tpl] : compiled) parsed.templates[name] = tpl.get();
    parsed.content.reserve(1 << 16);
    parsed.buffer.reserve(1 << 16);
    return parsed;
}

void Renderer::Impl::render_template(Parsed& parsed, const std::string& name, const Data& view,
                                     const Data* frame, std::string& buffer) {
    buffer.clear();
    const CompiledTemplate* tpl = parsed.find(name);
    if (!tpl) return;
    ViewContext ctx(&view, frame, &globals);
    // {{> name}}: any template of the set, by name.
    const PartialFinder partials = [&parsed](const std::string& partial) { return parsed.find(partial); };
    if (!render_tree(*tpl, ctx, partials, buffer)) {
        std::lock_guard lock(error_mutex);
        if (reported.insert(name).second) {
            const auto* src = templates.source(name);
            diags.error(SourcePos{src ? src->origin : name, 0, 0},
                        "template error: partials nest too deep (does a partial include itself?)");
        }
    }
}

Data Renderer::Impl::view_of(const Output& out, const Ctx& ctx) {
    switch (out.kind) {
        case OutKind::Page: return page_view(ctx, out.index);
        case OutKind::Section: return section_view(ctx, out.key, out.page_no);
        case OutKind::Home: return home_view(ctx);
        case OutKind::Tags: return tags_view(ctx);
        case OutKind::Tag: return tag_view(ctx, static_cast<size_t>(out.index), out.page_no);
        case OutKind::Orgs: return orgs_view(ctx);
        case OutKind::Org: return org_view(ctx, out.key);
        case OutKind::Month: return month_view(ctx, out.year, out.month);
        case OutKind::Year: return year_view(ctx, out.year);
        case OutKind::Overview: return overview_view(ctx);
        case OutKind::Search: return search_view(ctx);
        default: return Data(Data::type::object);
    }
}

void Renderer::Impl::render(const Output& out, Parsed& parsed, OutputSink& sink) {
    namespace fs = std::filesystem;
    switch (out.kind) {
        case OutKind::Ics: {
            std::string ics = schedule_ics(site, site.pages[out.index]);
            if (!ics.empty()) sink.write(out.path, ics);
            return;
        }
        case OutKind::Sitemap: sink.write(out.path, sitemap_xml(site.config.base_url, sitemap_entries())); return;
        case OutKind::Feed: sink.write(out.path, atom_feed(index)); return;
        case OutKind::ThemeStatic: {
            const auto& file = templates.static_files[out.index];
            if (file.abs_path.empty()) sink.write(out.path, file.bytes);
            else sink.copy(out.path, file.abs_path);
            return;
        }
        case OutKind::SiteStatic:
            sink.copy(out.path, (fs::path(site.root) / "static" / out.key).string());
            return;
        case OutKind::ContentAsset:
            sink.copy(out.path, (fs::path(site.root) / "content" / out.key).string());
            return;
        default: break;
    }
    const Ctx ctx{site, index, ui, links, out.path, options.documents};
    Data view = view_of(out, ctx);
    const std::string name =
        out.kind == OutKind::Page ? model::kind_name(site.pages[out.index].kind) : template_of(out.kind);
    render_template(parsed, name, view, out.frame, parsed.content);
    // The content moves into the view and back out: no copy, and the worker
    // keeps the buffer's capacity for the next page.
    Data& content = view.set("content", Data(std::move(parsed.content)));
    render_template(parsed, "layout", view, out.frame, parsed.buffer);
    parsed.content = std::move(content.string_value());
    sink.write(out.path, parsed.buffer);
}

std::vector<SitemapEntry> Renderer::Impl::sitemap_entries() const {
    std::vector<SitemapEntry> entries;
    for (const auto& out : outputs) {
        if (!out.html()) continue;
        std::optional<Date> lastmod;
        if (out.kind == OutKind::Page) lastmod = site.pages[out.index].date;
        entries.push_back({out.url.empty() ? url_of_path(out.path) : out.url, lastmod});
    }
    return entries;
}

Renderer::Renderer(const model::Site& site, TemplateSet templates, Diagnostics& diags, RenderOptions options)
    : impl_(std::make_unique<Impl>(site, std::move(templates), diags, options)) {}

Renderer::~Renderer() = default;

std::vector<std::string> Renderer::output_paths() const {
    std::vector<std::string> paths;
    paths.reserve(impl_->outputs.size());
    for (const auto& out : impl_->outputs) paths.push_back(out.path);
    return paths;
}

bool Renderer::makes(const std::string& output_path) const { return impl_->by_path.count(output_path) > 0; }

int Renderer::page_of(const std::string& output_path) const {
    auto it = impl_->by_path.find(output_path);
    if (it == impl_->by_path.end()) return -1;
    const Output& out = impl_->outputs[it->second];
    return out.kind == OutKind::Page ? out.index : -1;
}

std::string Renderer::listed_group(const std::string& output_path) const {
    auto it = impl_->by_path.find(output_path);
    if (it == impl_->by_path.end()) return {};
    const Output& out = impl_->outputs[it->second];
    switch (out.kind) {
        case OutKind::Section: return "section:" + out.key;
        case OutKind::Tag: return "tag:" + impl_->index.tags[static_cast<size_t>(out.index)].name;
        case OutKind::Org: return "org:" + out.key;
        case OutKind::ThemeStatic: case OutKind::SiteStatic: case OutKind::ContentAsset: return "static:";
        default: return {};
    }
}

std::vector<std::string> Renderer::groups_listing(size_t page_index) const {
    std::vector<std::string> groups;
    if (!impl_->index.is_built(static_cast<int>(page_index))) return groups;
    const model::Page& page = impl_->site.pages[page_index];
    for (std::string section = page.section;;) {
        groups.push_back("section:" + section);
        const size_t slash = section.rfind('/');
        if (slash == std::string::npos) break;
        section.resize(slash);
    }
    for (const std::string& tag : page.tags) groups.push_back("tag:" + tag_name(tag));
    if (!page.org.empty()) groups.push_back("org:" + page.org);
    return groups;
}

uint64_t Renderer::shared_inputs_hash() const {
    const SiteIndex& index = impl_->index;
    uint64_t h = kFnvOffset;
    auto add = [&h](std::string_view text) { h = fnv1a64_field(text, h); };
    for (const TagInfo& tag : index.tags) {
        add(tag.name);
        add(tag.url);
    }
    add("months");
    for (const auto& [y, m] : index.months) add(std::to_string(y * 100 + m));
    add(index.checklists.empty() ? "no checklists" : "checklists");
    for (const auto& [path, section] : impl_->site.sections) {
        add(path);
        add(section.title);
    }
    return h;
}

bool Renderer::render_one(const std::string& output_path, OutputSink& out) {
    auto it = impl_->by_path.find(output_path);
    if (it == impl_->by_path.end()) return false;
    auto parsed = impl_->parse_for_worker();
    impl_->render_guarded(impl_->outputs[it->second], parsed, out);
    return true;
}

void Renderer::render_all(OutputSink& out) {
    std::vector<size_t> all(impl_->outputs.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    impl_->render_on_workers(all, out);
}

void Renderer::render_some(const std::vector<std::string>& output_paths, OutputSink& out) {
    std::vector<size_t> chosen;
    for (const std::string& path : output_paths) {
        auto it = impl_->by_path.find(path);
        if (it != impl_->by_path.end()) chosen.push_back(it->second);
    }
    impl_->render_on_workers(chosen, out);
}

void Renderer::Impl::render_on_workers(const std::vector<size_t>& chosen, OutputSink& out) {
    xmlInitParser();  // before the workers: libxml2's first use is not thread-safe
    // A worker costs more to start than a few outputs cost to render.
    const int workers = chosen.size() < 32 ? 1 : std::max(1, options.threads);
    std::atomic<size_t> next{0};
    auto work = [&] {
        auto parsed = parse_for_worker();
        for (size_t i = next++; i < chosen.size(); i = next++) render_guarded(outputs[chosen[i]], parsed, out);
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
}

std::string Renderer::output_path_of_url(const std::string& url) { return output_path_of(url); }

}  // namespace chuxin::html
