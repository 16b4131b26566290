// pdf: end to end through libharu, checked with poppler-utils and qpdf
// (installed on the build machine, see the brief).
#include <catch2/catch.hpp>

#include <hb.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <png.h>

#include <regex>

#include "fonts/system_world.h"
#include "pdf/embed_font.h"
#include "pdf/hpdf_document.h"
#include "pdf/images.h"
#include "pdf/writer.h"
#include "sample_document.h"
#include "tools.h"

using namespace chuxin;
using namespace chuxin::pdf_test;

namespace {

// The largest xMax pdftotext -bbox reports for any word.
double max_x(const std::string& bbox) {
    std::regex attr(R"(xMax="([0-9.]+)\")");
    double best = 0;
    for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), attr); it != std::sregex_iterator(); ++it)
        best = std::max(best, std::stod((*it)[1].str()));
    return best;
}

// A tool's output, the test stopped when it failed: an absent or broken tool
// must not let an "is not in the output" check pass.
ToolResult tool(const std::string& command) {
    ToolResult r = run_tool(command);
    INFO(command << "\n" << r.out);
    REQUIRE(r.status == 0);
    return r;
}

// The machine's world: the samples' images are absolute paths on disk.
fonts::SystemWorld disk_world(std::optional<long long> now = 1700000000) { return fonts::SystemWorld("", now); }

const fonts::FontSet& shared_fonts() {
    static Diagnostics diags;
    static auto set = fonts::FontSet::load(fonts::FontConfig{}, disk_world(), diags);
    REQUIRE(set);
    return *set;
}

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.sorted()) out += d.pos.file + ":" + std::to_string(d.pos.line) + ": " + d.message + "\n";
    return out;
}

// A w×h gradient PNG with `bits` per channel, written with libpng.
std::filesystem::path make_png(const std::string& name, int bits) {
    auto path = scratch_dir() / name;
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = 40;
    image.height = 20;
    image.format = bits == 16 ? PNG_FORMAT_LINEAR_RGB : PNG_FORMAT_RGB;
    const size_t samples = size_t(image.width) * image.height * 3;
    std::vector<uint16_t> wide(samples);
    std::vector<uint8_t> narrow(samples);
    for (size_t i = 0; i < samples; ++i) {
        size_t x = (i / 3) % image.width;
        unsigned v = i % 3 == 0 ? unsigned(x * 255 / image.width) : (i % 3 == 1 ? 40u : 200u);
        narrow[i] = uint8_t(v);
        wide[i] = uint16_t(v * 257);
    }
    const void* data = bits == 16 ? static_cast<const void*>(wide.data()) : narrow.data();
    REQUIRE(png_image_write_to_file(&image, path.c_str(), 0, data, 0, nullptr));
    return path;
}

// The hand-made handbook: cover (no folio), two roman pages with a linked
// table of contents, three decimal pages with Chinese + Latin text, rules,
// boxes, images, links and bookmarks.
struct Sample {
    LaidOutDocument doc;
    std::string text;  // what pdftotext -raw must give back
};

