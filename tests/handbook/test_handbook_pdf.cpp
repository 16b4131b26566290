// End to end: fixture site → handbook → real fonts → PDF, checked with the
// poppler and qpdf tools a print shop would use.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "fixture_site.h"
#include "core/memory_world.h"
#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "handbook/handbook.h"
#include "layout/book.h"
#include "pdf/writer.h"
#include "support/files.h"
#include "support/tools.h"

using namespace chuxin;

namespace {

using test::ToolResult;
ToolResult run(const std::string& command) { return test::run_tool(command); }

// The project's typesetting check (tests/pdfcheck/check_pdf.py: clreq
// prohibitions as pdftotext sees them, fonts embedded and subset). It exits
// non-zero when python or a tool it needs is missing: it never skips.
ToolResult check_typesetting(const std::string& pdf) {
    return run(std::string("/usr/bin/python3 " CHUXIN_SOURCE_DIR "/tests/pdfcheck/check_pdf.py ") + pdf);
}

// The machine's fonts and the fixture's folder, with a fixed clock.
fonts::SystemWorld system_world() {
    return fonts::SystemWorld(handbook_test::fixture_site().root, 1767225600);
}

const fonts::FontSet& font_set() {
    static Diagnostics diags;
    static auto set = fonts::FontSet::load(fonts::FontConfig{}, system_world(), diags);
    REQUIRE(set);
    return *set;
}

std::string make_pdf(model::BookStyle style, model::Paper paper, Diagnostics& diags) {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    auto* h = hb.as<model::Handbook>();
    h->style = style;
    h->paper = paper;
    const fonts::SystemWorld world = system_world();
    handbook_test::Bodies bodies(site);
    const layout::LaidOutDocument doc = handbook::build_handbook(site, hb, font_set(), world, bodies.options, diags);
    return pdf::write_pdf(doc, font_set(), world, diags);
}

// The machine's fonts a handbook can use — each theme family's best match
// (UMing is a light face, so not among the regular ones) and every regular
// face — read from disk here, once per file, and kept under names no disk
// has ("memory:/usr/share/…"), so that nothing but the MemoryWorld can serve
// them; plus the fixture's image and the clock.
void fill_from_machine(MemoryWorld& world) {
    const fonts::SystemWorld machine("", std::nullopt);
    std::vector<FontFile> faces;
    const fonts::FontConfig theme;
    std::vector<std::string> families = {theme.song, theme.hei, theme.kai, theme.fangsong,
                                         theme.latin, theme.latin_sans, theme.mono};
    families.insert(families.end(), theme.fallback.begin(), theme.fallback.end());
    for (const std::string& family : families) faces.push_back(machine.font_matches(family).at(0));
    for (const FontFile& face : machine.regular_fonts()) faces.push_back(face);
    std::set<std::pair<std::string, unsigned>> added;
    std::set<std::string> files;
    for (FontFile face : faces) {
        if (!added.insert({face.file, face.index}).second) continue;
        const std::string file = face.file;
        face.file = "memory:" + file;
        if (files.insert(file).second) world.add_font(face, test::slurp(file));
        else world.add_font(face);
    }
    handbook_test::add_fixture_files(world);
    world.set_now(1767225600);
}

// fixture_site's handbook laid out and written with `world` alone.
std::string pdf_from(model::Site& site, const World& world, Diagnostics& diags) {
    const model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    auto fonts = fonts::FontSet::load(fonts::FontConfig{}, world, diags);
    REQUIRE(fonts);
    handbook_test::Bodies bodies(site);
    return pdf::write_pdf(handbook::build_handbook(site, hb, *fonts, world, bodies.options, diags), *fonts, world,
                          diags);
}

std::string write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
    const auto path = dir.path / name;
    test::spit(path, bytes);
    return path.string();
}

}  // namespace

