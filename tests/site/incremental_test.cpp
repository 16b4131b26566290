// The incremental build against a full build, byte for byte (issue 11 §6):
// random sequences of edits to a copy of the default site — bodies, titles,
// dates, tags, refs added and removed, `fulfills`, files added, deleted and
// renamed, a template, site.yaml, a broken edit and its fix — and after
// each, every file of the incrementally rebuilt folder (manifest included)
// must equal a full build's of the same files, and both must report the
// same problems. CHUXIN_INCREMENTAL_SEQUENCES sets how many (default 200;
// bench/README.md has a nightly-sized run).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <set>

#include "support/default_site.h"
#include "support/files.h"
#include "site/incremental.h"

namespace fs = std::filesystem;
using namespace chuxin;
using chuxin::test::slurp;
using chuxin::test::spit;

namespace {

std::map<std::string, std::string> tree_of(const fs::path& root) {
    std::map<std::string, std::string> files;
    if (!fs::exists(root)) return files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = slurp(e.path());
    return files;
}

std::vector<std::string> problems(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.sorted())
        out.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
                      d.message);
    return out;
}

site::BuildOptions options_for(const fs::path& site_dir, const fs::path& out, bool pdf) {
    site::BuildOptions o;
    o.site_root = site_dir.string();
    o.output = out.string();
    o.as_of = *Date::parse("2026-07-01");
    o.pdf = pdf ? site::PdfMode::Build : site::PdfMode::Skip;
    o.source_date_epoch = 1767225600;
    o.jobs = 2;
    return o;
}

// One random edit of the site: which files it changed ("content/a.md").
class Editor {
public:
    Editor(fs::path site, unsigned seed) : site_(std::move(site)), rng_(seed) {}

    const char* last() const { return last_; }

    std::vector<std::string> edit() {
        if (broken_) return fix();
        last_ = kEditNames[0];
        const size_t kind = pick(20);
        last_ = kEditNames[kind];
        switch (kind) {
            case 0: case 1: case 2: case 3: case 4: case 5: return body_edit();
            case 6: return add_ref();
            case 7: return remove_ref();
            case 8: return front_matter_line("title", "title: 修订后的标题" + std::to_string(pick(1000)));
            case 9: return front_matter_line("date", "date: 2026-0" + std::to_string(1 + pick(9)) + "-1" +
                                                         std::to_string(pick(10)));
            case 10: return front_matter_line("tags", "tags: [主题党日, 新标签" + std::to_string(pick(5)) + "]");
            case 11: return change_fulfills();
            case 12: return add_file();
            case 13: return delete_file();
            case 14: return rename_file();
            case 15: return edit_template();
            case 16: return edit_site_yaml();
            case 17: return break_a_page();
            case 18: return pick(2) ? touch() : checkout();
            default: return first_paragraph_edit();
        }
    }

private:
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

    std::vector<std::string> pages() const {
        std::vector<std::string> out;
        for (const auto& e : fs::recursive_directory_iterator(site_ / "content"))
            if (e.is_regular_file() && e.path().extension() == ".md" && e.path().filename() != "_index.md")
                out.push_back(fs::relative(e.path(), site_).generic_string());
        std::sort(out.begin(), out.end());
        return out;
    }
    std::string random_page() {
        auto all = pages();
        return all[pick(all.size())];
    }
    // The body starts after the second "---" line.
    static size_t body_start(const std::string& text) {
        size_t second = text.find("\n---", 3);
        if (second == std::string::npos) return text.size();
        size_t eol = text.find('\n', second + 1);
        return eol == std::string::npos ? text.size() : eol + 1;
    }

    std::vector<std::string> body_edit() {
        const std::string rel = random_page();
        std::string text = slurp(site_ / rel);
        const size_t body = body_start(text);
        static const char* kLines[] = {"\n\n会后，大家继续交流了学习体会。\n", "\n\n- 补充一项：按时报送学习材料。\n",
                                       "\n\n> 学而不思则罔。\n", "\n\n| 项目 | 情况 |\n|---|---|\n| 学习 | 已完成 |\n"};
        if (pick(2) == 0 || text.size() <= body + 10) {
            text += kLines[pick(4)];
        } else {
            // A character somewhere past the first paragraph becomes another.
            const size_t second_block = text.find("\n\n", body);
            size_t at = second_block == std::string::npos ? text.size() : second_block + 2;
            text.insert(at, "（补记）");
        }
        spit(site_ / rel, text);
        return {rel};
    }

