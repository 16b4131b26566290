#pragma once
// Lists a site's files: sorted by path (byte order) so loading is
// deterministic; dotfiles and dot-folders are ignored (content-format §8),
// and so are editor leftovers (`~$x.docx` lock files of WPS/Word, `x~` backups).
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace chuxin::load {

struct ContentListing {
    std::vector<std::string> markdown;  // .md files (any case), '/'-separated, relative to content/
    std::vector<std::string> assets;    // every other file, relative to content/
    std::vector<std::string> folders;   // every folder below content/, relative to it
};

// `what` names the folder in diagnostics ("content", "static").
ContentListing list_folder(const std::string& dir, const std::string& what, Diagnostics& diags);

bool is_ignored_name(const std::string& name);
bool is_markdown_name(const std::string& name);

}  // namespace chuxin::load
