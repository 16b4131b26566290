// The index files: what the page script reads back. A round trip: every
// gram of every page is in the file its hash picks and its sets name the
// page (with its occurrences up to three, in the title, in a heading); a
// gram's context is around every occurrence of it; the text files inflate
// (with the dictionary in front, as search.js does) to the pages' records;
// the same entries give the same bytes.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <map>
#include <regex>
#include <set>

#include "core/json_string.h"
#include "core/utf8.h"
#include "search/compress.h"
#include "search/fold.h"
#include "search/index.h"
#include "search/set_code.h"

using namespace chuxin::search;

namespace {

Entry entry(std::string href, std::string title, std::string body) {
    Entry e;
    e.href = std::move(href);
    e.title = std::move(title);
    e.kind = "page";
    e.body = std::move(body);
    return e;
}

const IndexFile* file(const std::vector<IndexFile>& files, const std::string& path) {
    for (const auto& f : files)
        if (f.path == path) return &f;
    return nullptr;
}

int number_in(const std::string& text, const std::string& key) {
    std::smatch m;
    std::regex re("\"" + key + "\":([0-9]+)");
    REQUIRE(std::regex_search(text, m, re));
    return std::stoi(m[1]);
}

// A JSON string at `at` (the opening quote), unescaped; `at` moves past it.
std::string read_string(const std::string& s, size_t& at) {
    REQUIRE(s[at] == '"');
    std::string out;
    for (++at; s[at] != '"'; ++at) {
        if (s[at] != '\\') {
            out += s[at];
            continue;
        }
        ++at;
        if (s[at] == 'u') {
            chuxin::utf8::append(out, static_cast<char32_t>(std::stoul(s.substr(at + 1, 4), nullptr, 16)));
            at += 4;
        } else {
            out += s[at] == 'n' ? '\n' : s[at];
        }
    }
    ++at;
    return out;
}

// gram → its record's strings, parsed back from the gram files.
std::map<std::string, std::vector<std::string>> read_grams(const std::vector<IndexFile>& files, int gram_files,
                                                           std::map<std::string, int>& file_of) {
    std::map<std::string, std::vector<std::string>> grams;
    for (int k = 0; k < gram_files; ++k) {
        const IndexFile* f = file(files, "search/g/" + std::to_string(k) + ".js");
        REQUIRE(f);
        const std::string& s = f->bytes;
        const std::string head = "chuxinSearch.gramFile(" + std::to_string(k) + ",{";
        REQUIRE(s.rfind(head, 0) == 0);
        size_t at = head.size();
        while (s[at] == '"') {
            const std::string gram = read_string(s, at);
            REQUIRE(s.substr(at, 2) == ":[");
            at += 2;
            std::vector<std::string> parts;
            while (s[at] == '"') {
                parts.push_back(read_string(s, at));
                if (s[at] == ',') ++at;
            }
            REQUIRE(s[at] == ']');
            at += 1;
            if (s[at] == ',') at += 2;  // ",\n"
            grams[gram] = parts;
            file_of[gram] = k;
        }
    }
    return grams;
}

std::string part(const std::vector<std::string>& record, size_t k) { return k < record.size() ? record[k] : ""; }

bool has(const std::vector<uint32_t>& ids, uint32_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// What search.js does: a zlib header, the dictionary as a stored block,
// the file's bytes; the dictionary's bytes dropped from what comes out.
std::string inflate_text_file(const std::string& base64_bytes, const std::string& dictionary) {
    static const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : base64_bytes) {
        if (c == '=') break;
        acc = acc << 6 | static_cast<uint32_t>(digits.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>(acc >> bits & 0xFF);
        }
    }
    const auto n = static_cast<uint16_t>(dictionary.size());
    std::string stream = {'\x78', '\x01', '\0', static_cast<char>(n & 0xFF), static_cast<char>(n >> 8),
                          static_cast<char>(~n & 0xFF), static_cast<char>((~n >> 8) & 0xFF)};
    stream += dictionary + bytes;
    std::string out(1 << 20, '\0');
    uLongf size = out.size();
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(stream.data()),
                       stream.size()) == Z_OK);  // checks the Adler-32 too
    out.resize(size);
    REQUIRE(out.rfind(dictionary, 0) == 0);
    return out.substr(dictionary.size());
}

std::string script_argument(const std::string& bytes, const std::string& head) {
    REQUIRE(bytes.rfind(head, 0) == 0);
    size_t at = head.size();
    return read_string(bytes, at);
}

