// `chuxin import FILE.docx… [--kind K] [--output PATH.md] [--force]`
// (docs/import.md): reads the files, runs the import stage, writes the
// content file and its images, and validates what it wrote as `chuxin
// check` does.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "import/docx_reader.h"
#include "import/import.h"

extern char** environ;

namespace chuxin::cli {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    return false;
}

// .doc, .rtf, .odt → .docx with LibreOffice, into a fresh temporary folder:
// the bytes of the converted file, or nullopt.
std::optional<std::string> convert_with_libreoffice(const std::string& file) {
    std::string tmpl = (fs::temp_directory_path() / "chuxin-import-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return std::nullopt;
    const fs::path dir = tmpl;
    // A profile of its own: a running LibreOffice of the user's is not disturbed.
    std::string profile = "-env:UserInstallation=file://" + (dir / "profile").string();
    std::string outdir = (dir / "out").string();
    std::vector<std::string> args = {"soffice", profile, "--headless", "--convert-to", "docx", "--outdir", outdir, file};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    std::optional<std::string> out;
    if (posix_spawnp(&pid, "soffice", &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(outdir, ec))
            if (entry.path().extension() == ".docx") out = read_bytes(entry.path().string());
    }
    posix_spawn_file_actions_destroy(&actions);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return out;
}

bool write_file(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out);
}

// The written file's path under <site>/content/, or "" when it is elsewhere.
std::string under_content(const fs::path& site, const fs::path& file) {
    std::error_code ec;
    fs::path content = fs::weakly_canonical(site / "content", ec);
    fs::path target = fs::weakly_canonical(file, ec);
    auto rel = target.lexically_relative(content).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0) return "";
    return rel;
}

struct OneImport {
    const ImportOptions& o;
    Diagnostics& diags;

    // false: nothing was written (errors reported).
    bool run(const std::string& file) {
        auto bytes = read_bytes(file);
        if (!bytes) {
            diags.error({file, 0, 0}, "cannot read this file", "check the path; import reads .docx files");
            return false;
        }
        const std::string format = import::sniff_format(*bytes);
        if ((format == "doc" || format == "rtf" || format == "odt") && on_path("soffice")) {
            std::cerr << "converting " << file << " to .docx with LibreOffice (soffice --headless --convert-to docx)\n";
            bytes = convert_with_libreoffice(file);
            if (!bytes) {
                diags.error({file, 0, 0}, "LibreOffice could not convert this ." + format + " file",
                            "open it in Word or WPS and save it as .docx");
                return false;
            }
        }
        import::ImportRequest request;
        request.display_path = file;
        if (!o.kind.empty()) request.kind = import::import_kind_named(o.kind);
        if (!o.output.empty()) request.name = fs::path(o.output).stem().string();
        auto doc = import::import_docx(std::move(*bytes), request, diags);
        if (!doc) return false;
        const fs::path site = o.source;
        const fs::path target = (!o.output.empty() ? fs::path(o.output)
                                                   : site / "content" / std::string(import::folder_of(doc->kind)) /
                                                         (doc->slug + ".md"))
                                    .lexically_normal();
        std::vector<std::pair<fs::path, const std::string*>> outputs = {{target, &doc->file.text}};
        for (const auto& img : doc->file.images) outputs.push_back({target.parent_path() / img.file_name, &img.bytes});
        if (!o.force) {
            bool clash = false;
            for (const auto& [path, _] : outputs) {
                std::error_code ec;
                if (fs::exists(path, ec)) {
                    diags.error({path.string(), 0, 0}, "this file exists; import does not overwrite it",
                                "add --force to replace it, or name another file with --output PATH.md");
                    clash = true;
                }
            }
            if (clash) return false;
        }
        for (const auto& [path, data] : outputs) {
            if (!write_file(path, *data)) {
                diags.error({path.string(), 0, 0}, "cannot write this file",
                            "check that you may write to the folder");
                return false;
            }
        }
        std::cerr << "imported " << file << " → " << target.string() << "\n";
        if (doc->kind_guessed)
            std::cerr << "  kind: " << import::name_of(doc->kind) << " (guessed: " << doc->guess_reason
                      << "; say --kind to choose)\n";
        for (const auto& img : doc->file.images)
            std::cerr << "  image: " << (target.parent_path() / img.file_name).string() << "\n";
        for (const auto& n : doc->file.notes) diags.warning({target.string(), n.line, 0}, n.message, n.hint);
        validate(target, doc->file.text, doc->kind);
        if (doc->kind == import::ImportKind::Minutes)
            std::cerr << "  next: to count this meeting in its schedule, add a line to its front matter,\n"
                         "        e.g. fulfills: schedules/2026#theme-day  (the schedule's id # the event's id)\n";
        return true;
    }

    // As `chuxin check` validates: the whole site when the file is in its
    // content/ (diagnostics of this file shown), else the file alone.
    void validate(const fs::path& target, const std::string& text, import::ImportKind kind) {
        const std::string rel = under_content(o.source, target);
        std::error_code ec;
        if (!rel.empty() && fs::exists(fs::path(o.source) / "site.yaml", ec)) {
            site::BuildOptions opts;
            opts.site_root = o.source;
            Diagnostics site_diags;
            site::prepare_site(opts, site_diags);
            for (Diagnostic d : site_diags.sorted()) {
                if (d.pos.file != "content/" + rel) continue;
                d.pos.file = target.string();
                diags.add(std::move(d));
            }
            return;
        }
        const std::string as_if = std::string(import::folder_of(kind)) + "/" + target.filename().string();
        import::validate_content(o.source, as_if, text, target.string(), diags);
    }
};

}  // namespace

int cmd_import(const ImportOptions& o) {
    if (!o.output.empty() && o.files.size() > 1) {
        std::cerr << "chuxin: --output names one file, but " << o.files.size() << " documents were given\n"
                  << "  hint: import them one at a time, or leave out --output to name them from their titles\n";
        return kUsage;
    }
    if (!o.output.empty() && fs::path(o.output).extension() != ".md") {
        std::cerr << "chuxin: --output '" << o.output << "' should end in .md\n";
        return kUsage;
    }
    Diagnostics diags;
    OneImport one{o, diags};
    for (const auto& file : o.files) one.run(file);
    std::cerr << format_all(diags, SourceLines{""}, kShowAll);
    return diags.has_errors() ? kContentErrors : kOk;
}

}  // namespace chuxin::cli
