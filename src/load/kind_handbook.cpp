// handbook (a print PDF built from other content): content-format §3, §8.
// Globs in `include` are resolved after all pages are loaded (handbook_include.h).
#include "load/kind_gongwen.h"
#include "load/kinds.h"

namespace chuxin::load {
namespace {

const std::vector<std::string> kPartKeys = entry_keys(model::Kind::Handbook).second;

const std::vector<Choice<model::Paper>>& papers() {
    using P = model::Paper;
    static const std::vector<Choice<P>> choices = {
        {"A4", P::A4}, {"A5", P::A5}, {"B5", P::B5}, {"16K", P::K16}, {"32K", P::K32},
        {"16开", P::K16}, {"32开", P::K32},
    };
    return choices;
}

const std::vector<Choice<model::BookStyle>>& styles() {
    using S = model::BookStyle;
    static const std::vector<Choice<S>> choices = {
        {"handbook", S::Handbook}, {"gbt9704", S::Gbt9704}, {"GB/T 9704", S::Gbt9704},
        {"手册", S::Handbook},     {"公文", S::Gbt9704},
    };
    return choices;
}

const std::vector<Choice<model::ChapterOpening>>& openings() {
    using O = model::ChapterOpening;
    static const std::vector<Choice<O>> choices = {
        {"new-page", O::NewPage}, {"right-page", O::RightPage}, {"另页", O::NewPage}, {"右页", O::RightPage},
    };
    return choices;
}

// A part's `items:` — a list of ids/globs, or one.
void read_part_items(const Fields& part, model::HandbookPart& out) {
    const Field* f = part.get("items", Need::Required);
    if (!f) return;
    std::vector<std::pair<YamlNode, SourcePos>> values;
    if (f->value.is_sequence()) {
        for (const auto& n : f->value) values.emplace_back(n, part.pos(n));
    } else {
        values.emplace_back(f->value, part.value_pos(*f));
    }
    for (const auto& [node, pos] : values) {
        auto text = part.as_text(node, pos, "an entry of 'items'");
        if (!text || trim(*text).empty()) continue;
        out.items.push_back(trim(*text));
        out.item_pos.push_back(pos);
    }
    if (out.items.empty() && f->value.is_sequence())
        part.diags().warning(part.value_pos(*f), "part '" + out.title + "' includes nothing");
}

// A 公文's `include` (its 附件) may be absent; a book's may not.
void read_include(const Fields& f, model::Handbook& book, Need need) {
    const Field* field = f.get("include", need);
    if (!field) return;
    // `include: "cases/*"` (one text) is a list of one.
    std::vector<YamlNode> entries = field->value.is_scalar() ? std::vector<YamlNode>{field->value}
                                                               : f.list("include");
    model::HandbookPart* loose = nullptr;  // consecutive bare ids share one untitled part
    for (const YamlNode& node : entries) {
        SourcePos pos = f.pos(node);
        if (node.is_scalar()) {
            if (!loose) {
                book.include.push_back({});
                loose = &book.include.back();
                loose->pos = pos;
            }
            if (std::string item = trim(node.scalar()); !item.empty()) {
                loose->items.push_back(item);
                loose->item_pos.push_back(pos);
            }
            continue;
        }
        loose = nullptr;
        if (!node.is_map()) {
            f.diags().error(pos, "an entry of 'include' should be a page id, a glob or {part, items}, not " +
                                     describe(node),
                            "e.g.\n          - part: 第一部分 学习计划\n            items: [schedules/2026]");
            continue;
        }
        Fields part(node, f.source(), f.diags(), pos, "in each part of 'include'");
        part.reject_unknown(kPartKeys);
        model::HandbookPart p;
        p.pos = pos;
        // No `part:` — chapters without a part page, like bare ids (docs/handbook.md).
        if (auto t = part.text("part", Need::Optional)) p.title = trim(*t);
        read_part_items(part, p);
        book.include.push_back(std::move(p));
    }
}

}  // namespace

void read_handbook(const Fields& f, model::Page& page) {
    model::Handbook book;
    if (auto s = f.text("subtitle")) book.subtitle = trim(*s);
    if (auto e = f.text("edition")) book.edition = trim(*e);
    auto paper = f.choice("paper", papers());
    if (auto style = f.choice("style", styles())) book.style = *style;
    if (book.style == model::BookStyle::Gbt9704) {
        // GB/T 9704-2012 fixes the page: A4 (§3 of the spec, research/anchors.md §4).
        if (paper && *paper != model::Paper::A4)
            f.diags().warning(f.value_pos(*f.find("paper")), "style gbt9704 prints on A4; this paper is ignored",
                              "remove 'paper:' or choose style: handbook");
        book.paper = model::Paper::A4;
    } else if (paper) {
        book.paper = *paper;
    }
    if (auto depth = f.integer("toc_depth", Need::Optional, 0, 6)) book.toc_depth = static_cast<int>(*depth);
    if (auto opening = f.choice("chapter_start", openings())) book.chapter_start = *opening;
    // Print shops ask for 3 mm (some 5) beyond the trim where ink reaches the edge.
    if (auto bleed = f.integer("bleed", Need::Optional, 0, 10)) book.bleed_mm = static_cast<int>(*bleed);
    const bool gongwen = book.style == model::BookStyle::Gbt9704;
    if (gongwen) read_gongwen(f, book.gongwen);
    else reject_gongwen_fields(f);
    read_include(f, book, gongwen ? Need::Optional : Need::Required);
    page.data = std::move(book);
}

}  // namespace chuxin::load
