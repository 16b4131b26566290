#include "handbook/dests.h"

#include "core/url.h"
#include "model/graph.h"

namespace chuxin::handbook {

std::string page_dest(const std::string& id) { return "p:" + id; }

std::string anchor_dest(const std::string& id, const std::string& anchor) {
    return anchor.empty() ? page_dest(id) : "p:" + id + "#" + anchor;
}


// Paths, anchors and query marks of web links stay readable.
std::string percent_encode_path(const std::string& s) { return percent_encode(s, "/:#"); }

std::string web_url(const model::Site& site, const model::Page& page, const std::string& anchor) {
    std::string base = site.config.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::string url = page.url.empty() ? "/" : page.url;
    if (url.front() != '/') url = "/" + url;
    std::string out = base + percent_encode_path(url);
    if (!anchor.empty()) out += "#" + percent_encode_path(anchor);
    return out;
}

std::string target_title(const model::Page& target, const std::string& anchor) {
    return model::title_of(target, anchor);
}

}  // namespace chuxin::handbook
