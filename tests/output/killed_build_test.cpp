// kill -9 at any moment of a build leaves either the old or the new site
// whole, and the next build finishes (journal) or discards (no journal) what
// was staged. Two ways to stop a build: CHUXIN_TEST_KILL_AFTER_COMMIT_STEP
// kills it after each filesystem step of the commit in turn (where a timed
// kill rarely lands), and real SIGKILLs at random delays over a build of a
// few hundred pages with a handbook.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <random>
#include <thread>

#include "output_fixture.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace chuxin::test;

namespace {

enum class Version { Old, New };

void page(const fs::path& file, const std::string& title, const std::string& body) {
    spit(file, "---\ntitle: " + title + "\ndate: 2026-03-01\ntags: [学习]\n---\n\n" + body + "\n");
}

// A site of 3 sections × `per_section` pages (plus one that only the old
// version has). The new version changes a page's text and another's title,
// drops a whole section and five pages, and adds a section and a page: its
// commit moves files into existing folders, moves new folders whole,
// deletes files and empty folders.
void write_site(const fs::path& root, Version v, int per_section, bool handbook) {
    fs::remove_all(root);
    spit(root / "site.yaml", "title: 测试站点\nbase_url: https://example.org/\npublisher: 测试宣传部\n");
    const bool is_new = v == Version::New;
    for (const char* section : {"notices", "news", "study"})
        for (int i = 1; i <= per_section; ++i) {
            if (is_new && std::string(section) == "study" && i <= 5) continue;
            std::string title = std::string("第") + std::to_string(i) + "篇 " + section;
            if (is_new && std::string(section) == "notices" && i == 3) title += "（修订）";
            std::string body = "这是正文第一段，讲述学习的内容。\n\n第二段：坚持不懈，久久为功。";
            if (is_new && std::string(section) == "news" && i == 2) body += "\n\n新增的第三段。";
            page(root / "content" / section / ("p" + std::to_string(i) + ".md"), title, body);
        }
    if (is_new) {
        for (int i = 1; i <= 5; ++i) page(root / "content/extra" / ("e" + std::to_string(i) + ".md"), "新栏目" + std::to_string(i), "新内容。");
        page(root / "content/news/added.md", "新增一篇", "正文。");
    } else {
        for (int i = 1; i <= 3; ++i) page(root / "content/old" / ("o" + std::to_string(i) + ".md"), "旧栏目" + std::to_string(i), "旧内容。");
    }
    if (handbook)
        spit(root / "content/handbooks/shouce.md",
             "---\ntitle: 学习手册\ndate: 2026-01-10\npaper: A5\nstyle: handbook\ninclude:\n"
             "  - part: 第一部分\n    items: [news/p1, news/p2, news/p3, notices/p3]\n---\n\n手册前言。\n");
}

struct Sites {
    TempDir dir{"killed"};
    fs::path old_site = dir.path / "old-site", new_site = dir.path / "new-site";
    fs::path old_out = dir.path / "old-out", new_out = dir.path / "new-out", out = dir.path / "out";
    Snapshot old_snap, new_snap;
    std::string flags;