    // The summary changes; with an empty-text ref in it, the summary shows
    // the target's title, so the page's lists read the target too.
    std::vector<std::string> first_paragraph_edit() {
        const std::string rel = random_page();
        std::string text = slurp(site_ / rel);
        text.insert(body_start(text), pick(2) ? "开篇补充一句。\n\n" : "详见[](ref:" + random_id() + ")。\n\n");
        spit(site_ / rel, text);
        return {rel};
    }

    std::string random_id() {
        std::string rel = random_page();
        rel = rel.substr(std::string("content/").size());
        return rel.substr(0, rel.size() - 3);
    }

    std::vector<std::string> add_ref() {
        const std::string rel = random_page();
        std::string text = slurp(site_ / rel);
        text += "\n\n参见[](ref:" + random_id() + ")。\n";
        spit(site_ / rel, text);
        return {rel};
    }

    std::vector<std::string> remove_ref() {
        for (int attempt = 0; attempt < 10; ++attempt) {
            const std::string rel = random_page();
            std::string text = slurp(site_ / rel);
            const size_t body = body_start(text);
            size_t at = text.find("(ref:", body);
            if (at == std::string::npos) continue;
            size_t end = text.find(')', at);
            text.replace(at, end - at + 1, "");  // the link's text stays, as plain brackets
            spit(site_ / rel, text);
            return {rel};
        }
        return body_edit();
    }

    std::vector<std::string> front_matter_line(const std::string& field, const std::string& line) {
        const std::string rel = random_page();
        std::string text = slurp(site_ / rel);
        const size_t body = body_start(text);
        std::string head = text.substr(0, body);
        std::regex field_line("(^|\n)" + field + ":[^\n]*");
        if (std::regex_search(head, field_line)) head = std::regex_replace(head, field_line, "$1" + line);
        else head.insert(4, line + "\n");  // after the first "---\n"
        spit(site_ / rel, head + text.substr(body));
        return {rel};
    }

    std::vector<std::string> change_fulfills() {
        std::vector<std::string> minutes;
        for (const auto& p : pages())
            if (p.rfind("content/minutes/", 0) == 0) minutes.push_back(p);
        if (minutes.empty()) return body_edit();
        const std::string rel = minutes[pick(minutes.size())];
        static const char* kTargets[] = {"schedules/2026#theme-day", "schedules/2026#lecture", ""};
        std::string text = slurp(site_ / rel);
        const size_t body = body_start(text);
        std::string head = text.substr(0, body);
        std::regex line("\nfulfills:[^\n]*");
        const std::string target = kTargets[pick(3)];
        head = std::regex_replace(head, line, "");
        if (!target.empty()) head.insert(4, "fulfills: " + target + "\n");
        spit(site_ / rel, head + text.substr(body));
        return {rel};
    }

    std::vector<std::string> add_file() {
        const std::string rel = "content/notices/new-" + std::to_string(++added_) + ".md";
        spit(site_ / rel, "---\ntitle: 新增通知" + std::to_string(added_) + "\ndate: 2026-05-0" +
                              std::to_string(1 + pick(9)) + "\norg: jiguan-1\n---\n\n请各支部按时参加。\n");
        return {rel};
    }

    // Many files at once, as a `git checkout` writes them.
    std::vector<std::string> checkout() {
        std::vector<std::string> changed;
        for (int i = 0; i < 12; ++i) {
            auto more = i % 3 == 2 ? body_edit() : add_file();
            changed.insert(changed.end(), more.begin(), more.end());
        }
        std::sort(changed.begin(), changed.end());
        changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
        return changed;
    }

    std::vector<std::string> delete_file() {
        // Only files nobody cites, so that most deletes build: a notice added here.
        if (added_ == 0 || !fs::exists(site_ / ("content/notices/new-" + std::to_string(added_) + ".md")))
            return add_file();
        const std::string rel = "content/notices/new-" + std::to_string(added_) + ".md";
        fs::remove(site_ / rel);
        return {rel};
    }

    std::vector<std::string> rename_file() {
        const std::string from = random_page();
        const std::string to = from.substr(0, from.size() - 3) + "-renamed.md";
        fs::rename(site_ / from, site_ / to);
        return {from, to};
    }

    std::vector<std::string> edit_template() {
        const std::string rel = "templates/page.mustache";
        std::string text = fs::exists(site_ / rel)
                               ? slurp(site_ / rel)
                               : slurp(fs::path(CHUXIN_SOURCE_DIR) / "themes/default/templates/page.mustache");
        text += "\n<!-- edit " + std::to_string(pick(1000)) + " -->\n";
        spit(site_ / rel, text);
        return {rel};
    }