Sample make_sample() {
    SampleBuilder b(shared_fonts());
    Sample s;
    b.doc.info = {"支部工作手册（测试版）", "中共某某支部委员会", "党支部工作", "chuxin"};
    const double left = 57;
    const SourcePos here{"content/handbook.md", 7, 1};

    Page& cover = b.page(PageNumberStyle::None, 0);
    cover.frames.push_back({Box{Rect{Pt(0), Pt(60), kA5.width, Pt(12)}, true, Color{200, 16, 46},
                                false, Color{}, Pt(0)}, {}});
    b.line(cover, U"支部工作手册", FaceRole::Hei, 28, left, 200);
    s.text += "支部工作手册\n\f";

    Page& toc = b.page(PageNumberStyle::LowerRoman, 1);
    b.line(toc, U"目录", FaceRole::Hei, 16, left, 80);
    double w = b.line(toc, U"第一章　总则", FaceRole::Song, 10.5, left, 110);
    toc.frames.push_back({LinkArea{Rect{Pt(left), Pt(100), Pt(w), Pt(13)}, "ch1", ""}, here});
    w = b.line(toc, U"第二章　组织生活", FaceRole::Song, 10.5, left, 130);
    toc.frames.push_back({LinkArea{Rect{Pt(left), Pt(120), Pt(w), Pt(13)}, "ch2", ""}, here});
    s.text += "目录\n第一章　总则\n第二章　组织生活\n\f";

    Page& preface = b.page(PageNumberStyle::LowerRoman, 2);
    b.line(preface, U"说明：本手册由 chuxin 生成。", FaceRole::Kai, 10.5, left, 80);
    s.text += "说明：本手册由 chuxin 生成。\n\f";

    Page& p1 = b.page(PageNumberStyle::Decimal, 1);
    p1.frames.push_back({Destination{"ch1", Pt(60)}, here});
    b.line(p1, U"第一章　总则", FaceRole::Hei, 16, left, 80);
    p1.frames.push_back({Line{{Pt(left), Pt(88)}, {Pt(362), Pt(88)}, Pt(0.5), Color{}}, {}});
    // Justified as layout does it: a little space between characters.
    b.line(p1, U"党支部是党的基础组织，担负直接教育党员、管理党员、", FaceRole::Song, 10.5, left, 110, 0.3);
    b.line(p1, U"监督党员的职责。Party branch 2024 年度计划。", FaceRole::Song, 10.5, left, 127, 0.2);
    b.line(p1, U"拼音：lǜsè nǚ ǎ，气温 25℃。", FaceRole::Hei, 10.5, left, 144);
    p1.frames.push_back({Box{Rect{Pt(left), Pt(160), Pt(305), Pt(40)}, true, Color{245, 240, 230},
                             true, Color{180, 30, 30}, Pt(0.5)}, {}});
    b.line(p1, U"经验教训：坚持“三会一课”制度。", FaceRole::Kai, 10.5, left + 8, 184);
    p1.frames.push_back({Image{Rect{Pt(left), Pt(220), Pt(80), Pt(40)}, make_png("rgb8.png", 8)}, here});
    p1.frames.push_back({Image{Rect{Pt(left + 100), Pt(220), Pt(80), Pt(40)}, make_png("rgb16.png", 16)}, here});
    b.line(p1, U"网址 https://www.12371.cn", FaceRole::Song, 10.5, left, 290);
    p1.frames.push_back({LinkArea{Rect{Pt(left), Pt(280), Pt(150), Pt(13)}, "", "https://www.12371.cn"}, here});
    s.text += "第一章　总则\n党支部是党的基础组织，担负直接教育党员、管理党员、\n"
              "监督党员的职责。Party branch 2024 年度计划。\n拼音：lǜsè nǚ ǎ，气温 25℃。\n"
              "经验教训：坚持“三会一课”制度。\n网址 https://www.12371.cn\n\f";

    Page& p2 = b.page(PageNumberStyle::Decimal, 2);
    p2.frames.push_back({Destination{"ch2", Pt(60)}, here});
    b.line(p2, U"第二章　组织生活", FaceRole::Hei, 16, left, 80);
    p2.frames.push_back({Destination{"ch2-1", Pt(100)}, here});
    b.line(p2, U"一、三会一课", FaceRole::Hei, 14, left, 115);
    s.text += "第二章　组织生活\n一、三会一课\n\f";

    Page& p3 = b.page(PageNumberStyle::Decimal, 3);
    b.line(p3, U"返回目录", FaceRole::Song, 10.5, left, 80);
    p3.frames.push_back({LinkArea{Rect{Pt(left), Pt(70), Pt(42), Pt(13)}, "ch1", ""}, here});
    s.text += "返回目录\n\f";

    b.doc.bookmarks = {{"第一章　总则", "ch1", 0},
                       {"第二章　组织生活", "ch2", 0},
                       {"一、三会一课", "ch2-1", 1}};
    s.doc = std::move(b.doc);
    // pdftotext reads U+3000 (ideographic space) back as U+0020 (research §3).
    for (size_t at; (at = s.text.find("　")) != std::string::npos;) s.text.replace(at, 3, " ");
    return s;
}

std::filesystem::path write_sample(const std::string& name, const LaidOutDocument& doc,
                                   Diagnostics& diags, std::optional<long long> now = 1700000000) {
    std::string bytes = pdf::write_pdf(doc, shared_fonts(), disk_world(now), diags);
    REQUIRE(bytes.size() > 1000);
    auto path = scratch_dir() / name;
    write_file(path, bytes);
    return path;
}

}  // namespace

