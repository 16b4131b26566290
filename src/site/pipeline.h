#pragma once
// The build as a short list of named, timed phases (style.md §15):
//   load → markdown → references → schedules → [stop on errors]
//   → render HTML + handbooks into staging → commit.
// Everything is validated before anything is written.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "site/staged_output.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "markdown/document.h"
#include "markdown/markdown.h"
#include "search/entries.h"
#include "model/model.h"

namespace chuxin::html {
class Renderer;
}

namespace chuxin::site {

enum class PdfMode { Build, Skip };

// Where a build is, for the progress line of a long build (cli): the phase
// starting, and while files are written, how many of about how many.
struct BuildProgress {
    std::string_view phase;  // "load", "markdown", "references", "schedules", "write", "commit"
    size_t done = 0;
    size_t total = 0;        // 0: not known (yet)
};

struct BuildOptions {
    std::string site_root = ".";
    std::string output;             // "" = site.yaml `build.output`, relative to the site
    bool drafts = false;            // also when site.yaml says build.drafts
    Date as_of = today();
    PdfMode pdf = PdfMode::Build;
    long long source_date_epoch = 0;  // PDF creation date; 0 = none
    // Worker threads for loading, Markdown and HTML (`--jobs`); 0 = one per
    // core. Outputs are byte-identical for any count.
    int jobs = 0;
    // Files in the output's way: kept/refused, or overwritten (`--force`).
    Overwrite overwrite = Overwrite::KeepUsersFiles;
    // A test hook: called after each filesystem step of the commit.
    std::function<void()> after_commit_step;
    // Called as phases start and as files are written (from worker threads:
    // it must be thread-safe); empty: nothing is reported.
    std::function<void(const BuildProgress&)> progress;
};

// opts.jobs, or the number of cores when it is 0 (at least 1).
int worker_count(const BuildOptions& opts);

struct PhaseTime {
    std::string name;
    double ms = 0;
};

struct BuildResult {
    bool ok = false;
    std::string output_dir;
    CommitStats stats;
    size_t pages = 0;
    std::vector<PhaseTime> phases;
};

// Load, parse Markdown, resolve references, compute schedule statuses.
// Used by build, check and report. Problems go to `diags`.
model::Site prepare_site(const BuildOptions& opts, Diagnostics& diags, std::vector<PhaseTime>* phases = nullptr);

// A prepared site and the markdown stage's result beside it: what every
// output is rendered from.
struct PreparedSite {
    model::Site site;
    markdown::Documents documents;  // documents.pages[i] is site.pages[i]'s body
    search::BodyTexts search_texts;  // read from the trees while the markdown stage had them
};
// What an incremental build changes in prepare(): where the loaded site
// comes from, and a look at it between the markdown and the references
// stage (to note what each body gave).
struct PrepareHooks {
    std::function<model::Site(Diagnostics&)> load;  // empty: load::load_site
    std::function<void(const model::Site&)> after_markdown;
};
PreparedSite prepare(const BuildOptions& opts, Diagnostics& diags, std::vector<PhaseTime>* phases = nullptr,
                     const PrepareHooks& hooks = {});
// prepare()'s last two phases, references and schedules, on a site whose
// markdown stage is done.
void resolve_and_schedule(model::Site& site, const BuildOptions& opts, Diagnostics& diags,
                          std::vector<PhaseTime>* phases = nullptr);
// The Markdown options of a site's bodies.
markdown::MarkdownOptions markdown_options(const model::Site& site);

// The whole build. On any error nothing in the output folder changes.
BuildResult run_build(const BuildOptions& opts, Diagnostics& diags);

// What a build leaves for an incremental one (site/incremental.h): the
// prepared site and the renderer that reads it, together at one address.
struct KeptBuild {
    PreparedSite prepared;
    std::unique_ptr<html::Renderer> renderer;  // null when the HTML failed
    KeptBuild();
    ~KeptBuild();
    KeptBuild(const KeptBuild&) = delete;
    KeptBuild& operator=(const KeptBuild&) = delete;
};
// run_build, filling `kept`; `hooks` as for prepare().
BuildResult run_build_kept(const BuildOptions& opts, Diagnostics& diags, KeptBuild& kept,
                           const PrepareHooks& hooks = {});

// The output folder of a build (site.yaml `build.output` or --output,
// against the site folder), and the staged output's options for it.
std::string output_dir(const model::Site& site, const BuildOptions& opts);
OutputOptions output_options(const model::Site& site, const BuildOptions& opts);

// Renders every output of a prepared site into `out` (HTML, feeds, calendars,
// static files, handbook PDFs). Exposed for tests (MemoryOutput).
void render_site(const PreparedSite& prepared, const BuildOptions& opts, OutputSink& out, Diagnostics& diags,
                 std::vector<PhaseTime>* phases = nullptr);
// The same, handing back the HTML renderer (null after a template error):
// it reads `prepared` and renders single outputs again for an incremental
// rebuild, so keep the two together.
std::unique_ptr<html::Renderer> render_site_kept(const PreparedSite& prepared, const BuildOptions& opts,
                                                 OutputSink& out, Diagnostics& diags,
                                                 std::vector<PhaseTime>* phases = nullptr);

// The pages whose trees a later stage walks (handbooks and the pages they
// include, unless PDFs are skipped): the rest go once read.
markdown::TreesKept trees_walked_later(const model::Site& site, const BuildOptions& opts);

}  // namespace chuxin::site