    std::vector<std::string> edit_site_yaml() {
        std::string text = slurp(site_ / "site.yaml");
        text = std::regex_replace(text, std::regex("\ntitle: [^\n]*"), "\ntitle: 示例学习平台" + std::to_string(pick(100)));
        spit(site_ / "site.yaml", text);
        return {"site.yaml"};
    }

    std::vector<std::string> break_a_page() {
        broken_path_ = random_page();
        broken_text_ = slurp(site_ / broken_path_);
        std::string text = broken_text_;
        text.insert(4, "title: [没有闭合\n");
        spit(site_ / broken_path_, text);
        broken_ = true;
        return {broken_path_};
    }

    std::vector<std::string> fix() {
        spit(site_ / broken_path_, broken_text_);
        broken_ = false;
        return {broken_path_};
    }

    std::vector<std::string> touch() {
        const std::string rel = random_page();
        spit(site_ / rel, slurp(site_ / rel));
        return {rel};
    }

    static constexpr const char* kEditNames[20] = {
        "body", "body", "body", "body", "body", "body", "add ref", "remove ref", "title", "date", "tags",
        "fulfills", "add file", "delete file", "rename", "template", "site.yaml", "break", "touch or checkout",
        "first paragraph"};
    fs::path site_;
    const char* last_ = "";
    std::mt19937 rng_;
    int added_ = 0;
    bool broken_ = false;
    std::string broken_path_, broken_text_;
};

size_t sequence_count() {
    if (const char* n = std::getenv("CHUXIN_INCREMENTAL_SEQUENCES")) return std::stoul(n);
    return 200;
}

}  // namespace

TEST_CASE("incremental rebuilds write what a full build writes, over random edit sequences", "[incremental]") {
    // Thousands of small files are written, renamed and read: in memory
    // when the machine has a tmpfs there, so that the disk does not decide.
    if (fs::is_directory("/dev/shm")) setenv("TMPDIR", "/dev/shm", 1);
    test::TempDir dir("incremental");
    const fs::path pristine = dir.path / "pristine";
    test::copy_default_site(pristine);
    const size_t sequences = sequence_count();
    const size_t kEdits = 4;
    std::map<site::RebuildScope, size_t> scopes;
    for (size_t seq = 0; seq < sequences; ++seq) {
        const bool pdf = seq % 100 == 0;  // a few with the handbook PDFs (slower)
        const fs::path site_dir = dir.path / "site";
        test::replace_folder(pristine, site_dir);
        fs::remove_all(dir.path / "inc");
        fs::remove_all(dir.path / "full");
        // A third of the sequences start before the search updater is there,
        // as on a big site: those rebuilds write the whole index.
        if (seq % 3 == 1) setenv("CHUXIN_TEST_SEARCH_UPDATER_DELAY_MS", "150", 1);
        else unsetenv("CHUXIN_TEST_SEARCH_UPDATER_DELAY_MS");
        site::IncrementalBuild inc(options_for(site_dir, dir.path / "inc", pdf));
        Diagnostics first;
        REQUIRE(inc.rebuild({}, first).ok);
        Editor editor(site_dir, static_cast<unsigned>(seq + 1));
        for (size_t e = 0; e < kEdits; ++e) {
            const std::vector<std::string> changed = editor.edit();
            Diagnostics inc_diags, full_diags;
            const bool inc_ok = inc.rebuild(changed, inc_diags).ok;
            ++scopes[inc.last_scope()];
            const bool full_ok = site::run_build(options_for(site_dir, dir.path / "full", pdf), full_diags).ok;
            INFO("sequence " << seq << " edit " << e << " (" << editor.last() << "): " << changed.front());
            REQUIRE(inc_ok == full_ok);
            REQUIRE(problems(inc_diags) == problems(full_diags));
            if (!full_ok) continue;
            const auto inc_files = tree_of(dir.path / "inc");
            const auto full_files = tree_of(dir.path / "full");
            std::vector<std::string> differ;
            for (const auto& [rel, bytes] : full_files) {
                auto it = inc_files.find(rel);
                if (it == inc_files.end() || it->second != bytes) differ.push_back(rel);
            }
            for (const auto& [rel, bytes] : inc_files)
                if (!full_files.count(rel)) differ.push_back(rel + " (not in the full build)");
            INFO("files that differ: " << differ.size() << (differ.empty() ? "" : ", first " + differ.front()));
            REQUIRE(differ.empty());
        }
    }
    unsetenv("CHUXIN_TEST_SEARCH_UPDATER_DELAY_MS");
    // The test is of the short paths too: a run where every edit was built
    // in full would prove nothing about them.
    INFO("pages-only rebuilds " << scopes[site::RebuildScope::Pages] << ", reassembled "
                                << scopes[site::RebuildScope::Reassembled] << ", unchanged "
                                << scopes[site::RebuildScope::Unchanged] << ", full "
                                << scopes[site::RebuildScope::Full]);
    CHECK(scopes[site::RebuildScope::Pages] >= sequences * kEdits / 10);
    CHECK(scopes[site::RebuildScope::Reassembled] >= sequences * kEdits / 5);
    CHECK(scopes[site::RebuildScope::Unchanged] >= 1);
}

