// Content is untrusted input: truncated, mutated, deeply nested or
// alias-bombed front matter must give diagnostics with sane positions, never
// a crash or a hang (brief: "property tests where input is untrusted").
#include <catch2/catch.hpp>

#include <random>

#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;
using chuxin::load::test::Loaded;

namespace {

const std::string kSample =
    "---\ntitle: 2026年3月主题党日活动记录\nmeeting: 主题党日\ndate: 2026-03-03\ntime: \"14:30-16:30\"\n"
    "org: jiguan-1\nexpected: 25\npresent: 23\nabsent:\n  - {name: 赵某, reason: 出差}\n  - 钱某\n"
    "fulfills: [schedules/2026#theme-day]\nextra: {a: &x [1, 2], b: *x}\n---\n正文，含**强调**。\n";

int line_count(const std::string& text) {
    int n = 1;
    for (char c : text) n += c == '\n';
    return n;
}

// Every diagnostic names this file, on a line that exists, at a column ≥ 1.
void check_positions(const Diagnostics& diags, const std::string& text) {
    for (const auto& d : diags.sorted()) {
        INFO(d.message);
        CHECK(d.pos.file == "content/minutes/a.md");
        CHECK(d.pos.line >= 1);
        CHECK(d.pos.line <= line_count(text));
        CHECK(d.pos.col >= 1);
        CHECK_FALSE(d.message.empty());
    }
}

}  // namespace

TEST_CASE("robustness: the sample is valid") {
    Loaded l;
    test::load_into(l, "minutes/a.md", kSample);
    CHECK(l.diags.sorted().empty());
}

TEST_CASE("robustness: every truncation of a file") {
    for (size_t n = 0; n < kSample.size(); ++n) {
        Loaded l;
        std::string text = kSample.substr(0, n);
        test::load_into(l, "minutes/a.md", text);
        INFO("truncated at " << n);
        check_positions(l.diags, text);
    }
}

TEST_CASE("robustness: random mutations with YAML-significant bytes") {
    const std::string alphabet = ":-[]{}\"'\n \t#&*!|>%@`,?\xE4\x80\xEF\xBC\x9A\r";
    std::mt19937 rng(20260303);  // fixed seed: reproducible
    for (int round = 0; round < 1500; ++round) {
        std::string text = kSample;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            size_t at = rng() % text.size();
            char c = alphabet[rng() % alphabet.size()];
            if (rng() % 2)
                text[at] = c;
            else
                text.insert(at, 1, c);
        }
        Loaded l;
        test::load_into(l, "minutes/a.md", text);
        INFO("round " << round);
        check_positions(l.diags, text);
    }
}

TEST_CASE("robustness: deep nesting and alias bombs stay bounded") {
    std::string deep = "---\ntitle: x\nextra: {a: " + std::string(20000, '[') + std::string(20000, ']') + "}\n---\n";
    Loaded l;
    test::load_into(l, "minutes/a.md", deep);
    check_positions(l.diags, deep);

    std::string bomb = "---\ntitle: x\nmeeting: m\ndate: 2026-01-01\nextra:\n  l0: &l0 [a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i < 12; ++i)
        bomb += "  l" + std::to_string(i) + ": &l" + std::to_string(i) + " [*l" + std::to_string(i - 1) + ", *l" +
                std::to_string(i - 1) + ", *l" + std::to_string(i - 1) + ", *l" + std::to_string(i - 1) + "]\n";
    bomb += "tags: *l11\n---\n";
    Loaded b;
    test::load_into(b, "minutes/a.md", bomb);
    REQUIRE(b.file.role == LoadedFile::Role::Page);
    CHECK(b.file.page.extra.size() <= 1100);
    CHECK(b.diags.error_count() > 0);  // tags: a nested list is not a list of text
}
