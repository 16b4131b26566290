#include "cli/commands.h"

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "site/scaffold.h"
#include "schedule/report.h"
#include "schedule/report_xlsx.h"

namespace chuxin::cli {

namespace {

// The as-of date from --as-of, or today. A malformed date is a usage error.
std::optional<Date> parse_as_of(const std::string& text) {
    if (text.empty()) return today();
    auto d = Date::parse(text);
    if (!d) std::cerr << "chuxin: --as-of '" << text << "' is not a date; write YYYY-MM-DD, e.g. 2026-07-01\n";
    return d;
}

// SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the PDF creation date.
long long source_date_epoch() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return 0;
    char* end = nullptr;
    long long n = std::strtoll(v, &end, 10);
    return end && *end == '\0' && n > 0 ? n : 0;
}

// CHUXIN_TEST_KILL_AFTER_COMMIT_STEP=N (tests only, docs/commands.md): the
// build kills itself with SIGKILL right after the Nth filesystem step of its
// commit (counting first the steps of finishing an interrupted one), where a
// real kill -9 rarely lands. Read here, once, into the options.
std::function<void()> commit_kill_hook() {
    const char* v = std::getenv("CHUXIN_TEST_KILL_AFTER_COMMIT_STEP");
    if (!v || !*v) return {};
    const long long at = std::strtoll(v, nullptr, 10);
    if (at <= 0) return {};
    return [at, steps = 0LL]() mutable {
        if (++steps == at) std::raise(SIGKILL);
    };
}

int finish(const Diagnostics& diags, const CommonOptions& c) {
    std::cerr << format_all(diags, SourceLines{c.source}, c.errors_shown);
    return diags.has_errors() ? kContentErrors : kOk;
}

}  // namespace

int finish_quietly(const Diagnostics& diags, const CommonOptions& c) {
    if (!c.quiet) return finish(diags, c);
    Diagnostics errors;
    for (const auto& d : diags.sorted())
        if (d.severity == Severity::Error) errors.add(d);
    if (errors.has_errors()) std::cerr << format_all(errors, SourceLines{c.source}, c.errors_shown);
    return diags.has_errors() ? kContentErrors : kOk;
}

ProgressWhen progress_when(const CommonOptions& c) {
    if (c.quiet) return ProgressWhen::Never;
    return c.progress ? ProgressWhen::Always : ProgressWhen::Auto;
}

std::optional<site::BuildOptions> options_from(const CommonOptions& c) {
    auto as_of = parse_as_of(c.as_of);
    if (!as_of) return std::nullopt;
    site::BuildOptions o;
    o.site_root = c.source;
    o.drafts = c.drafts;
    o.jobs = c.jobs;
    o.as_of = *as_of;
    o.source_date_epoch = source_date_epoch();
    return o;
}

int cmd_build(const CommonOptions& c, const std::string& output, bool no_pdf) {
    auto opts = options_from(c);
    if (!opts) return kUsage;
    opts->output = output;
    opts->pdf = no_pdf ? site::PdfMode::Skip : site::PdfMode::Build;
    opts->overwrite = c.force ? site::Overwrite::Force : site::Overwrite::KeepUsersFiles;
    opts->after_commit_step = commit_kill_hook();
    ProgressLine line([](const std::string& text) { std::cerr << text << std::flush; });
    if (shows_progress(progress_when(c), ::isatty(2) == 1)) opts->progress = line.callback();
    Diagnostics diags;
    site::BuildResult r = site::run_build(*opts, diags);
    line.finish();
    int code = finish_quietly(diags, c);
    if (c.quiet) return code;
    if (c.verbose)
        for (const auto& p : r.phases) std::cerr << "  " << p.name << ": " << p.ms << " ms\n";
    if (r.ok) {
        std::cerr << "built " << r.pages << " pages into " << r.output_dir << "/ (" << r.stats.written
                  << " files written, " << r.stats.unchanged << " unchanged, " << r.stats.removed << " removed"
                  << (r.stats.kept ? ", " + std::to_string(r.stats.kept) + " kept as you changed them" : "") << ")\n"
                  << "open " << r.output_dir << "/index.html in a browser\n";
    } else {
        std::cerr << "build failed: the previous output in " << r.output_dir << "/ was left as it was\n";
    }
    return code;
}

int cmd_check(const CommonOptions& c) {
    auto opts = options_from(c);
    if (!opts) return kUsage;
    Diagnostics diags;
    model::Site site = site::prepare_site(*opts, diags);
    int code = finish(diags, c);
    if (code == kOk) std::cerr << "checked " << site.pages.size() << " pages: no errors\n";
    return code;
}

int cmd_report(const CommonOptions& c, const ReportOptions& r) {
    bool xlsx = r.format == "xlsx";
    if (xlsx && (r.out_file.empty() || r.out_file == "-")) {
        std::cerr << "chuxin: --format xlsx writes a binary workbook, not text for a terminal\n"
                  << "  hint: name the file with -o, e.g. chuxin report --format xlsx -o 台账.xlsx\n";
        return kUsage;
    }
    auto opts = options_from(c);
    if (!opts) return kUsage;
    Diagnostics diags;
    model::Site site = site::prepare_site(*opts, diags);
    if (diags.has_errors()) return finish(diags, c);
    auto columns = r.columns == "ids" ? schedule::ReportColumns::Ids : schedule::ReportColumns::Titles;
    if (xlsx) {
        schedule::XlsxOptions x;
        x.created = static_cast<std::time_t>(opts->source_date_epoch);
        std::string error = schedule::write_report_xlsx(site, columns, r.out_file, x);
        if (!error.empty()) {
            std::cerr << "chuxin: cannot write " << r.out_file << ": " << error << "\n"
                      << "  hint: check that the folder exists and that you may write to it\n";
            return kUsage;
        }
        return finish(diags, c);
    }
    std::string text = r.format == "csv"
        ? schedule::report_csv(site, r.what == "items" ? schedule::ReportWhat::Items : schedule::ReportWhat::Occurrences,
                               columns)
        : schedule::report_json(site);
    if (r.out_file.empty()) {
        std::cout << text;
    } else {
        std::ofstream out(r.out_file, std::ios::binary);
        out << text;
        if (!out) {
            std::cerr << "chuxin: cannot write " << r.out_file << "\n";
            return kUsage;
        }
    }
    return finish(diags, c);
}

int cmd_new_site(const std::string& dir) {
    Diagnostics diags;
    if (!site::new_site(dir, diags)) {
        finish(diags, CommonOptions{});
        return kUsage;
    }
    std::cerr << "created a starter site in " << dir << "/\n"
              << "next: cd " << dir << " && chuxin build\n";
    return kOk;
}

int cmd_new_content(const std::string& source, const std::string& kind, const std::string& path) {
    Diagnostics diags;
    std::string written = site::new_content(source, kind, path, today(), diags);
    if (written.empty()) {
        CommonOptions where;
        where.source = source;
        finish(diags, where);
        return kUsage;
    }
    std::cerr << "created " << written << "\n";
    return kOk;
}

}  // namespace chuxin::cli