TEST_CASE("a body edit re-renders its page only, and a kept state survives a failed build", "[incremental]") {
    test::TempDir dir("incremental-one");
    const fs::path site_dir = dir.path / "site";
    test::copy_default_site(site_dir);
    site::IncrementalBuild inc(options_for(site_dir, dir.path / "out", false));
    Diagnostics d0;
    REQUIRE(inc.rebuild({}, d0).ok);
    const std::string rel = "content/minutes/2026-01-06-zhutidangri.md";
    std::string text = slurp(site_dir / rel);
    const fs::path home = dir.path / "out/index.html", list = dir.path / "out/minutes/index.html";
    const auto home_time = fs::last_write_time(home), list_time = fs::last_write_time(list);
    spit(site_dir / rel, text + "\n\n会后，大家继续交流了学习体会。\n");
    Diagnostics d1;
    site::BuildResult r = inc.rebuild({rel}, d1);
    REQUIRE(r.ok);
    CHECK(inc.last_scope() == site::RebuildScope::Pages);
    // Its page and the search index's files that hold its text, nothing else.
    CHECK(r.stats.written >= 1);
    CHECK(r.stats.written <= 40);  // the page and the search files its text is in
    CHECK(r.stats.removed == 0);
    CHECK(fs::last_write_time(home) == home_time);
    CHECK(fs::last_write_time(list) == list_time);
    CHECK(slurp(dir.path / "out/minutes/2026-01-06-zhutidangri/index.html").find("会后，大家继续交流了学习体会") !=
          std::string::npos);

    // A broken front matter: a rebuild that fails, the folder as it was.
    const auto before = tree_of(dir.path / "out");
    spit(site_dir / rel, "---\ntitle: [没有闭合\n---\n");
    Diagnostics d2;
    CHECK_FALSE(inc.rebuild({rel}, d2).ok);
    CHECK(inc.last_scope() == site::RebuildScope::Reassembled);
    CHECK(tree_of(dir.path / "out") == before);
    // Fixed: a full build again (nothing was kept from the failed one).
    spit(site_dir / rel, text);
    Diagnostics d3;
    CHECK(inc.rebuild({rel}, d3).ok);
    CHECK(inc.last_scope() == site::RebuildScope::Full);
}

TEST_CASE("a change to what every page's frame shows renders every page again", "[incremental]") {
    // No schedule: no calendar in the navigation. A schedule added to the
    // (existing) schedules folder brings the calendar to every page's
    // header, though no page cites it.
    test::TempDir dir("incremental-frame");
    const fs::path site_dir = dir.path / "site";
    spit(site_dir / "site.yaml", "title: 测试站点\norgs:\n  - id: jiguan-1\n    name: 第一党支部\n");
    spit(site_dir / "content/schedules/_index.md", "---\ntitle: 学习计划\n---\n");
    for (int i = 0; i < 3; ++i)
        spit(site_dir / ("content/notices/n" + std::to_string(i) + ".md"),
             "---\ntitle: 通知" + std::to_string(i) + "\ndate: 2026-03-0" + std::to_string(i + 1) + "\n---\n\n正文。\n");
    site::IncrementalBuild inc(options_for(site_dir, dir.path / "inc", false));
    Diagnostics d0;
    REQUIRE(inc.rebuild({}, d0).ok);
    spit(site_dir / "content/schedules/2026.md",
         "---\ntitle: 2026年度学习计划\ndate: 2026-01-05\norg: jiguan-1\nyear: 2026\nevents:\n"
         "  - id: theme-day\n    title: 主题党日\n    repeat: 每月第一个周二\n    meeting: 主题党日\n---\n");
    Diagnostics d1, full_diags;
    REQUIRE(inc.rebuild({"content/schedules/2026.md"}, d1).ok);
    CHECK(inc.last_scope() == site::RebuildScope::Reassembled);
    REQUIRE(site::run_build(options_for(site_dir, dir.path / "full", false), full_diags).ok);
    const std::string notice = "notices/n0/index.html";
    CHECK(slurp(dir.path / "inc" / notice) == slurp(dir.path / "full" / notice));
    CHECK(tree_of(dir.path / "inc") == tree_of(dir.path / "full"));
}

