// Nothing of the user's is lost and nothing outside the output folder is
// touched (site/staged_output.h): paths read from the manifest or the
// journal are checked like any other, a file the user changed is kept with a
// warning, a file chuxin did not write stops the build — unless --force.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "site/staged_output.h"
#include "support/files.h"

namespace fs = std::filesystem;
using namespace chuxin;
using namespace chuxin::site;
using chuxin::test::TempDir;
using chuxin::test::slurp;
using chuxin::test::spit;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// One build of `files` into `out`; returns what commit() said.
CommitStats build_into(const fs::path& out, const Files& files, Diagnostics& d,
                  Overwrite overwrite = Overwrite::KeepUsersFiles) {
    OutputOptions options;
    options.overwrite = overwrite;
    options.origin = [](const std::string& rel) { return "the page content/" + rel + ".md"; };
    StagedOutput o(out.string(), d, options);
    if (!o.ok()) return {};
    for (const auto& [p, t] : files) o.write(p, t);
    return o.commit();
}

CommitStats build_into(const fs::path& out, const Files& files, Overwrite overwrite = Overwrite::KeepUsersFiles) {
    Diagnostics d;
    return build_into(out, files, d, overwrite);
}

std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.sorted())
        out += x.pos.file + ":" + std::to_string(x.pos.line) + ": " + x.message + " | " + x.hint + "\n";
    return out;
}

void append(const fs::path& file, const std::string& text) {
    spit(file, slurp(file) + text);
}

}  // namespace

TEST_CASE("a manifest entry that could leave the output folder stops the build and deletes nothing") {
    const char* bad_paths[] = {"../precious.txt", "sub/../../precious.txt", "./../precious.txt", "a//b",
                               "..\\precious.txt", "trailing/", ".chuxin-staging/x"};
    for (const char* bad : bad_paths) {
        INFO(bad);
        TempDir t;
        const fs::path out = t.path / "public";
        spit(t.path / "precious.txt", "the user's");
        build_into(out, {{"index.html", "home"}});
        const fs::path manifest = out / StagedOutput::kManifest;
        append(manifest, "0123456789abcdef 10 wrote " + std::string(bad) + "\n");
        const std::string manifest_before = slurp(manifest);

        Diagnostics d;
        const CommitStats stats = build_into(out, {{"other.html", "x"}}, d);
        CHECK_FALSE(stats.committed);
        CHECK(fs::exists(t.path / "precious.txt"));
        CHECK(slurp(out / "index.html") == "home");
        CHECK_FALSE(fs::exists(out / "other.html"));
        CHECK(slurp(manifest) == manifest_before);
        REQUIRE(d.error_count() == 1);
        const Diagnostic e = d.sorted()[0];
        CHECK(e.pos.file == manifest.string());
        CHECK(e.pos.line == 3);  // header, index.html, the bad line
        CHECK(e.message.find("damaged manifest entry") != std::string::npos);
        CHECK(e.hint.find("delete " + manifest.string()) != std::string::npos);
    }
}

TEST_CASE("an absolute path or a NUL byte in the manifest is refused too") {
    TempDir t;
    const fs::path out = t.path / "public";
    spit(t.path / "precious.txt", "the user's");
    build_into(out, {{"index.html", "home"}});
    const fs::path manifest = out / StagedOutput::kManifest;
    append(manifest, "0123456789abcdef 10 wrote " + (t.path / "precious.txt").string() + "\n");
    const char nul_line[] = "0123456789abcdef 10 wrote x\0/../../precious.txt\n";
    append(manifest, std::string(nul_line, sizeof nul_line - 1));
    Diagnostics d;
    CHECK_FALSE(build_into(out, {}, d).committed);
    CHECK(d.error_count() == 2);
    CHECK(fs::exists(t.path / "precious.txt"));
}

TEST_CASE("a version-1 manifest (an older chuxin's) is read, checked and upgraded") {
    TempDir t;
    const fs::path out = t.path / "public";
    spit(out / "index.html", "home");
    spit(out / "old.html", "old");
    {
        // The hashes as an older chuxin wrote them.
        char line[64];
        std::snprintf(line, sizeof line, "%016llx index.html\n%016llx old.html\n",
                      static_cast<unsigned long long>(content_hash("home")),
                      static_cast<unsigned long long>(content_hash("old")));
        spit(out / StagedOutput::kManifest, line);
    }
    Diagnostics d;
    const CommitStats stats = build_into(out, {{"index.html", "home"}}, d);
    INFO(all_messages(d));
    CHECK(stats.committed);
    CHECK(d.warning_count() == 0);
    CHECK(stats.unchanged == 1);
    CHECK(stats.removed == 1);
    CHECK(slurp(out / StagedOutput::kManifest).rfind("chuxin-manifest 2\n", 0) == 0);

    spit(out / StagedOutput::kManifest, "0123456789abcdef ../x\n");  // version 1, damaged
    Diagnostics bad;
    CHECK_FALSE(build_into(out, {}, bad).committed);
    CHECK(bad.error_count() == 1);
}

