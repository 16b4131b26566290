#include "handbook/kinds.h"

#include <cmath>
#include <cstdio>

#include "handbook/dests.h"
#include "model/kinds.h"
#include "schedule/describe.h"

namespace chuxin::handbook {

using layout::Block;
using layout::BlockKind;
using layout::Inlines;
using layout::Mark;
using layout::Span;
using layout::SpanKind;
using layout::TableCell;
using layout::TableRow;

namespace {

Span text(const std::string& s, unsigned flags = layout::kPlain) {
    return Span{SpanKind::Text, s, flags, "", "", "", {}};
}

TableCell cell(const std::string& s, layout::Align a = layout::Align::Left) { return TableCell{{text(s)}, a}; }
TableCell cell(Inlines in) { return TableCell{std::move(in), layout::Align::Left}; }

TableRow header(std::initializer_list<const char*> names) {
    TableRow r;
    for (const char* n : names) r.cells.push_back(cell(n, layout::Align::Center));
    return r;
}

Block table(SourcePos pos) {
    Block t;
    t.kind = BlockKind::Table;
    t.pos = pos;
    t.header_rows = 1;
    return t;
}

// "标签：值" lines, the label in 黑体.
Block fact(const std::string& label, const std::string& value, SourcePos pos) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.pos = pos;
    b.indent = false;
    b.align = layout::Align::Left;
    b.inlines = {text(label + "：", layout::kStrong), text(value)};
    return b;
}

Block sentence(const std::string& s, SourcePos pos) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.pos = pos;
    b.indent = false;
    b.align = layout::Align::Left;
    b.inlines = {text(s)};
    return b;
}