// Not run by default ([.]): the phases of incremental rebuilds on a big
// site, e.g. CHUXIN_BENCH_SITE=bench/.work/serve-corpus-10000/chuxin.
TEST_CASE("incremental rebuild phases on a big site", "[.][bench]") {
    const char* where = std::getenv("CHUXIN_BENCH_SITE");
    if (!where) return;
    test::TempDir dir("incremental-bench");
    const fs::path site_dir = dir.path / "site";
    fs::copy(where, site_dir, fs::copy_options::recursive);
    site::IncrementalBuild inc(options_for(site_dir, dir.path / "out", false));
    Diagnostics d0;
    REQUIRE(inc.rebuild({}, d0).ok);
    Editor editor(site_dir, 7);
    auto show = [&](const char* what, const std::vector<std::string>& changed) {
        Diagnostics d;
        const auto start = std::chrono::steady_clock::now();
        site::BuildResult r = inc.rebuild(changed, d);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::string line = std::string(what) + ": " + std::to_string(ms) + " ms, scope " +
                           std::to_string(static_cast<int>(inc.last_scope())) + ", written " +
                           std::to_string(r.stats.written) + " |";
        for (const auto& p : r.phases) line += " " + p.name + " " + std::to_string(p.ms);
        std::cerr << line << "\n";
    };
    for (int i = 0; i < 3; ++i) {
        const std::string rel = "content/" + std::string(i == 0 ? "cases" : "minutes");
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(site_dir / rel))
            if (e.path().filename() != "_index.md") files.push_back(fs::relative(e.path(), site_dir).generic_string());
        std::sort(files.begin(), files.end());
        const std::string page = files[files.size() / 2 + static_cast<size_t>(i)];
        std::string text = slurp(site_dir / page);
        spit(site_dir / page, text + "\n\n补充一段。\n");
        show("body edit", {page});
        const size_t t = text.find("\ntitle: ");
        text.insert(t + 8, "新");
        spit(site_dir / page, text);
        show("title edit", {page});
        const std::string added = "content/notices/bench-" + std::to_string(i) + ".md";
        spit(site_dir / added, "---\ntitle: 新通知\ndate: 2026-05-01\n---\n\n正文。\n");
        show("new file", {added});
    }
}

TEST_CASE("a list shows a summary that names another page: a title edit there renders the list again",
          "[incremental]") {
    // The notice's summary is its first paragraph, whose empty-text ref
    // shows the target's title; the list of notices shows the summary. The
    // edit is to the target's front matter only: the notice's file is as it was.
    test::TempDir dir("incremental-summary");
    const fs::path site_dir = dir.path / "site";
    spit(site_dir / "site.yaml", "title: 测试站点\n");
    spit(site_dir / "content/notices/a.md", "---\ntitle: 通知甲\ndate: 2026-03-01\n---\n\n详见[](ref:cases/b)。\n");
    spit(site_dir / "content/cases/b.md", "---\ntitle: 旧标题\ndate: 2026-02-01\n---\n\n正文。\n");
    site::IncrementalBuild inc(options_for(site_dir, dir.path / "inc", false));
    Diagnostics d0;
    REQUIRE(inc.rebuild({}, d0).ok);
    spit(site_dir / "content/cases/b.md", "---\ntitle: 新标题\ndate: 2026-02-01\n---\n\n正文。\n");
    Diagnostics d1, full_diags;
    REQUIRE(inc.rebuild({"content/cases/b.md"}, d1).ok);
    CHECK(inc.last_scope() == site::RebuildScope::Reassembled);
    REQUIRE(site::run_build(options_for(site_dir, dir.path / "full", false), full_diags).ok);
    CHECK(slurp(dir.path / "full/notices/index.html").find("详见新标题") != std::string::npos);
    CHECK(slurp(dir.path / "inc/notices/index.html") == slurp(dir.path / "full/notices/index.html"));
    CHECK(tree_of(dir.path / "inc") == tree_of(dir.path / "full"));
}
