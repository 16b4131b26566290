#include "load/content_file.h"

#include "core/fnv.h"
#include "load/fields.h"
#include "load/front_matter.h"
#include "load/kinds.h"
#include "load/names.h"

namespace chuxin::load {

using model::Kind;

namespace {

const std::vector<std::string> kIndexKeys = {"title", "summary", "weight", "extra"};

std::string first_folder(const std::string& rel) {
    size_t slash = rel.find('/');
    return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

// For a key that belongs to another kind, say so: the folder decides the kind.
// For a key of this kind's list entries ('status' in a checklist), say where it goes.
std::string other_kind_hint(const std::string& key, Kind kind, const std::string& rel) {
    auto [list, entry] = entry_keys(kind);
    if (!list.empty()) {
        auto near = nearest(key, entry, 1);
        if (!near.empty())
            return (near[0] == key ? std::string() : "did you mean '" + near[0] + "'? ") + "'" + near[0] +
                   "' belongs in each entry of '" + list + "', indented under it";
    }
    for (const auto& choice : kind_choices()) {
        for (const auto& k : kind_keys(choice.value)) {
            if (k != key) continue;
            std::string folder = first_folder(rel);
            return "'" + key + "' is a field of " + std::string(model::kind_name(choice.value)) +
                   ", but this file is a " + model::kind_name(kind) +
                   (folder.empty() ? std::string(" (it is not in a kind's folder)")
                                   : " (from its folder '" + folder + "/')") +
                   "; move it or set 'type: " + model::kind_name(choice.value) + "'";
        }
    }
    return "free-form data for templates goes under 'extra:'";
}

std::vector<std::string> clean_tags(const std::vector<std::string>& raw) {
    std::vector<std::string> out;
    for (const auto& t : raw) {
        std::string tag = trim(t);  // §8 "Tags": trimmed, otherwise exact
        if (tag.empty()) continue;
        bool seen = false;
        for (const auto& o : out) seen = seen || o == tag;
        if (!seen) out.push_back(tag);
    }
    return out;
}

void read_org(const Fields& f, const model::SiteConfig& config, model::Page& page) {
    auto org = f.text("org");
    if (!org) return;
    std::string id = trim(*org);
    std::vector<std::string> ids;
    for (const auto& o : config.orgs) {
        if (o.id == id) {
            page.org = id;
            return;
        }
        ids.push_back(o.id);
    }
    std::string hint;
    for (const auto& o : config.orgs)
        if (o.name == id) hint = "write the org's id: '" + o.id + "'";
    if (hint.empty()) hint = did_you_mean(id, ids);
    if (hint.empty())
        hint = config.orgs.empty() ? "list the branches under 'orgs:' in site.yaml"
                                   : "orgs are listed in site.yaml";
    f.diags().error(f.value_pos(*f.find("org")), "unknown org '" + id + "'", hint);
}

void read_identity(const Fields& f, const std::string& rel, model::Page& page, SourcePos& id_pos) {
    std::string stem = file_stem(rel);
    std::string folder = parent_folder(rel);
    page.id = folder.empty() ? stem : folder + "/" + stem;
    if (auto id = f.text("id")) {
        std::string clean = trim(*id);
        SourcePos pos = f.value_pos(*f.find("id"));
        if (std::string why = id_problem(clean); !why.empty()) {
            f.diags().error(pos, "id '" + clean + "' cannot be used as a reference: " + why,
                            "ids look like paths: letters, digits, Chinese, '-', '_' and '/'");
        } else {
            page.id = clean;
            id_pos = pos;
        }
    }
    page.slug = stem;
    if (auto slug = f.text("slug")) {
        std::string clean = trim(*slug);
        if (std::string why = segment_problem(clean); !why.empty())
            f.diags().error(f.value_pos(*f.find("slug")), "slug '" + clean + "' is not one path segment: " + why,
                            "a slug names the page's folder in its web address, e.g. slug: laozhishu");
        else
            page.slug = clean;
    }
    page.section = folder;
    page.url = "/" + (folder.empty() ? std::string() : folder + "/") + page.slug + "/";
}

void read_common(const Fields& f, const model::SiteConfig& config, const std::string& rel, model::Page& page,
                 SourcePos& id_pos) {
    if (auto t = f.text("title", Need::Required)) page.title = trim(*t);
    read_identity(f, rel, page, id_pos);
    page.date = f.date("date");
    if (auto d = f.boolean("draft")) page.draft = *d;
    if (auto s = f.boolean("search")) page.search = *s;
    page.tags = clean_tags(f.texts("tags"));
    read_org(f, config, page);
    if (auto s = f.text("summary")) page.summary = trim(*s);
    if (auto w = f.integer("weight", Need::Optional, -1000000, 1000000)) page.weight = static_cast<int>(*w);
    page.extra = f.extra("extra");
}

void read_kind(const Fields& f, model::Page& page) { reader_of(page.kind).read(f, page); }

LoadedFile load_index(Fields& f, const std::string& rel, const std::string& file) {
    LoadedFile out;
    out.role = LoadedFile::Role::SectionIndex;
    f.reject_unknown(kIndexKeys, [](const std::string&) {
        return std::string("an _index.md gives its section a title, summary, weight and extra data only");
    });
    model::Section& s = out.section;
    s.path = parent_folder(rel);
    s.source = file;
    if (auto t = f.text("title")) s.title = trim(*t);
    if (auto sum = f.text("summary")) s.summary = trim(*sum);
    if (auto w = f.integer("weight", Need::Optional, -1000000, 1000000)) s.weight = static_cast<int>(*w);
    f.extra("extra");  // validated; sections keep no extra data in the model
    return out;
}

}  // namespace

std::string parent_folder(const std::string& rel) {
    size_t slash = rel.rfind('/');
    return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

std::string file_stem(const std::string& rel) {
    size_t slash = rel.rfind('/');
    std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
    size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

LoadedFile load_content_file(const std::string& rel, std::string raw, const model::SiteConfig& config,
                             Diagnostics& diags) {
    const std::string file = "content/" + rel;
    std::string text = normalize_text(std::move(raw));
    if (report_if_not_utf8(text, file, diags)) return {};
    auto fm = split_front_matter(std::move(text), file, diags);
    if (!fm) return {};
    const uint64_t front_matter_hash = fnv1a64(fm->yaml);
    ParsedYaml yaml = parse_yaml(file, std::move(fm->yaml), fm->yaml_line, diags);
    if (!yaml.root) return {};
    SourcePos top{file, 1, 1};
    if (!yaml.root->is_map() && !yaml.root->is_null()) {
        diags.error(yaml.source.pos(*yaml.root), "front matter should be fields like 'title: …', not " +
                                                     describe(*yaml.root),
                    "write one 'field: value' per line, e.g. title: 文章标题");
        return {};
    }
    bool is_index = file_stem(rel) == "_index";
    if (is_index) {
        Fields f(*yaml.root, yaml.source, diags, top, "in an _index.md");
        LoadedFile out = load_index(f, rel, file);
        out.section.intro_markdown = std::move(fm->body);
        out.section.intro_body_line = fm->body_line;
        return out;
    }
    LoadedFile out;
    out.role = LoadedFile::Role::Page;
    model::Page& page = out.page;
    page.path = file;
    page.rel = rel;
    page.front_matter = top;
    page.body_line = fm->body_line;
    page.front_matter_hash = front_matter_hash;
    page.body = std::move(fm->body);
    out.id_pos = top;

    page.kind = kind_from_folder(first_folder(rel));
    Fields f(*yaml.root, yaml.source, diags, top, "");
    if (auto k = f.choice("type", kind_choices())) page.kind = *k;
    f.set_context(std::string("for ") + (page.kind == Kind::Minutes ? "" : "a ") + model::kind_name(page.kind));
    f.reject_unknown(allowed_keys(page.kind),
                     [&](const std::string& key) { return other_kind_hint(key, page.kind, rel); });
    read_common(f, config, rel, page, out.id_pos);
    read_kind(f, page);
    return out;
}

}  // namespace chuxin::load