    Sites(int per_section, bool handbook) {
        write_site(old_site, Version::Old, per_section, handbook);
        write_site(new_site, Version::New, per_section, handbook);
        flags = handbook ? " --as-of 2026-07-01" : " --no-pdf --as-of 2026-07-01";
        REQUIRE(run_chuxin("build --source " + quoted(old_site) + " -o " + quoted(old_out) + flags).code() == 0);
        REQUIRE(run_chuxin("build --source " + quoted(new_site) + " -o " + quoted(new_out) + flags).code() == 0);
        old_snap = snapshot(old_out);
        new_snap = snapshot(new_out);
        REQUIRE(old_snap.files.size() > 3u * static_cast<size_t>(per_section));
        REQUIRE_FALSE(old_snap == new_snap);
    }
    std::string new_build() const { return "build --source " + quoted(new_site) + " -o " + quoted(out) + flags; }
    void reset_to_old() const { replace_folder(old_out, out); }
};

// After a kill: what a reader of the folder sees, then what the next run
// makes of it. Returns whether recovery gave the new site.
bool check_after_kill(const Sites& s) {
    const bool journaled = fs::exists(s.out / chuxin::site::StagedOutput::kStaging / chuxin::site::StagedOutput::kJournal);
    if (!journaled) {
        // Not yet committing (or done): the folder is whole as it is.
        const Snapshot seen = snapshot(s.out, Staging::Skip);
        CHECK((seen == s.old_snap || seen == s.new_snap));
    }
    {
        // What any next run does first: finish the journal, or discard.
        chuxin::Diagnostics d;
        chuxin::site::StagedOutput reopened(s.out.string(), d);
        REQUIRE(reopened.ok());
        reopened.abandon();
    }
    const Snapshot recovered = snapshot(s.out);
    const bool is_new = recovered == s.new_snap;
    CHECK((is_new || recovered == s.old_snap));
    if (journaled) CHECK(is_new);  // a journal is rolled forward, never back
    // And the next build of the new site finishes cleanly, with nothing of
    // the killed run taken for a change of the user's.
    const Run next = run_chuxin(s.new_build());
    INFO(next.output);
    CHECK(next.code() == 0);
    CHECK(next.output.find("warning") == std::string::npos);
    CHECK(snapshot(s.out) == s.new_snap);
    return is_new;
}

// Starts the binary with `args` (output to /dev/null); returns its pid.
pid_t spawn_chuxin(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string binary = CHUXIN_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

}  // namespace

TEST_CASE("killed after each filesystem step of the commit (and again while recovering), the site is the old or the new one whole") {
    Sites s(6, false);
    int steps = 0;
    for (int n = 1;; ++n) {
        REQUIRE(n < 500);
        INFO("killed after commit step " << n);
        s.reset_to_old();
        const Run r = run_chuxin(s.new_build(), "CHUXIN_TEST_KILL_AFTER_COMMIT_STEP=" + std::to_string(n) + " ");
        if (!r.killed()) {  // the commit has fewer steps: it ran to the end
            INFO(r.output);
            CHECK(r.code() == 0);
            CHECK(snapshot(s.out) == s.new_snap);
            break;
        }
        ++steps;
        if (n >= 3) {
            // The next build is killed too, while it finishes the journal
            // (a step of that in turn); the one after must still get it right.
            const int again = 1 + n % 5;
            INFO("the next build killed after its recovery step " << again);
            const Run second =
                run_chuxin(s.new_build(), "CHUXIN_TEST_KILL_AFTER_COMMIT_STEP=" + std::to_string(again) + " ");
            CHECK(second.killed());
        }
        const bool is_new = check_after_kill(s);
        // Steps 1 and 2 write the next manifest and the journal under a
        // temporary name; step 3 renames the journal: the commit point.
        CHECK(is_new == (n >= 3));
    }
    // moves (changed pages, lists, new folders), deletes, folders, bookkeeping
    WARN("the commit has " << steps << " filesystem steps");
    CHECK(steps >= 20);
}

TEST_CASE("kill -9 at random moments of a build of a few hundred pages leaves the old or the new site whole") {
    Sites s(70, true);
    const std::vector<std::string> args = {"build", "--source", s.new_site.string(), "-o", s.out.string(),
                                           "--as-of", "2026-07-01"};
    // How long the build runs (the shorter of two), to spread the kills over all of it.
    long took = 0;
    for (int i = 0; i < 2; ++i) {
        s.reset_to_old();
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(wait_for(spawn_chuxin(args)) == 0);
        const long us = static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                              std::chrono::steady_clock::now() - start).count());
        took = i == 0 ? us : std::min(took, us);
    }
    INFO("a build takes " << took << " µs");
    std::mt19937 random(20261203);  // fixed: the same delays every run
    std::uniform_int_distribution<long> delay(0, took);
    constexpr int kKills = 20;
    int killed = 0, to_new = 0;
    for (int i = 0; i < kKills; ++i) {
        const long us = delay(random);
        INFO("kill after " << us << " µs");
        s.reset_to_old();
        const pid_t pid = spawn_chuxin(args);
        std::this_thread::sleep_for(std::chrono::microseconds(us));
        ::kill(pid, SIGKILL);
        const int status = wait_for(pid);
        killed += WIFSIGNALED(status) ? 1 : 0;
        to_new += check_after_kill(s) ? 1 : 0;
    }
    WARN("random kills over a build of " << took << " µs: " << killed << " of " << kKills << " landed before the build ended; " << to_new
                          << " recovered to the new site");
    CHECK(killed >= kKills / 2);
}
