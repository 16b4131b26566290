// The 公文 fields of a handbook with `style: gbt9704` (GB/T 9704-2012 §7;
// docs/handbook.md "A 公文"). Each bad value is an error at its place, with
// the form the standard asks for as the hint.
#include "load/kind_gongwen.h"

#include <algorithm>

#include "core/utf8.h"

namespace chuxin::load {
namespace {

const char* const kGongwenKeys[] = {"issuer",      "doc_number", "recipients",   "cc",
                                    "signer",      "secret_level", "copy_number", "signed_date",
                                    "printed_by",  "printed_date", "note"};

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Why `text` is not a 发文字号 "机关代字〔年份〕序号号" (§7.2.4), or "".
std::string doc_number_problem(const std::u32string& t) {
    const size_t open = t.find(U'〔');
    const size_t close = t.find(U'〕');
    if (open == std::u32string::npos || close == std::u32string::npos || close < open) {
        for (char32_t c : {U'[', U'【', U'（', U'(', U'［', U'〈'})
            if (t.find(c) != std::u32string::npos) return "the year is put in 六角括号 〔〕, not " + utf8::encode(std::u32string(1, c));
        return "a 发文字号 is 机关代字, the year in 〔〕 and the number with 号";
    }
    if (open == 0) return "the 机关代字 comes before the year";
    const std::u32string year = t.substr(open + 1, close - open - 1);
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), is_digit))
        return "the year is written in full in Arabic numerals (2026, not 26)";
    std::u32string rest = t.substr(close + 1);
    if (rest.empty() || rest.back() != U'号') return "the number ends with 号";
    rest.pop_back();
    if (!rest.empty() && rest.front() == U'第') return "the number takes no 第";
    if (rest.empty() || !std::all_of(rest.begin(), rest.end(), is_digit))
        return "the number is written in Arabic numerals";
    if (rest.size() > 1 && rest.front() == U'0') return "the number has no leading zeros (1, not 01)";
    return "";
}

void read_doc_number(const Fields& f, model::Gongwen& g) {
    auto text = f.text("doc_number");
    if (!text) return;
    const std::string t = trim(*text);
    if (const std::string why = doc_number_problem(utf8::decode(t)); !why.empty()) {
        f.diags().error(f.value_pos(*f.find("doc_number")), "'doc_number' is not a 发文字号: " + why,
                        "GB/T 9704 §7.2.4, e.g. doc_number: 示办发〔2026〕12号");
        return;
    }
    g.doc_number = t;
}

// 秘密 / 机密 / 绝密, optionally ★ and the period ("机密★1年").
void read_secret_level(const Fields& f, model::Gongwen& g) {
    auto text = f.text("secret_level");
    if (!text) return;
    const std::string t = trim(*text);
    const std::u32string u = utf8::decode(t);
    const std::u32string level = u.substr(0, 2);
    const bool known = level == U"秘密" || level == U"机密" || level == U"绝密";
    const bool period_ok = u.size() == 2 || (u.size() > 3 && u[2] == U'★');
    if (!known || !period_ok) {
        f.diags().error(f.value_pos(*f.find("secret_level")),
                        "'secret_level' should be 秘密, 机密 or 绝密, optionally with ★ and the period, not '" + t + "'",
                        "GB/T 9704 §7.2.2, e.g. secret_level: 机密★1年");
        return;
    }
    g.secret_level = t;
}

std::string without_colon(std::string s) {
    for (const char* colon : {"：", ":"})
        if (s.size() >= std::char_traits<char>::length(colon) &&
            s.compare(s.size() - std::char_traits<char>::length(colon), std::string::npos, colon) == 0)
            s.erase(s.size() - std::char_traits<char>::length(colon));
    return trim(s);
}

std::vector<std::string> trimmed(std::vector<std::string> list) {
    std::vector<std::string> out;
    for (std::string& s : list)
        if (std::string t = trim(s); !t.empty()) out.push_back(std::move(t));
    return out;
}

}  // namespace

void read_gongwen(const Fields& f, model::Gongwen& g) {
    if (auto t = f.text("issuer")) g.issuer = trim(*t);
    read_doc_number(f, g);
    if (auto t = f.text("recipients")) g.recipients = without_colon(trim(*t));
    g.cc = trimmed(f.texts("cc"));
    g.signer = trimmed(f.texts("signer"));
    read_secret_level(f, g);
    // §7.2.1: 份号 is 6 Arabic digits (000001).
    if (auto n = f.integer("copy_number", Need::Optional, 1, 999999)) g.copy_number = *n;
    if (auto d = f.date("signed_date")) g.signed_date = *d;
    if (auto t = f.text("printed_by")) g.printed_by = trim(*t);
    if (auto d = f.date("printed_date")) g.printed_date = *d;
    if (auto t = f.text("note")) g.note = trim(*t);
    if (!g.printed_by.empty() && !g.printed_date)
        f.diags().warning(f.value_pos(*f.find("printed_by")), "'printed_by' without 'printed_date': the 版记 shows no 印发日期",
                          "add printed_date: 2026-03-12 (GB/T 9704 §7.4.3)");
}

void reject_gongwen_fields(const Fields& f) {
    for (const char* key : kGongwenKeys)
        if (const Field* field = f.find(key))
            f.diags().warning(f.key_pos(*field), std::string("'") + key + "' is printed only by style: gbt9704",
                              "add style: gbt9704 to print a 公文, or remove the field");
}

}  // namespace chuxin::load
