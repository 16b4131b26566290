#pragma once
// One file under content/: front matter split, YAML parsed with positions,
// common and per-kind fields validated (content-format §2, §3, §8).
// Pure: reads only its arguments, so files can be loaded on several threads.
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "model/model.h"

namespace chuxin::load {

struct LoadedFile {
    enum class Role { None, Page, SectionIndex };
    Role role = Role::None;   // None: the file could not be read as content (errors reported)
    model::Page page;         // Role::Page
    model::Section section;   // Role::SectionIndex (an `_index.md`)
    SourcePos id_pos;         // where the page's id comes from: the `id:` value or line 1
};

// `rel` is the '/'-separated path under content/ ("cases/老支书.md"); `raw`
// the file's bytes. Org ids are checked against `config.orgs`.
LoadedFile load_content_file(const std::string& rel, std::string raw, const model::SiteConfig& config,
                             Diagnostics& diags);

// "cases/2026/a.md" → "cases/2026"; "a.md" → "".
std::string parent_folder(const std::string& rel);
// "cases/2026/a.md" → "a" (the extension, whatever its case, dropped).
std::string file_stem(const std::string& rel);

}  // namespace chuxin::load
