// A 公文 end to end: a `style: gbt9704` handbook with every element of
// GB/T 9704-2012 → real fonts → PDF, checked with the reader's tools
// (tests/pdfcheck/check_gongwen.py: pdftotext boxes and the content
// streams' rules, every position within 0.5 mm of the standard).
#include <catch2/catch.hpp>

#include "fixture_site.h"
#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "handbook/handbook.h"
#include "pdf/writer.h"
#include "support/files.h"
#include "support/tools.h"

using namespace chuxin;

namespace {

test::ToolResult run(const std::string& command) { return test::run_tool(command); }

test::ToolResult check_gongwen(const std::string& pdf) {
    return run(std::string("/usr/bin/python3 " CHUXIN_SOURCE_DIR "/tests/pdfcheck/check_gongwen.py ") + pdf);
}

test::ToolResult check_typesetting(const std::string& pdf) {
    return run(std::string("/usr/bin/python3 " CHUXIN_SOURCE_DIR "/tests/pdfcheck/check_pdf.py ") + pdf);
}

fonts::SystemWorld system_world() { return fonts::SystemWorld(handbook_test::fixture_site().root, 1767225600); }

const fonts::FontSet& font_set() {
    static Diagnostics diags;
    static auto set = fonts::FontSet::load(fonts::FontConfig{}, system_world(), diags);
    REQUIRE(set);
    return *set;
}

// Four pages of text with headings of the four levels, digits, Latin,
// quotations and marks that fall at line ends.
std::string body() {
    std::string md = "为深入学习贯彻党的二十大和二十届历次全会精神，推动机关党支部建设全面进步、全面过硬，"
                     "经区委同意，现就2026年度机关党建工作提出如下意见。\n\n## 总体要求\n\n";
    const char* paragraphs[] = {
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新时代党的建设总要求，以提升组织力为重点，"
        "突出政治功能，把机关党支部建设成为坚强战斗堡垒，为推动全区高质量发展提供坚强保证。",
        "各党支部每月至少开展1次主题党日，每次不少于2学时，全年累计不少于24学时；每季度至少召开1次"
        "支部委员会会议，研究党员教育管理、发展党员等重要事项。",
        "严格落实“三会一课”、组织生活会、民主评议党员、谈心谈话等制度，按照GB/T 9704-2012的要求规范"
        "印发支部文件，做到程序规范、记录完整、资料齐全。",
    };
    for (int i = 0; i < 3; ++i) md += std::string(paragraphs[i]) + "\n\n";
    md += "## 主要任务\n\n### 健全组织体系\n\n";
    for (int i = 0; i < 3; ++i) md += std::string(paragraphs[(i + 1) % 3]) + "\n\n";
    md += "#### 规范支部设置\n\n按照应建尽建的原则，及时调整优化支部设置，党员人数超过50人的，经批准可以设立党总支。\n\n";
    md += "#### 配强支部班子\n\n支部书记一般由本单位党员负责人担任，每年至少参加1次集中培训。\n\n";
    md += "### 加强教育管理\n\n";
    for (int i = 0; i < 4; ++i) md += std::string(paragraphs[i % 3]) + "\n\n";
    md += "## 工作要求\n\n";
    for (int i = 0; i < 10; ++i) md += std::string(paragraphs[(i + 2) % 3]) + "\n\n";
    return md;
}

std::string gongwen_pdf(Diagnostics& diags, bool upward) {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.title = "中共示例区委办公室关于加强机关党支部标准化建设的意见";
    hb.body = body();
    auto* h = hb.as<model::Handbook>();
    h->style = model::BookStyle::Gbt9704;
    h->paper = model::Paper::A4;
    h->include = {h->include[1]};  // 附件: the study lists
    model::Gongwen& g = h->gongwen;
    g.issuer = "中共示例区委办公室";
    g.doc_number = "示办发〔2026〕12号";
    g.recipients = "各街道党工委，区委各部委办局党组（党委）";
    g.cc = {"区委组织部", "区委宣传部", "区直机关工委"};
    if (upward) g.signer = {"张三", "李四", "王五"};
    g.secret_level = "秘密★1年";
    g.copy_number = 1;
    g.signed_date = Date{2026, 3, 12};
    g.printed_by = "中共示例区委办公室";
    g.printed_date = Date{2026, 3, 13};
    g.note = "此件发至基层党支部";
    const fonts::SystemWorld world = system_world();
    handbook_test::Bodies bodies(site);
    const layout::LaidOutDocument doc = handbook::build_handbook(site, hb, font_set(), world, bodies.options, diags);
    return pdf::write_pdf(doc, font_set(), world, diags);
}

}  // namespace

TEST_CASE("gongwen PDF: every element where GB/T 9704-2012 puts it, within 0.5 mm (pdftotext boxes)") {
    Diagnostics diags;
    const std::string bytes = gongwen_pdf(diags, false);
    CHECK(diags.error_count() == 0);
    const test::TempDir dir("gongwen-pdf");
    const auto path = (dir.path / "gongwen.pdf").string();
    test::spit(dir.path / "gongwen.pdf", bytes);
    CHECK(run("qpdf --check " + path).status == 0);
    const test::ToolResult r = check_gongwen(path);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("0 failures") != std::string::npos);
    const test::ToolResult t = check_typesetting(path);
    INFO(t.out);
    CHECK(t.status == 0);
    // The text a reader copies: the 版头, the title, the 落款 and the 版记.
    const std::string text = run("pdftotext -layout " + path + " -").out;
    for (const char* part : {"000001", "秘密★1年", "中共示例区委办公室文件", "示办发〔2026〕12号", "各街道党工委",
                             "一、总体要求", "（一）健全组织体系", "规范支部设置。按照", "附件：", "2026年3月12日",
                             "（此件发至基层党支部）", "抄送：区委组织部", "2026年3月13日印发"}) {
        INFO(part);
        CHECK(text.find(part) != std::string::npos);
    }
}

TEST_CASE("gongwen PDF: a 上行文 passes the same checks") {
    Diagnostics diags;
    const std::string bytes = gongwen_pdf(diags, true);
    const test::TempDir dir("gongwen-up");
    test::spit(dir.path / "up.pdf", bytes);
    const test::ToolResult r = check_gongwen((dir.path / "up.pdf").string());
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(run("pdftotext " + (dir.path / "up.pdf").string() + " -").out.find("签发人：") != std::string::npos);
}

TEST_CASE("the 公文 checker fails a book: it can fail") {
    Diagnostics diags;
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.as<model::Handbook>()->paper = model::Paper::A4;
    const fonts::SystemWorld world = system_world();
    handbook_test::Bodies bodies(site);
    const std::string bytes =
        pdf::write_pdf(handbook::build_handbook(site, hb, font_set(), world, bodies.options, diags), font_set(), world, diags);
    const test::TempDir dir("gongwen-book");
    test::spit(dir.path / "book.pdf", bytes);
    const test::ToolResult r = check_gongwen((dir.path / "book.pdf").string());
    CHECK(r.status != 0);
}
