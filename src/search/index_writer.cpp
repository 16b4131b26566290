#include "search/index_writer.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "core/json_string.h"
#include "core/utf8.h"
#include "search/compress.h"
#include "search/fold.h"
#include "search/grams.h"
#include "search/set_code.h"

namespace chuxin::search {

std::string gram_record(uint64_t key, const PageSets& s, const std::u32string& left, const std::u32string& right, uint32_t pages) {
    std::vector<std::string> parts = {encode_set(s.all, pages),   encode_set(s.twice, pages), encode_set(s.thrice, pages),
                                      encode_set(s.title, pages), encode_set(s.heads, pages), utf8::encode(left),
                                      utf8::encode(right)};
    while (!parts.empty() && parts.back().empty()) parts.pop_back();
    std::string out;
    append_json_string(out, utf8::encode(GramTable::gram_of(key)), JsonIn::Script);
    out += ":[";
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, parts[i], JsonIn::Script);
    }
    out += ']';
    return out;
}

size_t record_estimate(size_t pages_code_bytes, size_t left, size_t right, uint32_t pages) {
    return 16 + left * 3 + right * 3 + std::min<size_t>(pages_code_bytes * 2, 3 * (pages / 6 + 2));
}

uint32_t gram_file_count(size_t total_estimate, const IndexLimits& limits) {
    return static_cast<uint32_t>(std::max<size_t>(1, (total_estimate + limits.gram_file_bytes - 1) / limits.gram_file_bytes));
}

std::string gram_file(uint32_t k, const std::vector<const std::string*>& records) {
    std::string body = "chuxinSearch.gramFile(" + std::to_string(k) + ",{";
    for (size_t m = 0; m < records.size(); ++m) {
        if (m) body += ",\n";
        body += *records[m];
    }
    return body + "});\n";
}

std::string meta_script(size_t pages, uint32_t gram_files, size_t chunk_pages, size_t chunks) {
    return "chuxinSearch.meta({\"version\":2,\"pages\":" + std::to_string(pages) + ",\"gramFiles\":" +
           std::to_string(gram_files) + ",\"chunkPages\":" + std::to_string(chunk_pages) + ",\"textChunks\":" +
           std::to_string(chunks) + "});\n";
}

std::string dictionary_script(const std::string& dictionary) {
    std::string dict_json;
    append_json_string(dict_json, dictionary, JsonIn::Script);
    return "chuxinSearch.dictionary(" + dict_json + ");\n";
}

std::string text_file(size_t chunk, const std::vector<Entry>& pages, const std::string& dictionary, std::string* input) {
    DictionaryDeflater deflater(dictionary);
    return text_file(chunk, pages, deflater, input);
}

std::string text_file(size_t chunk, const std::vector<Entry>& pages, DictionaryDeflater& deflater, std::string* input) {
    std::string text = "[";
    for (const Entry& e : pages) {
        if (text.size() > 1) text += ',';
        text += page_record(e);
    }
    text += ']';
    std::string bytes = "chuxinSearch.textChunk(" + std::to_string(chunk) + ",\"" +
                        base64(deflater.deflate(text)) + "\");\n";
    if (input) *input = std::move(text);
    return bytes;
}

namespace {

// The gram files' count from the records' sizes (about: a set is at most
// a bitmap, and about as long as the gram's pages in memory; making each
// record twice took 8 % of the index's time), then one file at a time.
uint32_t write_gram_files(const GramTable& table, uint32_t pages, const IndexLimits& limits, const IndexWrite& write) {
    const auto sorted = table.sorted();
    std::vector<uint32_t> hashes(sorted.size());
    size_t total = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        hashes[i] = gram_hash(GramTable::gram_of(sorted[i]->key));
        total += record_estimate(sorted[i]->pages.size(), sorted[i]->left.size(), sorted[i]->right.size(), pages);
    }
    const uint32_t count = gram_file_count(total, limits);
    std::vector<std::vector<uint32_t>> members(count);
    for (size_t i = 0; i < sorted.size(); ++i) members[hashes[i] % count].push_back(static_cast<uint32_t>(i));
    for (uint32_t k = 0; k < count; ++k) {
        std::vector<std::string> records;
        for (uint32_t m : members[k]) {
            const GramPages& g = *sorted[m];
            records.push_back(gram_record(g.key, g.sets(), g.left, g.right, pages));
        }
        std::vector<const std::string*> refs;
        for (const auto& r : records) refs.push_back(&r);
        write("search/g/" + std::to_string(k) + ".js", gram_file(k, refs));
    }
    return count;
}

// Per page: kind, branch (0: none), date as (year-1900)·372 + (month-1)·31 + day, 0: none.
uint32_t date_code(const std::string& d) {
    if (d.size() < 10) return 0;
    const int y = std::atoi(d.substr(0, 4).c_str()), m = std::atoi(d.substr(5, 2).c_str()), day = std::atoi(d.substr(8, 2).c_str());
    if (y < 1900 || m < 1 || day < 1) return 0;
    return static_cast<uint32_t>((y - 1900) * 372 + (m - 1) * 31 + day);
}

}  // namespace

