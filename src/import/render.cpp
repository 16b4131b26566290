// A DocxDocument with its Analysis → front matter + GFM Markdown (issue 13 §2–§4).
#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"
#include "import/convert.h"
#include "import/front_matter_writer.h"
#include "import/inline.h"
#include "import/outline.h"
#include "import/table_items.h"

namespace chuxin::import {

namespace {

struct KindRow {
    ImportKind kind;
    std::string_view name, type, folder;
};
constexpr KindRow kImportKinds[] = {
    {ImportKind::Page, "page", "page", "pages"},
    {ImportKind::Notice, "notice", "page", "notices"},
    {ImportKind::Minutes, "minutes", "minutes", "minutes"},
    {ImportKind::Case, "case", "case", "cases"},
    {ImportKind::StudyList, "studylist", "studylist", "studylists"},
    {ImportKind::Checklist, "checklist", "checklist", "checklists"},
};

const KindRow& row_of(ImportKind k) {
    for (const auto& r : kImportKinds)
        if (r.kind == k) return r;
    return kImportKinds[0];
}

std::string extension_of(const std::string& name) {
    size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? "bin" : utf8::ascii_lower(name.substr(dot + 1));
    return ext == "jpeg" ? "jpg" : ext;
}

// The body being written: blocks separated by blank lines, with the line
// each block starts on (for notes).
struct Body {
    std::vector<std::string> blocks;
    std::vector<ConvertNote> notes;  // lines relative to the body's first line
    int line = 1;

    void add(std::string block, std::vector<ConvertNote> block_notes = {}) {
        if (block.empty()) return;
        for (auto& n : block_notes) {
            n.line += line - 1;
            notes.push_back(std::move(n));
        }
        line += static_cast<int>(std::count(block.begin(), block.end(), '\n')) + 2;
        blocks.push_back(std::move(block));
    }
};

class Writer {
public:
    Writer(const DocxDocument& doc, const std::string& image_stem) : doc_(doc), image_stem_(image_stem) {
        ctx_.footnote = [this](const std::string& id) { return footnote_ref(id); };
        ctx_.image = [this](const std::string& name) { return image_ref(name); };
    }

    void paragraph(const Paragraph& p, Body& body, int style_shift) {
        std::vector<Run> runs = p.runs;
        if (!p.number.empty()) {
            Run number;
            number.text = p.number;
            // Word puts a tab after "1." and "(1)"; a reader sees a space.
            if (!p.number.empty() && static_cast<unsigned char>(p.number.back()) < 0x80) number.text += " ";
            runs.insert(runs.begin(), number);
        }
        const std::string text = plain(runs);
        if (text.empty() && !has_object(runs)) return;
        if (p.bullet) {
            body.add("- " + render_runs(runs, ctx_, Emphasis::Keep));
            return;
        }
        const OutlineNumber n = outline_number(text);
        int style_level = heading_level_of_style(p.style_name);
        if (!style_level && p.outline_level >= 0 && p.outline_level < 9) style_level = p.outline_level + 1;
        if (style_level) style_level = std::max(1, style_level - style_shift);
        if (n.level) {
            if (heading_like(text)) {
                heading(n.level, runs, body);
            } else if (size_t split = run_on_split(text, n.length)) {
                // `split` counts in the trimmed text; the runs still hold the indentation.
                body.add(render_runs(runs, ctx_, Emphasis::Keep, leading_blank_bytes(runs) + split));
            } else {
                body.add(render_runs(runs, ctx_, Emphasis::Keep));
            }
            return;
        }
        if (style_level && heading_like(text)) {
            heading(style_level, runs, body);
            return;
        }
        body.add(render_runs(runs, ctx_, Emphasis::Keep));
    }

    void table(const Table& t, Body& body) {
        std::vector<ConvertNote> notes;
        size_t columns = 0;
        for (const auto& row : t.rows) {
            size_t n = 0;
            for (const auto& c : row) n += static_cast<size_t>(c.span);
            columns = std::max(columns, n);
        }
        if (columns == 0) return;
        std::vector<std::vector<std::string>> grid;
        bool merged_across = false, merged_down = false;
        for (const auto& row : t.rows) {
            std::vector<std::string> cells;
            for (const auto& c : row) {
                std::string text;
                if (c.continues_above && !grid.empty() && cells.size() < grid.back().size()) {
                    text = grid.back()[cells.size()];
                    merged_down = true;
                } else {
                    text = cell_markdown(c);
                }
                for (int s = 0; s < c.span; ++s) cells.push_back(text);
                if (c.span > 1) merged_across = true;
            }
            cells.resize(columns);
            grid.push_back(std::move(cells));
        }
        std::string out;
        for (size_t r = 0; r < grid.size(); ++r) {
            out += "|";
            for (const auto& cell : grid[r]) out += " " + cell + " |";
            if (r == 0) {
                out += "\n|";
                for (size_t c = 0; c < columns; ++c) out += "---|";
            }
            if (r + 1 < grid.size()) out += "\n";
        }
        if (merged_across || merged_down)
            notes.push_back({1,
                             "table " + std::to_string(t.index) + " had merged cells; their text is repeated in each cell " +
                                 std::string(merged_across && merged_down ? "across and down" : merged_across ? "across" : "down"),
                             "a Markdown table has no merged cells: check that the table still reads right"});
        body.add(out, notes);
    }

