#pragma once
// Heading anchors by GitHub's rule (content-format §8): lower-case, drop
// punctuation and symbols but `-` and `_`, spaces to `-`, keep Chinese and
// other letters, marks and digits; a repeat gets `-1`, `-2`, …
#include <set>
#include <string>
#include <string_view>

namespace chuxin::markdown {

// The anchor for one heading's plain text, before de-duplication. May be "".
std::string github_slug(std::string_view heading_text);

// Hands out anchors unique within one page.
class AnchorRegistry {
public:
    // Reserves an id that headings must not take (a checklist item's id …).
    void reserve(const std::string& id) { used_.insert(id); }
    // `base` if free, else `base-1`, `base-2`, … (GitHub's numbering). An
    // empty base (a heading of punctuation only) becomes "section".
    std::string unique(std::string base);

private:
    std::set<std::string> used_;
};

}  // namespace chuxin::markdown
