#include <catch2/catch.hpp>

#include "serve/debouncer.h"

using namespace chuxin::serve;
using namespace std::chrono_literals;
using Paths = std::vector<std::string>;

TEST_CASE("editor and tool files are noise, content is not") {
    for (const char* noise : {"content/.a.md.swp", "content/a.md.swp", "content/a.md.swx", "content/a.md~", "content/4913",
                              "content/.#a.md", "content/#a.md#", "content/a.md.tmp", "content/.git/index",
                              ".git/HEAD", "static/.DS_Store"})
        CHECK(is_editor_noise(noise));
    for (const char* real : {"content/a.md", "site.yaml", "content/学习/规定.md", "static/logo.png",
                             "themes/default/templates/page.mustache", "content/4913.md"})
        CHECK_FALSE(is_editor_noise(real));
}

TEST_CASE("a burst of events is one change set, once it has been quiet") {
    Debouncer d(40ms, 1000ms);
    const auto t0 = Clock::time_point{} + 10s;
    CHECK_FALSE(d.ready(t0));
    CHECK_FALSE(d.time_left(t0).has_value());
    // vim's save: swap file, backup, the file itself.
    d.add("content/.a.md.swp", t0);
    CHECK(d.empty());
    d.add("content/a.md~", t0 + 1ms);
    d.add("content/a.md", t0 + 2ms);
    d.add("content/a.md", t0 + 3ms);
    CHECK_FALSE(d.ready(t0 + 30ms));
    CHECK(d.time_left(t0 + 30ms) == 13ms);
    CHECK(d.ready(t0 + 43ms));
    CHECK(d.take().paths == Paths{"content/a.md"});
    CHECK(d.empty());
}

TEST_CASE("a checkout of many files is one change set, sorted, each path once") {
    Debouncer d(40ms, 1000ms);
    const auto t0 = Clock::time_point{} + 10s;
    for (int i = 0; i < 500; ++i) d.add("content/p" + std::to_string(499 - i % 250) + ".md", t0 + i * 100us);
    CHECK_FALSE(d.ready(t0 + 60ms));
    CHECK(d.ready(t0 + 90ms));
    const ChangeSet changes = d.take();
    CHECK(changes.paths.size() == 250);
    CHECK(std::is_sorted(changes.paths.begin(), changes.paths.end()));
}

TEST_CASE("a stream of writes that never pauses still rebuilds after max_wait") {
    Debouncer d(40ms, 1000ms);
    const auto t0 = Clock::time_point{} + 10s;
    auto t = t0;
    for (; t < t0 + 990ms; t += 10ms) {
        d.add("content/log.md", t);
        REQUIRE_FALSE(d.ready(t));
    }
    d.add("content/log.md", t0 + 1000ms);
    CHECK(d.ready(t0 + 1000ms));
}

TEST_CASE("a temp file renamed over the real one is left out of the change set") {
    Debouncer d;
    const auto t0 = Clock::time_point{} + 10s;
    d.add("content/sedX1a2b3", t0, Debouncer::Event::Created);
    d.add("content/a.md", t0 + 1ms);
    d.add("content/new.md", t0 + 2ms, Debouncer::Event::Created);
    auto exists = [](const std::string& rel) { return rel != "content/sedX1a2b3"; };
    CHECK(d.take(exists).paths == Paths{"content/a.md", "content/new.md"});
    // A file made and deleted again (nothing else): still one rebuild.
    d.add("content/gone.md", t0, Debouncer::Event::Created);
    CHECK(d.take([](const std::string&) { return false; }).paths == Paths{"content/gone.md"});
}