    std::string footnotes_section() {
        std::string out;
        for (size_t i = 0; i < footnote_order_.size(); ++i) {
            auto it = doc_.footnotes.find(footnote_order_[i]);
            std::string text;
            if (it != doc_.footnotes.end())
                for (const Paragraph& p : it->second) {
                    std::string t = render_runs(p.runs, ctx_, Emphasis::Keep);
                    if (t.empty()) continue;
                    text += (text.empty() ? "" : " ") + t;
                }
            std::replace(text.begin(), text.end(), '\n', ' ');
            out += (out.empty() ? "" : "\n") + std::string("[^") + std::to_string(i + 1) + "]: " + text;
        }
        return out;
    }

    std::vector<ImageFile> take_images() { return std::move(images_); }
    std::vector<ConvertNote> image_notes;

private:
    static std::string plain(const std::vector<Run>& runs) {
        std::string t;
        for (const Run& r : runs) t += r.text;
        // Spaces at the start (公文's 　　 indentation) do not count.
        std::u32string s = utf8::decode(t);
        size_t b = 0, e = s.size();
        auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'\n'; };
        while (b < e && blank(s[b])) ++b;
        while (e > b && blank(s[e - 1])) --e;
        return utf8::encode(s.substr(b, e - b));
    }

    // Bytes of blank before the text starts (plain() trimmed them).
    static size_t leading_blank_bytes(const std::vector<Run>& runs) {
        std::string t;
        for (const Run& r : runs) t += r.text;
        size_t i = 0;
        while (i < t.size()) {
            size_t j = i;
            char32_t c = utf8::next(t, j);
            if (c != U' ' && c != U'\t' && c != U'\u3000' && c != U'\u00A0' && c != U'\n') break;
            i = j;
        }
        return i;
    }

    static bool has_object(const std::vector<Run>& runs) {
        return std::any_of(runs.begin(), runs.end(), [](const Run& r) { return !r.image.empty() || !r.footnote.empty(); });
    }

    void heading(int level, const std::vector<Run>& runs, Body& body) {
        std::string text = render_runs(runs, ctx_, Emphasis::Drop);
        std::replace(text.begin(), text.end(), '\n', ' ');
        // A heading's text must not end in #s (ATX closing sequence) or start a block.
        size_t hashes = text.size();
        while (hashes > 0 && text[hashes - 1] == '#') --hashes;
        if (hashes < text.size()) text.insert(hashes, "\\");
        // The hard break "\\\n" became "\\ ": drop the backslash.
        for (size_t at; (at = text.find("\\ ")) != std::string::npos;) text.erase(at, 1);
        // Not at a line's start: "2\\. 交流研讨" needs no escape after "#### ".
        if (text.size() > 1 && text[0] == '\\' && std::string_view("#+-=>").find(text[1]) != std::string_view::npos)
            text.erase(0, 1);
        size_t digits = 0;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits > 0 && (text.compare(digits, 2, "\\.") == 0 || text.compare(digits, 2, "\\)") == 0)) text.erase(digits, 1);
        body.add(std::string(static_cast<size_t>(std::min(level + 1, 6)), '#') + " " + text);
    }

    std::string cell_markdown(const Cell& c) {
        std::string out;
        for (const Paragraph& p : c.paragraphs) {
            std::vector<Run> runs = p.runs;
            if (!p.number.empty()) runs.insert(runs.begin(), Run{p.number, false, false, "", "", ""});
            std::string t = render_runs(runs, ctx_, Emphasis::Keep);
            if (t.empty()) continue;
            out += (out.empty() ? "" : " ") + t;
        }
        // A line break in a cell would end the row.
        for (size_t at; (at = out.find("\\\n")) != std::string::npos;) out.replace(at, 2, " ");
        std::replace(out.begin(), out.end(), '\n', ' ');
        return out;
    }

    std::string footnote_ref(const std::string& id) {
        auto it = std::find(footnote_order_.begin(), footnote_order_.end(), id);
        size_t n = static_cast<size_t>(it - footnote_order_.begin());
        if (it == footnote_order_.end()) footnote_order_.push_back(id);
        return "[^" + std::to_string(n + 1) + "]";
    }

