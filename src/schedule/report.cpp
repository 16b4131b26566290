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
           json_array(report_sheet(site, ReportWhat::Occurrences, ReportColumns::Ids)) + ",\n \"items\": " +
           json_array(report_sheet(site, ReportWhat::Items, ReportColumns::Ids)) + "}\n";
}

std::string report_csv(const model::Site& site, ReportWhat what, ReportColumns columns) {
    return csv_table(report_sheet(site, what, columns));
}

}  // namespace chuxin::schedule