class PageTable {
public:
    void add(const Entry& e) {
        append_number(codes_, index_of(kinds_, e.kind));
        append_number(codes_, index_of(orgs_, e.org));
        append_number(codes_, date_code(e.date));
    }
    std::string script() const {
        std::string codes;
        append_json_string(codes, codes_, JsonIn::Script);
        return "chuxinSearch.pageTable(" + names(kinds_) + "," + names(orgs_) + "," + codes + ");\n";
    }

private:
    static uint32_t index_of(std::vector<std::string>& names, const std::string& name) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it != names.end()) return static_cast<uint32_t>(it - names.begin());
        names.push_back(name);
        return static_cast<uint32_t>(names.size() - 1);
    }
    static std::string names(const std::vector<std::string>& list) {
        std::string out = "[";
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, list[i], JsonIn::Script);
        }
        return out + "]";
    }
    std::vector<std::string> kinds_, orgs_ = {""};
    std::string codes_;
};

std::string page_table_script(const std::vector<Entry>& entries) {
    PageTable table;
    for (const Entry& e : entries) table.add(e);
    return table.script();
}

namespace {

// The text files: pages in, compressed files out, on a thread of its own
// when limits.threads > 1. The queue is bounded: when it is full the reading
// thread compresses the chunk itself (compressing is the longer part), so
// neither waits and the site's text is never all held.
class TextFiles {
public:
    TextFiles(const std::string& dictionary, size_t chunks, const IndexLimits& limits, const IndexWrite& write, TextCache* cache)
        : caller_(dictionary), worker_deflater_(dictionary), write_(write), cache_(cache),
          reuse_(cache && cache->dictionary == dictionary) {
        if (cache_) {
            if (!reuse_) cache_->inputs.clear(), cache_->files.clear();
            cache_->dictionary = dictionary;
            cache_->inputs.resize(chunks);
            cache_->files.resize(chunks);
        }
        if (limits.threads > 1) worker_ = std::thread([this] { run(); });
    }
    ~TextFiles() { finish(); }
    TextFiles(const TextFiles&) = delete;
    TextFiles& operator=(const TextFiles&) = delete;

    void add(size_t chunk, std::vector<Entry> pages) {
        if (!worker_.joinable()) return make(chunk, pages, caller_);
        {
            std::lock_guard<std::mutex> hold(lock_);
            if (queue_.size() < 16) {
                queue_.emplace_back(chunk, std::move(pages));
                ready_.notify_one();
                return;
            }
        }
        make(chunk, pages, caller_);  // the compressing thread is behind: this one helps
    }
    void finish() {
        if (!worker_.joinable()) return;
        {
            std::lock_guard<std::mutex> hold(lock_);
            done_ = true;
        }
        ready_.notify_one();
        worker_.join();
    }

private:
    void run() {
        for (;;) {
            std::unique_lock<std::mutex> hold(lock_);
            ready_.wait(hold, [this] { return done_ || !queue_.empty(); });
            if (queue_.empty()) return;
            auto [chunk, pages] = std::move(queue_.front());
            queue_.pop_front();
            hold.unlock();
            make(chunk, pages, worker_deflater_);
        }
    }
    // The records as JSON, made here: a fifth of the reading thread's time.
    void make(size_t chunk, const std::vector<Entry>& pages, DictionaryDeflater& deflater) {
        const std::string path = "search/t/" + std::to_string(chunk) + ".js";
        std::string text;
        if (reuse_) {
            text = "[";
            for (const Entry& e : pages) {
                if (text.size() > 1) text += ',';
                text += page_record(e);
            }
            text += ']';
            if (cache_->inputs[chunk] == text) return write_(path, cache_->files[chunk]);
        }
        std::string bytes = text_file(chunk, pages, deflater, cache_ ? &text : nullptr);
        write_(path, bytes);
        if (cache_) {
            cache_->inputs[chunk] = std::move(text);
            cache_->files[chunk] = std::move(bytes);
        }
    }

    DictionaryDeflater caller_, worker_deflater_;  // one each for the two threads
    const IndexWrite& write_;
    TextCache* cache_;
    const bool reuse_;
    std::mutex lock_;
    std::condition_variable ready_;
    std::deque<std::pair<size_t, std::vector<Entry>>> queue_;
    bool done_ = false;
    std::thread worker_;
};

}  // namespace

void write_index(const EntrySource& entries, const IndexLimits& limits, const IndexWrite& write, TextCache* cache) {
    const std::string dictionary = text_dictionary(entries);
    const size_t per = std::max<size_t>(1, limits.chunk_pages);
    const size_t chunks = std::max<size_t>(1, (entries.count + per - 1) / per);
    const auto pages = static_cast<uint32_t>(entries.count);
    GramTable grams;
    PageTable table;
    {
        TextFiles texts(dictionary, chunks, limits, write, cache);
        std::vector<Entry> chunk;
        for (size_t i = 0; i < entries.count; ++i) {
            Entry e = entries.at(i);
            grams.add_page(static_cast<uint32_t>(i), fold_page(e));
            table.add(e);
            chunk.push_back(std::move(e));
            if ((i + 1) % per == 0 || i + 1 == entries.count) {
                texts.add(i / per, std::move(chunk));
                chunk.clear();
            }
        }
        if (entries.count == 0) texts.add(0, {});
        const uint32_t gram_files = write_gram_files(grams, pages, limits, write);
        write("search/meta.js", meta_script(pages, gram_files, per, chunks));
    }  // the text files are all written
    write("search/p.js", table.script());
    write("search/d.js", dictionary_script(dictionary));
    write("search/fold.js", fold_table_script());
}

}  // namespace chuxin::search