TEST_CASE("end to end: text comes back exactly and fonts are embedded subsets") {
    Sample sample = make_sample();
    Diagnostics diags;
    auto path = write_sample("handbook.pdf", sample.doc, diags);
    INFO(messages(diags));
    CHECK(diags.error_count() == 0);
    CHECK(diags.warning_count() == 1);  // the 16-bit PNG was converted

    // Also no "Syntax Warning" about the ToUnicode CMap (it would be in out).
    auto text = tool("pdftotext -raw -enc UTF-8 " + path.string() + " -");
    CHECK(text.status == 0);
    CHECK(text.out == sample.text);

    auto fonts = tool("pdffonts " + path.string());
    REQUIRE(fonts.status == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    int rows = 0;
    std::regex row(R"(^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes\s+\d+\s+0$)");
    while (std::getline(lines, line)) {
        INFO(line);
        CHECK(std::regex_match(line, row));
        ++rows;
    }
    // UMing, DejaVu Serif, Micro Hei, DejaVu Sans, UKai, + the ℃ fallback.
    CHECK(rows >= 5);
}

TEST_CASE("end to end: qpdf finds no errors; outlines and page labels are there") {
    Sample sample = make_sample();
    Diagnostics diags;
    auto path = write_sample("handbook-q.pdf", sample.doc, diags);
    auto check = tool("qpdf --check " + path.string());
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

    auto json = tool("qpdf --json --json-key=outlines --json-key=pagelabels " + path.string());
    REQUIRE(json.status == 0);
    const std::string& j = json.out;
    CHECK(j.find(R"("title": "第一章　总则")") != std::string::npos);
    CHECK(j.find(R"("title": "一、三会一课")") != std::string::npos);
    // The sub-section is a kid of chapter two (qpdf sorts keys: "kids"
    // comes before "title"), which opens at page 5.
    std::regex nested(R"re("kids": \[\s*\{[\s\S]*?"title": "一、三会一课"\s*\}\s*\],\s*"object": "[^"]*",\s*"open": (true|false),\s*"title": "第二章　组织生活")re");
    CHECK(std::regex_search(j, nested));
    CHECK(j.find(R"("destpageposfrom1": 4)") != std::string::npos);
    CHECK(j.find(R"("destpageposfrom1": 5)") != std::string::npos);
    // Cover: no folio; i, ii; then 1, 2, 3.
    std::regex labels(R"re("index": 0,\s*"label": \{\s*("/St": 1\s*)?\}[\s\S]*"index": 1,\s*"label": \{\s*"/S": "/r",\s*"/St": 1\s*\}[\s\S]*"index": 3,\s*"label": \{\s*"/S": "/D",\s*"/St": 1\s*\})re");
    CHECK(std::regex_search(j, labels));
    INFO(j);
}

TEST_CASE("end to end: links, images and document info") {
    Sample sample = make_sample();
    Diagnostics diags;
    auto path = write_sample("handbook-l.pdf", sample.doc, diags);
    auto info = tool("pdfinfo " + path.string());
    CHECK(info.out.find("支部工作手册（测试版）") != std::string::npos);
    CHECK(info.out.find("中共某某支部委员会") != std::string::npos);
    CHECK(std::regex_search(info.out, std::regex(R"(Pages:\s+6\n)")));
    CHECK(info.out.find("2023") != std::string::npos);  // 1700000000 = 2023-11-14

    auto images = tool("pdfimages -list " + path.string());
    INFO(images.out);
    // Both PNGs drawn on page 4, 8 bits per component (the 16-bit one converted).
    std::regex image_row(R"(\n\s*4\s+\d+\s+image\s+40\s+20\s+rgb\s+3\s+8\s)");
    auto begin = std::sregex_iterator(images.out.begin(), images.out.end(), image_row);
    CHECK(std::distance(begin, std::sregex_iterator()) == 2);

    auto qdf = scratch_dir() / "handbook-l.qdf";
    tool("qpdf --qdf --object-streams=disable " + path.string() + " " + qdf.string());
    std::ifstream in(qdf, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), {});
    CHECK(body.find("/URI (https://www.12371.cn)") != std::string::npos);
    // Internal links keep the reader's zoom: [page /XYZ null top null].
    std::regex xyz(R"(/XYZ\s+null\s+[\d.]+\s+null)");
    auto first = std::sregex_iterator(body.begin(), body.end(), xyz);
    CHECK(std::distance(first, std::sregex_iterator()) == 6);  // 3 links + 3 bookmarks
    std::regex border(R"(/Border \[\s*0\s+0\s+0\s*\])");
    auto b0 = std::sregex_iterator(body.begin(), body.end(), border);
    CHECK(std::distance(b0, std::sregex_iterator()) == 4);  // every link: no frame
}

TEST_CASE("end to end: two writes are byte-identical; no dates without an epoch") {
    Sample sample = make_sample();
    Diagnostics d1, d2;
    std::string a = pdf::write_pdf(sample.doc, shared_fonts(), disk_world(), d1);
    std::string b = pdf::write_pdf(sample.doc, shared_fonts(), disk_world(), d2);
    CHECK(a == b);
    CHECK(a.find("/ID") == std::string::npos);

    Diagnostics d3;
    auto path = write_sample("undated.pdf", sample.doc, d3, std::nullopt);
    auto info = tool("pdfinfo " + path.string());
    CHECK(info.out.find("Pages:") != std::string::npos);  // pdfinfo did read it
    CHECK(info.out.find("CreationDate") == std::string::npos);
}

TEST_CASE("uniformly justified text becomes one text-showing operator per run") {
    SampleBuilder b(shared_fonts());
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    b.justified(p, U"党支部是党的基础组织担负直接教育党员", FaceRole::Song, 10.5, 57, 100, 305);
    Diagnostics diags;
    auto path = write_sample("justified.pdf", b.doc, diags);
    auto qdf = scratch_dir() / "justified.qdf";
    tool("qpdf --qdf --object-streams=disable " + path.string() + " " + qdf.string());
    std::ifstream in(qdf, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), {});
    std::regex show(R"(> Tj)");
    auto first = std::sregex_iterator(body.begin(), body.end(), show);
    CHECK(std::distance(first, std::sregex_iterator()) == 1);
    CHECK(body.find(" Tc") != std::string::npos);
    // And the viewer's pen lands where layout put the last glyph.
    // The last glyph (10.5 pt wide) was placed at 57 + 305 - 10.5, so the
    // line's extracted box ends at the measure's right edge.
    auto bbox = tool("pdftotext -bbox " + path.string() + " -");
    INFO(bbox.out);
    const double last_glyph_x = 57 + 305 - 10.5;
    CHECK(max_x(bbox.out) == Approx(last_glyph_x + 10.5).margin(0.05));
}

