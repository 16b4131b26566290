// chuxin: Markdown + YAML study content → a themed study portal and
// print-ready PDF handbooks. This file only parses the command line.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "model/kinds.h"

using namespace chuxin::cli;

namespace {

void add_common(CLI::App* cmd, CommonOptions& o, bool with_as_of) {
    cmd->add_option("-s,--source", o.source, "the site folder (holds site.yaml)")->capture_default_str();
    cmd->add_flag("-D,--drafts", o.drafts, "include pages marked draft: true");
    cmd->add_option("-j,--jobs", o.jobs, "worker threads (default: one per core); the output is the same for any number")
        ->check(CLI::Range(1, 1024));
    if (with_as_of)
        cmd->add_option("--as-of", o.as_of, "compute statuses as of this date (YYYY-MM-DD; default today)");
    cmd->add_option_function<std::string>(
           "--errors",
           [&o](const std::string& v) {
               o.errors_shown = v == "all" ? chuxin::kShowAll : static_cast<size_t>(std::stoul(v));
           },
           "how many errors and warnings to print in full before a summary by kind: a number, or all (default 20)")
        ->check(CLI::Validator(
            [](const std::string& v) -> std::string {
                const bool number = !v.empty() && v.size() < 10 && v.find_first_not_of("0123456789") == std::string::npos &&
                                    std::stoul(v) > 0;
                return v == "all" || number ? "" : "write a number of 1 or more, or all (e.g. --errors all)";
            },
            "N|all"));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"chuxin — build a Party study portal and print handbooks from Markdown + YAML"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "chuxin 0.1.0");

    CommonOptions common;
    std::string output, kind, path, dir;
    ReportOptions report_opts;
    bool no_pdf = false;

    auto* build = app.add_subcommand("build", "build the site (and every handbook PDF) into the output folder");
    add_common(build, common, true);
    build->add_option("-o,--output", output, "output folder (default: build.output in site.yaml)");
    build->add_flag("--no-pdf", no_pdf, "skip the handbook PDFs");
    build->add_flag("-v,--verbose", common.verbose, "print the time of each phase");
    build->add_flag("--force", common.force, "overwrite output files you changed, and files of yours where outputs go");
    build->add_flag("-q,--quiet", common.quiet, "print errors only");
    build->add_flag("--progress", common.progress, "show the progress line also when standard error is not a terminal");

    ServeArgs serve_args;
    auto* serve = app.add_subcommand("serve", "build, serve the site on 127.0.0.1, rebuild and reload pages on every edit");
    add_common(serve, common, true);
    serve->add_option("-p,--port", serve_args.port, "the port (0: any free port)")->capture_default_str()
        ->check(CLI::Range(0, 65535));
    serve->add_option("--bind", serve_args.bind, "the address to listen on; another than 127.0.0.1 lets other machines read the site")
        ->capture_default_str();
    serve->add_flag("--open", serve_args.open, "open the site in the browser");
    serve->add_flag("--no-pdf", serve_args.no_pdf, "skip the handbook PDFs");
    serve->add_flag("-q,--quiet", common.quiet, "print errors only");
    serve->add_flag("--progress", common.progress, "show the first build's progress line also when standard error is not a terminal");

    auto* check = app.add_subcommand("check", "validate every file and reference; write nothing");
    add_common(check, common, true);

    auto* report = app.add_subcommand("report", "the compliance ledger: every occurrence and checklist item with its status");
    add_common(report, common, true);
    report->add_option("-f,--format", report_opts.format, "json, csv or xlsx (a workbook with both ledgers; needs -o)")
        ->check(CLI::IsMember({"json", "csv", "xlsx"}))->capture_default_str();
    report->add_option("-w,--what", report_opts.what, "for csv: occurrences or items")
        ->check(CLI::IsMember({"occurrences", "items"}))->capture_default_str();
    report->add_option("--columns", report_opts.columns,
                       "for csv and xlsx: titles (for people, in the site's language) or ids (the JSON keys)")
        ->check(CLI::IsMember({"titles", "ids"}))->capture_default_str();
    report->add_option("-o,--output", report_opts.out_file, "write to this file instead of standard output");

    auto* make = app.add_subcommand("new", "create a site or a content file");
    make->require_subcommand(1);
    auto* new_site = make->add_subcommand("site", "create a starter site in DIR");
    new_site->add_option("DIR", dir, "the new site's folder")->required();
    for (const auto& info : chuxin::model::kKinds) {
        const std::string k(info.name);
        auto* sub = make->add_subcommand(k, "create a " + k + " from its archetype: chuxin new " + k + " PATH");
        sub->add_option("PATH", path, "path under content/, e.g. cases/laozhishu")->required();
        sub->add_option("-s,--source", common.source, "the site folder")->capture_default_str();
        sub->callback([&, k] { kind = k; });
    }

    ImportOptions import_opts;
    auto* import = app.add_subcommand("import", "turn Word/WPS .docx documents into content files (docs/import.md)");
    import->add_option("FILE", import_opts.files, "the .docx files (a .doc is converted with LibreOffice if installed)")
        ->required();
    import->add_option("-k,--kind", import_opts.kind, "the kind to write (default: guessed from the document, and printed)")
        ->check(CLI::IsMember({"minutes", "case", "page", "notice", "studylist", "checklist"}));
    import->add_option("-o,--output", import_opts.output, "the content file to write (default: content/<folder>/<slug>.md)");
    import->add_option("-s,--source", import_opts.source, "the site folder")->capture_default_str();
    import->add_flag("--force", import_opts.force, "overwrite files that exist");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    }

    if (build->parsed()) return cmd_build(common, output, no_pdf);
    if (check->parsed()) return cmd_check(common);
    if (serve->parsed()) return cmd_serve(common, serve_args);
    if (report->parsed()) return cmd_report(common, report_opts);
    if (import->parsed()) return cmd_import(import_opts);
    if (new_site->parsed()) return cmd_new_site(dir);
    if (!kind.empty()) return cmd_new_content(common.source, kind, path);
    return kUsage;
}
