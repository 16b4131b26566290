// Updating the index one entry at a time (search/updater.h): after random
// edits — a page replaced, added, removed — the files are byte for byte a
// full build's from the same entries, and the changes named are exactly
// the files whose bytes differ, the files added and the files gone.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "search/updater.h"

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
