#include "load/names.h"

namespace chuxin::load {
namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

std::string bad_char(std::string_view s, std::string_view forbidden) {
    for (char c : s) {
        if (is_control(static_cast<unsigned char>(c))) return "it contains a control character";
        if (forbidden.find(c) != std::string_view::npos) return std::string("it contains '") + c + "'";
    }
    return {};
}

}  // namespace

std::string segment_problem(std::string_view s) {
    if (s.empty()) return "it is empty";
    if (s == "." || s == "..") return "'" + std::string(s) + "' is not a name";
    if (s.front() == ' ' || s.back() == ' ') return "it starts or ends with a space";
    return bad_char(s, "/\\?#%:*\"<>|");
}

std::string id_problem(std::string_view s) {
    if (s.empty()) return "it is empty";
    if (s.front() == '/' || s.back() == '/') return "it starts or ends with '/'";
    size_t begin = 0;
    while (begin <= s.size()) {
        size_t end = s.find('/', begin);
        if (end == std::string_view::npos) end = s.size();
        std::string_view seg = s.substr(begin, end - begin);
        if (seg.empty()) return "it contains '//'";
        if (seg == "." || seg == "..") return "it contains '" + std::string(seg) + "'";
        begin = end + 1;
    }
    return bad_char(s, " #\\?");
}

std::string anchor_problem(std::string_view s) {
    if (s.empty()) return "it is empty";
    return bad_char(s, " #/\\?");
}

}  // namespace chuxin::load
