#include <catch2/catch.hpp>

#include "html/links.h"

using namespace chuxin::html;

TEST_CASE("output paths of pretty URLs") {
    CHECK(output_path_of("/") == "index.html");
    CHECK(output_path_of("/cases/老支书/") == "cases/老支书/index.html");
    CHECK(output_path_of("/handbooks/2026.pdf") == "handbooks/2026.pdf");
}

TEST_CASE("hrefs are relative and percent-encoded") {
    Links links(LinkStyle::IndexFile);
    CHECK(links.href("index.html", "/cases/x/") == "cases/x/index.html");
    CHECK(links.href("cases/x/index.html", "/") == "../../index.html");
    CHECK(links.href("cases/x/index.html", "/cases/老支书/", "启示") ==
          "../../cases/%E8%80%81%E6%94%AF%E4%B9%A6/index.html#%E5%90%AF%E7%A4%BA");
    CHECK(links.href("a/b/index.html", "/schedules/2026/calendar.ics") == "../../schedules/2026/calendar.ics");
    CHECK(links.href("index.html", "/a b/") == "a%20b/index.html");
    Links pretty(LinkStyle::Directory);
    CHECK(pretty.href("cases/x/index.html", "/minutes/y/") == "../../minutes/y/");
    CHECK(pretty.href("index.html", "/") == "./");
}

TEST_CASE("absolute URLs for sitemap and feed") {
    CHECK(absolute_url("https://a.org", "/cases/老/") == "https://a.org/cases/%E8%80%81/");
    CHECK(absolute_url("https://a.org/sub/", "/x/") == "https://a.org/sub/x/");
}

TEST_CASE("tag folder names are one safe segment") {
    CHECK(safe_segment("a/b") == "a-b");
    CHECK(safe_segment("..") == "-.");  // never "." or ".."
    CHECK(safe_segment("党章") == "党章");
    CHECK(safe_segment("") == "-");
}