TEST_CASE("handbook PDF: text, fonts, structure, links, reproducibility") {
    Diagnostics diags;
    const std::string bytes = make_pdf(model::BookStyle::Handbook, model::Paper::A5, diags);
    REQUIRE(bytes.size() > 1000);
    for (const Diagnostic& d : diags.sorted()) INFO(d.pos.file << ":" << d.pos.line << " " << d.message);
    CHECK(diags.error_count() == 0);
    const test::TempDir dir("handbook-e2e");
    const std::string path = write(dir, "handbook.pdf", bytes);

    SECTION("two runs are byte-identical") {
        Diagnostics again;
        CHECK(make_pdf(model::BookStyle::Handbook, model::Paper::A5, again) == bytes);
    }
    SECTION("pdftotext gets the Chinese text back") {
        const ToolResult t = run("pdftotext -enc UTF-8 " + path + " -");
        REQUIRE(t.status == 0);
        // The ¼-em gap between Han and Latin/digits comes back as a space.
        std::string text;
        for (char c : t.out)
            if (c != ' ' && c != '\n') text += c;
        for (const char* s : {"2026年度党员学习手册", "目录", "第一部分学习计划", "扎根基层三十年的老支书",
                              "他坚持学习党章（第", "页），整改了理论学习不够系统深入（第", "页），还参考了平台说明。",
                              "已销号", "启示", "缺席及原因：赵某（出差）、钱某（病假）"})
            CHECK(text.find(s) != std::string::npos);
    }
    SECTION("every font embedded and subset") {
        const ToolResult t = run("pdffonts " + path);
        REQUIRE(t.status == 0);
        std::istringstream in(t.out);
        std::string line;
        int fonts = 0;
        for (int n = 0; std::getline(in, line); ++n) {
            if (n < 2 || line.empty()) continue;
            ++fonts;
            INFO(line);
            CHECK(line.find('+') == 6);  // ABCDEF+Name: a subset
            CHECK(line.find(" yes yes ") != std::string::npos);  // emb sub
        }
        CHECK(fonts >= 3);
    }
    SECTION("qpdf finds no errors; page labels and outlines are there") {
        CHECK(run("qpdf --check " + path).status == 0);
        const ToolResult labels = run("qpdf --json --json-key=pagelabels " + path);
        CHECK(labels.out.find("\"/S\": \"/r\"") != std::string::npos);
        CHECK(labels.out.find("\"/S\": \"/D\"") != std::string::npos);
        const ToolResult outlines = run("qpdf --json --json-key=outlines " + path);
        CHECK(outlines.out.find("第三部分 典型案例与整改") != std::string::npos);
        CHECK(outlines.out.find("扎根基层三十年的老支书") != std::string::npos);
        // Internal links (TOC lines, references) and the web link to a page
        // outside the book are annotations.
        const std::string qdf = (dir.path / "handbook-qdf.pdf").string();
        REQUIRE(run("qpdf --qdf --object-streams=disable " + path + " " + qdf).status == 0);
        CHECK(run("grep -a -c '/Subtype /Link' " + qdf).out != "0\n");
        CHECK(run("grep -a -c 'study.example.org/about/' " + qdf).out != "0\n");
    }
    SECTION("the image is drawn") {
        const ToolResult t = run("pdfimages -list " + path);
        CHECK(t.out.find("240   120") != std::string::npos);
    }
    SECTION("A5 pages") {
        const ToolResult info = run("pdfinfo " + path);
        CHECK(info.out.find("419.528 x 595.276 pts") != std::string::npos);
        CHECK(info.out.find("中共示例区委宣传部") != std::string::npos);  // author
    }
    SECTION("the typesetting checker passes") {
        const ToolResult t = check_typesetting(path);
        INFO(t.out);
        CHECK(t.status == 0);
    }
}

