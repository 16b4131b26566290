#include "search/index.h"

#include <algorithm>
#include <mutex>

#include "core/json_string.h"
#include "core/utf8.h"
#include "search/compress.h"
#include "search/fold.h"
#include "search/index_writer.h"

namespace chuxin::search {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

}  // namespace

FoldedPage fold_page(const Entry& e) {
    FoldedPage page;
    page.text = fold_text(e.title);
    page.title_end = static_cast<uint32_t>(page.text.size());
    page.text += U' ';
    page.text += fold_text(joined(e.headings));
    page.headings_end = static_cast<uint32_t>(page.text.size());
    page.text += U' ';
    page.text += fold_text(e.body + "\n" + e.fields + "\n" + e.summary + "\n" + joined(e.tags));
    return page;
}

std::string page_record(const Entry& e) {
    std::string out = "[";
    for (const std::string* s : {&e.href, &e.title, &e.kind, &e.org, &e.date}) {
        append_json_string(out, *s);
        out += ',';
    }
    out += '[';
    for (size_t i = 0; i < e.tags.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, e.tags[i]);
    }
    out += "],";
    append_json_string(out, joined(e.headings));
    out += ',';
    append_json_string(out, e.fields);
    out += ',';
    append_json_string(out, e.summary);
    out += ',';
    append_json_string(out, e.body);
    return out + "]";
}

std::string text_dictionary(const std::vector<Entry>& entries) {
    return text_dictionary(EntrySource{entries.size(), [&entries](size_t i) { return entries[i]; }});
}

std::string text_dictionary(const EntrySource& entries) {
    // Records of pages spread over the site, as the text files hold them:
    // the phrases most pages share are in some of them. Cut at a character.
    std::string dict;
    const size_t samples = 32;
    for (size_t k = 0; k < samples && entries.count; ++k) {
        const std::string record = page_record(entries.at(k * entries.count / samples));
        dict += utf8::prefix(record, 400);
        if (dict.size() >= kMaxDictionary) break;
        if (entries.count < samples && k + 1 >= entries.count) break;
    }
    size_t cut = std::min(dict.size(), kMaxDictionary);
    while (cut > 0 && cut < dict.size() && (static_cast<unsigned char>(dict[cut]) & 0xC0) == 0x80) --cut;
    dict.resize(cut);
    return dict;
}

uint32_t gram_hash(std::u32string_view gram) {
    uint32_t h = 2166136261u;
    for (char32_t cp : gram) {
        h ^= static_cast<uint32_t>(cp);
        h *= 16777619u;
    }
    return h;
}

std::vector<IndexFile> build_index(const std::vector<Entry>& entries, const IndexLimits& limits, TextCache* cache) {
    std::vector<IndexFile> files;
    std::mutex lock;
    write_index({entries.size(), [&entries](size_t i) { return entries[i]; }}, limits,
                [&](const std::string& path, std::string_view bytes) {
                    std::lock_guard<std::mutex> hold(lock);
                    files.push_back({path, std::string(bytes)});
                },
                cache);
    std::sort(files.begin(), files.end(), [](const IndexFile& a, const IndexFile& b) { return a.path < b.path; });
    return files;
}

}  // namespace chuxin::search
