// fonts: fontconfig resolution, fallback chain, metrics and subsetting,
// against the Debian fonts the brief installs (UMing, UKai, WenQuanYi, DejaVu).
#include <catch2/catch.hpp>

#include <hb.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "support/files.h"
#include "fonts/subset.h"
#include "fonts/usage.h"

using namespace chuxin;
using namespace chuxin::fonts;
using layout::FaceRole;

namespace {

const SystemWorld& system_world() {
    static const SystemWorld world("", std::nullopt);
    return world;
}

const FontSet& shared_fonts() {
    static Diagnostics diags;
    static std::unique_ptr<FontSet> set = FontSet::load(FontConfig{}, system_world(), diags);
    REQUIRE(set);
    return *set;
}

std::string file_of(FaceRole role) { return shared_fonts().info(shared_fonts().role_face(role)).file; }

}  // namespace

TEST_CASE("fontconfig resolves each role to the theme's TrueType face") {
    Diagnostics diags;
    auto set = FontSet::load(FontConfig{}, system_world(), diags);
    REQUIRE(set);
    CHECK(diags.warning_count() == 0);
    CHECK(file_of(FaceRole::Song) == "/usr/share/fonts/truetype/arphic/uming.ttc");
    CHECK(shared_fonts().info(shared_fonts().role_face(FaceRole::Song)).index == 0);
    CHECK(shared_fonts().face_name(shared_fonts().role_face(FaceRole::Song)) == "AR PL UMing CN");
    CHECK(file_of(FaceRole::Hei) == "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    CHECK(shared_fonts().info(shared_fonts().role_face(FaceRole::Hei)).index == 0);
    CHECK(file_of(FaceRole::Kai) == "/usr/share/fonts/truetype/arphic/ukai.ttc");
    // 仿宋 is not packaged: the Fangsong role shares the Kai face.
    CHECK(shared_fonts().role_face(FaceRole::Fangsong) == shared_fonts().role_face(FaceRole::Kai));
    CHECK(file_of(FaceRole::Latin) == "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    CHECK(file_of(FaceRole::LatinSans) == "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    CHECK(file_of(FaceRole::Mono) == "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
}

TEST_CASE("a missing family warns and falls back to an installed TrueType face") {
    Diagnostics diags;
    FontConfig config;
    config.kai = "No Such Family Kai";
    config.where = SourcePos{"themes/handbook/theme.yaml", 3, 1};
    auto set = FontSet::load(config, system_world(), diags);
    REQUIRE(set);
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].message.find("No Such Family Kai") != std::string::npos);
    CHECK(diags.sorted()[0].pos.line == 3);
    CHECK(set->face(set->role_face(FaceRole::Kai)).is_truetype());
}

TEST_CASE("fallback chain: empty Micro Hei glyphs go to faces with ink") {
    const auto& f = shared_fonts();
    FaceId hei = f.role_face(FaceRole::Hei);
    // Micro Hei maps ℃ and ǎ but their outlines are empty.
    CHECK(f.face(hei).maps(U'℃'));
    CHECK_FALSE(f.has_real_glyph(hei, U'℃'));
    FaceId degree = f.face_for(U'℃', FaceRole::Hei);
    CHECK(degree != hei);
    CHECK(f.has_real_glyph(degree, U'℃'));
    for (char32_t cp : std::u32string(U"ǎǐǒǔǘǚǜ")) {
        FaceId id = f.face_for(cp, FaceRole::Hei);
        CHECK(id != hei);
        CHECK(f.has_real_glyph(id, cp));
    }
    // Pinyin in Hei goes to the sans Latin companion; in Song to the serif one.
    CHECK(f.face_for(U'ǎ', FaceRole::Hei) == f.role_face(FaceRole::LatinSans));
    CHECK(f.face_for(U'ǎ', FaceRole::Song) == f.role_face(FaceRole::Latin));
    CHECK(f.covers(U'℃'));
}

TEST_CASE("fallback chain: Latin letters and digits go to DejaVu, Han stays") {
    const auto& f = shared_fonts();
    CHECK(f.face_for(U'A', FaceRole::Song) == f.role_face(FaceRole::Latin));
    CHECK(f.face_for(U'7', FaceRole::Kai) == f.role_face(FaceRole::Latin));
    CHECK(f.face_for(U'x', FaceRole::Hei) == f.role_face(FaceRole::LatinSans));
    CHECK(f.face_name(f.face_for(U'A', FaceRole::Song)) == "DejaVu Serif");
    CHECK(f.face_for(U'党', FaceRole::Song) == f.role_face(FaceRole::Song));
    CHECK(f.face_for(U'，', FaceRole::Song) == f.role_face(FaceRole::Song));
    CHECK(f.face_for(U'“', FaceRole::Song) == f.role_face(FaceRole::Song));
    CHECK(f.face_for(U'党', FaceRole::Hei) == f.role_face(FaceRole::Hei));
    // Han inside a Latin run goes to the CJK companion.
    CHECK(f.face_for(U'党', FaceRole::Latin) == f.role_face(FaceRole::Song));
    CHECK(f.face_for(U'党', FaceRole::Mono) == f.role_face(FaceRole::Hei));
}

TEST_CASE("covers() is false for a code point no installed face draws") {
    CHECK_FALSE(shared_fonts().covers(U'\U000F0000'));  // private use, plane 15
    CHECK_FALSE(shared_fonts().covers(U'\u0378'));  // unassigned
    CHECK(shared_fonts().covers(U'汉'));
}

TEST_CASE("metrics: Han is 1 em in UMing, Latin is proportional in DejaVu") {
    const auto& f = shared_fonts();
    FaceId song = f.role_face(FaceRole::Song);
    CHECK(f.advance(song, U'汉') == Approx(1.0));
    CHECK(f.advance(song, U'。') == Approx(1.0));
    CHECK(f.advance(f.role_face(FaceRole::Hei), U'党') == Approx(1.0));
    FaceId serif = f.role_face(FaceRole::Latin);
    CHECK(f.advance(serif, U'i') < f.advance(serif, U'm'));
    CHECK(f.advance(f.role_face(FaceRole::Mono), U'i') ==
          Approx(f.advance(f.role_face(FaceRole::Mono), U'm')));
    CHECK(f.ascent(song) > 0.5);
    CHECK(f.ascent(song) < 1.2);
    CHECK(f.descent(song) > 0.05);
    CHECK(f.descent(song) < 0.5);
    CHECK(f.advance(song, U'\uE000') == 0);
}

TEST_CASE("subset keeps only the asked glyphs and the tables libharu reads") {
    const auto& f = shared_fonts();
    std::string error;
    std::string bytes = f.subset(f.role_face(FaceRole::Hei), {U' ', U'党', U'建', U'，'}, error);
    REQUIRE(error.empty());
    REQUIRE(bytes.size() > 100);
    HbBlob blob(hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY,
                               nullptr, nullptr));
    HbFace face(hb_face_create(blob.get(), 0));
    CHECK(hb_face_get_glyph_count(face.get()) < 32);  // compact ids: few glyphs
    hb_tag_t tags[32];
    unsigned count = 32;
    hb_face_get_table_tags(face.get(), 0, &count, tags);
    std::set<std::string> names;
    for (unsigned i = 0; i < count; ++i) {
        char t[5] = {};
        hb_tag_to_string(tags[i], t);
        names.insert(t);
    }
    CHECK(names == std::set<std::string>{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx",
                                         "loca", "maxp", "name", "post"});
    HbFont font(hb_font_create(face.get()));
    hb_codepoint_t gid = 0;
    CHECK(hb_font_get_nominal_glyph(font.get(), U'党', &gid));
    CHECK_FALSE(hb_font_get_nominal_glyph(font.get(), U'国', &gid));
}

