// SkipUnchanged: a change set of files that hold their old bytes gets the
// last outcome without a build; anything else is built.
#include <catch2/catch.hpp>

#include "serve/unchanged_inputs.h"
#include "support/files.h"

using namespace chuxin::serve;
using chuxin::test::spit;
using chuxin::test::TempDir;

namespace {

// Counts the builds it is asked for; its outcome says which build it was.
class CountingRebuilder : public Rebuilder {
public:
    explicit CountingRebuilder(int& builds, bool& ok) : builds_(builds), ok_(ok) {}
    RebuildOutcome rebuild(const ChangeSet&) override {
        RebuildOutcome o;
        o.ok = ok_;
        o.pages = static_cast<size_t>(++builds_);
        o.stats.written = 3;
        return o;
    }

private:
    int& builds_;
    bool& ok_;
};

ChangeSet changed(std::vector<std::string> paths) { return ChangeSet{std::move(paths)}; }

}  // namespace

TEST_CASE("a change set of unchanged files is answered without a build") {
    TempDir dir("skip-unchanged");
    spit(dir.path / "site.yaml", "title: 站\n");
    spit(dir.path / "content/a.md", "---\ntitle: 甲\n---\n正文\n");
    spit(dir.path / "content/sub/b.md", "---\ntitle: 乙\n---\n");
    spit(dir.path / "themes/t/templates/page.mustache", "{{title}}");
    int builds = 0;
    bool ok = true;
    auto r = make_skip_unchanged(std::make_unique<CountingRebuilder>(builds, ok), dir.path.string());

    CHECK(r->rebuild(changed({})).pages == 1);  // the first build always runs
    // Saved without an edit (same bytes), several at once: no build, the
    // last outcome, nothing written.
    spit(dir.path / "content/a.md", "---\ntitle: 甲\n---\n正文\n");
    const RebuildOutcome same = r->rebuild(changed({"content/a.md", "site.yaml", "themes/t/templates/page.mustache"}));
    CHECK(builds == 1);
    CHECK(same.pages == 1);
    CHECK(same.ok);
    CHECK(same.stats.written == 0);
    CHECK(same.stats.unchanged == 3);

    SECTION("an edit is built, and afterwards its new bytes are the ones compared") {
        spit(dir.path / "content/a.md", "---\ntitle: 甲\n---\n改了\n");
        CHECK(r->rebuild(changed({"content/a.md"})).pages == 2);
        CHECK(r->rebuild(changed({"content/a.md"})).pages == 2);
        spit(dir.path / "content/a.md", "---\ntitle: 甲\n---\n正文\n");  // back to the first bytes: a change again
        CHECK(r->rebuild(changed({"content/a.md"})).pages == 3);
    }
    SECTION("one changed file among unchanged ones is built") {
        spit(dir.path / "content/sub/b.md", "---\ntitle: 乙二\n---\n");
        CHECK(r->rebuild(changed({"content/a.md", "content/sub/b.md"})).pages == 2);
    }
    SECTION("a deleted file, a new file and a folder are changes") {
        std::filesystem::remove(dir.path / "content/a.md");
        CHECK(r->rebuild(changed({"content/a.md"})).pages == 2);
        spit(dir.path / "content/c.md", "---\ntitle: 丙\n---\n");
        CHECK(r->rebuild(changed({"content/c.md"})).pages == 3);
        CHECK(r->rebuild(changed({"content/sub"})).pages == 4);
    }
    SECTION("a folder moved away and back: its files are compared afresh, not against old hashes") {
        std::filesystem::rename(dir.path / "content/sub", dir.path / "moved");
        CHECK(r->rebuild(changed({"content/sub"})).pages == 2);
        std::filesystem::rename(dir.path / "moved", dir.path / "content/sub");
        CHECK(r->rebuild(changed({"content/sub/b.md"})).pages == 3);
    }
    SECTION("a failed build is answered the same way: same files, same errors") {
        ok = false;
        spit(dir.path / "content/a.md", "---\ntitle: [\n---\n");
        CHECK_FALSE(r->rebuild(changed({"content/a.md"})).ok);
        ok = true;  // the fake would now succeed: the skip must not ask it
        const RebuildOutcome again = r->rebuild(changed({"content/a.md"}));
        CHECK_FALSE(again.ok);
        CHECK(builds == 2);
    }
}

TEST_CASE("InputHashes reads what a build reads, and only that") {
    TempDir dir("input-hashes");
    spit(dir.path / "site.yaml", "title: 站\n");
    spit(dir.path / "content/a.md", "x");
    spit(dir.path / "static/logo.svg", "<svg/>");
    spit(dir.path / "public/index.html", "output, not input");
    spit(dir.path / "notes.txt", "not read by a build");
    const InputHashes h = InputHashes::of_site(dir.path.string());
    CHECK(h.size() == 3);
    CHECK(h.unchanged(dir.path.string(), ChangeSet{{"content/a.md", "static/logo.svg", "site.yaml"}}));
    CHECK_FALSE(h.unchanged(dir.path.string(), ChangeSet{{"notes.txt"}}));
    CHECK_FALSE(h.unchanged(dir.path.string(), ChangeSet{}));
}
