// site.yaml (content-format §1, §8).
#include <catch2/catch.hpp>

#include "load/site_config.h"
#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;
using Lines = std::vector<std::string>;

TEST_CASE("site.yaml: every field read") {
    Diagnostics diags;
    model::SiteConfig c;
    parse_site_config("title: 示例区委理论学习平台\nbase_url: https://study.example.org\nlanguage: en\n"
                      "theme: default\npublisher: 中共示例区委宣传部\norgs:\n  - id: jiguan-1\n    name: 区委机关第一党支部\n"
                      "  - {id: jiguan-2, name: 第二党支部}\nbuild:\n  output: dist/site/\n  drafts: true\n"
                      "  raw_html: false\nextra:\n  icp: 京ICP备00000000号\n",
                      "site.yaml", c, diags);
    CHECK(test::headlines(diags).empty());
    CHECK(c.title == "示例区委理论学习平台");
    CHECK(c.base_url == "https://study.example.org/");
    CHECK(c.lang == Lang::En);
    CHECK(c.publisher == "中共示例区委宣传部");
    REQUIRE(c.orgs.size() == 2);
    CHECK(c.orgs[1].id == "jiguan-2");
    CHECK(c.orgs[1].name == "第二党支部");
    CHECK(c.output == "dist/site");
    CHECK(c.drafts);
    CHECK_FALSE(c.raw_html);
    CHECK(c.extra.at("icp") == "京ICP备00000000号");
}

TEST_CASE("site.yaml: only title is required; defaults") {
    Diagnostics diags;
    model::SiteConfig c;
    parse_site_config("title: 站点\n", "site.yaml", c, diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(c.base_url == "/");
    CHECK(c.lang == Lang::Zh);
    CHECK(c.output == "public");
    Diagnostics none;
    model::SiteConfig d;
    parse_site_config("", "site.yaml", d, none);
    CHECK(test::headlines(none) == Lines{"site.yaml:1:1: error: missing field 'title' (required in site.yaml)"});
}

TEST_CASE("site.yaml: unknown keys, bad values, duplicate orgs") {
    Diagnostics diags;
    model::SiteConfig c;
    parse_site_config("titel: x\nlanguage: fr\nbase_url: example.org\norgs:\n  - {id: a, name: 甲}\n"
                      "  - {id: a, name: 乙}\n  - {id: b c, name: 丙}\n  - {id: d}\nbuild:\n  output: ../out\n"
                      "  draft: true\n",
                      "site.yaml", c, diags);
    CHECK(test::headlines(diags) == Lines{
                                        "site.yaml:1:1: error: unknown field 'titel'",
                                        "site.yaml:2:11: error: unknown language 'fr'",
                                        "site.yaml:3:11: error: base_url 'example.org' is not an address",
                                        "site.yaml:6:10: error: org id 'a' is defined twice",
                                        "site.yaml:7:10: error: org id 'b c' cannot be used in a web address: it contains a space",
                                        "site.yaml:8:5: error: missing field 'name' (required in each org)",
                                        "site.yaml:10:11: error: build output '../out' must be a new folder inside the site",
                                        "site.yaml:11:3: error: unknown field 'draft'"});
    CHECK(test::hints(diags)[0] == "did you mean 'title'?");
    CHECK(test::hints(diags)[7] == "did you mean 'drafts'?");
}

TEST_CASE("site.yaml: a missing file names the folder") {
    Diagnostics diags;
    model::SiteConfig c;
    std::string root = std::string(CHUXIN_TEST_DATA) + "/sites/invalid";
    CHECK_FALSE(read_site_config(root, c, diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].message == "no site.yaml in '" + root + "'");
}

TEST_CASE("site.yaml: fonts name a family per face role; an unknown role is an error") {
    Diagnostics diags;
    model::SiteConfig c;
    parse_site_config("title: t\nfonts:\n  fangsong: 仿宋_GB2312\n  song: 方正小标宋简体\n  biaosong: x\n", "site.yaml", c,
                      diags);
    CHECK(c.fonts == std::map<std::string, std::string>{{"fangsong", "仿宋_GB2312"}, {"song", "方正小标宋简体"}});
    CHECK(c.fonts_pos.line == 2);
    REQUIRE(test::headlines(diags).size() == 1);
    CHECK(test::headlines(diags)[0].find("site.yaml:5:3: error: unknown field 'biaosong'") == 0);
}
