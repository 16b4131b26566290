#pragma once
// The build as a short list of named, timed phases (style.md §15):
//   load → markdown → references → schedules → [stop on errors]
//   → render HTML + handbooks into staging → commit.
// Everything is validated before anything is written.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "site/staged_output.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "markdown/document.h"
#include "search/entries.h"
#include "model/model.h"

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
PreparedSite prepare(const BuildOptions& opts, Diagnostics& diags, std::vector<PhaseTime>* phases = nullptr);

// The whole build. On any error nothing in the output folder changes.
BuildResult run_build(const BuildOptions& opts, Diagnostics& diags);

// Renders every output of a prepared site into `out` (HTML, feeds, calendars,
// static files, handbook PDFs). Exposed for tests (MemoryOutput).
void render_site(const PreparedSite& prepared, const BuildOptions& opts, OutputSink& out, Diagnostics& diags,
                 std::vector<PhaseTime>* phases = nullptr);

}  // namespace chuxin::site