std::vector<Entry> sample_entries(int n) {
    std::vector<Entry> entries;
    for (int i = 0; i < n; ++i) {
        Entry e = entry("p/" + std::to_string(100 + i) + "/index.html", "第" + std::to_string(i) + "篇",
                        i % 2 ? "民主生活会 RRULE 每個月都" : "主题党日 GB/T 9704 段简 段简 段简 段简");
        if (i % 3 == 0) e.headings = {"会议记录"};
        entries.push_back(e);
    }
    return entries;
}

}  // namespace

TEST_CASE("page sets: the shorter of a gap list and a bitmap, read back") {
    std::string n;
    append_number(n, 450);
    CHECK(n == "[!");  // digit 55 says "more": (55 − 45)·45, then digit 0
    size_t at = 0;
    CHECK(read_number(n, at) == 450);
    CHECK(encode_set({0, 2}, 1000) == "!$");
    CHECK(encode_set({}, 10).empty());
    std::vector<uint32_t> dense;
    for (uint32_t i = 0; i < 1000; i += 2) dense.push_back(i);
    const std::string bitmap = encode_set(dense, 1000);
    CHECK(bitmap[0] == '#');
    CHECK(bitmap.size() == 1 + 167);
    CHECK(decode_set(bitmap, 1000) == dense);
    std::vector<uint32_t> sparse = {3, 44, 45, 2000, 2024, 99999};
    CHECK(decode_set(encode_set(sparse, 100000), 100000) == sparse);
    for (char c : bitmap + encode_set(sparse, 100000)) {
        CHECK(c != '"');
        CHECK(c != '\\');
        CHECK(c != '<');
    }
}

TEST_CASE("every gram of a page is in its hash's file, and its sets name the page") {
    const std::vector<Entry> entries = sample_entries(40);
    IndexLimits small;
    small.gram_file_bytes = 200;  // several gram files
    const auto files = build_index(entries, small);
    const IndexFile* meta = file(files, "search/meta.js");
    REQUIRE(meta);
    const int gram_files = number_in(meta->bytes, "gramFiles");
    CHECK(number_in(meta->bytes, "pages") == 40);
    CHECK(number_in(meta->bytes, "textChunks") == 10);
    CHECK(gram_files > 1);

    std::map<std::string, int> file_of;
    const auto grams = read_grams(files, gram_files, file_of);
    for (uint32_t id = 0; id < entries.size(); ++id) {
        const FoldedPage page = fold_page(entries[id]);
        const std::u32string& text = page.text;
        std::map<std::u32string, int> counts;
        for (size_t i = 0; i < text.size(); ++i)
            for (size_t len : {size_t{1}, size_t{2}})
                if (i + len <= text.size() && !is_space(text[i]) && !is_space(text[i + len - 1])) ++counts[text.substr(i, len)];
        for (const auto& [g, count] : counts) {
            const std::string key = chuxin::utf8::encode(g);
            INFO(entries[id].href << " gram " << key);
            REQUIRE(grams.count(key));
            const auto& record = grams.at(key);
            CHECK(file_of.at(key) == static_cast<int>(gram_hash(g) % static_cast<uint32_t>(gram_files)));
            CHECK(has(decode_set(part(record, 0), 40), id));
            CHECK(has(decode_set(part(record, 1), 40), id) == (count >= 2));
            CHECK(has(decode_set(part(record, 2), 40), id) == (count >= 3));
            const bool in_title = fold_text(entries[id].title).find(g) != std::u32string::npos;
            const bool in_heading = !entries[id].headings.empty() && fold_text(entries[id].headings[0]).find(g) != std::u32string::npos;
            CHECK(has(decode_set(part(record, 3), 40), id) == in_title);
            CHECK(has(decode_set(part(record, 4), 40), id) == (in_title || in_heading));
            if (g.size() < 2) continue;
            // The context is around every occurrence.
            const std::u32string left = chuxin::utf8::decode(part(record, 5)), right = chuxin::utf8::decode(part(record, 6));
            for (size_t at = text.find(g); at != std::u32string::npos; at = text.find(g, at + 1)) {
                CHECK(at >= left.size());
                CHECK(text.substr(at - std::min(at, left.size()), left.size()) == left);
                CHECK(text.substr(at + 2, right.size()) == right);
            }
        }
    }
    // Folded: the traditional 個 is indexed as 个, upper case as lower.
    CHECK(grams.count("个月"));
    CHECK_FALSE(grams.count("個月"));
    CHECK(grams.count("ru"));
    CHECK_FALSE(grams.count("RU"));
    // No gram spans a space: "gb/t 9704" gives "/t" and "97", never "t " or " 9".
    CHECK(grams.count("97"));
    CHECK_FALSE(grams.count("t 9"));
    // 生活 is always inside 民主生活会 here: its context says so, which
    // settles a query 民主生活会 from 生活's pages alone.
    CHECK(part(grams.at("生活"), 5) == "民主");
    CHECK(part(grams.at("生活"), 6) == "会");
    // 段简 is followed by a space or by 段简 again: no right context.
    CHECK(part(grams.at("段简"), 6).empty());
}

