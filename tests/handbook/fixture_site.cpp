#include "fixture_site.h"

#include <fstream>
#include <sstream>
#include "core/diagnostic.h"
#include "handbook/body.h"
#include "markdown/markdown.h"

namespace chuxin::handbook_test {

namespace {

model::Page page(const std::string& id, const std::string& title, model::Kind kind, std::string body) {
    model::Page p;
    p.id = id;
    p.rel = id + ".md";
    p.path = "content/" + p.rel;
    p.kind = kind;
    p.title = title;
    p.slug = id.substr(id.rfind('/') + 1);
    p.url = "/" + id + "/";
    p.front_matter = SourcePos{p.path, 1, 1};
    p.body_line = 12;
    p.body = std::move(body);
    return p;
}

Date d(const char* s) { return *Date::parse(s); }

}  // namespace

void add_fixture_files(MemoryWorld& world) {
    std::ifstream in(std::string(CHUXIN_TEST_DATA) + "/handbook/site/static/banner.png", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    world.add_file("static/banner.png", bytes.str());
}

model::Site fixture_site() {
    model::Site site;
    site.root = std::string(CHUXIN_TEST_DATA) + "/handbook/site";  // static/banner.png
    site.config.title = "示例区委理论学习平台";
    site.config.base_url = "https://study.example.org/";
    site.config.publisher = "中共示例区委宣传部";

    model::Page hb = page("handbooks/2026", "2026年度党员学习手册", model::Kind::Handbook,
                          "本手册汇编了本年度的学习计划、学习书目和典型案例，供各党支部学习使用。\n");
    model::Handbook h;
    h.subtitle = "中共示例区委机关第一党支部";
    h.edition = "2026年1月";
    auto part = [](const char* title, std::vector<std::string> items) {
        model::HandbookPart p;
        p.title = title;
        p.items = std::move(items);
        return p;
    };
    h.include = {part("第一部分 学习计划", {"schedules/2026"}), part("第二部分 学习书目", {"studylists/*"}),
                 part("第三部分 典型案例与整改", {"cases/laozhishu", "checklists/2026", "minutes/2026-03-03"})};
    hb.data = h;

    model::Page sl = page("studylists/2026-q1", "2026年第一季度自学内容清单", model::Kind::StudyList,
                          "学习时要做好笔记，结合工作实际**深入思考**。\n");
    model::StudyList list;
    list.period = model::Period{"2026-Q1", d("2026-01-01"), d("2026-03-31")};
    list.audience = "全体党员";
    list.hours_required = 8;
    list.items.push_back({"dangzhang", "《中国共产党章程》", "原著", true, 4.0, d("2026-03-31"), "人民出版社", "", {}, {}});
    list.items.push_back({"tiaoli", "《中国共产党纪律处分条例》", "文件", true, 3.0, d("2026-03-31"), "", "", {}, {}});
    list.items.push_back({"wenzhang", "学习贯彻党的创新理论的体会文章", "文章", false, 0.5, {}, "", "", {}, {}});
    sl.data = list;

    model::Page cl = page("checklists/2026", "2026年专题民主生活会检视问题整改清单", model::Kind::Checklist, "");
    model::Checklist checklist;
    model::ChecklistItem c1;
    c1.id = "c1";
    c1.issue = "理论学习不够系统深入";
    c1.measures = "制定个人自学计划，每周自学不少于4小时";
    c1.owner = "李某";
    c1.due = d("2026-06-30");
    c1.status = model::ItemStatus::Done;
    c1.done_on = d("2026-06-20");
    model::ChecklistItem c2 = c1;
    c2.id = "c2";
    c2.issue = "联系服务群众不够经常";
    c2.measures = "每月走访联系点社区一次，建立问题台账";
    c2.status = model::ItemStatus::Doing;
    c2.done_on.reset();
    model::ChecklistItem c3 = c2;
    c3.id = "c3";
    c3.issue = "批评与自我批评辣味不足";
    c3.status = model::ItemStatus::Open;
    c3.due = d("2026-02-28");
    c3.overdue = true;
    checklist.items = {c1, c2, c3};
    cl.data = checklist;

    model::Page cs = page("cases/laozhishu", "扎根基层三十年的老支书", model::Kind::Case,
                          "## 基本情况\n\n"
                          "老支书在村里工作了三十年，带领群众修路、办合作社，把一个贫困村建成了\n"
                          "远近闻名的示范村。他常说：“群众的事再小也是大事。”\n\n"
                          "他坚持学习[党章](ref:studylists/2026-q1#dangzhang)，整改了[](ref:checklists/2026#c1)，"
                          "还参考了[平台说明](ref:about)。生僻字𠮷不可缺。\n\n"
                          "## 主要做法\n\n"
                          "1. 坚持*每周*学习，使用 `学习强国` App 打卡。\n"
                          "2. 建立党员联系户制度[^1]。\n\n"
                          "- [x] 完成入户走访\n"
                          "- [ ] 整理走访记录\n\n"
                          "> 只要心里装着群众，群众就会把你放在心上。\n\n"
                          "| 年份 | 事项 | 成效 |\n|:--|:--|--:|\n| 2024 | 修路 | 3公里 |\n| 2025 | 合作社 | 增收20% |\n\n"
                          "---\n\n"
                          "详见 <https://www.12371.cn/>。\n\n"
                          "![宣传栏](/banner.png)\n\n"
                          "[^1]: 每名党员联系5至10户群众。\n");
    model::CaseInfo info;
    info.category = model::CaseCategory::Advanced;
    info.category_label = "先进典型";
    info.subject = "某村党支部书记";
    info.lessons = {"基层党建要把群众放在心上。", "理论学习要同解决实际问题结合起来。"};
    cs.data = info;

    model::Page mn = page("minutes/2026-03-03", "2026年3月主题党日活动记录", model::Kind::Minutes,
                          "会议集中学习了党章，与会党员交流了学习体会。\n");
    model::Minutes m;
    m.meeting = "主题党日";
    m.date = d("2026-03-03");
    m.time = "14:30-16:30";
    m.location = "三楼会议室";
    m.host = "李某";
    m.recorder = "王某";
    m.expected = 25;
    m.present = 23;
    m.absent = {{"赵某", "出差"}, {"钱某", "病假"}};
    mn.data = m;

    model::Page sc = page("schedules/2026", "2026年度理论学习计划", model::Kind::Schedule, "");
    model::Schedule s;
    s.year = 2026;
    model::ScheduleEvent e1;
    e1.id = "theme-day";
    e1.title = "主题党日";
    e1.repeat = "每月第一个周二";
    e1.meeting = "主题党日";
    e1.owner = "各党支部";
    model::ScheduleEvent e2;
    e2.id = "lecture";
    e2.title = "书记讲党课";
    e2.dates = {d("2026-07-01")};
    s.events = {e1, e2};
    sc.data = s;

    model::Page about = page("about", "关于本平台", model::Kind::Page, "说明。\n");

    site.pages = {about, cs, cl, hb, mn, sc, sl};
    for (size_t i = 0; i < site.pages.size(); ++i) site.by_id[site.pages[i].id] = static_cast<int>(i);
    return site;
}

int handbook_index(const model::Site& site) { return site.by_id.at("handbooks/2026"); }

void collect_spans(const std::vector<layout::Block>& blocks, std::vector<layout::Span>& out) {
    for (const layout::Block& b : blocks) {
        for (const layout::Span& s : b.inlines) out.push_back(s);
        for (const layout::TableRow& r : b.rows)
            for (const layout::TableCell& c : r.cells)
                for (const layout::Span& s : c.text) out.push_back(s);
        for (const layout::ListItem& i : b.items) collect_spans(i.blocks, out);
        collect_spans(b.children, out);
    }
}

Bodies::Bodies(model::Site& site) {
    Diagnostics ignored;  // the markdown tests check the stage's diagnostics
    markdown::MarkdownOptions md;
    md.raw_html = site.config.raw_html;
    docs = markdown::parse_site(site, md, ignored);
    for (model::Page& page : site.pages)
        for (model::Ref& ref : page.body_refs) {
            const SourcePos pos = ref.pos;
            ref = handbook::resolve_ref(site, ref.text);
            ref.pos = pos;
        }
    options.documents = &docs;
}

}  // namespace chuxin::handbook_test