TEST_CASE("a stale manifest entry under a link that leads outside deletes nothing") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "home"}, {"notes/keep.html", "chuxin's bytes"}});
    // The user turns notes/ into a link to a folder of their own that holds
    // a file of the same name and bytes.
    fs::remove_all(out / "notes");
    spit(t.path / "mine/keep.html", "chuxin's bytes");
    fs::create_directory_symlink(t.path / "mine", out / "notes");
    Diagnostics d;
    CHECK_FALSE(build_into(out, {{"index.html", "home"}}, d).committed);
    CHECK(slurp(t.path / "mine/keep.html") == "chuxin's bytes");
    CHECK(all_messages(d).find("link that leads outside") != std::string::npos);
}

TEST_CASE("a new output under a link that leads outside is written nowhere") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "home"}});
    fs::create_directories(t.path / "elsewhere");
    fs::create_directory_symlink(t.path / "elsewhere", out / "cases");
    Diagnostics d;
    CHECK_FALSE(build_into(out, {{"index.html", "home"}, {"cases/a/index.html", "a"}}, d).committed);
    CHECK(fs::is_empty(t.path / "elsewhere"));
    CHECK(all_messages(d).find(out.string() + "/cases:0: this folder is a link") != std::string::npos);
}

TEST_CASE("a link inside the output that stays inside is fine") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "home"}, {"2026/a.html", "a"}});
    fs::create_directory_symlink(out / "2026", out / "latest");
    Diagnostics d;
    CHECK(build_into(out, {{"index.html", "home"}, {"2026/a.html", "a"}, {"latest/b.html", "b"}}, d).committed);
    CHECK(slurp(out / "2026/b.html") == "b");
}

TEST_CASE("a damaged journal of an interrupted build moves and deletes nothing") {
    TempDir t;
    const fs::path out = t.path / "public";
    spit(t.path / "precious.txt", "the user's");
    build_into(out, {{"index.html", "v1"}});
    const fs::path staging = out / StagedOutput::kStaging;
    spit(staging / "index.html", "v2");
    spit(staging / StagedOutput::kJournal, "+ index.html\n- ../precious.txt\n");
    Diagnostics d;
    StagedOutput o(out.string(), d);
    CHECK_FALSE(o.ok());
    CHECK(fs::exists(t.path / "precious.txt"));
    CHECK(slurp(out / "index.html") == "v1");  // not even the sound line was acted on
    REQUIRE(d.error_count() == 1);
    CHECK(d.sorted()[0].pos.file == (staging / StagedOutput::kJournal).string());
    CHECK(d.sorted()[0].pos.line == 2);
}

TEST_CASE("a staging folder that is a link is not read through") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}});
    spit(t.path / "mine/.commit", "- index.html\n");
    spit(t.path / "mine/thesis.docx", "precious");
    fs::create_directory_symlink(t.path / "mine", out / StagedOutput::kStaging);
    Diagnostics d;
    StagedOutput o(out.string(), d);
    CHECK_FALSE(o.ok());
    CHECK(slurp(out / "index.html") == "v1");
    CHECK(slurp(t.path / "mine/thesis.docx") == "precious");
}