std::string hours(double h) {
    char buf[32];
    if (std::abs(h - std::round(h)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", h);
    else std::snprintf(buf, sizeof buf, "%.1f", h);
    return buf;
}

Inlines ref_cell(const BodyContext& ctx, const model::Ref& ref) {
    return ref_spans(ctx, ref.resolved() ? ref : resolve_ref(ctx.site, ref.text), {});
}

std::vector<Block> studylist_blocks(const BodyContext& ctx, const model::StudyList& list) {
    const SourcePos pos = ctx.page.front_matter;
    std::vector<Block> out;
    if (list.period) out.push_back(fact("学习时段", list.period->label, pos));
    if (!list.audience.empty()) out.push_back(fact("学习对象", list.audience, pos));
    Block t = table(pos);
    t.rows.push_back(header({"序号", "书目", "类别", "要求", "学时", "完成时限"}));
    int n = 0;
    for (const model::StudyItem& item : list.items) {
        TableRow r;
        r.dest = anchor_dest(ctx.page.id, item.id);
        r.cells.push_back(cell(std::to_string(++n), layout::Align::Center));
        Inlines title{text(item.title)};
        if (!item.source.empty()) {
            title.push_back(Span{SpanKind::LineBreak, "", 0, "", "", "", {}});
            title.push_back(text(item.source));
        }
        if (item.ref) {
            title.push_back(text(" "));
            for (Span& s : ref_cell(ctx, *item.ref)) title.push_back(s);
        }
        r.cells.push_back(cell(title));
        r.cells.push_back(cell(item.kind, layout::Align::Center));
        r.cells.push_back(cell(item.required ? "必读" : "选读", layout::Align::Center));
        r.cells.push_back(cell(item.hours ? hours(*item.hours) : "", layout::Align::Right));
        r.cells.push_back(cell(item.due ? item.due->iso() : "", layout::Align::Center));
        t.rows.push_back(std::move(r));
    }
    const double total = list.total_hours();
    TableRow sum;
    sum.cells = {cell(""), TableCell{{text("合计", layout::kStrong)}, layout::Align::Left}, cell(""), cell(""),
                 TableCell{{text(hours(total), layout::kStrong)}, layout::Align::Right}, cell("")};
    t.rows.push_back(std::move(sum));
    out.push_back(std::move(t));
    if (list.hours_required) {
        const double req = *list.hours_required;
        std::string s = "合计" + hours(total) + "学时，要求不少于" + hours(req) + "学时";
        s += total + 1e-9 >= req ? "，已达到要求。" : "，尚差" + hours(req - total) + "学时。";
        out.push_back(sentence(s, pos));
    }
    return out;
}

const char* status_word(model::ItemStatus s) { return model::words_of(s).zh.data(); }

std::vector<Block> checklist_blocks(const BodyContext& ctx, const model::Checklist& list) {
    const SourcePos pos = ctx.page.front_matter;
    int done = 0, doing = 0, open = 0, overdue = 0;
    for (const auto& i : list.items) {
        done += i.status == model::ItemStatus::Done;
        doing += i.status == model::ItemStatus::Doing;
        open += i.status == model::ItemStatus::Open;
        overdue += i.overdue;
    }
    std::vector<Block> out;
    std::string summary = "共" + std::to_string(list.items.size()) + "项：" + status_word(model::ItemStatus::Done) +
                          std::to_string(done) + "项，" + status_word(model::ItemStatus::Doing) + std::to_string(doing) +
                          "项，" + status_word(model::ItemStatus::Open) + std::to_string(open) + "项";
    if (overdue) summary += "，其中" + std::string(model::overdue_words().zh) + std::to_string(overdue) + "项";
    out.push_back(sentence(summary + "。", pos));
    Block t = table(pos);
    t.rows.push_back(header({"序号", "问题", "整改措施", "责任人", "时限", "状态"}));
    t.row_marks.push_back(Mark::None);
    int n = 0;
    for (const model::ChecklistItem& item : list.items) {
        TableRow r;
        r.dest = anchor_dest(ctx.page.id, item.id);
        r.cells.push_back(cell(std::to_string(++n), layout::Align::Center));
        r.cells.push_back(cell(item.issue));
        r.cells.push_back(cell(item.measures));
        r.cells.push_back(cell(item.owner, layout::Align::Center));
        r.cells.push_back(cell(item.due ? item.due->iso() : "", layout::Align::Center));
        Inlines st{text(status_word(item.status))};
        if (item.overdue) st.push_back(text("（" + std::string(model::overdue_words().zh) + "）"));
        r.cells.push_back(cell(st));
        t.rows.push_back(std::move(r));
        t.row_marks.push_back(item.overdue ? Mark::Overdue
                              : item.status == model::ItemStatus::Done  ? Mark::Done
                              : item.status == model::ItemStatus::Doing ? Mark::Doing
                                                                        : Mark::Open);
    }
    out.push_back(std::move(t));
    return out;
}

const char* occurrence_word(model::OccurrenceStatus s) { return model::words_of(s).zh.data(); }

std::vector<Block> schedule_blocks(const BodyContext& ctx, const model::Schedule& s) {
    const SourcePos pos = ctx.page.front_matter;
    std::vector<Block> out;
    Block events = table(pos);
    events.rows.push_back(header({"序号", "活动", "安排", "形式", "责任"}));
    int n = 0;
    for (const model::ScheduleEvent& e : s.events) {
        TableRow r;
        r.dest = anchor_dest(ctx.page.id, e.id);
        r.cells.push_back(cell(std::to_string(++n), layout::Align::Center));
        r.cells.push_back(cell(e.title));
        // A printed schedule says 每年3月、6月、9月、12月最后一个周五, not the RRULE.
        std::string when = e.repeat.empty() ? "" : schedule::describe_repeat(e.repeat, Lang::Zh);
        for (const Date& d : e.dates) when += (when.empty() ? "" : "、") + d.iso();
        r.cells.push_back(cell(when));
        r.cells.push_back(cell(e.meeting));
        r.cells.push_back(cell(e.owner));
        events.rows.push_back(std::move(r));
    }
    out.push_back(std::move(events));
    if (s.occurrences.empty()) return out;  // the schedule stage has not run
    Block occ = table(pos);
    occ.rows.push_back(header({"活动", "时间", "应开展", "已开展", "状态"}));
    occ.row_marks.push_back(Mark::None);
    for (const model::Occurrence& o : s.occurrences) {
        if (o.event < 0 || static_cast<size_t>(o.event) >= s.events.size()) continue;
        TableRow r;
        r.cells.push_back(cell(s.events[static_cast<size_t>(o.event)].title));
        r.cells.push_back(cell(o.window ? o.start.iso() + "～" + o.end.iso() : o.start.iso(), layout::Align::Center));
        r.cells.push_back(cell(std::to_string(o.required) + "次", layout::Align::Center));
        r.cells.push_back(cell(std::to_string(o.fulfilled_by.size()) + "次", layout::Align::Center));
        r.cells.push_back(cell(occurrence_word(o.status)));
        occ.rows.push_back(std::move(r));
        occ.row_marks.push_back(o.status == model::OccurrenceStatus::Done  ? Mark::Done
                                : o.status == model::OccurrenceStatus::Overdue ? Mark::Overdue
                                                                               : Mark::Open);
    }
    Block h;
    h.kind = BlockKind::Heading;
    h.level = 1;
    h.pos = pos;
    h.inlines = {text("执行情况")};
    out.push_back(std::move(h));
    out.push_back(std::move(occ));
    return out;
}

std::string org_name(const model::Site& site, const std::string& id) {
    const model::Org* o = site.org(id);
    return o ? o->name : id;
}

std::vector<Block> minutes_blocks(const BodyContext& ctx, const model::Minutes& m) {
    const SourcePos pos = ctx.page.front_matter;
    Block panel;
    panel.kind = BlockKind::Panel;
    panel.pos = pos;
    panel.role = layout::FaceRole::Song;
    auto add = [&](const char* label, const std::string& v) {
        if (!v.empty()) panel.children.push_back(fact(label, v, pos));
    };
    add("会议", m.meeting);
    add("时间", m.date.chinese() + (m.time.empty() ? "" : " " + m.time));
    add("地点", m.location);
    if (!ctx.page.org.empty()) add("支部", org_name(ctx.site, ctx.page.org));
    add("主持人", m.host);
    add("记录人", m.recorder);
    if (m.expected) add("应到", std::to_string(*m.expected) + "人");
    if (m.present) add("实到", std::to_string(*m.present) + "人");
    std::string absent;
    for (const model::Absence& a : m.absent)
        absent += (absent.empty() ? "" : "、") + a.name + (a.reason.empty() ? "" : "（" + a.reason + "）");
    add("缺席及原因", absent);
    return {panel};
}

const char* category_word(const model::CaseInfo& c) {
    switch (c.category) {
        case model::CaseCategory::Advanced: return "先进典型";
        case model::CaseCategory::Warning: return "警示案例";
        case model::CaseCategory::Work: return "工作案例";
        case model::CaseCategory::Other: return "";
    }
    return "";
}

std::vector<Block> case_facts(const BodyContext& ctx, const model::CaseInfo& c) {
    const model::Page& p = ctx.page;
    std::vector<Block> out;
    const std::string cat = c.category_label.empty() ? category_word(c) : c.category_label;
    if (!cat.empty()) out.push_back(fact("类别", cat, p.front_matter));
    if (!c.subject.empty()) out.push_back(fact("对象", c.subject, p.front_matter));
    return out;
}

std::vector<Block> case_lessons(const BodyContext& ctx, const model::CaseInfo& c) {
    if (c.lessons.empty()) return {};
    // 启示: a tinted panel in 楷体 (design.md "Lessons box").
    Block panel;
    panel.kind = BlockKind::Panel;
    panel.pos = ctx.page.front_matter;
    panel.title = "启示";
    panel.role = layout::FaceRole::Kai;
    Block list;
    list.kind = BlockKind::List;
    list.ordered = true;
    for (const std::string& lesson : c.lessons) {
        Block p = sentence(lesson, ctx.page.front_matter);
        p.align = layout::Align::Justify;
        list.items.push_back(layout::ListItem{layout::TaskState::None, {p}});
    }
    panel.children.push_back(std::move(list));
    return {panel};
}

// A layout of one kind's data T, as a KindLayout part (nothing when the page holds no T).
template <class T, std::vector<Block> (*Blocks)(const BodyContext&, const T&)>
std::vector<Block> typed(const BodyContext& ctx) {
    const T* data = ctx.page.as<T>();
    return data ? Blocks(ctx, *data) : std::vector<Block>{};
}

std::vector<Block> nothing(const BodyContext&) { return {}; }

}  // namespace

const std::vector<KindLayout>& kind_layouts() {
    using model::Kind;
    static const std::vector<KindLayout> layouts = {
        {Kind::Page, nothing, nothing},
        {Kind::StudyList, typed<model::StudyList, studylist_blocks>, nothing},
        {Kind::Case, typed<model::CaseInfo, case_facts>, typed<model::CaseInfo, case_lessons>},
        {Kind::Minutes, typed<model::Minutes, minutes_blocks>, nothing},
        {Kind::Schedule, typed<model::Schedule, schedule_blocks>, nothing},
        {Kind::Checklist, typed<model::Checklist, checklist_blocks>, nothing},
        // A handbook's own page is its cover and contents (handbook.cpp).
        {Kind::Handbook, nothing, nothing},
    };
    return layouts;
}

const KindLayout* layout_of(model::Kind kind) {
    for (const auto& layout : kind_layouts())
        if (layout.kind == kind) return &layout;
    return nullptr;
}

std::vector<Block> kind_blocks_before(const BodyContext& ctx) {
    const KindLayout* layout = layout_of(ctx.page.kind);
    return layout ? layout->before(ctx) : std::vector<Block>{};
}

std::vector<Block> kind_blocks_after(const BodyContext& ctx) {
    const KindLayout* layout = layout_of(ctx.page.kind);
    return layout ? layout->after(ctx) : std::vector<Block>{};
}

}  // namespace chuxin::handbook
