#include "schedule/report.h"

#include <cstdio>

namespace chuxin::schedule {
namespace {

std::string json_cell(const ReportCell& c) {
    switch (c.kind) {
        case ReportCell::Kind::Empty: return "null";
        case ReportCell::Kind::Text: return json_string(c.text);
        case ReportCell::Kind::Date: return json_string(c.date.iso());
        case ReportCell::Kind::Number:
        case ReportCell::Kind::Bool: return c.plain();
        case ReportCell::Kind::List: {
            std::string s = "[";
            for (size_t j = 0; j < c.items.size(); ++j) s += (j ? ", " : "") + json_string(c.items[j]);
            return s + "]";
        }
    }
    return "null";
}

// `keys`: the headers already written as `"key": `.
void json_row(std::string& out, const std::vector<std::string>& keys, const ReportRow& row) {
    out += "{";
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i) out += ", ";
        out += keys[i];
        out += json_cell(row.cells[i]);
    }
    out += "}";
}

std::string json_array(const ReportSheet& sheet) {
    if (sheet.rows.empty()) return "[]";
    std::vector<std::string> keys;
    for (const auto& h : sheet.headers) keys.push_back(json_string(h) + ": ");
    std::string s = "[\n";
    for (size_t i = 0; i < sheet.rows.size(); ++i) {
        s += "  ";
        json_row(s, keys, sheet.rows[i]);
        s += i + 1 < sheet.rows.size() ? ",\n" : "\n";
    }
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

std::string csv_table(const ReportSheet& sheet) {
    std::string s = "\xEF\xBB\xBF";  // BOM: Excel and WPS then read UTF-8
    auto line = [&](const auto& fields, auto text) {
        for (size_t i = 0; i < fields.size(); ++i) s += (i ? "," : "") + csv_field(text(fields[i]));
        s += "\r\n";
    };
    line(sheet.headers, [](const std::string& h) { return h; });
    for (const auto& row : sheet.rows) line(row.cells, [](const ReportCell& c) { return c.plain(); });
    return s;
}

}  // namespace

std::string report_json(const model::Site& site) {
    return "{\"as_of\": " + json_string(site.as_of.iso()) + ",\n \"occurrences\": " +
           json_array(report_sheet(site, ReportWhat::Occurrences, ReportColumns::Ids)) + ",\n \"items\": " +
           json_array(report_sheet(site, ReportWhat::Items, ReportColumns::Ids)) + "}\n";
}

std::string report_csv(const model::Site& site, ReportWhat what, ReportColumns columns) {
    return csv_table(report_sheet(site, what, columns));
}

}  // namespace chuxin::schedule
