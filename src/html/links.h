#pragma once
// Relative links between outputs. Every href in a page is relative to that
// page's folder, so the site works under any base path and from file://;
// path segments are percent-encoded (RFC 3986 §2.1), Chinese ones included.
#include <string>
#include <string_view>

#include "core/url.h"

#include "html/html.h"

namespace chuxin::html {

// "/cases/老支书/" → "cases/老支书/index.html"; "/" → "index.html";
// "/handbooks/x.pdf" → "handbooks/x.pdf".
std::string output_path_of(const std::string& url);


// One path segment made safe for a folder name (tags): no '/', '\\', control
// characters, and no leading '.'.
std::string safe_segment(std::string_view s);

class Links {
public:
    explicit Links(LinkStyle style) : style_(style) {}
    // Relative href from the output file `from` ("cases/x/index.html") to the
    // site URL `to` ("/minutes/y/" or "/schedules/2026/calendar.ics"),
    // percent-encoded, with an optional "#anchor".
    std::string href(const std::string& from, const std::string& to,
                     const std::string& anchor = {}) const;
    // Same, for a target already passed through encode_url().
    std::string href_encoded(const std::string& from, const std::string& encoded,
                             const std::string& anchor = {}) const;
    // "/cases/老支书/" → "cases/%E8%80%81%E6%94%AF%E4%B9%A6/"
    static std::string encode_url(const std::string& url);
    // Prefix from `from`'s folder to the output root: "", "../", "../../" …
    static std::string to_root(const std::string& from);

private:
    LinkStyle style_;
};

// base_url + url, percent-encoded: for sitemap.xml and the Atom feed.
std::string absolute_url(const std::string& base_url, const std::string& url);

}  // namespace chuxin::html