TEST_CASE("characters above U+FFFF are left out with a warning at the frame's source") {
    SampleBuilder b(shared_fonts());
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    b.line(p, U"古字𠀀在此", FaceRole::Song, 12, 50, 100, 0, {}, SourcePos{"content/a.md", 12, 3});
    Diagnostics diags;
    auto path = write_sample("astral.pdf", b.doc, diags);
    REQUIRE(diags.warning_count() >= 1);
    bool found = false;
    for (const auto& d : diags.sorted())
        if (d.message.find("U+20000") != std::string::npos) {
            found = true;
            CHECK(d.pos.file == "content/a.md");
            CHECK(d.pos.line == 12);
        }
    CHECK(found);
    auto text = tool("pdftotext -raw -enc UTF-8 " + path.string() + " -");
    CHECK(text.out == "古字在此\n\f");
}

TEST_CASE("a link to an unknown place and a missing image are reported") {
    SampleBuilder b(shared_fonts());
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    p.frames.push_back({LinkArea{Rect{Pt(10), Pt(10), Pt(50), Pt(10)}, "nowhere", ""}, {"x.md", 4, 2}});
    p.frames.push_back({Image{Rect{Pt(10), Pt(30), Pt(50), Pt(10)}, "/nonexistent/a.png"}, {"x.md", 9, 1}});
    Diagnostics diags;
    std::string bytes = pdf::write_pdf(b.doc, shared_fonts(), disk_world(), diags);
    CHECK(!bytes.empty());
    auto all = diags.sorted();
    REQUIRE(all.size() == 2);
    CHECK(all[0].pos.line == 4);
    CHECK(all[0].message.find("nowhere") != std::string::npos);
    CHECK(all[1].pos.line == 9);
    CHECK(all[1].severity == Severity::Error);
}

TEST_CASE("subset tags are six capitals, stable, and differ between faces") {
    std::string a = pdf::subset_tag("UMingCN,Light", {U' ', U'党'});
    CHECK(std::regex_match(a, std::regex("[A-Z]{6}")));
    CHECK(a == pdf::subset_tag("UMingCN,Light", {U' ', U'党'}));
    CHECK(a != pdf::subset_tag("UKaiCN,Book", {U' ', U'党'}));
    CHECK(a != pdf::subset_tag("UMingCN,Light", {U' ', U'国'}));
}

