#include <catch2/catch.hpp>

#include "cli/progress_line.h"

using namespace chuxin;
using namespace chuxin::cli;
using namespace std::chrono_literals;

TEST_CASE("the progress line shows on a terminal, with --progress, never with -q") {
    CHECK(shows_progress(ProgressWhen::Auto, true));
    CHECK_FALSE(shows_progress(ProgressWhen::Auto, false));
    CHECK(shows_progress(ProgressWhen::Always, false));
    CHECK_FALSE(shows_progress(ProgressWhen::Never, true));
}

TEST_CASE("the progress line's text: phase, done of total, rate, time left") {
    CHECK(progress_text(site::BuildProgress{"write", 5000, 10000}, 1.0) ==
          "write  5,000 of ~10,000 files  5,000/s  ~1 s left");
    CHECK(progress_text(site::BuildProgress{"markdown", 0, 10000}, 0) == "markdown  10,000 pages");
    CHECK(progress_text(site::BuildProgress{"load", 0, 0}, 0) == "load");
}

TEST_CASE("nothing is drawn for the first second; then in place, throttled, and erased at the end") {
    std::string screen;
    const auto t0 = ProgressLine::Clock::now();
    {
        ProgressLine line([&](const std::string& s) { screen += s; }, 1s);
        line.update(site::BuildProgress{"load", 0, 0}, t0 + 10ms);
        line.update(site::BuildProgress{"write", 10, 100}, t0 + 500ms);
        CHECK(screen.empty());
        line.update(site::BuildProgress{"write", 50, 100}, t0 + 1200ms);
        CHECK(screen.rfind("\rwrite  50 of ~100 files", 0) == 0);
        const size_t drawn = screen.size();
        line.update(site::BuildProgress{"write", 51, 100}, t0 + 1250ms);  // within 100 ms: not redrawn
        CHECK(screen.size() == drawn);
        line.finish();
        CHECK(screen.back() == '\r');
        CHECK(screen.find_last_not_of(" \r") < drawn);  // the end erased it with blanks
    }
    std::string quick;
    {
        ProgressLine line([&](const std::string& s) { quick += s; }, 1s);
        line.update(site::BuildProgress{"write", 1, 2}, ProgressLine::Clock::now());
    }
    CHECK(quick.empty());  // a short build prints nothing of it
}
