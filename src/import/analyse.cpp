// Title, date, minutes header and kind of a document (issue 13 §2, §3).
#include <algorithm>

#include "core/utf8.h"
#include "import/convert.h"
#include "import/outline.h"

namespace chuxin::import {

namespace {

std::string trimmed(const std::string& text) {
    std::u32string s = utf8::decode(text);
    auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'\n'; };
    size_t b = 0, e = s.size();
    while (b < e && blank(s[b])) ++b;
    while (e > b && blank(s[e - 1])) --e;
    return utf8::encode(s.substr(b, e - b));
}

const Paragraph* paragraph_at(const DocxDocument& doc, size_t i) { return std::get_if<Paragraph>(&doc.blocks[i]); }

bool empty_paragraph(const DocxDocument& doc, size_t i) {
    const Paragraph* p = paragraph_at(doc, i);
    if (!p) return false;
    if (std::any_of(p->runs.begin(), p->runs.end(), [](const Run& r) { return !r.image.empty() || !r.footnote.empty(); }))
        return false;
    return trimmed(p->text()).empty();
}

size_t next_nonempty(const DocxDocument& doc, size_t i) {
    while (i < doc.blocks.size() && empty_paragraph(doc, i)) ++i;
    return i;
}

// The large centred first paragraph of 公文, or one styled Title / 标题.
bool looks_like_title(const Paragraph& p, int body_size) {
    const std::string text = trimmed(p.text());
    if (text.empty() || utf8::length(text) > 80) return false;
    if (outline_number(text).level) return false;
    std::string style = utf8::ascii_lower(p.style_name);
    if (style == "title" || style == "标题" || heading_level_of_style(p.style_name) == 1) return true;
    if (p.centered) return true;
    return body_size > 0 && p.size_half_points > body_size;
}

// A plain first paragraph that reads as a title: short, no sentence, not a
// date or a header line, and more text after it.
bool plain_title(const Paragraph& p) {
    const std::string text = trimmed(p.text());
    if (!heading_like(text) || outline_number(text).level || is_date_line(text)) return false;
    auto lv = split_label(text);
    return !(lv && header_field(lv->label) != HeaderField::None);
}

// Splits "时间：…　　地点：…" (two fields typed on one line, spaced apart)
// into its label/value parts; nullopt unless every part is a header line.
std::optional<std::vector<LabelValue>> header_parts(const std::string& line) {
    std::u32string s = utf8::decode(line);
    std::vector<std::u32string> parts;
    std::u32string part;
    int spaces = 0;
    for (char32_t c : s) {
        bool blank = c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0';
        if (blank) {
            spaces += c == U'\u3000' || c == U'\t' ? 2 : 1;
            part += c;
            continue;
        }
        if (spaces >= 2 && !part.empty()) {
            parts.push_back(part);
            part.clear();
        }
        spaces = 0;
        part += c;
    }
    if (!part.empty()) parts.push_back(part);
    // Glue back parts that do not start with a known label (a value with spaces).
    std::vector<LabelValue> out;
    for (const auto& p : parts) {
        auto lv = split_label(utf8::encode(p));
        if (lv && header_field(lv->label) != HeaderField::None) {
            out.push_back(*lv);
        } else if (!out.empty()) {
            out.back().value += " " + trimmed(utf8::encode(p));
        } else {
            return std::nullopt;
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

// The label/value pairs of a header table: cells "时间" | "…" side by side,
// or cells "时间：…"; nullopt when a row holds anything else.
std::optional<std::vector<LabelValue>> header_table(const Table& t) {
    std::vector<LabelValue> out;
    for (const auto& row : t.rows) {
        for (size_t c = 0; c < row.size(); ++c) {
            std::string text = trimmed(row[c].text());
            if (text.empty()) continue;
            if (auto parts = header_parts(text)) {
                out.insert(out.end(), parts->begin(), parts->end());
                continue;
            }
            std::string label = text;
            label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
            if (header_field(label) == HeaderField::None) return std::nullopt;
            std::string value = c + 1 < row.size() ? trimmed(row[c + 1].text()) : "";
            out.push_back({label, value});
            ++c;
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::string label_list(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : "、") + l;
    return out;
}

bool title_has(const std::string& title, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return title.find(w) != std::string::npos; });
}

}  // namespace

Analysis analyse(const DocxDocument& doc) {
    Analysis a;
    size_t i = next_nonempty(doc, 0);
    // 1. Title.
    if (i < doc.blocks.size()) {
        const Paragraph* p = paragraph_at(doc, i);
        const bool more = next_nonempty(doc, i + 1) < doc.blocks.size();
        if (p && (looks_like_title(*p, doc.body_size_half_points) || (more && plain_title(*p)))) {
            a.title = trimmed(p->text());
            // A second centred line (a subtitle, ——在…上的讲话) stays in the text.
            a.consumed.push_back(i);
            i = next_nonempty(doc, i + 1);
        }
    }
    // 2. A date line under the title.
    if (i < doc.blocks.size()) {
        const Paragraph* p = paragraph_at(doc, i);
        if (p && is_date_line(trimmed(p->text()))) {
            a.date = find_date(p->text());
            a.consumed.push_back(i);
            i = next_nonempty(doc, i + 1);
        }
    }
    // 3. The minutes header: lines (or one table) of label：value.
    std::vector<std::string> labels;
    const size_t before_header = a.consumed.size();
    auto take = [&](const std::vector<LabelValue>& parts) {
        for (const auto& lv : parts) {
            if (apply_header_line(lv, a.header)) labels.push_back(lv.label);
            else a.kept_header_lines.push_back(lv.label + "：" + lv.value);
        }
    };
    while (i < doc.blocks.size()) {
        if (const Paragraph* p = paragraph_at(doc, i)) {
            auto parts = header_parts(trimmed(p->text()));
            if (!parts) break;
            take(*parts);
        } else {
            auto parts = header_table(std::get<Table>(doc.blocks[i]));
            if (!parts) break;
            take(*parts);
        }
        a.consumed.push_back(i);
        i = next_nonempty(doc, i + 1);
    }
    if (a.header.recognised == 0) {
        // Not a header after all (only 主题：… say): nothing of it is taken.
        a.consumed.resize(before_header);
        a.kept_header_lines.clear();
        a.header = MinutesHeader{};
    }
    if (a.header.date && !a.date) a.date = a.header.date;
    // 4. The 落款 date: a date line among the last paragraphs (kept in the body).
    if (!a.date) {
        int seen = 0;
        for (size_t j = doc.blocks.size(); j-- > 0 && seen < 4;) {
            const Paragraph* p = paragraph_at(doc, j);
            if (!p || empty_paragraph(doc, j)) continue;
            ++seen;
            if (is_date_line(trimmed(p->text()))) {
                a.date = find_date(p->text());
                break;
            }
        }
    }
    if (a.header.meeting.empty()) a.header.meeting = meeting_in(a.title);
    // 5. The kind.
    if (a.header.recognised >= 2) {
        a.guessed = ImportKind::Minutes;
        a.guess_reason = "it has a minutes header (" + label_list(labels) + ")";
    } else if (title_has(a.title, {"通知", "通报", "公告", "决定", "方案", "意见"})) {
        // Before the meeting names: 关于开展主题党日活动的通知 is a notice.
        a.guessed = ImportKind::Notice;
        a.guess_reason = "its title names a notice (通知, 通报, 方案 …)";
    } else if (title_has(a.title, {"整改清单", "问题清单", "整改台账", "问题台账", "整改落实清单"})) {
        // Before the meeting names: 组织生活会检视问题整改清单 is a checklist.
        a.guessed = ImportKind::Checklist;
        a.guess_reason = "its title names a checklist (整改清单, 问题清单, 台账)";
    } else if (title_has(a.title, {"自学内容清单", "学习书目", "学习清单", "必读书目", "学习篇目"})) {
        a.guessed = ImportKind::StudyList;
        a.guess_reason = "its title names a study list (自学内容清单, 学习书目)";
    } else if (title_has(a.title, {"会议记录", "会议纪要", "活动记录"}) || !meeting_in(a.title).empty()) {
        a.guessed = ImportKind::Minutes;
        a.guess_reason = "its title names a meeting";
    } else if (title_has(a.title, {"案例", "典型", "事迹", "警示", "先进", "榜样", "楷模"})) {
        a.guessed = ImportKind::Case;
        a.guess_reason = "its title names a case (案例, 典型, 事迹, 警示 …)";
    } else {
        a.guessed = ImportKind::Page;
        a.guess_reason = "nothing in it marks minutes, a case or a notice";
    }
    return a;
}

}  // namespace chuxin::import
