#pragma once
// The theme's UI strings in zh-CN and en (site.yaml `language`). Templates see
// them as `ui_<key>` fields; the view builders use them for pre-formatted text.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/language.h"

namespace chuxin::html {


// "4", "1.5": hours and counts without trailing zeros.
std::string format_number(double v);
// Date::iso() ("2026-03-03") without snprintf: it is formatted for every list
// entry and page (same bytes for every date).
std::string iso_date(const Date& d);

class Ui {
public:
    explicit Ui(Lang lang);
    Lang lang() const { return lang_; }
    // The string for `key`; the key itself if the table lacks it (visible, never empty).
    std::string operator()(std::string_view key) const;
    // Every key, for the template globals (`ui_<key>`).
    struct Entry {
        const char* key;
        const char* zh;
        const char* en;
    };
    static const std::vector<Entry>& table();

    std::string date(const Date& d) const;          // 2026年3月3日 | 2026-03-03
    std::string month_label(int year, int month) const;   // 2026年3月 | March 2026
    std::string hours(double h) const;                     // "4" / "1.5" + unit
    std::string count(int n, std::string_view unit_key) const;

private:
    Lang lang_;
    std::unordered_map<std::string_view, const char*> strings_;  // key → text in lang_
};

}  // namespace chuxin::html
