// The output mechanism's promises (site/staged_output.h): whole files only,
// a failed build changes nothing, unchanged files are not touched, only our
// own files are ever deleted, and an interrupted commit is finished.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "site/staged_output.h"
#include "support/files.h"

namespace fs = std::filesystem;
using namespace chuxin;
using namespace chuxin::site;
using chuxin::test::TempDir;
using chuxin::test::slurp;
using chuxin::test::spit;

namespace {

// The file's inode: a file rewritten or replaced by a rename gets a new one.
ino_t inode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
}

void build_once(const fs::path& out, const std::map<std::string, std::string>& files, CommitStats* stats = nullptr) {
    Diagnostics d;
    StagedOutput o(out.string(), d);
    REQUIRE(o.ok());
    for (const auto& [p, t] : files) o.write(p, t);
    auto s = o.commit();
    if (stats) *stats = s;
    REQUIRE_FALSE(d.has_errors());
}

}  // namespace

TEST_CASE("a first build writes every file and a manifest") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "home"}, {"cases/老支书/index.html", "case"}});
    CHECK(slurp(out / "index.html") == "home");
    CHECK(slurp(out / "cases/老支书/index.html") == "case");
    auto manifest = manifest_hashes((out / StagedOutput::kManifest).string());
    CHECK(manifest.size() == 2);
    CHECK(manifest.at("index.html") == content_hash("home"));
    CHECK_FALSE(fs::exists(out / StagedOutput::kStaging));
}

TEST_CASE("an abandoned build leaves the previous output whole") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "v1"}, {"a/index.html", "a1"}});
    {
        Diagnostics d;
        StagedOutput o(out.string(), d);
        o.write("index.html", "v2");
        o.write("b/index.html", "b2");
        o.abandon();
    }
    CHECK(slurp(out / "index.html") == "v1");
    CHECK(slurp(out / "a/index.html") == "a1");
    CHECK_FALSE(fs::exists(out / "b"));
    CHECK_FALSE(fs::exists(out / StagedOutput::kStaging));
}

TEST_CASE("a build destroyed without commit (killed) changes nothing") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "v1"}});
    {
        Diagnostics d;
        StagedOutput o(out.string(), d);
        o.write("index.html", "v2");
    }  // destructor: no commit
    CHECK(slurp(out / "index.html") == "v1");
}

TEST_CASE("unchanged files are neither staged nor rewritten; stale ones are removed") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "home"}, {"old/index.html", "old"}, {"same.css", "css"}});
    auto before = fs::last_write_time(out / "same.css");
    const ino_t inode_before = inode_of(out / "same.css");
    CommitStats stats;
    build_once(out, {{"index.html", "home v2"}, {"same.css", "css"}}, &stats);
    CHECK(stats.written == 1);
    CHECK(stats.unchanged == 1);
    CHECK(stats.removed == 1);
    CHECK(fs::last_write_time(out / "same.css") == before);
    CHECK(inode_of(out / "same.css") == inode_before);  // not replaced by a staged copy
    // (What that check would see: a same-content file renamed into place.)
    spit(t.path / "copy.css", "css");
    fs::rename(t.path / "copy.css", out / "same.css");
    CHECK(inode_of(out / "same.css") != inode_before);
    CHECK_FALSE(fs::exists(out / "old"));  // its empty folder goes too
    CHECK(slurp(out / "index.html") == "home v2");
}

TEST_CASE("files chuxin did not write are never deleted") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "home"}});
    spit(out / "CNAME", "study.example.org");
    build_once(out, {{"other.html", "x"}});
    CHECK(fs::exists(out / "CNAME"));
    CHECK_FALSE(fs::exists(out / "index.html"));
}

TEST_CASE("a non-empty folder not made by chuxin is refused") {
    TempDir t;
    fs::path out = t.path / "mine";
    spit(out / "thesis.docx", "precious");
    Diagnostics d;
    StagedOutput o(out.string(), d);
    CHECK_FALSE(o.ok());
    REQUIRE(d.has_errors());
    CHECK(d.sorted()[0].message.find("not made by chuxin") != std::string::npos);
    CHECK(slurp(out / "thesis.docx") == "precious");
    CHECK_FALSE(fs::exists(out / StagedOutput::kStaging));
}

