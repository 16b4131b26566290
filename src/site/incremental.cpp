#include "site/incremental.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <map>
#include <set>

#include "core/fnv.h"
#include "handbook/handbook.h"
#include "html/html.h"
#include "load/load.h"
#include "markdown/markdown.h"
#include "site/content_hash.h"
#include "site/handbooks.h"
#include "site/incremental_search.h"
#include "site/manifest.h"

namespace chuxin::site {

namespace {

const std::string kContent = "content/";

// What a page's body gave the other stages, taken right after the markdown
// stage, before the graph resolves refs and finishes the summary: what a
// later rebuild puts back for a body it does not parse again.
struct BodyFacts {
    std::vector<model::Heading> headings;
    std::vector<model::Ref> refs;
    std::string summary;
    uint64_t hash = 0;  // of the three, without positions: what other pages can read
};

uint64_t facts_hash(const model::Page& page) {
    uint64_t h = kFnvOffset;
    auto add = [&h](std::string_view text) { h = fnv1a64_field(text, h); };
    for (const model::Heading& heading : page.headings) {
        add(std::to_string(heading.level));
        add(heading.text);
        add(heading.anchor);
    }
    add("refs");
    for (const model::Ref& ref : page.body_refs) add(ref.text);
    add("summary");
    add(page.summary);
    return h;
}

BodyFacts facts_of(const model::Page& page) {
    return {page.headings, page.body_refs, page.summary, facts_hash(page)};
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool is_page_file(const std::string& path) {
    if (path.compare(0, kContent.size(), kContent) != 0 || !load::is_markdown_name(path)) return false;
    return load::file_stem(path) != "_index";
}

// The pages each page's outputs read besides itself, by path: the pages it
// cites and that cite it (any field: the backlinks hold both ends), its
// neighbours in its section, the minutes that fulfil its occurrences (and
// the schedule a minutes fulfils), the pages a handbook includes. Read from
// the finished model, so that it holds for the rendered outputs.
using ReadsOf = std::map<std::string, std::set<std::string>>;

ReadsOf pages_read(const model::Site& site) {
    ReadsOf reads;
    auto both = [&](int a, int b) {
        if (a < 0 || b < 0 || a == b) return;
        const auto& pa = site.pages[static_cast<size_t>(a)].path;
        const auto& pb = site.pages[static_cast<size_t>(b)].path;
        reads[pa].insert(pb);
        reads[pb].insert(pa);
    };
    for (const auto& [key, links] : site.backlinks) {
        auto it = site.by_id.find(key.substr(0, key.find('#')));
        if (it == site.by_id.end()) continue;
        for (const model::Backlink& link : links) both(link.from, it->second);
    }
    for (const auto& [path, section] : site.sections)
        for (size_t k = 0; k + 1 < section.pages.size(); ++k) both(section.pages[k], section.pages[k + 1]);
    for (size_t i = 0; i < site.pages.size(); ++i) {
        const int self = static_cast<int>(i);
        if (const auto* sched = site.pages[i].as<model::Schedule>())
            for (const model::Occurrence& occ : sched->occurrences)
                for (int by : occ.fulfilled_by) both(self, by);
        if (const auto* book = site.pages[i].as<model::Handbook>())
            for (const model::HandbookPart& part : book->include)
                for (int p : part.pages) both(self, p);
    }
    return reads;
}

// Forwards to the staged output and remembers what each output's bytes hash
// to, so that a rebuild can tell which pages came out different.
class HashingSink : public OutputSink {
public:
    explicit HashingSink(OutputSink& inner) : inner_(inner) {}
    void write(const std::string& rel, std::string_view bytes) override {
        const uint64_t h = content_hash(bytes);
        {
            std::lock_guard lock(mutex_);
            hashes_[rel] = h;
        }
        inner_.write(rel, bytes);
    }
    void copy(const std::string& rel, const std::string& source) override {
        {
            std::lock_guard lock(mutex_);
            hashes_[rel] = 0;
        }
        inner_.copy(rel, source);
    }
    const std::map<std::string, uint64_t>& hashes() const { return hashes_; }

private:
    OutputSink& inner_;
    std::mutex mutex_;
    std::map<std::string, uint64_t> hashes_;
};

// Which files of the last build a partial one removes: of the search index,
// what its update says is gone — or, when the whole index was written, each
// file of it not written now; of the rest, what `others_gone` says.
struct GoneRule {
    const html::Renderer* renderer = nullptr;  // its outputs (the results page search/index.html …) are not the index's
    const HashingSink* written = nullptr;      // set once the sink exists
    std::set<std::string> search_gone;
    bool search_updated = false;
    std::function<bool(const std::string&)> others_gone;

    std::function<bool(const std::string&)> predicate() {
        return [this](const std::string& rel) {
            if (rel.compare(0, 7, "search/") == 0 && !(renderer && renderer->makes(rel)))
                return search_updated ? search_gone.count(rel) > 0 : !written || !written->hashes().count(rel);
            return others_gone && others_gone(rel);
        };
    }
};

// The staged output of a partial build: what it wrote (hashed) and the rule
// for what of the last build goes. Built in place: the rule refers to it.
struct PartialOutput {
    GoneRule gone;
    StagedOutput staged;
    HashingSink out;

    PartialOutput(const std::string& dir, Diagnostics& diags, OutputOptions options, const html::Renderer& renderer,
                  std::function<bool(const std::string&)> others_gone)
        : gone{&renderer, nullptr, {}, false, std::move(others_gone)},
          staged(dir, diags, with_rule(std::move(options), gone)),
          out(staged) {
        gone.written = &out;
    }
    PartialOutput(const PartialOutput&) = delete;
    PartialOutput& operator=(const PartialOutput&) = delete;

private:
    static OutputOptions with_rule(OutputOptions options, GoneRule& rule) {
        options.gone = rule.predicate();
        return options;
    }
};

}  // namespace

struct IncrementalBuild::Kept {
    load::SiteSources sources;                   // as read from disk, before the site-wide checks
    KeptBuild build;
    std::vector<BodyFacts> facts;                // per page, as the markdown stage left it
    std::map<std::string, std::vector<model::Ref>> intro_refs;  // per section, as parsed
    std::map<std::string, size_t> page_by_path;  // "content/a.md" → page index
    std::set<std::string> files_with_diagnostics;
    std::vector<Diagnostic> diagnostics;         // the build's warnings, reported again by each rebuild
    markdown::TreesKept trees;                   // which trees the handbooks walk later
    std::string output_dir;
    std::map<std::string, uint64_t> manifest;    // what each output's bytes hashed to
    ReadsOf reads;
    uint64_t shared_inputs = 0;                  // html::Renderer::shared_inputs_hash
    IncrementalSearch search;
};

// One changed page: its new body and the tree parsed from it.
struct IncrementalBuild::PageEdit {
    size_t page = 0;
    std::string body;
    markdown::Document document;
};

IncrementalBuild::IncrementalBuild(BuildOptions options) : options_(std::move(options)) {}
IncrementalBuild::~IncrementalBuild() = default;

void IncrementalBuild::tidy() { retired_.reset(); }

BuildResult IncrementalBuild::rebuild(const std::vector<std::string>& changed, Diagnostics& diags) {
    tidy();
    if (!kept_ || changed.empty()) return full(diags);
    std::vector<PageEdit> edits;
    if (body_edits(changed, edits)) return apply(edits, diags);
    if (can_reassemble(changed)) return reassemble(changed, diags);
    return full(diags);
}

void IncrementalBuild::keep(std::unique_ptr<Kept> kept, const BuildResult& result, const Diagnostics& diags) {
    const model::Site& site = kept->build.prepared.site;
    kept->page_by_path.clear();
    for (size_t i = 0; i < site.pages.size(); ++i) kept->page_by_path[site.pages[i].path] = i;
    kept->diagnostics = diags.sorted();
    kept->files_with_diagnostics.clear();
    for (const Diagnostic& d : kept->diagnostics) kept->files_with_diagnostics.insert(d.pos.file);
    kept->trees = trees_walked_later(site, options_);
    kept->output_dir = result.output_dir;
    kept->manifest = manifest_hashes(result.output_dir + "/" + StagedOutput::kManifest);
    kept->reads = pages_read(site);
    kept->shared_inputs = kept->build.renderer->shared_inputs_hash();
    kept_ = std::move(kept);
}

BuildResult IncrementalBuild::full(Diagnostics& diags) {
    last_scope_ = RebuildScope::Full;
    kept_.reset();  // a full build needs none of it: its memory first
    auto kept = std::make_unique<Kept>();
    PrepareHooks hooks;
    hooks.load = [&](Diagnostics& d) {
        load::LoadOptions lo;
        lo.include_drafts = options_.drafts;
        lo.threads = worker_count(options_);
        kept->sources = load::read_sources(options_.site_root, lo);
        return load::assemble_sources(kept->sources, d);
    };
    hooks.after_markdown = [&](const model::Site& site) {
        kept->facts.reserve(site.pages.size());
        for (const model::Page& page : site.pages) kept->facts.push_back(facts_of(page));
        for (const auto& [path, section] : site.sections) kept->intro_refs[path] = section.intro_refs;
    };
    BuildResult result = run_build_kept(options_, diags, kept->build, hooks);
    options_.progress = nullptr;  // a progress line is for the first build only
    if (!result.ok || !kept->build.renderer) {
        kept_.reset();  // the next rebuild starts from the files again
        return result;
    }
    kept->search.start(kept->build.prepared.site, kept->build.prepared.search_texts);
    keep(std::move(kept), result, diags);
    return result;
}

bool IncrementalBuild::body_edits(const std::vector<std::string>& changed, std::vector<PageEdit>& edits) const {
    const model::Site& site = kept_->build.prepared.site;
    const markdown::MarkdownOptions md = markdown_options(site);
    for (const std::string& path : changed) {
        auto it = kept_->page_by_path.find(path);
        // Not a page of the last build (site.yaml, a template, _index.md, a
        // new file …), or one with warnings, which a full build reports
        // with their positions of now.
        if (it == kept_->page_by_path.end() || kept_->files_with_diagnostics.count(path)) return false;
        const model::Page& old = site.pages[it->second];
        Diagnostics quiet;
        load::LoadedFile loaded = load::read_content_file(site.root, path.substr(kContent.size()), site.config, quiet);
        // Gone, unreadable or with problems: a full build reports them.
        if (quiet.error_count() + quiet.warning_count() > 0 || loaded.role != load::LoadedFile::Role::Page)
            return false;
        model::Page& fresh = loaded.page;
        if (fresh.front_matter_hash != old.front_matter_hash || fresh.body_line != old.body_line) return false;
        if (fresh.body == old.body) continue;  // saved again, or touched: nothing to do for it
        markdown::Document doc = markdown::parse_body(fresh, md, quiet);
        if (quiet.error_count() + quiet.warning_count() > 0) return false;
        if (facts_hash(fresh) != kept_->facts[it->second].hash) return false;
        edits.push_back({it->second, std::move(fresh.body), std::move(doc)});
    }
    return true;
}

BuildResult IncrementalBuild::apply(std::vector<PageEdit>& edits, Diagnostics& diags) {
    const auto start = std::chrono::steady_clock::now();
    PreparedSite& prepared = kept_->build.prepared;
    model::Site& site = prepared.site;
    BuildResult result;
    result.pages = site.pages.size();
    result.output_dir = kept_->output_dir;
    for (const Diagnostic& d : kept_->diagnostics) diags.add(d);
    if (edits.empty()) {
        last_scope_ = RebuildScope::Unchanged;
        result.ok = true;
        result.stats.committed = true;
        result.phases.push_back({"unchanged", ms_since(start)});
        return result;
    }
    last_scope_ = RebuildScope::Pages;

    // The model and the markdown stage's result, as a full build of the
    // edited files would have them: the new body and its tree. Refs,
    // headings and summary are those of the last build (the same facts).
    std::set<size_t> edited;
    for (PageEdit& edit : edits) {
        const size_t i = edit.page;
        edited.insert(i);
        site.pages[i].body = std::move(edit.body);
        if (load::LoadedFile* source = load::find_source(kept_->sources, site.pages[i].rel))
            source->page.body = site.pages[i].body;  // what the next reassembly starts from
        if (site.config.search && i < prepared.search_texts.pages.size())
            prepared.search_texts.read(site, i, edit.document);
        if (!kept_->trees.keeps(i)) edit.document.release_tree();
        prepared.documents.pages[i] = std::move(edit.document);
    }
    result.phases.push_back({"markdown", ms_since(start)});

    // The same outputs as before, but for files of the search index.
    PartialOutput partial(result.output_dir, diags, output_options(site, options_), *kept_->build.renderer, {});
    if (!partial.staged.ok()) return result;
    GoneRule& gone = partial.gone;
    StagedOutput& staged = partial.staged;
    HashingSink& out = partial.out;
    for (size_t i : edited)
        kept_->build.renderer->render_one(html::Renderer::output_path_of_url(site.pages[i].url), out);
    result.phases.push_back({"html", ms_since(start)});
    std::set<std::string> edited_paths;
    for (size_t i : edited) edited_paths.insert(site.pages[i].path);
    gone.search_updated = kept_->search.write(site, prepared.search_texts, edited_paths, out, gone.search_gone);
    result.phases.push_back({"search", ms_since(start)});
    if (options_.pdf == PdfMode::Build) {
        auto reads_an_edit = [&](const model::Page& book) {
            const size_t self = static_cast<size_t>(&book - site.pages.data());
            if (edited.count(self)) return true;
            for (const model::HandbookPart& part : std::get<model::Handbook>(book.data).include)
                for (int p : part.pages)
                    if (p >= 0 && edited.count(static_cast<size_t>(p))) return true;
            return false;
        };
        write_handbooks(site, prepared.documents, options_.source_date_epoch, out, diags, reads_an_edit);
        result.phases.push_back({"handbooks", ms_since(start)});
    }
    staged.finish_staging();
    if (diags.has_errors()) {
        staged.abandon();
        kept_.reset();  // the kept state may no longer match the files: start afresh
        return result;
    }
    result.stats = staged.commit();
    result.ok = result.stats.committed;
    if (!result.ok) {
        kept_.reset();
        return result;
    }
    kept_->manifest = manifest_hashes(result.output_dir + "/" + StagedOutput::kManifest);
    result.phases.push_back({"commit", ms_since(start)});
    return result;
}

bool IncrementalBuild::can_reassemble(const std::vector<std::string>& changed) const {
    const load::SiteSources& sources = kept_->sources;
    if (!sources.config_read) return false;
    // A section intro's problems are reported by its parse, which a
    // reassembly does not repeat.
    for (const auto& [path, section] : kept_->build.prepared.site.sections)
        if (!section.source.empty() && kept_->files_with_diagnostics.count(section.source)) return false;
    const auto& folders = sources.content.folders;
    for (const std::string& path : changed) {
        if (!is_page_file(path)) return false;
        const std::string folder = load::parent_folder(path.substr(kContent.size()));
        if (!folder.empty() && !std::binary_search(folders.begin(), folders.end(), folder)) return false;
        std::error_code ec;
        const auto type = std::filesystem::symlink_status(options_.site_root + "/" + path, ec).type();
        // A file, or a page file gone; a folder or a link is the walk's to judge.
        if (type == std::filesystem::file_type::regular) continue;
        const bool was_a_source = std::binary_search(sources.content.markdown.begin(),
                                                     sources.content.markdown.end(), path.substr(kContent.size()));
        if (type != std::filesystem::file_type::not_found || !was_a_source) return false;
    }
    return true;
}

BuildResult IncrementalBuild::reassemble(const std::vector<std::string>& changed, Diagnostics& diags) {
    const auto start = std::chrono::steady_clock::now();
    last_scope_ = RebuildScope::Reassembled;
    std::unique_ptr<Kept> old = std::move(kept_);  // the next state is built beside it
    auto next = std::make_unique<Kept>();
    BuildResult result;

    // load: the changed files read again, the rest as they were.
    next->sources = std::move(old->sources);
    const std::set<std::string> changed_paths(changed.begin(), changed.end());
    for (const std::string& path : changed) {
        const std::string rel = path.substr(kContent.size());
        if (!load::read_source(next->sources, rel)) load::forget_source(next->sources, rel);
    }
    PreparedSite& prepared = next->build.prepared;
    prepared.site = load::assemble_sources(next->sources, diags);
    model::Site& site = prepared.site;
    result.pages = site.pages.size();
    result.output_dir = output_dir(site, options_);
    result.phases.push_back({"load", ms_since(start)});

    // markdown: a body that is as it was keeps its tree and what it gave.
    const model::Site& old_site = old->build.prepared.site;
    markdown::Documents& old_docs = old->build.prepared.documents;
    const markdown::MarkdownOptions md = markdown_options(site);
    const markdown::TreesKept trees = trees_walked_later(site, options_);
    prepared.documents.pages.resize(site.pages.size());
    if (site.config.search) prepared.search_texts.pages.resize(site.pages.size());
    next->facts.resize(site.pages.size());
    for (size_t i = 0; i < site.pages.size(); ++i) {
        model::Page& page = site.pages[i];
        auto was = old->page_by_path.find(page.path);
        markdown::Document* kept_doc = nullptr;
        if (was != old->page_by_path.end() && !changed_paths.count(page.path) &&
            !old->files_with_diagnostics.count(page.path) && old_site.pages[was->second].url == page.url) {
            markdown::Document& doc = old_docs.pages[was->second];
            if (doc || !trees.keeps(i)) kept_doc = &doc;
        }
        if (kept_doc) {
            const BodyFacts& facts = old->facts[was->second];
            page.headings = facts.headings;
            page.body_refs = facts.refs;
            page.summary = facts.summary;
            prepared.documents.pages[i] = std::move(*kept_doc);
            if (site.config.search && was->second < old->build.prepared.search_texts.pages.size())
                prepared.search_texts.pages[i] = std::move(old->build.prepared.search_texts.pages[was->second]);
        } else {
            prepared.documents.pages[i] = markdown::parse_body(page, md, diags);
            ++prepared.documents.cmark_parses;
            if (site.config.search) prepared.search_texts.read(site, i, prepared.documents.pages[i]);
            if (!trees.keeps(i)) prepared.documents.pages[i].release_tree();
        }
        next->facts[i] = facts_of(page);
    }
    // Section intros: their files did not change (else this is a full build).
    prepared.documents.intros = std::move(old_docs.intros);
    for (auto& [path, section] : site.sections) {
        auto refs = old->intro_refs.find(path);
        if (refs != old->intro_refs.end()) section.intro_refs = refs->second;
        next->intro_refs[path] = section.intro_refs;
    }
    result.phases.push_back({"markdown", ms_since(start)});

    resolve_and_schedule(site, options_, diags, &result.phases);
    if (diags.has_errors()) return result;  // nothing kept: the next rebuild is a full one

    html::TemplateSet templates = html::load_templates(site.root, site.config.theme, diags);
    if (diags.has_errors()) return result;
    html::RenderOptions ro;
    ro.threads = worker_count(options_);
    ro.documents = &prepared.documents;
    next->build.renderer = std::make_unique<html::Renderer>(site, std::move(templates), diags, ro);
    html::Renderer& renderer = *next->build.renderer;
    result.phases.push_back({"renderer", ms_since(start)});
    const std::vector<std::string> output_paths = renderer.output_paths();
    std::set<std::string> outputs_now(output_paths.begin(), output_paths.end());
    for (const model::Page& page : site.pages)
        if (page.kind == model::Kind::Handbook && options_.pdf == PdfMode::Build)
            outputs_now.insert(handbook::handbook_pdf_path(page));

    // Gone: every output the site no longer makes, and what the search
    // index's update drops.
    PartialOutput partial(result.output_dir, diags, output_options(site, options_), renderer,
                          [&outputs_now](const std::string& rel) { return !outputs_now.count(rel); });
    if (!partial.staged.ok()) return result;
    GoneRule& gone = partial.gone;
    StagedOutput& staged = partial.staged;
    HashingSink& out = partial.out;

    // Every output that is not a page's own: lists, feeds, calendars, static files.
    const bool every_page = renderer.shared_inputs_hash() != old->shared_inputs;
    std::vector<std::string> page_outputs, other_outputs;
    for (const std::string& path : output_paths)
        (renderer.page_of(path) >= 0 ? page_outputs : other_outputs).push_back(path);
    // Pages: those changed, those that read a changed one (before or now),
    // then those that read a page whose HTML came out different.
    next->reads = pages_read(site);
    std::set<std::string> dirty;  // page paths whose outputs may differ
    for (const std::string& path : changed_paths) {
        dirty.insert(path);
        for (const ReadsOf* reads : {&old->reads, &next->reads}) {
            auto it = reads->find(path);
            if (it != reads->end()) dirty.insert(it->second.begin(), it->second.end());
        }
    }
    std::map<std::string, size_t> index_now;  // page path → index in the new site
    for (size_t i = 0; i < site.pages.size(); ++i) index_now[site.pages[i].path] = i;
    std::set<std::string> rendered;
    std::set<std::string> shown_differently;  // page paths whose HTML changed
    auto render_page = [&](size_t i) {
        if (!rendered.insert(site.pages[i].path).second) return false;
        const std::string rel = html::Renderer::output_path_of_url(site.pages[i].url);
        renderer.render_one(rel, out);
        auto was = old->manifest.find(rel);
        auto now = out.hashes().find(rel);
        const bool differs = was == old->manifest.end() || now == out.hashes().end() || was->second != now->second;
        if (differs) shown_differently.insert(site.pages[i].path);
        return differs;
    };
    if (every_page) {
        for (const std::string& path : page_outputs) render_page(static_cast<size_t>(renderer.page_of(path)));
    } else {
        std::vector<std::string> wave(dirty.begin(), dirty.end());
        while (!wave.empty()) {
            std::vector<std::string> more;
            for (const std::string& path : wave) {
                auto it = index_now.find(path);
                if (it == index_now.end()) continue;  // deleted
                if (!render_page(it->second)) continue;
                auto reads = next->reads.find(path);
                if (reads == next->reads.end()) continue;
                for (const std::string& reader : reads->second)
                    if (!rendered.count(reader)) more.push_back(reader);
            }
            wave = std::move(more);
        }
    }
    result.phases.push_back({"pages", ms_since(start)});

    // Lists: those that list a page changed or shown differently (before or
    // now), every list read from the whole site, and any output new to the site.
    std::set<std::string> groups;
    const html::Renderer& old_renderer = *old->build.renderer;
    for (const std::set<std::string>* paths : {&changed_paths, static_cast<const std::set<std::string>*>(&shown_differently)})
        for (const std::string& path : *paths) {
            std::vector<std::string> listing;
            if (auto it = index_now.find(path); it != index_now.end()) listing = renderer.groups_listing(it->second);
            if (auto it = old->page_by_path.find(path); it != old->page_by_path.end()) {
                std::vector<std::string> before = old_renderer.groups_listing(it->second);
                listing.insert(listing.end(), before.begin(), before.end());
            }
            groups.insert(listing.begin(), listing.end());
        }
    std::vector<std::string> lists;
    for (const std::string& path : other_outputs) {
        const std::string group = renderer.listed_group(path);
        if (every_page || group.empty() || groups.count(group) || !old->manifest.count(path)) lists.push_back(path);
    }
    renderer.render_some(lists, out);
    result.phases.push_back({"html", ms_since(start)});
    // The entries that can change: the changed pages' and those shown
    // differently (a title in a citing page's text or summary).
    std::set<std::string> entries_changed = changed_paths;
    entries_changed.insert(shown_differently.begin(), shown_differently.end());
    next->search = std::move(old->search);
    gone.search_updated = next->search.write(site, prepared.search_texts, entries_changed, out, gone.search_gone);
    result.phases.push_back({"search", ms_since(start)});
    if (options_.pdf == PdfMode::Build) {
        auto stale = [&](const model::Page& book) { return rendered.count(book.path) > 0; };
        write_handbooks(site, prepared.documents, options_.source_date_epoch, out, diags, stale);
        result.phases.push_back({"handbooks", ms_since(start)});
    }
    staged.finish_staging();
    if (diags.has_errors()) {
        staged.abandon();
        return result;
    }
    result.stats = staged.commit();
    result.ok = result.stats.committed;
    result.phases.push_back({"commit", ms_since(start)});
    if (result.ok) keep(std::move(next), result, diags);
    retired_ = std::move(old);
    return result;
}

}  // namespace chuxin::site