TEST_CASE("a file the user changed is kept, with a warning on every build, until --force") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"about.html", "a1"}});
    spit(out / "about.html", "my hotfix");

    for (const char* next : {"a2", "a1"}) {  // chuxin's bytes changed, or not
        INFO(next);
        Diagnostics d;
        const CommitStats stats = build_into(out, {{"index.html", "v2"}, {"about.html", next}}, d);
        CHECK(stats.committed);
        CHECK(stats.kept == 1);
        CHECK(slurp(out / "about.html") == "my hotfix");
        CHECK(slurp(out / "index.html") == "v2");
        REQUIRE(d.warning_count() == 1);
        CHECK(d.sorted()[0].pos.file == (out / "about.html").string());
        CHECK(d.sorted()[0].hint.find("--force") != std::string::npos);
        // The manifest keeps chuxin's own hash, marked kept: the next build
        // reads the file back and warns again.
        CHECK(manifest_hashes((out / StagedOutput::kManifest).string()).at("about.html") == content_hash("a1"));
        CHECK(slurp(out / StagedOutput::kManifest).find(" kept about.html\n") != std::string::npos);
    }
    Diagnostics d;
    CHECK(build_into(out, {{"index.html", "v2"}, {"about.html", "a2"}}, d, Overwrite::Force).committed);
    CHECK(d.warning_count() == 0);
    CHECK(slurp(out / "about.html") == "a2");
    Diagnostics quiet;
    build_into(out, {{"index.html", "v2"}, {"about.html", "a2"}}, quiet);
    CHECK(quiet.warning_count() == 0);
}

TEST_CASE("a stale file the user changed is not deleted; --force deletes it") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"old/index.html", "o1"}});
    spit(out / "old/index.html", "my notes");
    Diagnostics d;
    const CommitStats stats = build_into(out, {{"index.html", "v1"}}, d);
    CHECK(stats.committed);
    CHECK(stats.removed == 0);
    CHECK(slurp(out / "old/index.html") == "my notes");
    CHECK(d.warning_count() == 1);
    Diagnostics again;
    build_into(out, {{"index.html", "v1"}}, again);
    CHECK(again.warning_count() == 1);
    CHECK(build_into(out, {{"index.html", "v1"}}, Overwrite::Force).removed == 1);
    CHECK_FALSE(fs::exists(out / "old"));
}

TEST_CASE("a chuxin file the user replaced with a link is kept, and its target untouched") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"about.html", "a1"}});
    spit(t.path / "mine.html", "mine");
    fs::remove(out / "about.html");
    fs::create_symlink(t.path / "mine.html", out / "about.html");
    Diagnostics d;
    CHECK(build_into(out, {{"index.html", "v1"}, {"about.html", "a2"}}, d).committed);
    CHECK(d.warning_count() == 1);
    CHECK(fs::is_symlink(out / "about.html"));
    CHECK(slurp(t.path / "mine.html") == "mine");
    CHECK(build_into(out, {{"index.html", "v1"}, {"about.html", "a2"}}, Overwrite::Force).committed);
    CHECK_FALSE(fs::is_symlink(out / "about.html"));  // the link was replaced, not followed
    CHECK(slurp(t.path / "mine.html") == "mine");
}

TEST_CASE("a touched but unchanged file is not taken for the user's change") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}});
    // Newer than the manifest: read back and hashed, found to be chuxin's.
    fs::last_write_time(out / "index.html", fs::last_write_time(out / "index.html") + std::chrono::hours(1));
    Diagnostics d;
    const CommitStats stats = build_into(out, {{"index.html", "v1"}}, d);
    CHECK(d.warning_count() == 0);
    CHECK(stats.unchanged == 1);
    CHECK(stats.written == 0);
}

TEST_CASE("a file chuxin did not write where an output goes stops the build; the old output stays whole") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}});
    spit(out / "news/index.html", "the user's own page");
    Diagnostics d;
    const CommitStats stats =
        build_into(out, {{"index.html", "v2"}, {"news/index.html", "generated"}, {"z/new.html", "n"}}, d);
    CHECK_FALSE(stats.committed);
    CHECK(slurp(out / "news/index.html") == "the user's own page");
    CHECK(slurp(out / "index.html") == "v1");  // nothing of this build moved in
    CHECK_FALSE(fs::exists(out / "z"));
    CHECK_FALSE(fs::exists(out / StagedOutput::kStaging));
    REQUIRE(d.error_count() == 1);
    const Diagnostic e = d.sorted()[0];
    CHECK(e.pos.file == (out / "news/index.html").string());
    CHECK(e.message.find("the page content/news/index.html.md") != std::string::npos);
    CHECK(e.hint.find("--force") != std::string::npos);

    CHECK(build_into(out, {{"index.html", "v2"}, {"news/index.html", "generated"}}, Overwrite::Force).committed);
    CHECK(slurp(out / "news/index.html") == "generated");
}

