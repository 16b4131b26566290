#include <catch2/catch.hpp>

#include "import/front_matter_writer.h"
#include "import/inline.h"
#include "import/slug.h"

using namespace chuxin::import;
using chuxin::Date;

TEST_CASE("slugs are ASCII and follow docs/import.md") {
    Date d{2026, 5, 12};
    CHECK(slug_for(ImportKind::Minutes, d, "主题党日", "x", "会议记录") == "2026-05-12-zhutidangri");
    CHECK(slug_for(ImportKind::Minutes, d, "其他会", "x", "") == "2026-05-12-huiyi");
    CHECK(slug_for(ImportKind::Case, d, "", "x", "Lao Zhishu_2026") == "lao-zhishu-2026");
    CHECK(slug_for(ImportKind::Notice, d, "", "x", "关于开展活动的通知") == "2026-05-12-tongzhi");
    const std::string a = slug_for(ImportKind::Case, std::nullopt, "", "老支书的故事", "老支书");
    CHECK(a.rfind("anli-", 0) == 0);
    CHECK(a.size() == 13);
    CHECK(a == slug_for(ImportKind::Case, std::nullopt, "", "老支书的故事", "别的名字"));  // from the title
    CHECK(a != slug_for(ImportKind::Case, std::nullopt, "", "另一篇", "老支书"));
    CHECK(clean_slug("../../etc/passwd") == "etc-passwd");
    CHECK(clean_slug("  --A  b--  ") == "a-b");
    CHECK(clean_slug("中文").empty());
}

TEST_CASE("text is escaped so that it reads back as the same characters") {
    CHECK(escape_inline("a*b_c[d]<e>|f~g&h\\i`j") == "a\\*b\\_c\\[d\\]\\<e\\>\\|f\\~g\\&h\\\\i\\`j");
    CHECK(escape_line_start("# 不是标题") == "\\# 不是标题");
    CHECK(escape_line_start("1. 不是列表") == "1\\. 不是列表");
    CHECK(escape_line_start("- 不是列表") == "\\- 不是列表");
    CHECK(escape_line_start("    不是代码") == "不是代码");
    CHECK(escape_line_start("一、普通") == "一、普通");
}

TEST_CASE("emphasis keeps punctuation outside its markers (CommonMark flanking rules)") {
    std::vector<Run> runs(3);
    runs[0].text = "学习";
    runs[1].text = "《中国共产党章程》";
    runs[1].bold = true;
    runs[2].text = "总纲";
    CHECK(render_runs(runs, {}, Emphasis::Keep) == "学习《**中国共产党章程**》总纲");
    CHECK(render_runs(runs, {}, Emphasis::Drop) == "学习《中国共产党章程》总纲");
}

TEST_CASE("a lead-in is bold up to its split, its 。 outside") {
    std::vector<Run> runs(1);
    runs[0].text = "1. 加强理论学习。全体党员要制定计划。";
    const size_t split = std::string("1. 加强理论学习。").size();
    CHECK(render_runs(runs, {}, Emphasis::Keep, split) == "**1. 加强理论学习**。全体党员要制定计划。");
}

TEST_CASE("line breaks: one hard break for several, none at the ends; indentation dropped") {
    std::vector<Run> runs(1);
    runs[0].text = "\u3000\u3000第一行\n\n\n第二行\n";
    CHECK(render_runs(runs, {}, Emphasis::Keep) == "第一行\\\n第二行");
}

TEST_CASE("links: only http, https and mailto") {
    std::vector<Run> runs(2);
    runs[0].text = "共产党员网";
    runs[0].link = "https://www.12371.cn/";
    runs[1].text = "坏链接";
    runs[1].link = "javascript:alert(1)";
    CHECK(render_runs(runs, {}, Emphasis::Keep) == "[共产党员网](https://www.12371.cn/)坏链接");
}

TEST_CASE("YAML strings are always quoted") {
    CHECK(yaml_quoted("2026-05-12") == "\"2026-05-12\"");
    CHECK(yaml_quoted("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"");
    CHECK(yaml_quoted("no\nnewline") == "\"no\\nnewline\"");
    CHECK(yaml_quoted("# not a comment") == "\"# not a comment\"");
}
