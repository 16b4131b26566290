#include "pdf/embed_font.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace chuxin::pdf {
namespace {

// FNV-1a, 64 bit: a stable hash (std::hash may differ between builds).
uint64_t fnv1a(uint64_t h, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        h ^= (value >> (8 * i)) & 0xFF;
        h *= 0x100000001B3ull;
    }
    return h;
}

HPDF_FontDef load_fontdef(HPDF_Doc pdf, const std::string& bytes) {
    HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, HPDF_UINT(bytes.size()));
    if (!stream) return nullptr;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          HPDF_UINT(bytes.size())) != HPDF_OK ||
        HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        return nullptr;
    }
    // The font definition owns the stream from here on (freed with it).
    return HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
}

// libharu writes only the outlines of glyphs flagged "used" and follows
// composite components one level deep; the subset holds only what the
// document draws, so flag everything.
void mark_all_glyphs_used(HPDF_FontDef def) {
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    for (HPDF_UINT i = 0; i < attr->num_glyphs; ++i) attr->glyph_tbl.flgs[i] = 1;
}

// libharu looks a code point up by scanning the cmap's format-4 segments
// one by one, and it does so for all 65,536 BMP code points when it builds
// a font's /W array and CIDToGIDMap. A subset of scattered Han has about one
// segment per character, so that is ~10^8 steps per font. Replace the parsed
// table (the lookup structure only; the embedded cmap bytes are copied from
// the font file unchanged) with two segments: [lowest, highest mapped code
// point] through a glyph id array, then the 0xFFFF terminator. Every lookup
// gives the same glyph as before (tested against HarfBuzz).
void flatten_cmap(HPDF_FontDef def) {
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_TTF_CmapRange& cmap = attr->cmap;
    const HPDF_UINT segments = cmap.seg_count_x2 / 2;
    if (cmap.format != 4 || segments < 2) return;
    HPDF_UINT lo = 0xFFFF, hi = 0;
    for (HPDF_UINT i = 0; i < segments; ++i) {
        if (cmap.start_count[i] == 0xFFFF) continue;
        if (cmap.end_count[i] == 0xFFFF) return;  // unusual table: leave it
        lo = std::min<HPDF_UINT>(lo, cmap.start_count[i]);
        hi = std::max<HPDF_UINT>(hi, cmap.end_count[i]);
    }
    if (lo > hi) return;
    const HPDF_UINT count = hi - lo + 1;
    auto alloc = [&](HPDF_UINT n) {
        return static_cast<HPDF_UINT16*>(HPDF_GetMem(def->mmgr, n * sizeof(HPDF_UINT16)));
    };
    HPDF_UINT16* glyphs = alloc(count);
    HPDF_UINT16* end = alloc(2);
    HPDF_UINT16* start = alloc(2);
    HPDF_UINT16* offset = alloc(2);
    auto* delta = static_cast<HPDF_INT16*>(HPDF_GetMem(def->mmgr, 2 * sizeof(HPDF_INT16)));
    if (!glyphs || !end || !start || !offset || !delta) return;  // mmgr frees at HPDF_Free
    std::fill(glyphs, glyphs + count, HPDF_UINT16(0));
    for (HPDF_UINT i = 0; i < segments; ++i) {
        if (cmap.start_count[i] == 0xFFFF) continue;
        for (HPDF_UINT cp = cmap.start_count[i]; cp <= cmap.end_count[i]; ++cp)
            glyphs[cp - lo] = HPDF_TTFontDef_GetGlyphid(def, HPDF_UINT16(cp));  // the old table
    }
    // Segment 0: glyph = glyphs[idRangeOffset/2 + (cp − start) − (segCount − 0)].
    start[0] = HPDF_UINT16(lo), end[0] = HPDF_UINT16(hi), delta[0] = 0, offset[0] = 2 * 2;
    // Segment 1: the required terminator, 0xFFFF → glyph 0.
    start[1] = 0xFFFF, end[1] = 0xFFFF, delta[1] = 1, offset[1] = 0;
    HPDF_FreeMem(def->mmgr, cmap.end_count);
    HPDF_FreeMem(def->mmgr, cmap.start_count);
    HPDF_FreeMem(def->mmgr, cmap.id_delta);
    HPDF_FreeMem(def->mmgr, cmap.id_range_offset);
    if (cmap.glyph_id_array) HPDF_FreeMem(def->mmgr, cmap.glyph_id_array);
    cmap.end_count = end;
    cmap.start_count = start;
    cmap.id_delta = delta;
    cmap.id_range_offset = offset;
    cmap.glyph_id_array = glyphs;
    cmap.glyph_id_array_count = count;
    cmap.seg_count_x2 = 4;
}

void append_hex4(std::string& out, unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "<%04X>", v & 0xFFFF);
    out += buf;
}