    std::string image_ref(const std::string& entry) {
        auto named = image_names_.find(entry);
        if (named == image_names_.end()) {
            const Image* found = nullptr;
            for (const Image& img : doc_.images)
                if (img.name == entry) found = &img;
            if (!found) return "";
            std::string ext = extension_of(entry);
            std::string file = image_stem_ + "-" + std::to_string(images_.size() + 1) + "." + ext;
            images_.push_back({file, found->bytes});
            if (ext == "emf" || ext == "wmf")
                image_notes.push_back({0, "picture " + file + " is a Windows metafile (." + ext + "), which browsers do not show",
                                       "in Word or WPS, save the picture as PNG and replace it, or convert it: "
                                       "soffice --headless --convert-to png " + file});
            named = image_names_.emplace(entry, file).first;
        }
        return "![](" + named->second + ")";
    }

    const DocxDocument& doc_;
    std::string image_stem_;
    InlineContext ctx_;
    std::vector<std::string> footnote_order_;
    std::map<std::string, std::string> image_names_;
    std::vector<ImageFile> images_;
};

void field(std::string& fm, const char* key, const std::string& value) {
    if (!value.empty()) fm += std::string(key) + ": " + yaml_quoted(value) + "\n";
}

std::string front_matter(const Analysis& a, ImportKind kind, const std::string& title, const std::string& items) {
    std::string fm = "---\n";
    fm += "title: " + yaml_quoted(title) + "\n";
    if (row_of(kind).name != row_of(kind).type) fm += "type: " + std::string(row_of(kind).type) + "\n";
    if (a.date) fm += "date: " + a.date->iso() + "\n";
    if (kind == ImportKind::Minutes) {
        const MinutesHeader& h = a.header;
        field(fm, "meeting", h.meeting);
        field(fm, "time", h.time);
        field(fm, "location", h.location);
        field(fm, "host", h.host);
        field(fm, "recorder", h.recorder);
        if (h.expected) fm += "expected: " + std::to_string(*h.expected) + "\n";
        if (h.present) fm += "present: " + std::to_string(*h.present) + "\n";
        if (h.absent) {
            if (h.absent->empty()) {
                fm += "absent: []\n";
            } else {
                fm += "absent:\n";
                for (const auto& p : *h.absent) {
                    fm += "  - {name: " + yaml_quoted(p.name);
                    if (!p.reason.empty()) fm += ", reason: " + yaml_quoted(p.reason);
                    fm += "}\n";
                }
            }
        }
    } else if (kind == ImportKind::Case) {
        const char* category = title.find("警示") != std::string::npos || title.find("违纪") != std::string::npos
                                   ? "警示案例"
                               : title.find("工作") != std::string::npos ? "工作案例"
                                                                         : "先进典型";
        fm += "category: " + std::string(category) + "\n";
    } else if (kind == ImportKind::StudyList || kind == ImportKind::Checklist) {
        fm += items.empty() ? "items: []\n" : items;
    }
    return fm + "---\n";
}

}  // namespace

std::optional<ImportKind> import_kind_named(std::string_view name) {
    for (const auto& r : kImportKinds)
        if (r.name == name) return r.kind;
    return std::nullopt;
}
std::string_view name_of(ImportKind kind) { return row_of(kind).name; }
std::string_view type_of(ImportKind kind) { return row_of(kind).type; }
std::string_view folder_of(ImportKind kind) { return row_of(kind).folder; }

ContentFile convert(const DocxDocument& doc, const Analysis& analysis, ImportKind kind, const std::string& title,
                    const std::string& image_stem) {
    Writer writer(doc, image_stem);
    Body body;
    std::set<size_t> consumed(analysis.consumed.begin(), analysis.consumed.end());
    // A title styled Heading 1 makes Heading 2 the first level under it.
    int style_shift = 0;
    if (!analysis.consumed.empty())
        if (const auto* p = std::get_if<Paragraph>(&doc.blocks[analysis.consumed.front()]))
            if (heading_level_of_style(p->style_name) == 1) style_shift = 1;
    // A checklist's or study list's table becomes its items (and leaves the
    // text, unless a column fits no field).
    auto items = items_from_tables(doc, kind, consumed);
    if (items && !items->keep_table) consumed.insert(items->block);
    for (const auto& line : analysis.kept_header_lines) body.add(escape_line_start(escape_inline(line)));
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        if (consumed.count(i)) continue;
        if (const auto* p = std::get_if<Paragraph>(&doc.blocks[i])) writer.paragraph(*p, body, style_shift);
        else writer.table(std::get<Table>(doc.blocks[i]), body);
    }
    body.add(writer.footnotes_section());
    ContentFile out;
    const std::string fm = front_matter(analysis, kind, title, items ? items->yaml : "");
    const int offset = static_cast<int>(std::count(fm.begin(), fm.end(), '\n')) + 1;  // the blank line after
    out.text = fm + "\n";
    for (size_t b = 0; b < body.blocks.size(); ++b) out.text += body.blocks[b] + "\n" + (b + 1 < body.blocks.size() ? "\n" : "");
    for (auto n : body.notes) {
        n.line += offset;
        out.notes.push_back(std::move(n));
    }
    for (auto& n : writer.image_notes) out.notes.push_back(std::move(n));
    out.images = writer.take_images();
    return out;
}

}  // namespace chuxin::import
