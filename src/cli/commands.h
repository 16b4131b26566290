#pragma once
// The `chuxin` commands (content-format §7). Each returns the exit status:
// 0 success, 1 content errors (all listed), 2 usage errors.
#include <optional>
#include <string>
#include <vector>

#include "cli/progress_line.h"
#include "site/pipeline.h"
#include "core/diagnostic.h"

namespace chuxin::cli {

enum ExitCode { kOk = 0, kContentErrors = 1, kUsage = 2 };

struct CommonOptions {
    std::string source = ".";
    std::string as_of;  // "" = today
    bool drafts = false;
    bool verbose = false;
    int jobs = 0;  // --jobs N; 0 = one worker per core
    size_t errors_shown = kShownInFull;  // --errors N | all (kShowAll)
    bool force = false;  // build: overwrite files in the output's way (docs/commands.md)
    bool quiet = false;  // -q: print errors only
    bool progress = false;  // --progress: the progress line also when standard error is not a terminal
};

// The progress line's setting from -q and --progress.
ProgressWhen progress_when(const CommonOptions&);
// Standard error's diagnostics for -q: errors only.
int finish_quietly(const Diagnostics& diags, const CommonOptions& c);

int cmd_build(const CommonOptions&, const std::string& output, bool no_pdf);
int cmd_check(const CommonOptions&);
// `chuxin serve` (docs/serve.md).
struct ServeArgs {
    std::string bind = "127.0.0.1";
    int port = 1313;
    bool open = false;
    bool no_pdf = false;
};
int cmd_serve(const CommonOptions&, const ServeArgs&);
// The build options every command starts from (--source, --drafts, --jobs,
// --as-of, SOURCE_DATE_EPOCH); nullopt after a usage error was printed.
std::optional<site::BuildOptions> options_from(const CommonOptions&);
// `chuxin report` options (docs/schedules.md §7).
struct ReportOptions {
    std::string format = "json";  // json | csv | xlsx
    std::string what = "occurrences";  // csv: occurrences | items
    std::string columns = "titles";    // csv, xlsx: titles | ids
    std::string out_file;              // "" = standard output (not for xlsx)
};

int cmd_report(const CommonOptions&, const ReportOptions&);
// `chuxin import` options (docs/import.md).
struct ImportOptions {
    std::vector<std::string> files;  // .docx (and .doc/.odt/.rtf, through LibreOffice)
    std::string kind;                // "" = guessed
    std::string output;              // one .md; "" = content/<folder>/<slug>.md
    std::string source = ".";        // the site folder
    bool force = false;              // overwrite existing files
};
int cmd_import(const ImportOptions&);
int cmd_new_site(const std::string& dir);
int cmd_new_content(const std::string& source, const std::string& kind, const std::string& path);

}  // namespace chuxin::cli