// CID → Unicode. With the UTF-8 encoder a CID *is* the BMP code point, so
// each used code point maps to itself; bfchar blocks hold at most 100
// entries (PDF 32000 §9.10.3, Adobe CMap spec).
std::string to_unicode_cmap(const std::vector<char32_t>& cps) {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<char32_t> bmp;
    for (char32_t cp : cps)
        if (cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)) bmp.push_back(cp);
    for (size_t i = 0; i < bmp.size(); i += 100) {
        size_t n = std::min<size_t>(100, bmp.size() - i);
        s += std::to_string(n) + " beginbfchar\n";
        for (size_t k = i; k < i + n; ++k) {
            append_hex4(s, unsigned(bmp[k]));
            s += ' ';
            append_hex4(s, unsigned(bmp[k]));
            s += '\n';
        }
        s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

// The value stored under `key`, or nullptr. Scans the element list so that
// a missing key raises no (sticky) libharu error, unlike HPDF_Dict_GetItem.
void* find_value(HPDF_Dict dict, const char* key) {
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
        auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
        if (std::string_view(element->key) != key) continue;
        // Indirect objects are held through a proxy.
        auto* header = static_cast<HPDF_Obj_Header*>(element->value);
        if ((header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY)
            return static_cast<HPDF_Proxy>(element->value)->obj;
        return element->value;
    }
    return nullptr;
}

// libharu 2.3.0 attaches its encoding CMap (begincidrange, invalid in a
// ToUnicode stream; poppler warns) as /ToUnicode. Rewrite that stream in
// place — no orphaned object is left behind — or add one if it is absent.
bool replace_to_unicode(HPDF_Doc pdf, HPDF_Font font, const std::vector<char32_t>& cps) {
    auto cmap = static_cast<HPDF_Dict>(find_value(font, "ToUnicode"));
    if (cmap && (cmap->header.obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && cmap->stream) {
        HPDF_MemStream_FreeData(cmap->stream);
        for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
            if (find_value(cmap, key)) HPDF_Dict_RemoveElement(cmap, key);
    } else {
        cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!cmap || HPDF_Dict_Add(font, "ToUnicode", cmap) != HPDF_OK) return false;
    }
    if (pdf->compression_mode & HPDF_COMP_TEXT) cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    std::string text = to_unicode_cmap(cps);
    return HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                             HPDF_UINT(text.size())) == HPDF_OK;
}

// libharu writes the CIDFont's Ordering as "Identity-H" (an encoding name);
// ISO 32000 §9.7.3 wants the character collection, "Identity".
void fix_ordering(HPDF_Doc pdf, HPDF_Font font) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    if (!attr || !attr->descendant_font) return;
    auto info = static_cast<HPDF_Dict>(
        HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT));
    if (info) HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", nullptr));
}

// The definition's name (what libharu looks fonts up by) and the name it
// writes as BaseFont/FontName (tagged later) are two copies; change both.
void rename(HPDF_FontDef def, const std::string& suffix) {
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    std::string name = std::string(def->base_font) + suffix;
    // Room for the "ABCDEF+" tag within libharu's name limit.
    name.resize(std::min<size_t>(name.size(), HPDF_LIMIT_MAX_NAME_LEN - 7));
    std::copy(name.begin(), name.end(), def->base_font);
    def->base_font[name.size()] = '\0';
    std::copy(name.begin(), name.end(), attr->base_font);
    attr->base_font[name.size()] = '\0';
}

}  // namespace

std::string subset_tag(const std::string& face_name, const std::vector<char32_t>& cps) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : face_name) h = fnv1a(h, c, 1);
    for (char32_t cp : cps) h = fnv1a(h, cp, 4);
    std::string tag(6, 'A');
    for (char& c : tag) {
        c = char('A' + h % 26);
        h /= 26;
    }
    return tag;
}

HPDF_Font embed_subset_font(HPDF_Doc pdf, const std::string& font_bytes,
                            const std::string& tag, const std::vector<char32_t>& cps,
                            const std::string& name_suffix) {
    HPDF_FontDef def = load_fontdef(pdf, font_bytes);
    if (!def) return nullptr;
    if (!name_suffix.empty()) rename(def, name_suffix);
    if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) return nullptr;  // frees def on failure
    std::string tag_copy = tag;
    HPDF_TTFontDef_SetTagName(def, tag_copy.data());
    mark_all_glyphs_used(def);
    flatten_cmap(def);
    HPDF_Font font = HPDF_GetFont(pdf, def->base_font, "UTF-8");
    if (!font) return nullptr;
    if (!replace_to_unicode(pdf, font, cps)) return nullptr;
    fix_ordering(pdf, font);
    return font;
}

}  // namespace chuxin::pdf
