// End to end: fixture site → handbook → real fonts → PDF, checked with the
// poppler and qpdf tools a print shop would use.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "fixture_site.h"
#include "fonts/font_set.h"
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

const fonts::FontSet& font_set() {
    static Diagnostics diags;
    static auto set = fonts::FontSet::load(fonts::FontConfig{}, diags);
    REQUIRE(set);
    return *set;
}

std::string make_pdf(model::BookStyle style, model::Paper paper, Diagnostics& diags) {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    auto* h = hb.as<model::Handbook>();
    h->style = style;
    h->paper = paper;
    handbook_test::Bodies bodies(site);
    handbook::HandbookOptions options = bodies.options;
    options.source_date_epoch = 1767225600;
    const layout::LaidOutDocument doc = handbook::build_handbook(site, hb, font_set(), options, diags);
    return pdf::write_pdf(doc, font_set(), diags);
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
    handbook_test::Bodies bodies(site);
    handbook::HandbookOptions options = bodies.options;
    options.source_date_epoch = 1767225600;
    const test::TempDir dir("bleed-e2e");
    const std::string path =
        write(dir, "bleed.pdf", pdf::write_pdf(handbook::build_handbook(site, hb, font_set(), options, diags), font_set(), diags));
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
    const layout::LaidOutDocument doc = layout::layout_book(book, font_set(), diags, &stats);
    const auto t1 = std::chrono::steady_clock::now();
    const std::string bytes = pdf::write_pdf(doc, font_set(), diags);
    const auto t2 = std::chrono::steady_clock::now();
    auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    WARN("pages " << doc.pages.size() << ", passes " << stats.passes << ", layout " << ms(t1 - t0)
                  << " ms, pdf " << ms(t2 - t1) << " ms, " << bytes.size() / 1024 << " KiB");
    const test::TempDir dir("bench");
    write(dir, "bench.pdf", bytes);
    CHECK(stats.converged);
}
