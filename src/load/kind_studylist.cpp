// studylist (学习书目 / 自学内容清单) and case (典型案例): content-format §3.
#include <cstdio>

#include "load/kinds.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kItemKeys = entry_keys(model::Kind::StudyList).second;
const std::vector<std::string> kPeriodKeys = {"from", "to"};
constexpr const char* kPeriodHint =
    "write YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM (e.g. 2026-Q1), or {from: 2026-01-01, to: 2026-03-31}";

bool digits(const std::string& s, size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

model::Period span(const std::string& label, int y, int m_from, int m_to) {
    return {label, Date{y, m_from, 1}, Date{y, m_to, Date::days_in_month(y, m_to)}};
}

// `required:` also accepts the words printed on the page: 必读 / 选读.
std::optional<bool> read_required(const Fields& item) {
    const Field* f = item.get("required", Need::Optional);
    if (f && f->value.is_scalar()) {
        std::string t = trim(f->value.scalar());
        if (t == "必读") return true;
        if (t == "选读") return false;
    }
    return item.boolean("required");
}

std::optional<model::Period> read_period(const Fields& f) {
    const Field* field = f.get("period", Need::Optional);
    if (!field) return std::nullopt;
    SourcePos pos = f.value_pos(*field);
    if (field->value.is_map()) {
        Fields range(field->value, f.source(), f.diags(), pos, "in a period range");
        range.reject_unknown(kPeriodKeys);
        auto from = range.date("from", Need::Required);
        auto to = range.date("to", Need::Required);
        if (!from || !to) return std::nullopt;
        if (*to < *from) {
            f.diags().error(pos, "period ends (" + to->iso() + ") before it starts (" + from->iso() + ")",
                            "swap 'from' and 'to'");
            return std::nullopt;
        }
        return model::Period{from->iso() + "/" + to->iso(), *from, *to};
    }
    auto text = f.as_text(field->value, pos, "'period'");
    if (!text) return std::nullopt;
    auto period = parse_period_text(trim(*text));
    if (!period) f.diags().error(pos, "'" + *text + "' is not a period", kPeriodHint);
    return period;
}

void read_items(const Fields& f, model::StudyList& list) {
    ItemIds ids("item");
    for (const YamlNode& node : f.list("items")) {
        SourcePos pos = f.pos(node);
        if (!node.is_map()) {
            f.diags().error(pos, "a study item should be a map of fields, not " + describe(node),
                            "e.g.\n          - id: dangzhang\n            title: 《中国共产党章程》");
            continue;
        }
        Fields item(node, f.source(), f.diags(), pos, "in each study item");
        item.reject_unknown(kItemKeys);
        model::StudyItem s;
        s.pos = pos;
        auto id = ids.take(item);
        if (auto t = item.text("title", Need::Required)) s.title = trim(*t);
        if (auto k = item.text("kind")) s.kind = trim(*k);
        if (auto r = read_required(item)) s.required = *r;
        s.hours = item.number("hours");
        s.due = item.date("due");
        if (auto src = item.text("source")) s.source = trim(*src);
        if (auto u = item.text("url")) s.url = trim(*u);
        s.ref = item.ref("ref");
        if (!id) continue;
        s.id = *id;
        list.items.push_back(std::move(s));
    }
}

}  // namespace

std::optional<model::Period> parse_period_text(const std::string& t) {
    if (!digits(t, 0, 4)) return std::nullopt;
    int y = std::stoi(t.substr(0, 4));
    if (y < 1900 || y > 2200) return std::nullopt;
    if (t.size() == 4) return span(t, y, 1, 12);
    if (t.size() == 7 && t[4] == '-' && (t[5] == 'Q' || t[5] == 'q') && t[6] >= '1' && t[6] <= '4') {
        int q = t[6] - '0';
        return span(t.substr(0, 5) + "Q" + t[6], y, 3 * q - 2, 3 * q);
    }
    if (t.size() == 7 && t[4] == '-' && (t[5] == 'H' || t[5] == 'h') && (t[6] == '1' || t[6] == '2')) {
        int h = t[6] - '0';
        return span(t.substr(0, 5) + "H" + t[6], y, 6 * h - 5, 6 * h);
    }
    if (t.size() == 7 && t[4] == '-' && digits(t, 5, 2)) {
        int m = std::stoi(t.substr(5, 2));
        if (m >= 1 && m <= 12) return span(t, y, m, m);
    }
    return std::nullopt;
}

void read_studylist(const Fields& f, model::Page& page) {
    model::StudyList list;
    list.period = read_period(f);
    if (auto a = f.text("audience")) list.audience = trim(*a);
    list.hours_required = f.number("hours_required");
    read_items(f, list);
    page.data = std::move(list);
}

void read_case(const Fields& f, model::Page& page) {
    using C = model::CaseCategory;
    static const std::vector<Choice<C>> categories = {
        {"先进典型", C::Advanced}, {"警示案例", C::Warning}, {"工作案例", C::Work},
        {"advanced", C::Advanced}, {"warning", C::Warning},  {"work", C::Work},
    };
    model::CaseInfo info;
    if (auto c = f.choice("category", categories)) {
        info.category = *c;
        static const char* labels[] = {"先进典型", "警示案例", "工作案例", ""};
        info.category_label = labels[static_cast<int>(*c)];
    }
    if (auto s = f.text("subject")) info.subject = trim(*s);
    for (const auto& lesson : f.texts("lessons"))
        if (std::string l = trim(lesson); !l.empty()) info.lessons.push_back(l);
    page.data = std::move(info);
}

}  // namespace chuxin::load
