#include "schedule/report.h"

#include <algorithm>
#include <cstdio>

#include "schedule/status.h"

namespace chuxin::schedule {
namespace {

// A report cell: absent (null / empty), a string, or a raw JSON literal
// (number, boolean) that CSV writes as is.
struct Cell {
    enum class Type { Null, String, Literal } type = Type::Null;
    std::string text;
    static Cell null() { return {}; }
    static Cell str(std::string s) { return {Type::String, std::move(s)}; }
    static Cell opt(const std::string& s) { return s.empty() ? null() : str(s); }
    static Cell lit(std::string s) { return {Type::Literal, std::move(s)}; }
};

struct Row {
    std::vector<Cell> cells;
    std::vector<std::string> list;  // fulfilled_by (occurrences only)
    bool has_list = false;
};

const std::vector<std::string> kOccurrenceKeys = {"schedule", "event", "start", "end",
                                                  "required", "fulfilled_by", "status"};
const std::vector<std::string> kItemKeys = {"checklist", "item", "owner", "due", "status",
                                            "overdue", "raised_in", "closed_in"};

bool included(const model::Site& site, const model::Page& p) { return !p.draft || site.config.drafts; }

// Pages of one kind that the report shows, by id.
template <class T> std::vector<int> pages_by_id(const model::Site& site) {
    std::vector<int> out;
    for (size_t i = 0; i < site.pages.size(); ++i)
        if (site.pages[i].as<T>() && included(site, site.pages[i])) out.push_back(static_cast<int>(i));
    std::sort(out.begin(), out.end(), [&](int a, int b) {
        const auto& ia = site.pages[static_cast<size_t>(a)].id;
        const auto& ib = site.pages[static_cast<size_t>(b)].id;
        return ia != ib ? ia < ib : a < b;
    });
    return out;
}

// A reference as an id: the resolved page's id (+ "#anchor"), else as written.
std::string ref_id(const model::Site& site, const model::Ref& ref) {
    if (!ref.resolved()) return ref.text;
    std::string id = site.pages[static_cast<size_t>(ref.page)].id;
    return ref.anchor.empty() ? id : id + "#" + ref.anchor;
}

Cell opt_ref(const model::Site& site, const std::optional<model::Ref>& ref) {
    return ref ? Cell::str(ref_id(site, *ref)) : Cell::null();
}

std::vector<Row> occurrence_rows(const model::Site& site) {
    std::vector<Row> rows;
    for (int p : pages_by_id<model::Schedule>(site)) {
        const auto& page = site.pages[static_cast<size_t>(p)];
        const auto& sched = *page.as<model::Schedule>();
        // compute() keeps occurrences in event order, then start; sort anyway
        // so the report never depends on how they were filled.
        std::vector<const model::Occurrence*> occs;
        for (const auto& o : sched.occurrences) occs.push_back(&o);
        std::stable_sort(occs.begin(), occs.end(), [](const model::Occurrence* a, const model::Occurrence* b) {
            if (a->event != b->event) return a->event < b->event;
            return a->start != b->start ? a->start < b->start : a->end < b->end;
        });
        for (const auto* o : occs) {
            Row r;
            const auto& ev = sched.events.at(static_cast<size_t>(o->event));
            r.cells = {Cell::str(page.id), Cell::str(ev.id), Cell::str(o->start.iso()), Cell::str(o->end.iso()),
                       Cell::lit(std::to_string(o->required)), Cell::null(), Cell::str(status_code(o->status))};
            r.has_list = true;
            for (int m : o->fulfilled_by) r.list.push_back(site.pages[static_cast<size_t>(m)].id);
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::vector<Row> item_rows(const model::Site& site) {
    std::vector<Row> rows;
    for (int p : pages_by_id<model::Checklist>(site)) {
        const auto& page = site.pages[static_cast<size_t>(p)];
        for (const auto& item : page.as<model::Checklist>()->items) {
            Row r;
            r.cells = {Cell::str(page.id),
                       Cell::str(item.id),
                       Cell::opt(item.owner),
                       item.due ? Cell::str(item.due->iso()) : Cell::null(),
                       Cell::str(item_status_code(item.status)),
                       Cell::lit(item.overdue ? "true" : "false"),
                       opt_ref(site, item.raised_in),
                       opt_ref(site, item.closed_in)};
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::string json_cell(const Cell& c) {
    switch (c.type) {
        case Cell::Type::Null: return "null";
        case Cell::Type::String: return json_string(c.text);
        case Cell::Type::Literal: return c.text;
    }
    return "null";
}

std::string json_row(const std::vector<std::string>& keys, const Row& row) {
    std::string s = "{";
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i) s += ", ";
        s += json_string(keys[i]) + ": ";
        if (row.has_list && keys[i] == "fulfilled_by") {
            s += "[";
            for (size_t j = 0; j < row.list.size(); ++j) s += (j ? ", " : "") + json_string(row.list[j]);
            s += "]";
        } else {
            s += json_cell(row.cells[i]);
        }
    }
    return s + "}";
}

std::string json_array(const std::vector<std::string>& keys, const std::vector<Row>& rows) {
    if (rows.empty()) return "[]";
    std::string s = "[\n";
    for (size_t i = 0; i < rows.size(); ++i) s += "  " + json_row(keys, rows[i]) + (i + 1 < rows.size() ? ",\n" : "\n");
    return s + " ]";
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of("\",\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_table(const std::vector<std::string>& keys, const std::vector<Row>& rows) {
    std::string s = "\xEF\xBB\xBF";  // BOM: Excel and WPS then read UTF-8
    auto line = [&](const std::vector<std::string>& fields) {
        for (size_t i = 0; i < fields.size(); ++i) s += (i ? "," : "") + csv_field(fields[i]);
        s += "\r\n";
    };
    line(keys);
    for (const auto& row : rows) {
        std::vector<std::string> fields;
        for (size_t i = 0; i < keys.size(); ++i) {
            if (row.has_list && keys[i] == "fulfilled_by") {
                std::string joined;
                for (size_t j = 0; j < row.list.size(); ++j) joined += (j ? ";" : "") + row.list[j];
                fields.push_back(joined);
            } else {
                fields.push_back(row.cells[i].text);
            }
        }
        line(fields);
    }
    return s;
}

}  // namespace

std::string json_string(std::string_view s) {
    std::string out = "\"";
    out.reserve(s.size() + 2);
    for (size_t i = 0; i < s.size(); ++i) {
        // Copy runs that need no escaping in one go.
        size_t run = i;
        while (run < s.size() && static_cast<unsigned char>(s[run]) >= 0x20 && s[run] != '"' && s[run] != '\\' &&
               s[run] != 0x7f && static_cast<unsigned char>(s[run]) != 0xE2)
            ++run;
        if (run > i) {
            out.append(s.substr(i, run - i));
            i = run - 1;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string report_json(const model::Site& site) {
    return "{\"as_of\": " + json_string(site.as_of.iso()) + ",\n \"occurrences\": " +
           json_array(kOccurrenceKeys, occurrence_rows(site)) + ",\n \"items\": " +
           json_array(kItemKeys, item_rows(site)) + "}\n";
}

std::string report_csv(const model::Site& site, ReportWhat what) {
    return what == ReportWhat::Occurrences ? csv_table(kOccurrenceKeys, occurrence_rows(site))
                                           : csv_table(kItemKeys, item_rows(site));
}

}  // namespace chuxin::schedule
