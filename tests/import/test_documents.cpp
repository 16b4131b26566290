// Whole documents through the `chuxin` binary: .docx files written at test
// time by python3-docx (tests/import/make_docx.py), by LibreOffice from
// sources/case_numbered.fodt and by pandoc from sources/roundtrip.md;
// imported into a starter site, checked, built.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "support/files.h"
#include "support/tools.h"

namespace fs = std::filesystem;
using chuxin::test::run_tool;
using chuxin::test::slurp;
using chuxin::test::TempDir;

namespace {

const std::string kChuxin = CHUXIN_BINARY;
const std::string kHere = std::string(CHUXIN_TEST_DATA) + "/import";

int exit_code(const chuxin::test::ToolResult& r) { return WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1; }

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// The fixtures, made once per run of this executable.
struct Fixtures {
    TempDir dir{"import-fixtures"};
    fs::path made = dir.path / "docx";
    Fixtures() {
        auto r = run_tool("/usr/bin/python3 " + q(kHere + "/make_docx.py") + " " + q(made));
        INFO(r.out);
        REQUIRE(exit_code(r) == 0);
    }
    // `soffice --headless --convert-to <format>` of `source` into made/lo.
    fs::path libreoffice(const std::string& source, const std::string& format) {
        fs::path out = made / "lo";
        auto r = run_tool("soffice -env:UserInstallation=file://" + (dir.path / "lo-profile").string() +
                          " --headless --convert-to " + format + " --outdir " + q(out) + " " + q(source));
        INFO(r.out);
        fs::path converted = out / (fs::path(source).stem().string() + "." + format);
        REQUIRE(fs::exists(converted));
        return converted;
    }
};

Fixtures& fixtures() {
    static Fixtures f;
    return f;
}

struct Site {
    TempDir dir{"import-site"};
    fs::path root = dir.path / "site";
    Site() { REQUIRE(exit_code(run_tool(kChuxin + " new site " + q(root))) == 0); }
    chuxin::test::ToolResult import(const std::string& args) {
        return run_tool("cd " + q(root) + " && " + kChuxin + " import " + args);
    }
    std::string file(const std::string& rel) const { return slurp(root / rel); }
    size_t files_in_content() const {
        size_t n = 0;
        for (const auto& e : fs::recursive_directory_iterator(root / "content"))
            if (e.is_regular_file()) ++n;
        return n;
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void text_kept(const fs::path& docx, const fs::path& md) {
    auto r = run_tool("/usr/bin/python3 " + q(kHere + "/check_text.py") + " " + q(docx) + " " + q(md));
    INFO(r.out);
    CHECK(exit_code(r) == 0);
}

}  // namespace

TEST_CASE("a meeting record with its header as lines (Word's habits)") {
    Site site;
    const fs::path docx = fixtures().made / "minutes_lines.docx";
    auto r = site.import(q(docx));
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    CHECK(has(r.out, "→ content/minutes/2026-05-12-zhutidangri.md"));
    CHECK(has(r.out, "kind: minutes (guessed: it has a minutes header"));
    CHECK(has(r.out, "fulfills:"));  // the hint that links it to a schedule
    // The merged cells, at the table's line in the written file.
    CHECK(has(r.out, "content/minutes/2026-05-12-zhutidangri.md:38: warning: table 1 had merged cells"));
    const std::string md = site.file("content/minutes/2026-05-12-zhutidangri.md");
    INFO(md);
    CHECK(has(md, "title: \"区委机关第一党支部2026年5月主题党日活动记录\"\n"));
    CHECK(has(md, "date: 2026-05-12\nmeeting: \"主题党日\"\ntime: \"14:30-16:30\"\n"));
    CHECK(has(md, "location: \"区委机关三楼会议室\"\nhost: \"陈某\"\nrecorder: \"王某\"\n"));
    CHECK(has(md, "expected: 18\npresent: 16\n"));
    CHECK(has(md, "absent:\n  - {name: \"张某\", reason: \"出差\"}\n  - {name: \"李某\", reason: \"病假\"}\n"));
    // Not a field: stays in the body.
    CHECK(has(md, "\n列席人员：机关党委组织委员刘某\n"));
    // Headings from the typed numbers, whatever the style.
    CHECK(has(md, "\n## 一、学习内容\n"));
    CHECK(has(md, "\n### （一）领学情况\n"));
    CHECK(has(md, "\n#### 2. 交流研讨\n"));
    CHECK(has(md, "\n##### （1）青年党员刘某某发言\n"));
    CHECK(has(md, "\n##### (2)老党员赵某发言\n"));
    CHECK(has(md, "\n## 二、会议决定\n"));
    // A run-on level-3 heading is a bold lead-in; 1.5倍 is no number.
    CHECK(has(md, "\n**1．加强理论学习**。全体党员要"));
    CHECK(has(md, "\n会议决定本月起"));
    // Emphasis, a link, the image beside the page, the merged cell repeated.
    CHECK(has(md, "《**中国共产党章程**》"));
    CHECK(has(md, "*办文办会*"));
    CHECK(has(md, "*做到学思用贯通*"));
    CHECK(has(md, "[共产党员网](https://www.12371.cn/)"));
    CHECK(has(md, "![](2026-05-12-zhutidangri-1.png)"));
    CHECK(fs::file_size(site.root / "content/minutes/2026-05-12-zhutidangri-1.png") > 0);
    CHECK(has(md, "| 补学党章 | 张某 | 5月31日 |\n| 提交笔记 | 张某 | 6月5日 |"));
    // Indentation of 公文 and empty paragraphs cleaned.
    CHECK(has(md, "\n李某领学党章总纲"));
    CHECK_FALSE(has(md, "\n\n\n"));
    text_kept(docx, site.root / "content/minutes/2026-05-12-zhutidangri.md");

    // It passes `chuxin check` and is on the portal with its header block.
    auto check = run_tool("cd " + q(site.root) + " && " + kChuxin + " check --as-of 2026-07-01");
    INFO(check.out);
    CHECK(exit_code(check) == 0);
    auto build = run_tool("cd " + q(site.root) + " && " + kChuxin + " build --no-pdf --as-of 2026-07-01");
    INFO(build.out);
    REQUIRE(exit_code(build) == 0);
    const std::string html = slurp(site.root / "public/minutes/2026-05-12-zhutidangri/index.html");
    CHECK(has(html, "区委机关三楼会议室"));
    CHECK(has(html, "张某"));
    CHECK(has(html, "出差"));
    CHECK(has(html, "2026-05-12-zhutidangri-1.png"));
    CHECK(fs::exists(site.root / "public/minutes/2026-05-12-zhutidangri-1.png"));

    // With the line the hint asks for, the meeting carries out its schedule's event.
    std::string linked = md;
    linked.insert(linked.find("time: "), "fulfills: schedules/2026#theme-day\n");
    chuxin::test::spit(site.root / "content/minutes/2026-05-12-zhutidangri.md", linked);
    auto report = run_tool("cd " + q(site.root) + " && " + kChuxin + " report --as-of 2026-07-01");
    INFO(report.out);
    REQUIRE(exit_code(report) == 0);
    CHECK(has(report.out, "\"fulfilled_by\": [\"minutes/2026-05-12-zhutidangri\"]"));
}

TEST_CASE("a meeting record with its header in a table and WPS's 标题 N styles") {
    Site site;
    const fs::path docx = fixtures().made / "minutes_table.docx";
    auto r = site.import(q(docx));
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    const std::string md = site.file("content/minutes/2026-06-02-zhiweihui.md");
    INFO(md);
    CHECK(has(md, "date: 2026-06-02\nmeeting: \"支部委员会\"\ntime: \"09:00-11:00\"\nlocation: \"社区党群服务中心\"\n"));
    CHECK(has(md, "host: \"周某\"\nrecorder: \"吴某\"\nexpected: 5\npresent: 4\n"));
    CHECK(has(md, "absent:\n  - {name: \"郑某\", reason: \"病假\"}\n"));
    CHECK(has(md, "\n## 研究第二季度党课安排\n"));
    CHECK(has(md, "\n### 议定事项\n"));
    CHECK_FALSE(has(md, "| 会议时间"));  // the header table is not also a table of the body
    text_kept(docx, site.root / "content/minutes/2026-06-02-zhiweihui.md");
}

TEST_CASE("a notice with Heading styles and a 落款 date") {
    Site site;
    const fs::path docx = fixtures().made / "notice_styles.docx";
    auto r = site.import(q(docx));
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    // Its title names a 主题党日, but it is a notice.
    CHECK(has(r.out, "kind: notice (guessed: its title names a notice"));
    const std::string md = site.file("content/notices/notice-styles.md");
    INFO(md);
    CHECK(has(md, "title: \"关于开展2026年度“七一”主题党日活动的通知\"\ntype: page\ndate: 2026-06-10\n---"));
    CHECK(has(md, "\n## 活动安排\n"));
    CHECK(has(md, "\n### 有关要求\n"));
    CHECK(has(md, "请将**活动记录**报"));
    CHECK(has(md, "\n2026年6月10日\n"));  // the 落款 stays in the text
    text_kept(docx, site.root / "content/notices/notice-styles.md");
}

TEST_CASE("LibreOffice's automatic numbering, footnote and picture (numbering.xml as Word and WPS write it)") {
    Site site;
    const fs::path docx = fixtures().libreoffice(kHere + "/sources/case_numbered.fodt", "docx");
    // The numbers are in numbering.xml, not in the text.
    auto listing = run_tool("/usr/bin/python3 -c 'import sys, zipfile; print(*zipfile.ZipFile(sys.argv[1]).namelist())' " +
                            q(docx));
    REQUIRE(has(listing.out, "word/numbering.xml"));
    REQUIRE(has(listing.out, "word/footnotes.xml"));
    auto r = site.import(q(docx) + " --output content/cases/laodangyuan-zhang.md");
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    CHECK(has(r.out, "kind: case (guessed"));
    const std::string md = site.file("content/cases/laodangyuan-zhang.md");
    INFO(md);
    CHECK(has(md, "title: \"老党员张某某扎根社区服务群众的先进事迹\"\ndate: 2026-04-08\ncategory: 先进典型\n"));
    CHECK(has(md, "\n## 一、坚持学习不放松\n"));
    CHECK(has(md, "\n### （一）每天读报一小时\n"));
    CHECK(has(md, "\n**1. 带头学原文**。他坚持"));
    CHECK(has(md, "\n#### 2. 讲给邻居听\n"));
    CHECK(has(md, "\n### （二）参加组织生活\n"));
    CHECK(has(md, "\n## 二、服务群众不停步\n"));
    CHECK(has(md, "\n### （一）组建志愿服务队\n"));  // a new parent restarts the level below
    CHECK(has(md, "党小组长[^1]。"));
    CHECK(has(md, "\n[^1]: 网格党小组：以居民网格为单位设立的党小组。"));
    // An endnote is a footnote too; a text box's text follows its paragraph, once.
    CHECK(has(md, "一百二十余件[^2]。"));
    CHECK(has(md, "\n[^2]: 数据来源：明德社区党委2025年度工作台账。"));
    CHECK(has(md, "\n居民评价：\n\n“有事找老张，准没错。”\n"));
    CHECK(md.find("有事找老张") == md.rfind("有事找老张"));
    CHECK(has(md, "![](laodangyuan-zhang-1.png)"));
    CHECK(fs::exists(site.root / "content/cases/laodangyuan-zhang-1.png"));
    text_kept(docx, site.root / "content/cases/laodangyuan-zhang.md");
    auto build = run_tool("cd " + q(site.root) + " && " + kChuxin + " build --no-pdf --as-of 2026-07-01");
    INFO(build.out);
    CHECK(exit_code(build) == 0);
}

TEST_CASE("a checklist and a study list typed as tables become their items") {
    Site site;
    auto r = site.import(q(fixtures().made / "checklist_table.docx") + " " + q(fixtures().made / "studylist_table.docx"));
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    CHECK(has(r.out, "kind: checklist (guessed"));
    CHECK(has(r.out, "kind: studylist (guessed"));
    const std::string checklist = site.file("content/checklists/checklist-table.md");
    INFO(checklist);
    CHECK(has(checklist, "items:\n  - id: c1\n    issue: \"理论学习不够系统深入\"\n"
                         "    measures: \"制定个人自学计划，每周自学不少于4小时\"\n    owner: \"李某\"\n"
                         "    due: 2026-06-30\n    status: done\n    done_on: 2026-06-20\n"));
    CHECK(has(checklist, "  - id: c2\n    # 整改时限: 长期坚持\n"));  // no date, kept in words
    CHECK(has(checklist, "    status: doing\n"));
    CHECK(has(checklist, "    due: 2026-05-31\n    status: open\n"));
    CHECK_FALSE(has(checklist, "| 存在问题"));  // the table became the items
    CHECK(has(checklist, "\n中共明德社区支部委员会\n"));
    const std::string studylist = site.file("content/studylists/studylist-table.md");
    INFO(studylist);
    CHECK(has(studylist, "  - id: s1\n    title: \"《中国共产党章程》\"\n    kind: \"原著\"\n    required: true\n    hours: 4\n"));
    CHECK(has(studylist, "    required: false\n    hours: 6\n"));
    auto build = run_tool("cd " + q(site.root) + " && " + kChuxin + " build --no-pdf --as-of 2026-07-01");
    INFO(build.out);
    CHECK(exit_code(build) == 0);
}

TEST_CASE("an old .doc is converted with LibreOffice, then imported") {
    Site site;
    const fs::path doc = fixtures().libreoffice(kHere + "/sources/case_numbered.fodt", "doc");
    auto r = site.import(q(doc) + " --kind case --output content/cases/from-doc.md");
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    CHECK(has(r.out, "converting"));
    CHECK_FALSE(has(r.out, "guessed"));  // --kind given
    CHECK(has(site.file("content/cases/from-doc.md"), "\n## 一、坚持学习不放松\n"));
}

TEST_CASE("round trip: Markdown → pandoc → .docx → import gives the same headings, cells and text") {
    TempDir dir("import-roundtrip");
    const fs::path docx = dir.path / "roundtrip.docx";
    auto p = run_tool("pandoc -o " + q(docx) + " " + q(kHere + "/sources/roundtrip.md"));
    INFO(p.out);
    REQUIRE(exit_code(p) == 0);
    const fs::path md = dir.path / "out.md";
    auto r = run_tool(kChuxin + " import " + q(docx) + " --kind page --output " + q(md));
    INFO(r.out);
    REQUIRE(exit_code(r) == 0);
    std::string source = slurp(kHere + "/sources/roundtrip.md");
    const std::string title_line = "# 2026年第二季度理论学习安排\n\n";
    REQUIRE(source.rfind(title_line, 0) == 0);
    const std::string expected = "---\ntitle: \"2026年第二季度理论学习安排\"\n---\n\n" + source.substr(title_line.size());
    CHECK(slurp(md) == expected);
}

TEST_CASE("an existing file is not overwritten without --force") {
    Site site;
    const fs::path docx = fixtures().made / "notice_styles.docx";
    REQUIRE(exit_code(site.import(q(docx))) == 0);
    chuxin::test::spit(site.root / "content/notices/notice-styles.md", "mine\n");
    auto again = site.import(q(docx));
    INFO(again.out);
    CHECK(exit_code(again) == 1);
    CHECK(has(again.out, "notice-styles.md: error: this file exists; import does not overwrite it"));
    CHECK(has(again.out, "--force"));
    CHECK(site.file("content/notices/notice-styles.md") == "mine\n");
    auto forced = site.import(q(docx) + " --force");
    INFO(forced.out);
    CHECK(exit_code(forced) == 0);
    CHECK(has(site.file("content/notices/notice-styles.md"), "## 活动安排"));
}

TEST_CASE("--output and --kind; validation as chuxin check, at the written file's lines") {
    Site site;
    // As a checklist (no items): valid; as minutes without a date it is not.
    const fs::path docx = fixtures().made / "notice_styles.docx";
    auto r = site.import(q(docx) + " --kind minutes --output content/minutes/tongzhi.md");
    INFO(r.out);
    CHECK(exit_code(r) == 0);  // the 落款 date and the title's 主题党日 fill date and meeting
    CHECK(has(site.file("content/minutes/tongzhi.md"), "meeting: \"主题党日\""));
    const fs::path lines = fixtures().made / "minutes_lines.docx";
    auto bad = site.import(q(lines) + " --kind case --output content/minutes/wrong-kind.md");
    INFO(bad.out);
    // A case's `category` in the minutes folder: check's own error, at the written line.
    CHECK(exit_code(bad) == 1);
    CHECK(has(bad.out, "content/minutes/wrong-kind.md:4:1: error: unknown field 'category'"));
    auto usage = site.import(q(docx) + " " + q(lines) + " --output one.md");
    CHECK(exit_code(usage) == 2);
}

TEST_CASE("hostile and wrong files: a clear error each, nothing written") {
    Site site;
    const size_t before = site.files_in_content();
    const fs::path h = fixtures().made / "hostile";
    struct Case {
        const char* file;
        const char* message;
    };
    const Case cases[] = {
        {"traversal.docx", "would point outside the document"},
        {"bomb.docx", "over the limit"},
        {"broken.docx", "word/document.xml:1:"},
        {"doctype.docx", "DOCTYPE"},
        {"spreadsheet.docx", "it is a spreadsheet"},
        {"text.docx", "not a zip archive"},
        {"old.doc", "LibreOffice could not convert this .doc file"},
    };
    for (const Case& c : cases) {
        auto r = site.import(q(h / c.file));
        INFO(c.file << "\n" << r.out);
        CHECK(exit_code(r) == 1);
        CHECK(has(r.out, c.message));
        CHECK(has(r.out, std::string(c.file) + ": error:"));
    }
    CHECK(site.files_in_content() == before);
    CHECK_FALSE(fs::exists(site.root / "../evil.txt"));
}

TEST_CASE("the same document gives the same bytes") {
    Site a, b;
    const fs::path docx = fixtures().made / "minutes_lines.docx";
    REQUIRE(exit_code(a.import(q(docx))) == 0);
    REQUIRE(exit_code(b.import(q(docx))) == 0);
    for (const char* rel : {"content/minutes/2026-05-12-zhutidangri.md", "content/minutes/2026-05-12-zhutidangri-1.png"}) {
        INFO(rel);
        CHECK(a.file(rel) == b.file(rel));
    }
}

TEST_CASE("check_text.py notices a lost sentence") {
    Site site;
    const fs::path docx = fixtures().made / "notice_styles.docx";
    REQUIRE(exit_code(site.import(q(docx))) == 0);
    const fs::path md = site.root / "content/notices/notice-styles.md";
    std::string text = slurp(md);
    const std::string sentence = "各党支部于6月下旬组织党员重温入党誓词，开展一次专题学习。";
    REQUIRE(has(text, sentence));
    text.erase(text.find(sentence), sentence.size());
    chuxin::test::spit(md, text);
    auto r = run_tool("/usr/bin/python3 " + q(kHere + "/check_text.py") + " " + q(docx) + " " + q(md));
    CHECK(exit_code(r) == 1);
    CHECK(has(r.out, "重温入党誓词"));
}