TEST_CASE("a character no face draws is left out with a warning, never drawn empty") {
    const auto& fonts = shared_fonts();
    REQUIRE_FALSE(fonts.covers(U'\u0378'));
    SampleBuilder b(fonts);
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    b.line(p, U"甲\u0378乙", FaceRole::Song, 12, 50, 100, 0, {}, SourcePos{"content/b.md", 5, 9});
    Diagnostics diags;
    auto path = write_sample("uncovered.pdf", b.doc, diags);
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].message.find("U+0378") != std::string::npos);
    CHECK(diags.sorted()[0].pos.line == 5);
    CHECK(tool("pdftotext -raw -enc UTF-8 " + path.string() + " -").out == "甲乙\n\f");
}

TEST_CASE("an empty document and a decimal restart still give valid PDFs") {
    Diagnostics diags;
    std::string empty = pdf::write_pdf(LaidOutDocument{}, shared_fonts(), disk_world(), diags);
    INFO(messages(diags));
    CHECK_FALSE(empty.empty());
    CHECK(diags.error_count() == 0);

    SampleBuilder b(shared_fonts());
    b.page(PageNumberStyle::Decimal, 1);
    b.page(PageNumberStyle::Decimal, 2);
    b.page(PageNumberStyle::Decimal, 1);  // a second part numbered from 1
    auto path = write_sample("restart.pdf", b.doc, diags);
    auto json = tool("qpdf --json --json-key=pagelabels " + path.string());
    CHECK(std::regex_search(json.out, std::regex(R"("index": 2,\s*"label": \{\s*"/S": "/D",\s*"/St": 1)")));
    CHECK(tool("qpdf --check " + path.string()).status == 0);
}

TEST_CASE("libharu's flattened cmap lookup agrees with HarfBuzz for every BMP code point") {
    const auto& f = shared_fonts();
    // Scattered code points: one format-4 segment each in the subset.
    const std::vector<char32_t> cps = {U' ', U'A', U'一', U'乙', U'党', U'建', U'，', U'龥', U'ｚ'};
    std::string error;
    std::string bytes = f.subset(f.role_face(FaceRole::Song), cps, error);
    REQUIRE(error.empty());
    pdf::HpdfDocument doc;
    HPDF_UseUTFEncodings(doc.get());
    HPDF_Font font = pdf::embed_subset_font(doc.get(), bytes, "AAAAAA", cps);
    REQUIRE(font);
    HPDF_FontDef def = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
    CHECK(static_cast<HPDF_TTFontDefAttr>(def->attr)->cmap.seg_count_x2 == 4);

    fonts::HbBlob blob(hb_blob_create(bytes.data(), unsigned(bytes.size()),
                                      HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    fonts::HbFace face(hb_face_create(blob.get(), 0));
    fonts::HbFont hb(hb_font_create(face.get()));
    int mismatches = 0, mapped = 0;
    for (unsigned cp = 0; cp <= 0xFFFF; ++cp) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(hb.get(), cp, &gid)) gid = 0;
        mapped += gid != 0;
        if (HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp)) != gid) ++mismatches;
    }
    CHECK(mapped == int(cps.size()));
    CHECK(mismatches == 0);
    CHECK(doc.take_errors("looking glyphs up").empty());
}

TEST_CASE("an empty glyph in the run's face is left out, not printed blank") {
    const auto& fonts = shared_fonts();
    SampleBuilder b(fonts);
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    GlyphRun run;  // ℃ forced into Micro Hei, whose ℃ outline is empty
    run.face = fonts.role_face(FaceRole::Hei);
    run.size = Pt(12);
    run.origin = {Pt(50), Pt(100)};
    run.text = U"气温℃";
    run.x = {Pt(0), Pt(12), Pt(24)};
    p.frames.push_back({run, SourcePos{"content/c.md", 2, 1}});
    Diagnostics diags;
    auto path = write_sample("empty-glyph.pdf", b.doc, diags);
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].message.find("U+2103") != std::string::npos);
    CHECK(tool("pdftotext -raw -enc UTF-8 " + path.string() + " -").out == "气温\n\f");
}

