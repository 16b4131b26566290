#include <catch2/catch.hpp>

#include "import/convert.h"
#include "import/table_items.h"

using namespace chuxin::import;

namespace {

Paragraph para(const std::string& text, bool centered = false) {
    Paragraph p;
    Run r;
    r.text = text;
    p.runs.push_back(r);
    p.centered = centered;
    return p;
}

Cell cell(const std::string& text) {
    Cell c;
    c.paragraphs.push_back(para(text));
    return c;
}

}  // namespace

TEST_CASE("the header block: any order, both colons, two items on a line, kept lines") {
    DocxDocument doc;
    doc.blocks = {para("明德社区党支部党员大会记录", true), para(""), para("记录人:吴某\u3000\u3000主持人：周某"),
                  para("缺席：无"), para("地点：党群服务中心"), para("列席：街道党工委刘某"),
                  para("会议时间：2026年3月27日 9:00-10:30"), para("会议审议了发展党员事项。")};
    Analysis a = analyse(doc);
    CHECK(a.title == "明德社区党支部党员大会记录");
    CHECK(a.header.recorder == "吴某");
    CHECK(a.header.host == "周某");
    CHECK(a.header.location == "党群服务中心");
    REQUIRE(a.header.absent);
    CHECK(a.header.absent->empty());
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2026-03-27");
    CHECK(a.header.time == "09:00-10:30");
    CHECK(a.header.meeting == "支部党员大会");  // from the title
    CHECK(a.guessed == ImportKind::Minutes);
    REQUIRE(a.kept_header_lines.size() == 1);
    CHECK(a.kept_header_lines[0] == "列席：街道党工委刘某");
    // title, header lines — not the body's first paragraph
    CHECK(a.consumed == std::vector<size_t>{0, 2, 3, 4, 5, 6});
}

TEST_CASE("the header block as a table of label | value pairs") {
    DocxDocument doc;
    Table t;
    t.rows = {{cell("时间"), cell("2026年6月2日 9:00"), cell("地点"), cell("社区")},
              {cell("实到人数"), cell("4人"), cell("会议类型"), cell("支部委员会")}};
    doc.blocks = {para("会议记录", true), t, para("正文。")};
    Analysis a = analyse(doc);
    CHECK(a.header.location == "社区");
    CHECK(a.header.present == 4);
    CHECK(a.header.meeting == "支部委员会");
    CHECK(a.consumed == std::vector<size_t>{0, 1});
}

TEST_CASE("no header: nothing taken; a date line under the title; a plain first line as title") {
    DocxDocument doc;
    doc.blocks = {para("关于开展主题党日活动的通知"), para("（2026年6月10日）"), para("主题：不忘初心"),
                  para("各党支部：现将有关事项通知如下。")};
    Analysis a = analyse(doc);
    CHECK(a.title == "关于开展主题党日活动的通知");
    CHECK(a.date->iso() == "2026-06-10");
    CHECK(a.guessed == ImportKind::Notice);
    CHECK(a.kept_header_lines.empty());
    CHECK(a.consumed == std::vector<size_t>{0, 1});  // 主题：… alone is no header: it stays
}

TEST_CASE("the 落款 date when there is no date line") {
    DocxDocument doc;
    doc.blocks = {para("老支书的故事", true), para("正文。"), para("中共示例区委宣传部"), para("2026年7月1日"), para("")};
    Analysis a = analyse(doc);
    REQUIRE(a.date);
    CHECK(a.date->iso() == "2026-07-01");
    CHECK(a.consumed == std::vector<size_t>{0});  // the 落款 stays in the text
}

TEST_CASE("convert: headings by number, run-on lead-ins, escaped text, front matter") {
    DocxDocument doc;
    doc.blocks = {para("学习安排", true), para("一、学习内容"), para("1. 加强理论学习。每周不少于4小时。"),
                  para("（1）原文"), para("* 不是列表"), para("2026年是开局之年。")};
    Analysis a = analyse(doc);
    ContentFile f = convert(doc, a, ImportKind::Page, a.title, "x");
    CHECK(f.text ==
          "---\ntitle: \"学习安排\"\n---\n\n"
          "## 一、学习内容\n\n"
          "**1. 加强理论学习**。每周不少于4小时。\n\n"
          "##### （1）原文\n\n"
          "\\* 不是列表\n\n"
          "2026年是开局之年。\n");
}

TEST_CASE("table items: columns by their header, status words, a column that fits nothing keeps the table") {
    CHECK(status_code("已销号") == "done");
    CHECK(status_code("整改中") == "doing");
    CHECK(status_code("未整改") == "open");
    CHECK(status_code("") == "open");
    DocxDocument doc;
    Table t;
    t.rows = {{cell("问题"), cell("备注")}, {cell("学习不深入"), cell("另附说明")}};
    doc.blocks = {t};
    auto items = items_from_tables(doc, ImportKind::Checklist, {});
    REQUIRE(items);
    CHECK(items->count == 1);
    CHECK(items->keep_table);  // 备注 is no field: its text must not be lost
    CHECK(items->yaml == "items:\n  - id: c1\n    issue: \"学习不深入\"\n    status: open\n");
    CHECK_FALSE(items_from_tables(doc, ImportKind::StudyList, {}));  // no 篇目 column
    CHECK_FALSE(items_from_tables(doc, ImportKind::Page, {}));
}

TEST_CASE("convert: an indented run-on heading's lead-in is bold from its number") {
    DocxDocument doc;
    doc.blocks = {para("学习安排", true), para("\u3000\u30002. 严格组织生活。每月按时召开支部党员大会。")};
    Analysis a = analyse(doc);
    ContentFile f = convert(doc, a, ImportKind::Page, a.title, "x");
    CHECK(f.text == "---\ntitle: \"学习安排\"\n---\n\n**2. 严格组织生活**。每月按时召开支部党员大会。\n");
}
