#include "search/index.h"

#include <algorithm>
#include <thread>

#include "core/json_string.h"
#include "core/utf8.h"
#include "search/compress.h"
#include "search/fold.h"
#include "search/grams.h"
#include "search/set_code.h"

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

// Gram record: [all, twice, thrice, title, heads, left, right] with the empty
// ones at the end left out.
std::string gram_record(const GramPages& g, uint32_t pages) {
    const PageSets s = g.sets();
    std::vector<std::string> parts = {encode_set(s.all, pages),   encode_set(s.twice, pages), encode_set(s.thrice, pages),
                                      encode_set(s.title, pages), encode_set(s.heads, pages), utf8::encode(g.left),
                                      utf8::encode(g.right)};
    while (!parts.empty() && parts.back().empty()) parts.pop_back();
    std::string out;
    append_json_string(out, utf8::encode(GramTable::gram_of(g.key)), JsonIn::Script);
    out += ":[";
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, parts[i], JsonIn::Script);
    }
    out += ']';
    return out;
}

std::vector<IndexFile> gram_files(const std::vector<Entry>& entries, const IndexLimits& limits) {
    GramTable table;
    for (size_t i = 0; i < entries.size(); ++i) table.add_page(static_cast<uint32_t>(i), fold_page(entries[i]));
    const auto sorted = table.sorted();
    const auto pages = static_cast<uint32_t>(entries.size());
    std::vector<std::string> lines(sorted.size());
    std::vector<uint32_t> hashes(sorted.size());
    size_t total = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        hashes[i] = gram_hash(GramTable::gram_of(sorted[i]->key));
        lines[i] = gram_record(*sorted[i], pages);
        total += lines[i].size() + 2;
    }
    const auto count = static_cast<uint32_t>(std::max<size_t>(1, (total + limits.gram_file_bytes - 1) / limits.gram_file_bytes));
    std::vector<std::string> bodies(count);
    for (size_t i = 0; i < sorted.size(); ++i) {
        std::string& body = bodies[hashes[i] % count];
        body += body.empty() ? "" : ",\n";
        body += lines[i];
    }
    std::vector<IndexFile> files;
    for (uint32_t k = 0; k < count; ++k)
        files.push_back({"search/g/" + std::to_string(k) + ".js",
                         "chuxinSearch.gramFile(" + std::to_string(k) + ",{" + bodies[k] + "});\n"});
    return files;
}

// Per page: kind, branch (0: none), date as (year-1900)·372 + (month-1)·31 + day, 0: none.
uint32_t date_code(const std::string& d) {
    if (d.size() < 10) return 0;
    const int y = std::atoi(d.substr(0, 4).c_str()), m = std::atoi(d.substr(5, 2).c_str()), day = std::atoi(d.substr(8, 2).c_str());
    if (y < 1900 || m < 1 || day < 1) return 0;
    return static_cast<uint32_t>((y - 1900) * 372 + (m - 1) * 31 + day);
}

IndexFile page_table(const std::vector<Entry>& entries) {
    std::vector<std::string> kinds, orgs = {""};
    auto index_of = [](std::vector<std::string>& names, const std::string& name) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it != names.end()) return static_cast<uint32_t>(it - names.begin());
        names.push_back(name);
        return static_cast<uint32_t>(names.size() - 1);
    };
    std::string codes;
    for (const Entry& e : entries) {
        append_number(codes, index_of(kinds, e.kind));
        append_number(codes, index_of(orgs, e.org));
        append_number(codes, date_code(e.date));
    }
    auto names = [](const std::vector<std::string>& list) {
        std::string out = "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, list[i], JsonIn::Script);
        }
        return out + "]";
    };
    std::string codes_json;
    append_json_string(codes_json, codes, JsonIn::Script);
    return {"search/p.js", "chuxinSearch.pageTable(" + names(kinds) + "," + names(orgs) + "," + codes_json + ");\n"};
}

std::string chunk_text(const std::vector<Entry>& entries, size_t from, size_t to) {
    std::string out = "[";
    for (size_t i = from; i < to; ++i) {
        if (i > from) out += ',';
        out += page_record(entries[i]);
    }
    return out + "]";
}

std::vector<IndexFile> text_files(const std::vector<Entry>& entries, const std::string& dictionary, const IndexLimits& limits,
                                  TextCache* cache) {
    const size_t per = std::max<size_t>(1, limits.chunk_pages);
    const size_t chunks = std::max<size_t>(1, (entries.size() + per - 1) / per);
    std::vector<IndexFile> files(chunks);
    const bool reuse = cache && cache->dictionary == dictionary;
    std::vector<std::string> inputs(cache ? chunks : 0);
    auto work = [&](size_t first, size_t step) {
        for (size_t c = first; c < chunks; c += step) {
            std::string text = chunk_text(entries, c * per, std::min(entries.size(), (c + 1) * per));
            files[c].path = "search/t/" + std::to_string(c) + ".js";
            if (reuse && c < cache->inputs.size() && cache->inputs[c] == text) {
                files[c].bytes = cache->files[c];
            } else {
                files[c].bytes = "chuxinSearch.textChunk(" + std::to_string(c) + ",\"" +
                                 base64(deflate_with_dictionary(text, dictionary)) + "\");\n";
            }
            if (cache) inputs[c] = std::move(text);
        }
    };
    const unsigned threads = std::max(1u, limits.threads);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
    work(0, threads);
    for (auto& t : pool) t.join();
    if (cache) {
        cache->dictionary = dictionary;
        cache->inputs = std::move(inputs);
        cache->files.clear();
        for (const auto& f : files) cache->files.push_back(f.bytes);
    }
    return files;
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
    // Records of pages spread over the site, as the text files hold them:
    // the phrases most pages share are in some of them. Cut at a character.
    std::string dict;
    const size_t samples = 32;
    for (size_t k = 0; k < samples && !entries.empty(); ++k) {
        const std::string record = page_record(entries[k * entries.size() / samples]);
        dict += utf8::prefix(record, 400);
        if (dict.size() >= kMaxDictionary) break;
        if (entries.size() < samples && k + 1 >= entries.size()) break;
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
    const std::string dictionary = text_dictionary(entries);
    std::vector<IndexFile> files;
    std::thread texts([&] {  // the text files compress while the grams are counted
        IndexLimits one = limits;
        one.threads = std::max(1u, limits.threads > 1 ? limits.threads - 1 : 1);
        files = text_files(entries, dictionary, one, cache);
    });
    std::vector<IndexFile> grams;
    try {
        grams = gram_files(entries, limits);
    } catch (...) {
        texts.join();
        throw;
    }
    texts.join();
    const size_t text_chunks = files.size();
    for (auto& f : grams) files.push_back(std::move(f));
    files.push_back(page_table(entries));
    std::string dict_json;
    append_json_string(dict_json, dictionary, JsonIn::Script);
    files.push_back({"search/d.js", "chuxinSearch.dictionary(" + dict_json + ");\n"});
    files.push_back({"search/meta.js", "chuxinSearch.meta({\"version\":2,\"pages\":" + std::to_string(entries.size()) +
                                           ",\"gramFiles\":" + std::to_string(grams.size()) +
                                           ",\"chunkPages\":" + std::to_string(std::max<size_t>(1, limits.chunk_pages)) +
                                           ",\"textChunks\":" + std::to_string(text_chunks) + "});\n"});
    files.push_back({"search/fold.js", fold_table_script()});
    std::sort(files.begin(), files.end(), [](const IndexFile& a, const IndexFile& b) { return a.path < b.path; });
    return files;
}

}  // namespace chuxin::search