namespace {

// "党支部" then a 。 trimmed at the line end, right edge at `margin`.
LaidOutDocument trimmed_line(const fonts::FontSet& fonts, GlyphWidths widths, double margin) {
    SampleBuilder b(fonts);
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    const FaceId song = fonts.role_face(FaceRole::Song);
    const double size = 10.5;
    const double mark = fonts.trimmed_advance(song, U'。') * size;
    GlyphRun han;
    han.face = song;
    han.size = Pt(size);
    han.text = U"党支部";
    han.x = {Pt(0), Pt(size), Pt(2 * size)};
    han.origin = {Pt(margin - mark - 3 * size), Pt(100)};
    GlyphRun stop = han;
    stop.text = U"。";
    stop.x = {Pt(0)};
    stop.origin.x = Pt(margin - mark);
    stop.widths = widths;
    p.frames.push_back({han, SourcePos{"content/c.md", 3, 1}});
    p.frames.push_back({stop, SourcePos{"content/c.md", 3, 4}});
    return std::move(b.doc);
}

}  // namespace

TEST_CASE("a mark trimmed at a line's end ends at the margin for text extraction") {
    const auto& fonts = shared_fonts();
    const FaceId song = fonts.role_face(FaceRole::Song);
    const double margin = 362.0;
    // The blank the line gives up: AR PL UMing centres 。, so less than ½ em.
    const double blank = 1.0 - fonts.trimmed_advance(song, U'。');
    REQUIRE(blank > 0.1);
    Diagnostics diags;
    auto trimmed = write_sample("trimmed-mark.pdf", trimmed_line(fonts, GlyphWidths::TrimmedMarks, margin), diags);
    auto natural = write_sample("natural-mark.pdf", trimmed_line(fonts, GlyphWidths::Natural, margin), diags);
    INFO(messages(diags));
    CHECK(diags.sorted().empty());
    // Declared from the natural font, the box sticks out by the blank side.
    CHECK(max_x(tool("pdftotext -bbox " + natural.string() + " -").out) ==
          Approx(margin + blank * 10.5).margin(0.5));
    auto bbox = tool("pdftotext -bbox " + trimmed.string() + " -");
    INFO(bbox.out);
    CHECK(max_x(bbox.out) == Approx(margin).margin(0.5));
    // Same characters come back; the variant is a font of its own, embedded
    // and subset like every other; the file is clean and reproducible.
    CHECK(tool("pdftotext -raw -enc UTF-8 " + trimmed.string() + " -").out == "党支部。\n\f");
    auto fonts_out = tool("pdffonts " + trimmed.string()).out;
    INFO(fonts_out);
    CHECK(std::count(fonts_out.begin(), fonts_out.end(), '+') == 2);
    CHECK(fonts_out.find(" no ") == std::string::npos);
    CHECK(tool("qpdf --check " + trimmed.string()).status == 0);
    Diagnostics again;
    auto second = write_sample("trimmed-mark-2.pdf", trimmed_line(fonts, GlyphWidths::TrimmedMarks, margin), again);
    std::ifstream a(trimmed, std::ios::binary), b2(second, std::ios::binary);
    std::string bytes_a((std::istreambuf_iterator<char>(a)), {}), bytes_b((std::istreambuf_iterator<char>(b2)), {});
    CHECK(bytes_a == bytes_b);
}

TEST_CASE("a JPEG image is embedded as it is (DCT) at its place") {
    SampleBuilder b(shared_fonts());
    Page& p = b.page(PageNumberStyle::Decimal, 1);
    std::string jpeg = std::string(CHUXIN_TEST_DATA) + "/pdf/fixtures/gradient.jpg";
    p.frames.push_back({Image{Rect{Pt(40), Pt(60), Pt(64), Pt(32)}, jpeg}, {"x.md", 3, 1}});
    Diagnostics diags;
    std::string bytes = pdf::write_pdf(b.doc, shared_fonts(), disk_world(), diags);
    CHECK_FALSE(diags.has_errors());
    auto path = scratch_dir() / "jpeg.pdf";
    std::ofstream(path, std::ios::binary) << bytes;
    auto images = tool("pdfimages -list " + path.string());
    INFO(images.out);
    // page 1, 32×16 pixels, rgb, 3 components, 8 bits, DCT-encoded.
    CHECK(std::regex_search(images.out, std::regex(R"(\n\s*1\s+\d+\s+image\s+32\s+16\s+rgb\s+3\s+8\s+jpeg\s)")));
}
