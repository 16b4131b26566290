#include "load/site_config.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "load/fields.h"
#include "load/front_matter.h"
#include "load/names.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kSiteKeys = {"title", "base_url", "language", "theme", "publisher",
                                            "orgs",  "build",    "search", "extra", "fonts"};
const std::vector<std::string> kBuildKeys = {"output", "drafts", "raw_html"};
const std::vector<std::string> kOrgKeys = {"id", "name"};
// The face roles of the handbook PDFs (fonts::FontConfig, docs/fonts-and-pdf.md).
const std::vector<std::string> kFontKeys = {"song", "hei", "kai", "fangsong", "latin", "latin_sans", "mono"};

const std::vector<Choice<std::string>> kLanguages = {
    {"zh-CN", "zh-CN"}, {"en", "en"},       {"zh", "zh-CN"},    {"zh_CN", "zh-CN"},
    {"zh-Hans", "zh-CN"}, {"中文", "zh-CN"}, {"en-US", "en"},    {"English", "en"},
};

// base_url is an absolute address or a site path; it always ends with '/'.
void read_base_url(const Fields& f, model::SiteConfig& config) {
    auto url = f.text("base_url");
    if (!url) return;
    std::string u = trim(*url);
    bool ok = u.rfind("/", 0) == 0 || u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
    if (!ok) {
        f.diags().error(f.value_pos(*f.find("base_url")), "base_url '" + u + "' is not an address",
                        "write an absolute address such as https://study.example.org/ or a path "
                        "starting with '/'");
        return;
    }
    if (u.back() != '/') u += '/';
    config.base_url = u;
}

void read_orgs(const Fields& f, model::SiteConfig& config) {
    std::set<std::string> seen;
    for (const YamlNode& entry : f.list("orgs")) {
        SourcePos pos = f.pos(entry);
        if (!entry.is_map()) {
            f.diags().error(pos, "an entry of 'orgs' should be a map with 'id' and 'name', not " + describe(entry),
                            "e.g.\n          - id: jiguan-1\n            name: 区委机关第一党支部");
            continue;
        }
        Fields org(entry, f.source(), f.diags(), pos, "in each org");
        org.reject_unknown(kOrgKeys);
        auto id = org.text("id", Need::Required);
        auto name = org.text("name", Need::Required);
        if (!id) continue;
        std::string clean = trim(*id);
        SourcePos id_pos = org.value_pos(*org.find("id"));
        if (std::string why = segment_problem(clean); !why.empty() || clean.find(' ') != std::string::npos) {
            f.diags().error(id_pos, "org id '" + clean + "' cannot be used in a web address: " +
                                        (why.empty() ? "it contains a space" : why),
                            "use letters, digits and '-', e.g. jiguan-1");
            continue;
        }
        if (!seen.insert(clean).second) {
            f.diags().error(id_pos, "org id '" + clean + "' is defined twice", "org ids must be unique");
            continue;
        }
        config.orgs.push_back({clean, name ? trim(*name) : std::string()});
    }
}

void read_build(const Fields& f, model::SiteConfig& config) {
    const Field* field = f.get("build", Need::Optional);
    if (!field) return;
    if (!field->value.is_map()) {
        f.diags().error(f.value_pos(*field), "'build' should be a map of fields, not " + describe(field->value),
                        "e.g.\n        build:\n          output: public");
        return;
    }
    Fields b(field->value, f.source(), f.diags(), f.key_pos(*field), "in build");
    b.reject_unknown(kBuildKeys);
    if (auto out = b.text("output")) {
        std::string o = trim(*out);
        std::filesystem::path p(o);
        bool escapes = false;
        for (const auto& part : p) escapes = escapes || part == "..";
        static const std::set<std::string> reserved = {"", ".", "content", "static", "templates", "themes"};
        if (p.is_absolute() || escapes || reserved.count(p.lexically_normal().generic_string())) {
            b.diags().error(b.value_pos(*b.find("output")),
                            "build output '" + o + "' must be a new folder inside the site",
                            "the output folder is replaced on every build; e.g. output: public");
        } else {
            config.output = p.lexically_normal().generic_string();
            if (!config.output.empty() && config.output.back() == '/') config.output.pop_back();
        }
    }
    if (auto d = b.boolean("drafts")) config.drafts = *d;
    if (auto r = b.boolean("raw_html")) config.raw_html = *r;
}

// `fonts: {fangsong: 仿宋_GB2312, song: 方正小标宋简体}`: families found by fontconfig.
void read_fonts(const Fields& f, model::SiteConfig& config) {
    const Field* field = f.get("fonts", Need::Optional);
    if (!field) return;
    if (!field->value.is_map()) {
        f.diags().error(f.value_pos(*field), "'fonts' should be a map of face roles to families, not " + describe(field->value),
                        "e.g.\n        fonts:\n          fangsong: 仿宋_GB2312\n          song: 方正小标宋简体");
        return;
    }
    Fields fonts(field->value, f.source(), f.diags(), f.key_pos(*field), "in fonts");
    fonts.reject_unknown(kFontKeys);
    for (const std::string& role : kFontKeys)
        if (auto family = fonts.text(role); family && !trim(*family).empty()) config.fonts[role] = trim(*family);
    config.fonts_pos = f.key_pos(*field);
}

}  // namespace

void parse_site_config(const std::string& text, const std::string& file, model::SiteConfig& config,
                       Diagnostics& diags) {
    ParsedYaml parsed = parse_yaml(file, normalize_text(text), 1, diags);
    if (!parsed.root) return;
    const YamlNode& root = *parsed.root;
    SourcePos top{file, 1, 1};
    if (!root.is_map() && !root.is_null()) {
        diags.error(parsed.source.pos(root), "site.yaml should hold fields like 'title: …', not " + describe(root),
                    "e.g. title: 示例区委理论学习平台");
        return;
    }
    Fields f(root, parsed.source, diags, top, "in site.yaml");
    f.reject_unknown(kSiteKeys, [](const std::string&) {
        return std::string("free-form settings for templates go under 'extra:'");
    });
    if (auto t = f.text("title", Need::Required)) config.title = trim(*t);
    read_base_url(f, config);
    if (auto lang = f.choice("language", kLanguages)) config.lang = lang_of(*lang);
    if (auto theme = f.text("theme")) config.theme = trim(*theme);
    if (auto pub = f.text("publisher")) config.publisher = trim(*pub);
    read_orgs(f, config);
    read_build(f, config);
    if (auto search = f.boolean("search")) config.search = *search;
    read_fonts(f, config);
    config.extra = f.extra("extra");
}

bool read_site_config(const std::string& root, model::SiteConfig& config, Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        diags.error({}, "site folder '" + root + "' does not exist or is not a folder");
        return false;
    }
    fs::path file = fs::path(root) / "site.yaml";
    if (!fs::is_regular_file(file, ec)) {
        diags.error({}, "no site.yaml in '" + root + "'",
                    "a site folder needs a site.yaml with at least a title, e.g. 'title: 示例区委理论学习平台'; "
                    "'chuxin new site DIR' creates one");
        return false;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof()) {
        diags.error({"site.yaml", 0, 0}, "cannot read site.yaml");
        return false;
    }
    parse_site_config(buf.str(), "site.yaml", config, diags);
    return true;
}

}  // namespace chuxin::load
