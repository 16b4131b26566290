#pragma once
// The `chuxin` commands (content-format §7). Each returns the exit status:
// 0 success, 1 content errors (all listed), 2 usage errors.
#include <optional>
#include <string>
#include <vector>

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
};

int cmd_build(const CommonOptions&, const std::string& output, bool no_pdf);
int cmd_check(const CommonOptions&);
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