namespace {

unsigned table_u16(hb_face_t* face, const char* tag, unsigned at) {
    HbBlob blob(hb_face_reference_table(face, hb_tag_from_string(tag, 4)));
    unsigned length = 0;
    const char* d = hb_blob_get_data(blob.get(), &length);
    REQUIRE(length >= at + 2);
    return (unsigned(uint8_t(d[at])) << 8) | uint8_t(d[at + 1]);
}

struct LoadedFont {
    HbBlob blob;
    HbFace face;
    HbFont font;
    explicit LoadedFont(const std::string& bytes)
        : blob(hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr,
                              nullptr)),
          face(hb_face_create(blob.get(), 0)),
          font(hb_font_create(face.get())) {}
    hb_codepoint_t gid(char32_t cp) const {
        hb_codepoint_t g = 0;
        REQUIRE(hb_font_get_nominal_glyph(font.get(), cp, &g));
        return g;
    }
    double advance(char32_t cp) const {
        return double(hb_font_get_glyph_h_advance(font.get(), gid(cp))) / hb_face_get_upem(face.get());
    }
    hb_glyph_extents_t extents(char32_t cp) const {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(font.get(), gid(cp), &e);
        return e;
    }
};

}  // namespace

TEST_CASE("with_advances changes only the listed glyphs' declared widths") {
    const auto& f = shared_fonts();
    std::string error;
    // hb-subset shares the last advance among trailing glyphs of equal width
    // (hhea.numberOfHMetrics < glyph count): the full-width marks here.
    std::string bytes = f.subset(f.role_face(FaceRole::Song), {U' ', U'党', U'。', U'，', U'、'}, error);
    REQUIRE(error.empty());
    LoadedFont before(bytes);
    const unsigned glyphs = hb_face_get_glyph_count(before.face.get());
    INFO("numberOfHMetrics " << table_u16(before.face.get(), "hhea", 34) << " of " << glyphs);
    CHECK(table_u16(before.face.get(), "hhea", 34) < glyphs);  // the case worth testing
    std::string changed = with_advances(bytes, {{U'。', 0.5}, {U'，', 0.75}}, error);
    REQUIRE(error.empty());
    LoadedFont after(changed);
    CHECK(table_u16(after.face.get(), "hhea", 34) == glyphs);
    CHECK(hb_face_get_glyph_count(after.face.get()) == glyphs);
    CHECK(after.advance(U'。') == Approx(0.5).margin(0.001));
    CHECK(after.advance(U'，') == Approx(0.75).margin(0.001));
    CHECK(after.advance(U'、') == before.advance(U'、'));
    CHECK(after.advance(U'党') == before.advance(U'党'));
    CHECK(after.advance(U' ') == before.advance(U' '));
    // Outlines untouched: the mark draws exactly where it did.
    const auto a = before.extents(U'。'), b = after.extents(U'。');
    CHECK(a.x_bearing == b.x_bearing);
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
}

