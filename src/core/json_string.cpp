#include "core/json_string.h"

#include <cstdio>

namespace chuxin {

namespace {

bool plain(unsigned char c, JsonIn in) {
    return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xE2 && !(in == JsonIn::Script && c == '<');
}

}  // namespace

void append_json_string(std::string& out, std::string_view s, JsonIn in) {
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        // Copy runs that need no escaping in one go.
        size_t run = i;
        while (run < s.size() && plain(static_cast<unsigned char>(s[run]), in)) ++run;
        if (run > i) {
            out.append(s.substr(i, run - i));
            i = run - 1;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '<': out += "\\u003c"; break;  // JsonIn::Script only (plain() lets it through otherwise)
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
    out += '"';
}

std::string json_string(std::string_view s, JsonIn in) {
    std::string out;
    out.reserve(s.size() + 2);
    append_json_string(out, s, in);
    return out;
}

}  // namespace chuxin
