// Template lookup and parsing. A template is found, per name, in the site's
// templates/ folder, then in the site's themes/<theme>/templates/, then in the
// built-in theme (content-format §1: "overrides of the theme's templates, by
// file name"). Each is parsed once here; the syntax check reports the file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "html/builtin_theme.h"
#include "html/html.h"
#include "html/template_impl.h"
#include "model/kinds.h"

namespace chuxin::html {

namespace fs = std::filesystem;

std::span<const EmbeddedFile> builtin_theme(const std::string& name) {
    if (name == "default") return builtin_theme_default();
    return {};
}

const std::vector<std::string>& template_names() {
    // The frame, one page template per kind (model/kinds.h), then the lists.
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out = {"layout"};
        for (const auto& info : model::kKinds) out.emplace_back(info.name);
        for (const char* list : {"section", "tags", "tag", "orgs", "org", "home", "month", "year", "overview", "search"})
            out.emplace_back(list);
        return out;
    }();
    return names;
}

TemplateSet::TemplateSet() : impl_(std::make_unique<Impl>()) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

namespace {

// kainjow reports "… at <byte offset>"; users want line:col in code points.
SourcePos position_of_error(const std::string& origin, const std::string& text,
                            const std::string& message) {
    SourcePos pos{origin, 0, 0};
    auto at = message.rfind(" at ");
    if (at == std::string::npos) return pos;
    size_t offset = 0;
    try {
        offset = std::stoul(message.substr(at + 4));
    } catch (...) {
        return pos;
    }
    offset = std::min(offset, text.size());
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    int col = 1;
    for (size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    pos.line = line;
    pos.col = col;
    return pos;
}

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return true;
}

}  // namespace

std::unique_ptr<Mustache> parse_template(const TemplateSet::Source& source) {
    auto parsed = std::make_unique<Mustache>(source.text);
    return parsed;
}

bool TemplateSet::add(Source source, Diagnostics& diags) {
    auto parsed = parse_template(source);
    if (!parsed->is_valid()) {
        diags.error(position_of_error(source.origin, source.text, parsed->error_message()),
                    "template syntax error: " + parsed->error_message(),
                    "check that every {{#section}} and {{^section}} has its {{/section}}");
        return false;
    }
    impl_->parsed[source.name] = std::shared_ptr<Mustache>(std::move(parsed));
    std::string name = source.name;
    impl_->sources[name] = std::move(source);
    return true;
}

bool TemplateSet::has(const std::string& name) const { return impl_->sources.count(name) > 0; }

const TemplateSet::Source* TemplateSet::source(const std::string& name) const {
    auto it = impl_->sources.find(name);
    return it == impl_->sources.end() ? nullptr : &it->second;
}

std::vector<std::string> TemplateSet::names() const {
    std::vector<std::string> out;
    for (const auto& [name, src] : impl_->sources) out.push_back(name);
    return out;
}

namespace {

constexpr std::string_view kTemplateExt = ".mustache";

bool is_template_file(const std::string& file) {
    return file.size() > kTemplateExt.size() &&
           file.compare(file.size() - kTemplateExt.size(), kTemplateExt.size(), kTemplateExt) == 0;
}

std::string template_name(const std::string& file) {
    return file.substr(0, file.size() - kTemplateExt.size());
}

// Templates in one folder on disk, by name (sorted: deterministic).
std::map<std::string, fs::path> templates_in(const fs::path& dir) {
    std::map<std::string, fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string file = entry.path().filename().string();
        if (entry.is_regular_file() && is_template_file(file)) out[template_name(file)] = entry.path();
    }
    return out;
}

void add_static_dir(const fs::path& dir, std::map<std::string, TemplateSet::StaticFile>& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file()) continue;
        std::string rel = fs::relative(it->path(), dir).generic_string();
        if (rel.empty() || rel[0] == '.') continue;
        out[rel] = TemplateSet::StaticFile{rel, fs::absolute(it->path()).string(), {}};
    }
}

}  // namespace

TemplateSet load_templates(const std::string& site_root, const std::string& theme,
                           Diagnostics& diags) {
    TemplateSet set;
    const fs::path root(site_root);
    const fs::path local_theme = root / "themes" / theme;
    std::string builtin_name = theme;
    auto builtin = builtin_theme(theme);
    std::error_code ec;
    const bool local = fs::is_directory(local_theme, ec);
    if (!local && builtin.empty()) {
        diags.error(SourcePos{"site.yaml", 0, 0}, "unknown theme '" + theme + "'",
                    "use the built-in theme 'default', or create themes/" + theme + "/templates/");
        builtin_name = "default";
        builtin = builtin_theme("default");
    }
    // A local theme falls back, template by template, to the built-in default.
    if (builtin.empty()) {
        builtin_name = "default";
        builtin = builtin_theme("default");
    }

    // Lowest priority first; later layers replace earlier ones by name.
    std::map<std::string, TemplateSet::Source> chosen;
    std::map<std::string, TemplateSet::StaticFile> statics;
    const std::string prefix = "templates/";
    for (const auto& file : builtin) {
        std::string path = file.path;
        if (path.rfind(prefix, 0) == 0 && is_template_file(path)) {
            std::string name = template_name(path.substr(prefix.size()));
            chosen[name] = {name, "builtin:" + builtin_name + "/" + path, std::string(file.bytes)};
        } else if (path.rfind("static/", 0) == 0) {
            std::string rel = path.substr(7);
            statics[rel] = TemplateSet::StaticFile{rel, {}, std::string(file.bytes)};
        }
    }
    for (const auto& dir : {local_theme / "templates", root / "templates"}) {
        for (const auto& [name, path] : templates_in(dir)) {
            std::string text;
            if (!read_file(path, text)) {
                diags.error(SourcePos{path.string(), 0, 0}, "cannot read template");
                continue;
            }
            std::string origin = fs::relative(path, root, ec).generic_string();
            if (ec || origin.empty()) origin = path.string();
            chosen[name] = {name, origin, std::move(text)};
        }
    }
    add_static_dir(local_theme / "static", statics);
    for (auto& [name, source] : chosen) {
        // A broken override is reported; the built-in one keeps the build going.
        bool builtin_origin = source.origin.rfind("builtin:", 0) == 0;
        if (!set.add(std::move(source), diags) && !builtin_origin) {
            for (const auto& file : builtin)
                if (std::string(file.path) == prefix + name + std::string(kTemplateExt))
                    set.add({name, "builtin:" + builtin_name + "/" + file.path, std::string(file.bytes)}, diags);
        }
    }
    for (auto& [rel, file] : statics) set.static_files.push_back(std::move(file));
    return set;
}

}  // namespace chuxin::html
