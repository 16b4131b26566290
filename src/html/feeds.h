#pragma once
// sitemap.xml and the Atom feed (content-format §6): the feed written with
// libxml2's xmlTextWriter, the sitemap directly in the bytes that writer
// makes. Absolute URLs from base_url; no clock: dates come from pages.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "html/site_index.h"

namespace chuxin::html {

struct SitemapEntry {
    std::string url;  // site URL: "/cases/x/"
    std::optional<Date> lastmod;
};

// Entries in the given order (the caller sorts them).
std::string sitemap_xml(const std::string& base_url, const std::vector<SitemapEntry>& entries);
// The same bytes through libxml2's xmlTextWriter (the reference; tests/html).
std::string sitemap_xml_libxml2(const std::string& base_url, const std::vector<SitemapEntry>& entries);

// Dated pages, newest first (at most `limit`); `updated` is the newest date.
std::string atom_feed(const SiteIndex& index, size_t limit = 50);

}  // namespace chuxin::html
