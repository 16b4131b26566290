#include <catch2/catch.hpp>

#include "serve/mime.h"

using chuxin::serve::mime_type;

TEST_CASE("output files get their Content-Type by extension") {
    CHECK(mime_type("index.html") == "text/html; charset=utf-8");
    CHECK(mime_type("css/site.css") == "text/css; charset=utf-8");
    CHECK(mime_type("js/a.js") == "text/javascript; charset=utf-8");
    CHECK(mime_type("img/logo.svg") == "image/svg+xml");
    CHECK(mime_type("feed.xml") == "application/xml");
    CHECK(mime_type("calendar/学习.ics") == "text/calendar; charset=utf-8");
    CHECK(mime_type("handbooks/手册.pdf") == "application/pdf");
    CHECK(mime_type("a.png") == "image/png");
    CHECK(mime_type("a.JPG") == "image/jpeg");
    CHECK(mime_type("a.jpeg") == "image/jpeg");
    CHECK(mime_type("fonts/a.woff2") == "font/woff2");
    CHECK(mime_type("favicon.ico") == "image/x-icon");
}

TEST_CASE("an unknown or missing extension is sent as bytes") {
    CHECK(mime_type("README") == "application/octet-stream");
    CHECK(mime_type("a.exe") == "application/octet-stream");
    CHECK(mime_type("dir.html/file") == "application/octet-stream");
}
