#include "import/slug.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace chuxin::import {

std::string clean_slug(std::string_view text) {
    std::string out;
    bool dash = false;
    for (char c : text) {
        char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += l;
        } else {
            dash = true;
        }
        if (out.size() >= 60) break;
    }
    return out;
}

std::string_view meeting_pinyin(std::string_view meeting) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kPinyin = {{
        {"主题党日", "zhutidangri"},     {"支部党员大会", "dangyuandahui"}, {"支部委员会", "zhiweihui"},
        {"党小组会", "dangxiaozuhui"},   {"党课", "dangke"},                {"民主生活会", "shenghuohui"},
        {"组织生活会", "zuzhishenghuohui"}, {"中心组学习", "zhongxinzu"},
    }};
    for (const auto& [word, pinyin] : kPinyin)
        if (meeting == word) return pinyin;
    return "huiyi";
}

namespace {

std::string_view kind_word(ImportKind kind) {
    switch (kind) {
        case ImportKind::Minutes: return "huiyi";
        case ImportKind::Case: return "anli";
        case ImportKind::Notice: return "tongzhi";
        case ImportKind::StudyList: return "xuexi";
        case ImportKind::Checklist: return "qingdan";
        case ImportKind::Page: break;
    }
    return "wendang";
}

// FNV-1a, 32 bits: the same title gives the same name on every machine.
std::string title_hash(const std::string& title) {
    uint32_t h = 2166136261u;
    for (unsigned char c : title) h = (h ^ c) * 16777619u;
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", h);
    return buf;
}

}  // namespace

std::string slug_for(ImportKind kind, const std::optional<Date>& date, const std::string& meeting,
                     const std::string& title, const std::string& source_stem) {
    if (kind == ImportKind::Minutes && date) return date->iso() + "-" + std::string(meeting_pinyin(meeting));
    // An ASCII file name is the writer's own choice: keep it (when it is one
    // whole ASCII name, not a few letters out of a Chinese one).
    bool ascii = !source_stem.empty();
    for (unsigned char c : source_stem) ascii = ascii && c < 0x80;
    std::string cleaned = ascii ? clean_slug(source_stem) : "";
    if (!cleaned.empty()) return cleaned;
    if (date) return date->iso() + "-" + std::string(kind_word(kind));
    return std::string(kind_word(kind)) + "-" + title_hash(title);
}

}  // namespace chuxin::import