TEST_CASE("the text files inflate, with the dictionary in front, to the pages' records in order") {
    const std::vector<Entry> entries = sample_entries(10);
    const auto files = build_index(entries);
    const std::string dictionary = script_argument(file(files, "search/d.js")->bytes, "chuxinSearch.dictionary(");
    CHECK(dictionary == text_dictionary(entries));
    CHECK(dictionary.size() <= kMaxDictionary);
    for (size_t c = 0; c < 3; ++c) {
        const IndexFile* f = file(files, "search/t/" + std::to_string(c) + ".js");
        REQUIRE(f);
        const std::string text = inflate_text_file(
            script_argument(f->bytes, "chuxinSearch.textChunk(" + std::to_string(c) + ","), dictionary);
        std::string expected = "[";
        for (size_t i = c * 4; i < std::min<size_t>(entries.size(), c * 4 + 4); ++i)
            expected += (i > c * 4 ? "," : "") + page_record(entries[i]);
        CHECK(text == expected + "]");
    }
    CHECK_FALSE(file(files, "search/t/3.js"));
}

TEST_CASE("the page table: kind, branch and date of every page, in site order") {
    std::vector<Entry> entries = sample_entries(3);
    entries[1].kind = "minutes";
    entries[1].org = "jiguan-1";
    entries[1].date = "2026-03-31";
    const auto files = build_index(entries);
    const std::string& t = file(files, "search/p.js")->bytes;
    // kinds ["page","minutes"], orgs ["","jiguan-1"]; (2026−1900)·372 + 2·31 + 31 = 46965 = 23·45² + 8·45 + 30
    std::string codes = "!!!";
    append_number(codes, 1);
    append_number(codes, 1);
    append_number(codes, 46965);
    codes += "!!!";
    CHECK(t == "chuxinSearch.pageTable([\"page\",\"minutes\"],[\"\",\"jiguan-1\"],\"" + codes + "\");\n");
}

TEST_CASE("the same entries give the same files, byte for byte") {
    std::vector<Entry> entries = {entry("a/index.html", "甲", "学习 2026"), entry("b/index.html", "乙", "會議")};
    const auto one = build_index(entries);
    const auto two = build_index(entries);
    REQUIRE(one.size() == two.size());
    for (size_t i = 0; i < one.size(); ++i) {
        CHECK(one[i].path == two[i].path);
        CHECK(one[i].bytes == two[i].bytes);
    }
    for (size_t i = 1; i < one.size(); ++i) CHECK(one[i - 1].path < one[i].path);
    IndexLimits one_thread;
    one_thread.threads = 1;
    const auto three = build_index(entries, one_thread);
    REQUIRE(three.size() == one.size());
    for (size_t i = 0; i < one.size(); ++i) CHECK(three[i].bytes == one[i].bytes);
}

TEST_CASE("text is escaped as a script string: no </script>, no line separators, no control bytes") {
    std::string out;
    chuxin::append_json_string(out, "a\"b\\c\n</script>\u2028\x01", chuxin::JsonIn::Script);
    CHECK(out == "\"a\\\"b\\\\c\\n\\u003c/script>\\u2028\\u0001\"");
    const auto files = build_index({entry("a/index.html", "</script>", "</script> \"")});
    for (const auto& f : files) CHECK(f.bytes.find("</") == std::string::npos);
}

TEST_CASE("an empty site still has its files (a query finds nothing, no error)") {
    const auto files = build_index({});
    CHECK(file(files, "search/meta.js"));
    CHECK(file(files, "search/t/0.js"));
    CHECK(file(files, "search/g/0.js"));
    CHECK(file(files, "search/p.js"));
    CHECK(file(files, "search/d.js"));
    CHECK(file(files, "search/fold.js"));
}
