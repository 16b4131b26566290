// Updating the index one entry at a time (search/updater.h): after random
// edits — a page replaced, added, removed — the files are byte for byte a
// full build's from the same entries, and the changes named are exactly
// the files whose bytes differ, the files added and the files gone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

#include "core/diagnostic.h"
#include "search/updater.h"
#include "site/pipeline.h"

using namespace chuxin::search;

namespace {

const char* const kWords[] = {"民主", "生活会", "主题党日", "廉洁", "乡村振兴", "学习", "书目", "RRULE", "2026", "會議", "记录", "，", "。"};

Entry random_entry(std::mt19937& rng, int serial) {
    auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto text = [&](int words) {
        std::string s;
        for (int i = 0; i < words; ++i) s += kWords[pick(13)] + std::string(pick(4) ? "" : " ");
        return s;
    };
    Entry e;
    e.href = "p/" + std::to_string(serial) + "/index.html";
    e.title = text(1 + pick(3));
    e.kind = pick(2) ? "page" : "minutes";
    e.org = pick(2) ? "" : "jiguan-1";
    e.date = pick(3) ? "2026-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10)) : "";
    if (pick(2)) e.headings = {text(2)};
    if (pick(3) == 0) e.tags = {kWords[pick(13)]};
    e.fields = pick(2) ? text(2) : "";
    e.body = text(3 + pick(30));
    return e;
}

using Files = std::map<std::string, std::string>;

// Resident memory now, in MiB (Linux /proc/self/status VmRSS).
double rss_mib() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    double kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %lf kB", &kib) == 1) break;
    std::fclose(f);
    return kib / 1024;
}

Files as_map(const std::vector<IndexFile>& files) {
    Files out;
    for (const auto& f : files) out[f.path] = f.bytes;
    return out;
}

}  // namespace

TEST_CASE("random entry edits give a full build's files, and name exactly what changed") {
    IndexLimits limits;
    limits.gram_file_bytes = 600;  // several gram files
    limits.chunk_pages = 2;        // several text files
    int serial = 0;
    for (int sequence = 0; sequence < 200; ++sequence) {
        std::mt19937 rng(static_cast<unsigned>(sequence));
        std::vector<Entry> start;
        for (int i = 0, n = static_cast<int>(rng() % 12); i < n; ++i) start.push_back(random_entry(rng, serial++));
        IndexUpdater updater(start, limits);
        Files before = as_map(updater.files());
        for (int step = 0; step < 6; ++step) {
            const size_t n = updater.entries().size();
            const unsigned what = rng() % 3;
            std::vector<IndexChange> changes;
            if (what == 0 && n) changes = updater.replace(rng() % n, random_entry(rng, serial++));
            else if (what == 1 || !n) changes = updater.insert(rng() % (n + 1), random_entry(rng, serial++));
            else changes = updater.erase(rng() % n);
            INFO("sequence " << sequence << " step " << step);
            const Files full = as_map(build_index(updater.entries(), limits));
            REQUIRE(as_map(updater.files()) == full);
            Files applied = before;
            for (const auto& c : changes) {
                if (c.removed) {
                    CHECK(applied.erase(c.path) == 1);
                } else {
                    CHECK(applied[c.path] != c.bytes);  // named only when its bytes change
                    applied[c.path] = c.bytes;
                }
            }
            REQUIRE(applied == full);
            before = full;
        }
    }
}

TEST_CASE("an edit to one page leaves the other text files as they were") {
    std::mt19937 rng(7);
    std::vector<Entry> entries;
    for (int i = 0; i < 200; ++i) entries.push_back(random_entry(rng, i));
    IndexUpdater updater(entries);
    Entry changed = updater.entries()[20];  // not one of those the dictionary is taken from (0, 6, 12, 18, 25, …)
    changed.body += "新的一句。";
    const auto changes = updater.replace(20, changed);
    std::vector<std::string> text_files;
    for (const auto& c : changes)
        if (c.path.rfind("search/t/", 0) == 0) text_files.push_back(c.path);
    CHECK(text_files == std::vector<std::string>{"search/t/5.js"});
}

// bench/search.sh runs this on the bench corpus (CHUXIN_BENCH_SITE): the
// cost of one update against a full build. Not run by CTest ([.]).
TEST_CASE("the cost of an update at the bench corpus size", "[.][bench]") {
    const char* root = std::getenv("CHUXIN_BENCH_SITE");
    REQUIRE(root);
    chuxin::Diagnostics diags;
    chuxin::site::BuildOptions opts;
    opts.site_root = root;
    opts.as_of = chuxin::Date{2026, 7, 1};
    auto prepared = chuxin::site::prepare(opts, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::vector<Entry> entries = collect_entries(prepared.site, prepared.search_texts);
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    // The least of three runs: the machine is shared.
    auto fastest = [&](const IndexLimits& limits) {
        double best = 1e18;
        for (int run = 0; run < 3; ++run) {
            const auto start = clock::now();
            const auto files = build_index(entries, limits);
            best = std::min(best, ms(start, clock::now()));
        }
        return best;
    };
    const auto full = build_index(entries);
    IndexLimits one_thread;
    one_thread.threads = 1;
    const double two_threads_ms = fastest(IndexLimits{}), one_thread_ms = fastest(one_thread);
    const double rss_before = rss_mib();
    auto t1 = clock::now();
    IndexUpdater updater(entries);
    auto t2 = clock::now();
    const double updater_mib = rss_mib() - rss_before;
    Entry edited = entries[entries.size() / 2 + 1];
    edited.body += "新的一句。";
    const auto replaced = updater.replace(entries.size() / 2 + 1, edited);
    auto t3 = clock::now();
    Entry first = entries[0];  // the page most grams measure their context against
    first.body += "新的一句。";
    const auto first_changes = updater.replace(0, first);
    auto t3a = clock::now();
    const auto added = updater.insert(entries.size() / 3 + 1, edited);
    auto t4 = clock::now();
    const auto removed = updater.erase(entries.size() / 3 + 1);
    auto t5 = clock::now();
    size_t text_changed = 0;
    for (const auto& c : replaced) text_changed += c.path.rfind("search/t/", 0) == 0;
    std::printf("pages\t%zu\nfiles\t%zu\nfull_build_ms\t%.0f\none_thread_ms\t%.0f\nupdater_start_ms\t%.0f\nupdater_rss_mib\t%.0f\n"
                "replace_ms\t%.1f\treplace_files_changed\t%zu\treplace_text_files_changed\t%zu\n"
                "replace_first_page_ms\t%.1f\treplace_first_page_files_changed\t%zu\n"
                "insert_ms\t%.0f\tinsert_files_changed\t%zu\nerase_ms\t%.0f\terase_files_changed\t%zu\n",
                entries.size(), full.size(), two_threads_ms, one_thread_ms, ms(t1, t2), updater_mib, ms(t2, t3), replaced.size(), text_changed, ms(t3, t3a), first_changes.size(), ms(t3a, t4),
                added.size(), ms(t4, t5), removed.size());
}
