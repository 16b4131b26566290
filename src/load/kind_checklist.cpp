// checklist (问题清单 / 整改台账): content-format §3, §8.
#include "load/kinds.h"
#include "model/kinds.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kItemKeys = entry_keys(model::Kind::Checklist).second;

// `status:` takes a status's code or its Chinese word (open | 未整改 …).
const std::vector<Choice<model::ItemStatus>>& statuses() {
    static const std::vector<Choice<model::ItemStatus>> choices = [] {
        std::vector<Choice<model::ItemStatus>> out;
        for (auto status : model::kItemStatuses) out.push_back({model::words_of(status).code, status});
        for (auto status : model::kItemStatuses) out.push_back({model::words_of(status).zh, status});
        return out;
    }();
    return choices;
}

void read_item(const Fields& f, const YamlNode& node, ItemIds& ids, model::Checklist& list) {
    SourcePos pos = f.pos(node);
    if (!node.is_map()) {
        f.diags().error(pos, "a checklist item should be a map of fields, not " + describe(node),
                        "e.g.\n          - id: c1\n            issue: 理论学习不够系统深入\n            status: open");
        return;
    }
    Fields item(node, f.source(), f.diags(), pos, "in each checklist item");
    item.reject_unknown(kItemKeys);
    model::ChecklistItem c;
    c.pos = pos;
    auto id = ids.take(item);
    if (auto t = item.text("issue", Need::Required)) c.issue = trim(*t);
    if (auto m = item.text("measures")) c.measures = trim(*m);
    if (auto o = item.text("owner")) c.owner = trim(*o);
    c.due = item.date("due");
    auto status = item.choice("status", statuses(), Need::Required);
    if (status) c.status = *status;
    c.done_on = item.date("done_on");
    // A closed item needs the day it was closed (§8); a bad date is reported already.
    if (status == model::ItemStatus::Done && !c.done_on && !item.get("done_on", Need::Optional)) {
        std::string name = id ? "item '" + *id + "'" : std::string("this item");
        item.diags().error(item.value_pos(*item.find("status")), name + " is done but has no 'done_on'",
                           "add the day it was closed, e.g. done_on: 2026-06-20");
    }
    c.raised_in = item.ref("raised_in");
    c.closed_in = item.ref("closed_in");
    if (!id) return;
    c.id = *id;
    list.items.push_back(std::move(c));
}

}  // namespace

void read_checklist(const Fields& f, model::Page& page) {
    model::Checklist list;
    ItemIds ids("item");
    for (const YamlNode& node : f.list("items")) read_item(f, node, ids, list);
    page.data = std::move(list);
}

}  // namespace chuxin::load