TEST_CASE("paths that leave the output folder are refused") {
    TempDir t;
    fs::path out = t.path / "public";
    Diagnostics d;
    StagedOutput o(out.string(), d);
    o.write("../escape.html", "x");
    o.write("/etc/passwd", "x");
    o.write("a/./b", "x");
    o.write(StagedOutput::kManifest, "x");
    CHECK(d.error_count() == 4);
    o.abandon();
    CHECK_FALSE(fs::exists(t.path / "escape.html"));
}

TEST_CASE("an interrupted commit is finished by the next run") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "v1"}, {"gone.html", "g"}});
    // Simulate a run killed after journaling, before renaming anything.
    fs::path staging = out / StagedOutput::kStaging;
    spit(staging / "index.html", "v2");
    spit(staging / "new/index.html", "n2");
    std::map<std::string, uint64_t> next{{"index.html", content_hash("v2")}, {"new/index.html", content_hash("n2")}};
    Manifest next_manifest;
    for (const auto& [path, hash] : next) next_manifest[path].hash = hash;
    spit(staging / "manifest.next", format_manifest(next_manifest));
    spit(staging / StagedOutput::kJournal, "+ index.html\n+ new/index.html\n- gone.html\n");
    Diagnostics d;
    StagedOutput o(out.string(), d);
    CHECK(slurp(out / "index.html") == "v2");
    CHECK(slurp(out / "new/index.html") == "n2");
    CHECK_FALSE(fs::exists(out / "gone.html"));
    CHECK(manifest_hashes((out / StagedOutput::kManifest).string()) == next);
    o.abandon();
}

TEST_CASE("a staging folder without a journal (killed while rendering) is discarded") {
    TempDir t;
    fs::path out = t.path / "public";
    build_once(out, {{"index.html", "v1"}});
    spit(out / StagedOutput::kStaging / "index.html", "half");
    Diagnostics d;
    StagedOutput o(out.string(), d);
    CHECK(slurp(out / "index.html") == "v1");
    o.abandon();
    CHECK_FALSE(fs::exists(out / StagedOutput::kStaging));
}

TEST_CASE("a new folder moves into place whole; files in existing folders one by one") {
    TempDir t;
    fs::path out = t.path / "public";
    CommitStats stats;
    build_once(out, {{"index.html", "h"}, {"cases/a/index.html", "a"}, {"cases/b/index.html", "b"}}, &stats);
    CHECK(stats.written == 3);
    CHECK(slurp(out / "cases/a/index.html") == "a");
    CHECK(slurp(out / "cases/b/index.html") == "b");
    build_once(out, {{"index.html", "h"}, {"cases/a/index.html", "a2"}, {"cases/b/index.html", "b"},
                     {"cases/c/index.html", "c"}, {"minutes/m/index.html", "m"}}, &stats);
    CHECK(stats.written == 3);
    CHECK(stats.unchanged == 2);
    CHECK(slurp(out / "cases/a/index.html") == "a2");
    CHECK(slurp(out / "cases/c/index.html") == "c");
    CHECK(slurp(out / "minutes/m/index.html") == "m");
    CHECK(manifest_hashes((out / StagedOutput::kManifest).string()).size() == 5);
}

TEST_CASE("two builds never write one folder at the same time") {
    TempDir t;
    fs::path out = t.path / "public";
    Diagnostics d1, d2;
    StagedOutput first(out.string(), d1);
    REQUIRE(first.ok());
    StagedOutput second(out.string(), d2);
    CHECK_FALSE(second.ok());
    REQUIRE(d2.has_errors());
    CHECK(d2.sorted()[0].message.find("another chuxin build") != std::string::npos);
    first.write("index.html", "x");
    first.commit();
    CHECK(slurp(out / "index.html") == "x");
}

TEST_CASE("leftovers of a killed first build do not make the folder foreign") {
    TempDir t;
    fs::path out = t.path / "public";
    spit(out / StagedOutput::kLock, "");
    spit(out / StagedOutput::kStaging / "index.html", "half");
    build_once(out, {{"index.html", "whole"}});
    CHECK(slurp(out / "index.html") == "whole");
}