TEST_CASE("many files in the way: the first twenty are named, the rest counted") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}});
    Files files;
    for (int i = 0; i < 25; ++i) {
        const std::string p = "p" + std::to_string(100 + i) + ".html";
        spit(out / p, "mine");
        files.push_back({p, "gen"});
    }
    Diagnostics d;
    CHECK_FALSE(build_into(out, files, d).committed);
    CHECK(d.error_count() == 21);
    CHECK(all_messages(d).find("and 5 more paths where a file chuxin did not write is in the way") !=
          std::string::npos);
}

TEST_CASE("deleting the manifest starts afresh: with --force chuxin rewrites its files and deletes none") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"gone.html", "g"}});
    spit(out / "CNAME", "study.example.org");
    fs::remove(out / StagedOutput::kManifest);
    Diagnostics refused;
    CHECK_FALSE(build_into(out, {{"index.html", "v2"}}, refused).committed);
    CHECK(refused.error_count() == 1);
    CHECK(build_into(out, {{"index.html", "v2"}}, Overwrite::Force).committed);
    CHECK(slurp(out / "index.html") == "v2");
    CHECK(slurp(out / "CNAME") == "study.example.org");
    CHECK(fs::exists(out / "gone.html"));  // not listed any more: not chuxin's to delete
}

TEST_CASE("the commit reports each of its filesystem steps") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"a/x.html", "x"}, {"b/y.html", "y"}});
    OutputOptions options;
    int steps = 0;
    options.after_commit_step = [&] { ++steps; };
    Diagnostics d;
    StagedOutput o(out.string(), d, options);
    o.write("index.html", "v2");      // one move into an existing folder
    o.write("a/x.html", "x");         // unchanged: no step
    o.write("c/z.html", "z");         // a new folder, moved whole
    CHECK(o.commit().committed);      // b/y.html deleted, then b/ removed
    // manifest.next, commit.tmp, journal rename, 2 moves, 1 delete, 1 rmdir,
    // manifest rename, journal delete, staging delete.
    CHECK(steps == 10);
}

TEST_CASE("a same-size change is found even when the file's mtime was set back") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}, {"about.html", "typo"}});
    const auto written = fs::last_write_time(out / "about.html");
    build_into(out, {{"index.html", "v2"}, {"about.html", "typo"}});  // a later manifest
    spit(out / "about.html", "typa");
    Diagnostics d;
    build_into(out, {{"index.html", "v2"}, {"about.html", "typo"}}, d);
    CHECK(d.warning_count() == 1);  // newer than the manifest: read back
    // Kept once, the file is read back on every build, whatever its mtime.
    fs::last_write_time(out / "about.html", written);
    Diagnostics again;
    build_into(out, {{"index.html", "v2"}, {"about.html", "typo 2"}}, again);
    CHECK(again.warning_count() == 1);
    CHECK(slurp(out / "about.html") == "typa");
}

TEST_CASE("the manifest is the same bytes for the same output") {
    TempDir t;
    build_into(t.path / "one", {{"index.html", "v1"}, {"a/b.html", "b"}});
    build_into(t.path / "two", {{"a/b.html", "b"}, {"index.html", "v1"}});
    CHECK(slurp(t.path / "one" / StagedOutput::kManifest) == slurp(t.path / "two" / StagedOutput::kManifest));
}

TEST_CASE("a folder of the user's where a file goes, or a file where a folder goes, stops even --force") {
    TempDir t;
    const fs::path out = t.path / "public";
    build_into(out, {{"index.html", "v1"}});
    spit(out / "page.html/notes.txt", "mine");  // a folder where a file goes
    spit(out / "cases", "mine too");            // a file where a folder goes
    for (Overwrite overwrite : {Overwrite::KeepUsersFiles, Overwrite::Force}) {
        Diagnostics d;
        CHECK_FALSE(build_into(out, {{"index.html", "v2"}, {"page.html", "p"}, {"cases/a/index.html", "a"}}, d,
                               overwrite).committed);
        CHECK(d.error_count() == 2);
        CHECK(all_messages(d).find("a folder of yours") != std::string::npos);
        CHECK(slurp(out / "page.html/notes.txt") == "mine");
        CHECK(slurp(out / "cases") == "mine too");
        CHECK(slurp(out / "index.html") == "v1");
    }
    fs::remove_all(out / "page.html/notes.txt");  // an empty folder left: nothing of the user's
    fs::remove(out / "cases");
    CHECK(build_into(out, {{"index.html", "v2"}, {"page.html", "p"}, {"cases/a/index.html", "a"}}).committed);
    CHECK(slurp(out / "page.html") == "p");
}