TEST_CASE("usage can collect only the runs drawn with trimmed widths") {
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    layout::GlyphRun body;
    body.face = 2;
    body.text = U"党章。";
    body.x.resize(3);
    layout::GlyphRun mark = body;
    mark.text = U"，";
    mark.x.resize(1);
    mark.widths = layout::GlyphWidths::TrimmedMarks;
    doc.pages[0].frames.push_back({body, {}});
    doc.pages[0].frames.push_back({mark, {}});
    FaceUsage trimmed;
    trimmed.add_runs(doc, layout::GlyphWidths::TrimmedMarks);
    CHECK(trimmed.faces() == std::vector<layout::FaceId>{2});
    CHECK(trimmed.code_points(2) == std::vector<char32_t>{U' ', U'，'});
    FaceUsage all;
    all.add_document(doc);
    CHECK(all.code_points(2) == std::vector<char32_t>{U' ', U'。', U'党', U'章', U'，'});
}

TEST_CASE("usage collects each face's code points in order, with the space") {
    layout::LaidOutDocument doc;
    layout::Page page;
    layout::GlyphRun run;
    run.face = 2;
    run.text = U"建党党";
    run.x = {layout::Pt(0), layout::Pt(10), layout::Pt(20)};
    page.frames.push_back({run, {}});
    doc.pages.push_back(page);
    FaceUsage usage;
    usage.add_document(doc);
    CHECK(usage.faces() == std::vector<FaceId>{2});
    CHECK(usage.code_points(2) == std::vector<char32_t>{U' ', U'党', U'建'});
}

