// A build that fails after staging began leaves the previous output exactly
// as it was; the output folder's refusals and --force, through the binary.
#include <catch2/catch.hpp>

#include <filesystem>

#include "output_fixture.h"

namespace fs = std::filesystem;
using namespace chuxin::test;

namespace {

// The default site, built once into <site>/public; returns the build's args.
std::string built_default_site(const fs::path& site) {
    copy_default_site(site);
    const std::string args = "build --source " + quoted(site) + " --as-of 2026-07-01";
    const Run first = run_chuxin(args);
    INFO(first.output);
    REQUIRE(first.code() == 0);
    return args;
}

// Fails the build with `args`, then checks the output is byte for byte,
// inode for inode what it was.
void check_failed_build_changes_nothing(const fs::path& out, const std::string& args, const std::string& expect) {
    const Snapshot before = snapshot(out);
    const auto stamps_before = stamps(out);
    const Run failed = run_chuxin(args);
    INFO(failed.output);
    CHECK(failed.code() == 1);
    CHECK(failed.output.find(expect) != std::string::npos);
    CHECK(failed.output.find("the previous output in") != std::string::npos);
    CHECK(snapshot(out) == before);
    CHECK(stamps(out) == stamps_before);
    CHECK_FALSE(fs::exists(out / chuxin::site::StagedOutput::kStaging));
}

}  // namespace

TEST_CASE("a template error in the site's own templates/ leaves the previous output byte-identical") {
    TempDir t("template-error");
    const std::string args = built_default_site(t.path);
    // Edit content too, so that this build has changed pages to stage.
    spit(t.path / "content/about/pingtai.md", slurp(t.path / "content/about/pingtai.md") + "\n新增一段。\n");
    spit(t.path / "templates/case.mustache", "<article>{{#title}}{{title}}</article>\n");  // section never closed
    check_failed_build_changes_nothing(t.path / "public", args, "templates/case.mustache");
}

TEST_CASE("a corrupt image in a handbook (a PDF error) leaves the previous output byte-identical") {
    TempDir t("corrupt-image");
    const std::string args = built_default_site(t.path);
    const fs::path image = t.path / "content/schedules/2026-shangbannian.png";
    // A 16-bit PNG whose header is damaged: the layout takes its size from
    // the header, the PDF writer fails to decode it — an error while the
    // handbook is written, after staging began. (A PNG damaged only after a
    // sound header aborts inside libpng through libharu: a crash, not an
    // error; reported, not covered here.)
    const unsigned char header[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                    0, 0, 1, 0x90, 0, 0, 0, 0xC8, 16, 2, 0, 0, 0, 0, 0, 0, 0};
    spit(image, std::string(reinterpret_cast<const char*>(header), sizeof header) + std::string(300, '\x7f'));
    check_failed_build_changes_nothing(t.path / "public", args, "error: cannot convert 16-bit PNG");
}

TEST_CASE("a manifest entry that leaves the output folder: the binary stops, names the line, deletes nothing") {
    TempDir t("manifest");
    const std::string args = built_default_site(t.path);
    spit(t.path / "precious.txt", "the user's");
    const fs::path manifest = t.path / "public" / chuxin::site::StagedOutput::kManifest;
    const std::string text = slurp(manifest);
    spit(manifest, text + "0123456789abcdef 10 wrote ../precious.txt\n");
    const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    check_failed_build_changes_nothing(t.path / "public", args,
                                       ".chuxin-manifest:" + std::to_string(line) + ":1: error: damaged manifest entry");
    CHECK(slurp(t.path / "precious.txt") == "the user's");
    const Run again = run_chuxin(args + " --force");  // --force does not override a damaged manifest
    CHECK(again.code() == 1);
    CHECK(slurp(t.path / "precious.txt") == "the user's");
}

TEST_CASE("a page the user edited in the output is kept with a warning; --force replaces it") {
    TempDir t("edited");
    const std::string args = built_default_site(t.path);
    const fs::path page = t.path / "public/about/jianjie/index.html";
    spit(page, "<p>my fix</p>");
    for (int round = 0; round < 2; ++round) {  // the warning repeats until resolved
        const Run r = run_chuxin(args);
        INFO(r.output);
        CHECK(r.code() == 0);
        CHECK(r.output.find("public/about/jianjie/index.html: warning: changed since chuxin wrote it") !=
              std::string::npos);
        CHECK(r.output.find("--force") != std::string::npos);
        CHECK(r.output.find(" removed, 1 kept as you changed them)") != std::string::npos);
        CHECK(slurp(page) == "<p>my fix</p>");
    }
    const Run forced = run_chuxin(args + " --force");
    INFO(forced.output);
    CHECK(forced.code() == 0);
    CHECK(slurp(page).find("<!DOCTYPE html>") != std::string::npos);
    const Run quiet = run_chuxin(args);
    CHECK(quiet.output.find("warning") == std::string::npos);
}

TEST_CASE("a file of the user's where a new page goes stops the build; --force overwrites it") {
    TempDir t("in-the-way");
    const std::string args = built_default_site(t.path);
    spit(t.path / "public/cases/xinjian/index.html", "the user's own page");
    spit(t.path / "content/cases/xinjian.md", "---\ntitle: 新建案例\ndate: 2026-05-01\n---\n正文。\n");
    check_failed_build_changes_nothing(
        t.path / "public", args,
        "public/cases/xinjian/index.html: error: a file chuxin did not write is where the page "
        "content/cases/xinjian.md must go");
    const Run forced = run_chuxin(args + " --force");
    INFO(forced.output);
    CHECK(forced.code() == 0);
    CHECK(slurp(t.path / "public/cases/xinjian/index.html").find("新建案例") != std::string::npos);
}
