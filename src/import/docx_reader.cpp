#include "import/docx_reader.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>

#include "import/numbering.h"
#include "import/styles.h"
#include "import/xml_part.h"

namespace chuxin::import {

namespace {

constexpr const char* kDrawingA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* kVml = "urn:schemas-microsoft-com:vml";

struct Relationship {
    std::string target;  // a part name in the zip ("word/media/image1.png") or, external, a URL
    bool external = false;
};
using Relationships = std::map<std::string, Relationship>;

// "media/image1.png" relative to "word/" → "word/media/image1.png"; "../x" and
// "/word/x" resolved; whatever climbs out of the package stays unresolved.
std::string part_name(const std::string& base_folder, const std::string& target) {
    std::string path = !target.empty() && target.front() == '/' ? target.substr(1) : base_folder + target;
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string p = path.substr(start, end - start);
        if (p == "..") {
            if (parts.empty()) return "";
            parts.pop_back();
        } else if (!p.empty() && p != ".") {
            parts.push_back(p);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

Relationships read_relationships(const xmlNode* root, const std::string& base_folder) {
    Relationships rels;
    if (!root) return rels;
    for (xmlNode* n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || std::strcmp(reinterpret_cast<const char*>(n->name), "Relationship") != 0)
            continue;
        Relationship r;
        r.external = attr(n, nullptr, "TargetMode") == "External";
        std::string target = attr(n, nullptr, "Target");
        r.target = r.external ? target : part_name(base_folder, target);
        rels[attr(n, nullptr, "Id")] = std::move(r);
    }
    return rels;
}

// A complex field (w:fldChar begin … separate … end): its instruction is
// hidden, its result shown; HYPERLINK "url" makes the result a link.
struct FieldState {
    int depth = 0;
    bool in_instruction = false;
    std::string instruction;
    std::string link;
};

std::string hyperlink_of(const std::string& instruction) {
    size_t at = instruction.find("HYPERLINK");
    if (at == std::string::npos) return "";
    size_t open = instruction.find('"', at);
    size_t close = open == std::string::npos ? open : instruction.find('"', open + 1);
    if (close == std::string::npos) return "";
    return instruction.substr(open + 1, close - open - 1);
}

class BodyReader {
public:
    BodyReader(const Styles& styles, Numbering& numbering, const Relationships& rels, ZipArchive& zip,
               DocxDocument& doc)
        : styles_(styles), numbering_(numbering), rels_(rels), zip_(zip), doc_(doc) {}

    void blocks(const xmlNode* parent, std::vector<Block>& out) {
        for (xmlNode* n = parent->children; n; n = n->next) {
            if (is(n, kW, "p")) {
                out.push_back(paragraph(n));
                // A text box's paragraphs follow the paragraph it is anchored in.
                for (auto& b : pending_) out.push_back(std::move(b));
                pending_.clear();
            } else if (is(n, kW, "tbl")) {
                out.push_back(table(n));
            } else if (is(n, kW, "sdt")) {
                if (xmlNode* content = child(n, kW, "sdtContent")) blocks(content, out);
            } else if (is(n, kW, "customXml") || is(n, kW, "ins")) {
                blocks(n, out);
            }
        }
    }

    std::vector<Paragraph> paragraphs(const xmlNode* parent) {
        std::vector<Block> found;
        blocks(parent, found);
        std::vector<Paragraph> out;
        for (auto& b : found) {
            if (auto* p = std::get_if<Paragraph>(&b)) out.push_back(std::move(*p));
            else  // a table inside a cell or footnote: its cells, in order
                for (auto& row : std::get<Table>(b).rows)
                    for (auto& cell : row)
                        for (auto& cp : cell.paragraphs) out.push_back(std::move(cp));
        }
        return out;
    }

    std::vector<std::string> problems;

private:
    Paragraph paragraph(const xmlNode* p) {
        Paragraph out;
        out.index = ++paragraph_count_;
        xmlNode* ppr = child(p, kW, "pPr");
        ParagraphStyle style = styles_.resolve(child_val(ppr, "pStyle"));
        out.style_name = style.name;
        out.outline_level = style.outline_level;
        out.centered = style.centered;
        out.size_half_points = style.size_half_points;
        bool has = false;
        std::string outline = child_val(ppr, "outlineLvl", &has);
        if (has) out.outline_level = std::atoi(outline.c_str());
        std::string jc = child_val(ppr, "jc", &has);
        if (has) out.centered = jc == "center";
        std::string num_id = style.num_id;
        int ilvl = style.ilvl;
        if (xmlNode* numpr = child(ppr, kW, "numPr")) {
            bool has_id = false;
            std::string id = child_val(numpr, "numId", &has_id);
            if (has_id) num_id = id;
            bool has_lvl = false;
            std::string lvl = child_val(numpr, "ilvl", &has_lvl);
            if (has_lvl) ilvl = std::atoi(lvl.c_str());
        }
        if (!num_id.empty()) {
            std::string number = numbering_.next(num_id, ilvl);
            if (number == "•") out.bullet = true;
            else out.number = number;
        }
        inline_content(p, out, "");
        return out;
    }

    void inline_content(const xmlNode* parent, Paragraph& out, const std::string& link) {
        for (xmlNode* n = parent->children; n; n = n->next) {
            if (is(n, kW, "r")) {
                run(n, out, link);
            } else if (is(n, kW, "hyperlink")) {
                std::string target;
                auto rel = rels_.find(attr(n, kR, "id"));
                if (rel != rels_.end() && rel->second.external) target = rel->second.target;
                inline_content(n, out, target);
            } else if (is(n, kW, "ins") || is(n, kW, "smartTag") || is(n, kW, "customXml") ||
                       is(n, kW, "fldSimple") || is(n, kW, "bdo") || is(n, kW, "dir")) {
                std::string field_link = is(n, kW, "fldSimple") ? hyperlink_of(attr(n, kW, "instr")) : "";
                inline_content(n, out, field_link.empty() ? link : field_link);
            } else if (is(n, kW, "sdt")) {
                if (xmlNode* content = child(n, kW, "sdtContent")) inline_content(content, out, link);
            }
            // w:del (deleted text), w:proofErr, w:bookmarkStart … carry no text.
        }
    }

    void add_text(Paragraph& out, const std::string& text, const Run& format) {
        if (text.empty()) return;
        if (!out.runs.empty()) {
            Run& last = out.runs.back();
            if (last.bold == format.bold && last.italic == format.italic && last.link == format.link &&
                last.footnote.empty() && last.image.empty()) {
                last.text += text;
                return;
            }
        }
        Run r = format;
        r.text = text;
        out.runs.push_back(std::move(r));
    }

    void run(const xmlNode* r, Paragraph& out, const std::string& link) {
        xmlNode* rpr = child(r, kW, "rPr");
        Run format;
        ParagraphStyle char_style = styles_.resolve(child_val(rpr, "rStyle"));
        const bool has_char_style = !child_val(rpr, "rStyle").empty();
        bool has_b = false, has_i = false;
        child_val(rpr, "b", &has_b);
        child_val(rpr, "i", &has_i);
        format.bold = has_b ? toggle_on(rpr, "b") : has_char_style && char_style.bold;
        format.italic = (has_i ? toggle_on(rpr, "i") : has_char_style && char_style.italic) || toggle_on(rpr, "u");
        format.link = field_.link.empty() ? link : field_.link;
        bool has_size = false;
        int size = std::atoi(child_val(rpr, "sz", &has_size).c_str());
        if (has_size && size > out.size_half_points) out.size_half_points = size;
        for (xmlNode* n = r->children; n; n = n->next) {
            if (is(n, kW, "fldChar")) {
                field(attr(n, kW, "fldCharType"));
            } else if (is(n, kW, "instrText")) {
                if (field_.in_instruction) field_.instruction += text_of(n);
            } else if (field_.in_instruction) {
                continue;
            } else if (is(n, kW, "t")) {
                add_text(out, text_of(n), format);
            } else if (is(n, kW, "tab") || is(n, kW, "ptab")) {
                add_text(out, " ", format);
            } else if (is(n, kW, "br") || is(n, kW, "cr")) {
                // A page or column break is layout, not text (issue 13 §4).
                std::string type = attr(n, kW, "type");
                if (type != "page" && type != "column") add_text(out, "\n", format);
            } else if (is(n, kW, "noBreakHyphen")) {
                add_text(out, "-", format);
            } else if (is(n, kW, "sym")) {
                add_symbol(out, attr(n, kW, "char"), format);
            } else if (is(n, kW, "footnoteReference") || is(n, kW, "endnoteReference")) {
                // Endnotes become footnotes too: a web page has one end.
                Run ref;
                ref.footnote = (is(n, kW, "endnoteReference") ? "e" : "") + attr(n, kW, "id");
                out.runs.push_back(std::move(ref));
            } else if (is(n, kW, "drawing") || is(n, kW, "pict") || is(n, kW, "object") ||
                       std::strcmp(reinterpret_cast<const char*>(n->name), "AlternateContent") == 0) {
                // mc:AlternateContent: a picture in the choice or the fallback.
                image(n, out);
                text_boxes(n);
            }
        }
    }

    void add_symbol(Paragraph& out, const std::string& hex, const Run& format) {
        long cp = std::strtol(hex.c_str(), nullptr, 16);
        // Symbol fonts map into the private use area F000–F0FF; keep only real characters.
        if (cp >= 0x20 && (cp < 0xE000 || cp > 0xF8FF)) {
            std::string s;
            if (cp < 0x80) s += static_cast<char>(cp);
            else if (cp < 0x800) s += static_cast<char>(0xC0 | (cp >> 6)), s += static_cast<char>(0x80 | (cp & 0x3F));
            else
                s += static_cast<char>(0xE0 | (cp >> 12)), s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                    s += static_cast<char>(0x80 | (cp & 0x3F));
            add_text(out, s, format);
        }
    }

    void field(const std::string& type) {
        if (type == "begin") {
            ++field_.depth;
            field_.in_instruction = true;
            field_.instruction.clear();
        } else if (type == "separate") {
            field_.in_instruction = false;
            field_.link = hyperlink_of(field_.instruction);
        } else if (type == "end") {
            field_.in_instruction = false;
            field_.link.clear();
            if (field_.depth > 0) --field_.depth;
        }
    }

    static std::string text_of(const xmlNode* n) {
        xmlChar* c = xmlNodeGetContent(n);
        std::string s = c ? reinterpret_cast<const char*>(c) : "";
        if (c) xmlFree(c);
        return s;
    }

    // The picture in `n`: a:blip r:embed (DrawingML) or v:imagedata r:id
    // (VML), in mc:AlternateContent's choice or fallback. A PNG or JPEG is
    // preferred to an EMF/WMF of the same picture (browsers show no metafile).
    void image(const xmlNode* n, Paragraph& out) {
        std::vector<std::string> ids;
        find_pictures(n, ids);
        std::string name;
        for (const auto& rid : ids) {
            auto rel = rels_.find(rid);
            if (rel == rels_.end() || rel->second.external || rel->second.target.empty()) continue;
            const std::string& target = rel->second.target;
            if (name.empty() || metafile(name)) name = target;
            if (!metafile(name)) break;
        }
        if (name.empty()) return;
        Run r;
        r.image = name;
        out.runs.push_back(r);
        for (const Image& img : doc_.images)
            if (img.name == name) return;
        std::string why;
        auto bytes = zip_.read(name, why);
        if (!bytes) {
            problems.push_back("an image could not be read: " + why);
            return;
        }
        doc_.images.push_back({name, std::move(*bytes)});
    }

    // WPS and Word put titles and notes in text boxes (w:txbxContent); their
    // text is kept, as paragraphs after this one. The VML fallback of
    // mc:AlternateContent holds the same box again: read only when alone.
    void text_boxes(const xmlNode* n) {
        std::vector<const xmlNode*> main, fallback;
        find_text_boxes(n, false, main, fallback);
        std::vector<Block> saved;
        saved.swap(pending_);
        std::vector<Block> boxed;
        for (const xmlNode* box : main.empty() ? fallback : main) blocks(box, boxed);
        pending_.swap(saved);
        for (auto& b : boxed) pending_.push_back(std::move(b));
    }

    static void find_text_boxes(const xmlNode* n, bool in_fallback, std::vector<const xmlNode*>& main,
                                std::vector<const xmlNode*>& fallback) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, kW, "txbxContent")) {
                (in_fallback ? fallback : main).push_back(c);
                continue;
            }
            bool fb = in_fallback || std::strcmp(reinterpret_cast<const char*>(c->name), "Fallback") == 0;
            find_text_boxes(c, fb, main, fallback);
        }
    }

    static bool metafile(const std::string& name) {
        std::string ext = name.size() > 4 ? name.substr(name.size() - 4) : "";
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return ext == ".emf" || ext == ".wmf";
    }

    static void find_pictures(const xmlNode* n, std::vector<std::string>& ids) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, kDrawingA, "blip")) ids.push_back(attr(c, kR, "embed"));
            else if (is(c, kVml, "imagedata")) ids.push_back(attr(c, kR, "id"));
            else find_pictures(c, ids);
        }
    }

    Table table(const xmlNode* tbl) {
        Table out;
        out.index = ++table_count_;
        for (xmlNode* tr = tbl->children; tr; tr = tr->next) {
            if (!is(tr, kW, "tr")) continue;
            std::vector<Cell> row;
            for (xmlNode* tc = tr->children; tc; tc = tc->next) {
                if (!is(tc, kW, "tc")) continue;
                Cell cell;
                xmlNode* tcpr = child(tc, kW, "tcPr");
                int span = std::atoi(child_val(tcpr, "gridSpan").c_str());
                cell.span = span > 1 && span < 64 ? span : 1;
                bool merged = false;
                std::string v = child_val(tcpr, "vMerge", &merged);
                cell.continues_above = merged && v != "restart";
                cell.paragraphs = paragraphs(tc);
                row.push_back(std::move(cell));
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

    const Styles& styles_;
    Numbering& numbering_;
    const Relationships& rels_;
    ZipArchive& zip_;
    DocxDocument& doc_;
    FieldState field_;
    std::vector<Block> pending_;  // text boxes' paragraphs met inside the current paragraph
    int paragraph_count_ = 0;
    int table_count_ = 0;
};

struct PartReader {
    ZipArchive& zip;
    const std::string& file;
    Diagnostics& diags;
    bool failed = false;

    // An optional part: absent is fine, broken is an error.
    XmlPart optional(const std::string& name) {
        if (!zip.has(name)) return {};
        return required(name);
    }

    XmlPart required(const std::string& name) {
        std::string why;
        auto bytes = zip.read(name, why);
        if (!bytes) {
            diags.error({file, 0, 0}, "cannot read this .docx: " + why,
                        "open it in Word or WPS and save it again as .docx");
            failed = true;
            return {};
        }
        XmlPart part(*bytes, name);
        if (!part.ok()) {
            diags.error({file, 0, 0},
                        name + (part.error_line() ? ":" + std::to_string(part.error_line()) + ":" +
                                                        std::to_string(part.error_col())
                                                  : "") +
                            ": " + part.error(),
                        "the document is damaged; open it in Word or WPS and save it again as .docx");
            failed = true;
        }
        return part;
    }
};

bool ends_with(const std::string& s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

std::string main_part(ZipArchive& zip, PartReader& parts) {
    XmlPart rels = parts.optional("_rels/.rels");
    if (rels.ok())
        for (xmlNode* n = rels.root()->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && ends_with(attr(n, nullptr, "Type"), "/relationships/officeDocument")) {
                std::string name = part_name("", attr(n, nullptr, "Target"));
                if (zip.has(name)) return name;
            }
    return zip.has("word/document.xml") ? "word/document.xml" : "";
}

std::string folder_of(const std::string& part) {
    size_t slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    size_t slash = part.rfind('/');
    std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    return folder + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

}  // namespace

std::string sniff_format(const std::string& bytes) {
    if (bytes.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0) return "doc";
    if (bytes.rfind("%PDF", 0) == 0) return "pdf";
    if (bytes.rfind("{\\rtf", 0) == 0) return "rtf";
    if (bytes.rfind("PK", 0) == 0) {
        if (bytes.find("application/vnd.oasis.opendocument.text") != std::string::npos) return "odt";
        return "zip";
    }
    return "";
}

std::optional<DocxDocument> read_docx(std::string bytes, const std::string& file, Diagnostics& diags,
                                      ZipLimits limits) {
    const std::string format = sniff_format(bytes);
    if (format == "doc" || format == "rtf" || format == "odt") {
        diags.error({file, 0, 0}, "this is a ." + format + " file, not a .docx",
                    "convert it first: soffice --headless --convert-to docx " + file +
                        " (LibreOffice), or open it in Word or WPS and save as .docx");
        return std::nullopt;
    }
    if (format != "zip") {
        diags.error({file, 0, 0}, format.empty() ? "this is not a .docx file (not a zip archive)"
                                                 : "this is a ." + format + " file, not a .docx",
                    "save the document from Word or WPS as “Word 文档 (*.docx)”");
        return std::nullopt;
    }
    ZipArchive zip(std::move(bytes), limits);
    if (!zip.ok()) {
        diags.error({file, 0, 0}, "cannot read this .docx: " + zip.error(),
                    "open it in Word or WPS and save it again as .docx");
        return std::nullopt;
    }
    PartReader parts{zip, file, diags};
    const std::string main = main_part(zip, parts);
    if (main.empty()) {
        diags.error({file, 0, 0}, "this zip archive is not a Word document (it has no word/document.xml)",
                    zip.has("xl/workbook.xml") ? "it is a spreadsheet (.xlsx)"
                                               : "save the document from Word or WPS as .docx");
        return std::nullopt;
    }
    const std::string folder = folder_of(main);
    XmlPart document = parts.required(main);
    XmlPart rels_part = parts.optional(rels_of(main));
    XmlPart styles_part = parts.optional(folder + "styles.xml");
    XmlPart numbering_part = parts.optional(folder + "numbering.xml");
    XmlPart footnotes_part = parts.optional(folder + "footnotes.xml");
    XmlPart endnotes_part = parts.optional(folder + "endnotes.xml");
    if (parts.failed) return std::nullopt;
    xmlNode* body = child(document.root(), kW, "body");
    if (!is(document.root(), kW, "document") || !body) {
        diags.error({file, 0, 0}, main + ": not WordprocessingML (no w:document/w:body)",
                    "save the document from Word or WPS as .docx");
        return std::nullopt;
    }
    Relationships rels = read_relationships(rels_part.root(), folder);
    Styles styles(styles_part.root());
    Numbering numbering(numbering_part.root());
    DocxDocument doc;
    doc.body_size_half_points = styles.default_size_half_points();
    BodyReader reader(styles, numbering, rels, zip, doc);
    reader.blocks(body, doc.blocks);
    auto notes = [&](const XmlPart& part, const char* element, const std::string& prefix) {
        if (!part.root()) return;
        for (xmlNode* n = part.root()->children; n; n = n->next) {
            if (!is(n, kW, element)) continue;
            std::string type = attr(n, kW, "type");
            if (!type.empty() && type != "normal") continue;  // separators
            doc.footnotes[prefix + attr(n, kW, "id")] = reader.paragraphs(n);
        }
    };
    notes(footnotes_part, "footnote", "");
    notes(endnotes_part, "endnote", "e");
    for (const auto& p : reader.problems) diags.warning({file, 0, 0}, p);
    return doc;
}

}  // namespace chuxin::import