TEST_CASE("a family that resolves to a CFF font warns and falls back to TrueType") {
    namespace fs = std::filesystem;
    const chuxin::test::TempDir tmp("fonts-cff");
    const fs::path& dir = tmp.path;
    fs::create_directories(dir / "cache");
    std::string command = std::string("/usr/bin/python3 ") + CHUXIN_TEST_DATA +
                          "/fonts/make_cff_font.py " + (dir / "test.otf").string();
    REQUIRE(std::system(command.c_str()) == 0);
    // A configuration = the system one + our directory; our cache dir comes
    // first so fontconfig writes nothing outside the temporary directory.
    std::ofstream(dir / "fonts.conf")
        << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
        << "<cachedir>" << (dir / "cache").string() << "</cachedir>\n"
        << "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
        << "<dir>" << dir.string() << "</dir>\n</fontconfig>\n";
    const char* old = std::getenv("FONTCONFIG_FILE");
    std::string saved = old ? old : "";
    setenv("FONTCONFIG_FILE", (dir / "fonts.conf").c_str(), 1);

    FontConfig config;
    config.kai = "Chuxin Test CFF";
    Diagnostics diags;
    const SystemWorld world("", std::nullopt);  // reads FONTCONFIG_FILE as it loads the fonts
    auto set = FontSet::load(config, world, diags);
    if (old) setenv("FONTCONFIG_FILE", saved.c_str(), 1);
    else unsetenv("FONTCONFIG_FILE");

    REQUIRE(set);
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].message.find("CFF") != std::string::npos);
    const FaceInfo& kai = set->info(set->role_face(FaceRole::Kai));
    CHECK(kai.file != (dir / "test.otf").string());
    CHECK(set->face(set->role_face(FaceRole::Kai)).is_truetype());
    for (size_t i = 0; i < set->face_count(); ++i)
        CHECK(set->info(FaceId(i)).file != (dir / "test.otf").string());
}

TEST_CASE("face_for and advance give the same answers from concurrent threads") {
    Diagnostics diags;
    auto set = FontSet::load(FontConfig{}, system_world(), diags);
    REQUIRE(set);
    std::u32string text = U"党支部是党的基础组织℃ǎPDF 2.0，“三会一课”";
    auto work = [&](std::vector<std::pair<FaceId, double>>& out) {
        for (int round = 0; round < 50; ++round)
            for (char32_t cp : text) {
                FaceId id = set->face_for(cp, FaceRole::Hei);
                out.emplace_back(id, set->advance(id, cp));
            }
    };
    std::vector<std::pair<FaceId, double>> a, b;
    std::thread t1(work, std::ref(a)), t2(work, std::ref(b));
    t1.join();
    t2.join();
    CHECK(a == b);
    CHECK(a.size() == 50 * text.size());
}

TEST_CASE("ink extents tell where a punctuation mark's ink sits") {
    const auto& f = shared_fonts();
    FaceId song = f.role_face(FaceRole::Song);
    FaceId hei = f.role_face(FaceRole::Hei);
    // A Han character's ink spans most of its em box.
    auto han = f.ink_extent(song, U'汉');
    REQUIRE(han);
    CHECK(han->first < 0.2);
    CHECK(han->second > 0.8);
    // AR PL UMing centres 。 (research: it is not in the GB left position),
    // Micro Hei puts it in the left half; layout trims the blank side only.
    auto uming_stop = f.ink_extent(song, U'。');
    auto hei_stop = f.ink_extent(hei, U'。');
    REQUIRE(uming_stop);
    REQUIRE(hei_stop);
    CHECK(uming_stop->first > 0.25);
    CHECK(hei_stop->second < 0.5);
    // No ink, no extent.
    CHECK_FALSE(f.ink_extent(song, U' '));
}