TEST_CASE("gbt9704 handbook PDF is A4 and passes the checks") {
    Diagnostics diags;
    const std::string bytes = make_pdf(model::BookStyle::Gbt9704, model::Paper::A4, diags);
    const test::TempDir dir("gbt9704-e2e");
    const std::string path = write(dir, "gbt9704.pdf", bytes);
    CHECK(run("qpdf --check " + path).status == 0);
    CHECK(run("pdfinfo " + path).out.find("595.276 x 841.89 pts") != std::string::npos);
    const ToolResult t = check_typesetting(path);
    INFO(t.out);
    CHECK(t.status == 0);
}

TEST_CASE("a handbook with a bleed declares TrimBox and BleedBox; the cover band runs into the bleed") {
    Diagnostics diags;
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.as<model::Handbook>()->bleed_mm = 3;
    const fonts::SystemWorld world = system_world();
    handbook_test::Bodies bodies(site);
    const test::TempDir dir("bleed-e2e");
    const std::string path = write(
        dir, "bleed.pdf", pdf::write_pdf(handbook::build_handbook(site, hb, font_set(), world, bodies.options, diags), font_set(), world, diags));
    CHECK(run("qpdf --check " + path).status == 0);
    // A5 (419.53 × 595.28 pt) plus 3 mm (8.50 pt) on every side.
    CHECK(run("pdfinfo " + path).out.find("436.535 x 612.283 pts") != std::string::npos);
    const ToolResult boxes = run("pdfinfo -box -f 1 -l 1 " + path);
    INFO(boxes.out);
    CHECK(boxes.out.find("Page    1 TrimBox:       8.50     8.50   428.03   603.78") != std::string::npos);
    CHECK(boxes.out.find("Page    1 BleedBox:      0.00     0.00   436.54   612.28") != std::string::npos);
    // Text extraction still reads the page right.
    CHECK(run("pdftotext -f 1 -l 1 " + path + " -").out.find("2026") != std::string::npos);
    CHECK(diags.error_count() == 0);
}

// Not run by default (`test_handbook_pdf [.bench]`): layout and PDF time for
// a book of about 300 A5 pages with real fonts.
TEST_CASE("bench: a 300-page handbook", "[.bench]") {
    layout::Book book;
    book.title = "基准测试手册";
    book.publisher = "中共示例区委宣传部";
    std::string para;
    for (int i = 0; i < 12; ++i) para += "党的理论创新每前进一步，理论武装就要跟进一步。学习贯彻GB/T 9704要求，坚持“学思用贯通”，";
    for (int p = 0; p < 3; ++p) {
        layout::Part part{"第" + std::to_string(p + 1) + "部分", "part" + std::to_string(p), {}};
        for (int c = 0; c < 20; ++c) {
            layout::Chapter ch;
            ch.title = "第" + std::to_string(c + 1) + "章 学习专题";
            ch.dest = "ch" + std::to_string(p) + "-" + std::to_string(c);
            for (int k = 0; k < 12; ++k) {
                layout::Block b;
                b.inlines = {layout::Span{layout::SpanKind::Text, para, 0, "", "", "", {}}};
                if (k == 5) b.inlines.push_back(layout::Span{layout::SpanKind::PageRef, "", 0, "ch2-19", "", "", {}});
                ch.blocks.push_back(b);
            }
            part.chapters.push_back(std::move(ch));
        }
        book.parts.push_back(std::move(part));
    }
    Diagnostics diags;
    layout::LayoutStats stats;
    const auto t0 = std::chrono::steady_clock::now();
    const MemoryWorld no_files;
    const layout::LaidOutDocument doc = layout::layout_book(book, font_set(), no_files, diags, &stats);
    const auto t1 = std::chrono::steady_clock::now();
    const std::string bytes = pdf::write_pdf(doc, font_set(), no_files, diags);
    const auto t2 = std::chrono::steady_clock::now();
    auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    WARN("pages " << doc.pages.size() << ", passes " << stats.passes << ", layout " << ms(t1 - t0)
                  << " ms, pdf " << ms(t2 - t1) << " ms, " << bytes.size() / 1024 << " KiB");
    const test::TempDir dir("bench");
    write(dir, "bench.pdf", bytes);
    CHECK(stats.converged);
}

