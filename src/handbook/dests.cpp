#include "handbook/dests.h"

namespace chuxin::handbook {

std::string page_dest(const std::string& id) { return "p:" + id; }

std::string anchor_dest(const std::string& id, const std::string& anchor) {
    return anchor.empty() ? page_dest(id) : "p:" + id + "#" + anchor;
}

std::string percent_encode_path(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':' || c == '#';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

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
    if (anchor.empty()) return target.title;
    if (const auto* list = target.as<model::StudyList>())
        for (const auto& item : list->items)
            if (item.id == anchor) return item.title;
    if (const auto* checklist = target.as<model::Checklist>())
        for (const auto& item : checklist->items)
            if (item.id == anchor) return item.issue;
    if (const auto* schedule = target.as<model::Schedule>())
        for (const auto& event : schedule->events)
            if (event.id == anchor) return event.title;
    for (const auto& h : target.headings)
        if (h.anchor == anchor) return h.text;
    return target.title;
}

}  // namespace chuxin::handbook
