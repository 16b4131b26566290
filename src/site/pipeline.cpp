#include "site/pipeline.h"

#include <chrono>
#include <filesystem>
#include <algorithm>
#include <thread>

#include <libxml/parser.h>

#include "site/handbooks.h"
#include "site/progress_sink.h"
#include "handbook/handbook.h"
#include "html/html.h"
#include "html/links.h"
#include "load/load.h"
#include "markdown/markdown.h"
#include "model/graph.h"
#include "schedule/schedule.h"
#include "search/search.h"

namespace fs = std::filesystem;

namespace chuxin::site {

namespace {

class PhaseTimer {
public:
    PhaseTimer(std::vector<PhaseTime>* phases, std::string name)
        : phases_(phases), name_(std::move(name)), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer() {
        if (!phases_) return;
        auto d = std::chrono::steady_clock::now() - start_;
        phases_->push_back({name_, std::chrono::duration<double, std::milli>(d).count()});
    }

private:
    std::vector<PhaseTime>* phases_;
    std::string name_;
    std::chrono::steady_clock::time_point start_;
};

// What wants an output path, for the error about a file in its way. Only
// called for such files (rarely more than a few), so a scan is enough.
std::string origin_of(const model::Site& site, const std::string& rel) {
    for (const auto& page : site.pages) {
        if (html::output_path_of(page.url) == rel) return "the page " + page.path;
        if (page.kind == model::Kind::Handbook && handbook::handbook_pdf_path(page) == rel)
            return "the handbook PDF of " + page.path;
    }
    for (const auto& file : site.static_files)
        if (file == rel) return "the static file static/" + file;
    for (const auto& file : site.content_assets)
        if (file == rel) return "the file content/" + file;
    return "a list page, feed, calendar or theme file chuxin makes";
}

void report_phase(const BuildOptions& opts, std::string_view phase, size_t total = 0) {
    if (opts.progress) opts.progress(BuildProgress{phase, 0, total});
}

}  // namespace

// The handbook walks the trees of its own page (the preface) and of the
// pages it includes; every other tree goes once its HTML is rendered.
markdown::TreesKept trees_walked_later(const model::Site& site, const BuildOptions& opts) {
    markdown::TreesKept kept;
    kept.all = false;
    kept.pages.assign(site.pages.size(), false);
    if (opts.pdf == PdfMode::Skip) return kept;
    for (size_t i = 0; i < site.pages.size(); ++i) {
        const auto* book = std::get_if<model::Handbook>(&site.pages[i].data);
        if (!book) continue;
        kept.pages[i] = true;
        for (const model::HandbookPart& part : book->include)  // resolved by load
            for (int p : part.pages)
                if (p >= 0 && static_cast<size_t>(p) < kept.pages.size()) kept.pages[static_cast<size_t>(p)] = true;
    }
    return kept;
}

int worker_count(const BuildOptions& opts) {
    if (opts.jobs > 0) return opts.jobs;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

model::Site prepare_site(const BuildOptions& opts, Diagnostics& diags, std::vector<PhaseTime>* phases) {
    return prepare(opts, diags, phases).site;
}

markdown::MarkdownOptions markdown_options(const model::Site& site) {
    markdown::MarkdownOptions md;  // by field: the struct grows (no -Wmissing-field-initializers)
    md.raw_html = site.config.raw_html;
    md.lang = site.config.lang;
    return md;
}

PreparedSite prepare(const BuildOptions& opts, Diagnostics& diags, std::vector<PhaseTime>* phases,
                     const PrepareHooks& hooks) {
    PreparedSite prepared;
    model::Site& site = prepared.site;
    {
        report_phase(opts, "load");
        PhaseTimer t(phases, "load");
        load::LoadOptions lo;
        lo.include_drafts = opts.drafts;
        lo.threads = worker_count(opts);
        site = hooks.load ? hooks.load(diags) : load::load_site(opts.site_root, lo, diags);
    }
    {
        report_phase(opts, "markdown", site.pages.size());
        PhaseTimer t(phases, "markdown");
        markdown::MarkdownOptions md = markdown_options(site);
        markdown::TreesKept kept = trees_walked_later(site, opts);
        if (site.config.search) {
            prepared.search_texts.pages.resize(site.pages.size());
            kept.read_tree = [&](size_t i, const markdown::Document& doc) { prepared.search_texts.read(site, i, doc); };
        }
        prepared.documents = markdown::parse_site(site, md, diags, worker_count(opts), kept);
    }
    if (hooks.after_markdown) hooks.after_markdown(site);
    resolve_and_schedule(site, opts, diags, phases);
    return prepared;
}

void resolve_and_schedule(model::Site& site, const BuildOptions& opts, Diagnostics& diags,
                          std::vector<PhaseTime>* phases) {
    {
        report_phase(opts, "references", site.pages.size());
        PhaseTimer t(phases, "references");
        model::resolve_references(site, diags);
    }
    {
        report_phase(opts, "schedules", site.pages.size());
        PhaseTimer t(phases, "schedules");
        schedule::compute(site, opts.as_of, diags);
    }
}

void render_site(const PreparedSite& prepared, const BuildOptions& opts, OutputSink& out, Diagnostics& diags,
                 std::vector<PhaseTime>* phases) {
    render_site_kept(prepared, opts, out, diags, phases);
}

std::unique_ptr<html::Renderer> render_site_kept(const PreparedSite& prepared, const BuildOptions& opts,
                                                 OutputSink& out, Diagnostics& diags,
                                                 std::vector<PhaseTime>* phases) {
    const model::Site& site = prepared.site;
    // libxml2 initialises its global state on first use, and two threads
    // doing that at once (the handbook thread and an HTML worker writing an
    // SVG) can crash it: initialise it here, before any thread starts.
    xmlInitParser();
    // Handbooks are independent of the HTML pages: lay them out on their own
    // thread while the HTML workers run.
    std::vector<PhaseTime> pdf_phase;
    std::unique_ptr<html::Renderer> renderer;
    std::thread books;
    if (opts.pdf == PdfMode::Build)
        books = std::thread([&] {
            PhaseTimer t(&pdf_phase, "handbooks");
            write_handbooks(site, prepared.documents, opts.source_date_epoch, out, diags);
        });
    {
        PhaseTimer t(phases, "html");
        html::TemplateSet templates = html::load_templates(site.root, site.config.theme, diags);
        if (!diags.has_errors()) {
            html::RenderOptions ro;
            ro.threads = worker_count(opts);
            ro.documents = &prepared.documents;
            renderer = std::make_unique<html::Renderer>(site, std::move(templates), diags, ro);
            renderer->render_all(out);
        }
    }
    if (!diags.has_errors()) {
        PhaseTimer t(phases, "search");
        search::write_search_index(site, prepared.search_texts, out);
    }
    if (books.joinable()) books.join();
    if (phases) phases->insert(phases->end(), pdf_phase.begin(), pdf_phase.end());
    return renderer;
}

std::string output_dir(const model::Site& site, const BuildOptions& opts) {
    fs::path out = opts.output.empty() ? fs::path(site.config.output) : fs::path(opts.output);
    if (out.is_relative()) out = fs::path(opts.site_root) / out;
    return out.lexically_normal().string();
}

OutputOptions output_options(const model::Site& site, const BuildOptions& opts) {
    OutputOptions output;
    output.overwrite = opts.overwrite;
    output.origin = [&site](const std::string& rel) { return origin_of(site, rel); };
    output.after_commit_step = opts.after_commit_step;
    return output;
}

KeptBuild::KeptBuild() = default;
KeptBuild::~KeptBuild() = default;

BuildResult run_build(const BuildOptions& opts, Diagnostics& diags) {
    KeptBuild kept;
    return run_build_kept(opts, diags, kept);
}

BuildResult run_build_kept(const BuildOptions& opts, Diagnostics& diags, KeptBuild& kept,
                           const PrepareHooks& hooks) {
    BuildResult result;
    kept.renderer.reset();  // it reads the prepared site about to be replaced
    kept.prepared = prepare(opts, diags, &result.phases, hooks);
    const PreparedSite& prepared = kept.prepared;
    const model::Site& site = prepared.site;
    result.pages = site.pages.size();
    result.output_dir = output_dir(site, opts);
    if (diags.has_errors()) return result;  // validate everything before writing anything

    StagedOutput out(result.output_dir, diags, output_options(site, opts));
    if (!out.ok()) return result;
    if (opts.progress) {
        ProgressSink counted(out, opts.progress, expected_outputs(site));
        kept.renderer = render_site_kept(prepared, opts, counted, diags, &result.phases);
    } else {
        kept.renderer = render_site_kept(prepared, opts, out, diags, &result.phases);
    }
    report_phase(opts, "commit");
    out.finish_staging();  // files in the way are errors too: reported with the others
    if (diags.has_errors()) {
        out.abandon();
        return result;
    }
    PhaseTimer t(&result.phases, "commit");
    result.stats = out.commit();
    result.ok = result.stats.committed;
    return result;
}

}  // namespace chuxin::site
