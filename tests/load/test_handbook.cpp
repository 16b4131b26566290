// Handbook include resolution (content-format §3, §8 "Handbooks") and globs.
#include <catch2/catch.hpp>

#include "load/handbook_include.h"
#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;

TEST_CASE("glob: '*' stays in one folder, '**' crosses folders") {
    CHECK(glob_match("cases/*", "cases/a"));
    CHECK_FALSE(glob_match("cases/*", "cases/2026/a"));
    CHECK(glob_match("cases/**", "cases/2026/a"));
    CHECK(glob_match("cases/**", "cases/a"));
    CHECK_FALSE(glob_match("cases/**", "casesx/a"));
    CHECK(glob_match("**", "a/b/c"));
    CHECK(glob_match("**/2026-*", "minutes/2026/2026-03"));
    CHECK(glob_match("minutes/**/2026-*", "minutes/2026-03"));
    CHECK(glob_match("minutes/2026-*", "minutes/2026-03-03-主题党日"));
    CHECK_FALSE(glob_match("minutes/2026-*", "minutes/2025-03-03"));
    CHECK(glob_match("案例/*", "案例/老支书"));
    CHECK_FALSE(glob_match("cases/a", "cases/ab"));
}

namespace {

model::Page page(const std::string& rel, int weight, std::optional<Date> date, model::Kind kind = model::Kind::Case) {
    model::Page p;
    p.rel = rel + ".md";
    p.path = "content/" + p.rel;
    p.id = rel;
    p.kind = kind;
    p.weight = weight;
    p.date = date;
    return p;
}

model::Site site_with(model::Handbook book) {
    model::Site site;
    site.pages.push_back(page("cases/b", 0, Date{2026, 2, 1}));
    site.pages.push_back(page("cases/a", 0, Date{2026, 3, 1}));
    site.pages.push_back(page("cases/c", -1, std::nullopt));
    site.pages.push_back(page("cases/d", 0, std::nullopt));
    site.pages.push_back(page("cases/2026/e", 0, Date{2026, 1, 1}));
    site.pages.push_back(page("schedules/2026", 0, std::nullopt, model::Kind::Schedule));
    model::Page hb = page("handbooks/h", 0, std::nullopt, model::Kind::Handbook);
    hb.data = std::move(book);
    site.pages.push_back(std::move(hb));
    for (size_t i = 0; i < site.pages.size(); ++i) site.by_id[site.pages[i].id] = static_cast<int>(i);
    return site;
}

model::HandbookPart part(std::vector<std::string> items) {
    model::HandbookPart p;
    for (size_t i = 0; i < items.size(); ++i) p.item_pos.push_back({"content/handbooks/h.md", 10 + int(i), 5});
    p.items = std::move(items);
    return p;
}

}  // namespace

TEST_CASE("handbook include: globs ordered by weight, date, id; exact ids; duplicates once") {
    model::Handbook book;
    book.include.push_back(part({"schedules/2026", "cases/a"}));
    book.include.push_back(part({"cases/*"}));
    book.include.push_back(part({"**"}));
    model::Site site = site_with(std::move(book));
    Diagnostics diags;
    resolve_handbook_includes(site, diags);
    CHECK(test::headlines(diags).empty());
    const auto& parts = site.pages.back().as<model::Handbook>()->include;
    CHECK(parts[0].pages == std::vector<int>{5, 1});
    // cases/c (weight −1), then dated b before undated d; a already placed.
    CHECK(parts[1].pages == std::vector<int>{2, 0, 3});
    CHECK(parts[2].pages == std::vector<int>{4});  // the rest; never the handbook itself
}

TEST_CASE("handbook include: unknown id is an error with nearest ids; empty glob a warning") {
    model::Handbook book;
    book.include.push_back(part({"cases/aa", "studylists/*", "handbooks/h", "cases/b", "cases/b"}));
    model::Site site = site_with(std::move(book));
    Diagnostics diags;
    resolve_handbook_includes(site, diags);
    CHECK(test::headlines(diags) == std::vector<std::string>{
                                        "content/handbooks/h.md:10:5: error: handbook includes unknown page 'cases/aa'",
                                        "content/handbooks/h.md:11:5: warning: 'studylists/*' matches no page",
                                        "content/handbooks/h.md:12:5: error: a handbook cannot include a handbook ('handbooks/h')",
                                        "content/handbooks/h.md:14:5: warning: 'cases/b' is already included in this handbook"});
    CHECK(test::hints(diags)[0] == "did you mean 'cases/a', 'cases/b' or 'cases/c'?");
}