TEST_CASE("a whole handbook is laid out and written from a MemoryWorld: fonts, images and clock from memory only") {
    model::Site site = handbook_test::fixture_site();
    site.root = "/nonexistent/chuxin-site";  // the disk could not serve a single file of it
    model::Page& cs = site.pages[static_cast<size_t>(site.by_id.at("cases/laozhishu"))];
    const std::string banner = "![宣传栏](/banner.png)\n\n";
    cs.body.replace(cs.body.find(banner), banner.size(), banner + "![缺图](missing.png)\n\n");
    const int missing_line =
        cs.body_line + static_cast<int>(std::count(cs.body.begin(), cs.body.begin() + cs.body.find("![缺图]"), '\n'));
    MemoryWorld world;
    fill_from_machine(world);
    Diagnostics diags;
    const std::string bytes = pdf_from(site, world, diags);
    REQUIRE(bytes.size() > 1000);
    CHECK(diags.error_count() == 0);

    // Every request went to the MemoryWorld and was answered from it, except
    // the missing image; the banner was served to layout (its size) and to
    // the PDF writer (its pixels).
    const std::vector<std::string> requests = world.requests();
    CHECK(std::count(requests.begin(), requests.end(), "file static/banner.png") == 2);
    CHECK(std::count(requests.begin(), requests.end(), "file content/cases/missing.png (missing)") >= 1);
    for (const std::string& r : requests) {
        INFO(r);
        const bool font = r.rfind("font memory:/", 0) == 0 && r.find("(missing)") == std::string::npos;
        const bool image = r == "file static/banner.png" || r == "file content/cases/missing.png (missing)";
        CHECK((font || image));
    }
    // The missing image: a warning at its place in the page (file:line:col).
    const std::vector<Diagnostic> all = diags.sorted();
    const auto warning = std::find_if(all.begin(), all.end(), [](const Diagnostic& d) {
        return d.message.find("'content/cases/missing.png' not found") != std::string::npos;
    });
    REQUIRE(warning != all.end());
    CHECK(warning->severity == Severity::Warning);
    CHECK(warning->pos.file == "content/cases/laozhishu.md");
    CHECK(warning->pos.line == missing_line);
    CHECK(warning->pos.col == 1);
    CHECK_FALSE(warning->hint.empty());

    // The clock is the world's: the creation date, and the image is drawn.
    CHECK(bytes.find("D:20260101000000Z") != std::string::npos);
    const test::TempDir dir("memory-world");
    const std::string path = write(dir, "memory.pdf", bytes);
    CHECK(run("pdfimages -list " + path).out.find("240   120") != std::string::npos);
    CHECK(run("qpdf --check " + path).status == 0);
}

TEST_CASE("SystemWorld and a MemoryWorld holding the same bytes and clock write byte-identical PDFs") {
    model::Site site = handbook_test::fixture_site();
    MemoryWorld memory;
    fill_from_machine(memory);
    Diagnostics from_disk, from_memory;
    const std::string a = pdf_from(site, system_world(), from_disk);
    const std::string b = pdf_from(site, memory, from_memory);
    REQUIRE(a.size() > 1000);
    std::string messages;
    for (const Diagnostic& d : from_disk.sorted()) messages += "disk: " + d.message + "\n";
    for (const Diagnostic& d : from_memory.sorted()) messages += "memory: " + d.message + "\n";
    INFO(messages);
    CHECK(a.size() == b.size());
    CHECK((a == b));
    CHECK(from_disk.sorted().size() == from_memory.sorted().size());
    // A different clock is the only change a different world makes here.
    memory.set_now(std::nullopt);
    Diagnostics undated;
    const std::string c = pdf_from(site, memory, undated);
    CHECK(c != a);
    CHECK(c.find("/CreationDate") == std::string::npos);
}
