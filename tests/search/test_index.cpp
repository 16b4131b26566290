// The index files: what the page script reads back. A round trip: every
// gram of every page names the page's text shard, in the gram file its
// hash picks; the text shards hold the pages in order; the same entries
// give the same bytes.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>

#include "core/json_string.h"
#include "core/utf8.h"
#include "search/fold.h"
#include "search/index.h"

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

// gram → shards, parsed back from the gram files ("gram":"shards" lines).
std::map<std::string, std::string> read_grams(const std::vector<IndexFile>& files, int gram_files,
                                              std::map<std::string, int>& file_of) {
    std::map<std::string, std::string> grams;
    for (int k = 0; k < gram_files; ++k) {
        const IndexFile* f = file(files, "search/g/" + std::to_string(k) + ".js");
        REQUIRE(f);
        std::regex line("\"((?:[^\"\\\\]|\\\\.)+)\":\"([0-9a-z,\\-]+)\"");
        for (std::sregex_iterator it(f->bytes.begin(), f->bytes.end(), line), end; it != end; ++it) {
            grams[(*it)[1]] = (*it)[2];
            file_of[(*it)[1]] = k;
        }
    }
    return grams;
}

}  // namespace

TEST_CASE("shard lists round-trip through their base-36 ranges") {
    std::vector<uint32_t> shards = {0, 1, 2, 3, 7, 35, 36, 37, 100};
    CHECK(encode_shards(shards) == "0-3,7,z-11,2s");
    CHECK(decode_shards(encode_shards(shards)) == shards);
    CHECK(decode_shards("0") == std::vector<uint32_t>{0});
}

TEST_CASE("every gram of a page names its shard, in the file its hash picks") {
    std::vector<Entry> entries;
    for (int i = 0; i < 40; ++i)
        entries.push_back(entry("p/" + std::to_string(i) + "/index.html", "第" + std::to_string(i) + "篇",
                                i % 2 ? "民主生活会 RRULE 每個月都" : "主题党日 GB/T 9704 段简"));
    IndexLimits small;
    small.text_shard_bytes = 300;  // several shards
    small.gram_file_bytes = 200;   // several gram files
    const auto files = build_index(entries, small);
    const IndexFile* meta = file(files, "search/meta.js");
    REQUIRE(meta);
    const int shards = number_in(meta->bytes, "textShards");
    const int gram_files = number_in(meta->bytes, "gramFiles");
    CHECK(number_in(meta->bytes, "pages") == 40);
    CHECK(shards > 3);
    CHECK(gram_files > 1);

    // Which shard holds each page: its place in the text shards.
    std::map<std::string, uint32_t> shard_of;
    for (int s = 0; s < shards; ++s) {
        const IndexFile* t = file(files, "search/t/" + std::to_string(s) + ".js");
        REQUIRE(t);
        CHECK(t->bytes.rfind("chuxinSearch.textShard(" + std::to_string(s) + ",[", 0) == 0);
        std::regex href("\\[\"(p/[0-9]+/index.html)\"");
        for (std::sregex_iterator it(t->bytes.begin(), t->bytes.end(), href), end; it != end; ++it)
            shard_of[(*it)[1]] = static_cast<uint32_t>(s);
    }
    REQUIRE(shard_of.size() == 40);

    std::map<std::string, int> file_of;
    const auto grams = read_grams(files, gram_files, file_of);
    for (const auto& e : entries) {
        const std::u32string text = fold_text(e.title + "\n" + e.body);
        for (size_t i = 0; i < text.size(); ++i) {
            for (size_t len : {size_t{1}, size_t{2}}) {
                if (i + len > text.size()) continue;
                std::u32string g = text.substr(i, len);
                if (is_space(g[0]) || is_space(g.back())) continue;
                const std::string key = chuxin::utf8::encode(g);
                INFO(e.href << " gram " << key);
                REQUIRE(grams.count(key));
                CHECK(file_of.at(key) == static_cast<int>(gram_hash(g) % static_cast<uint32_t>(gram_files)));
                const auto list = decode_shards(grams.at(key));
                CHECK(std::find(list.begin(), list.end(), shard_of.at(e.href)) != list.end());
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
}

TEST_CASE("text is escaped as a script string: no </script>, no line separators, no control bytes") {
    std::string out;
    chuxin::append_json_string(out, "a\"b\\c\n</script>\u2028\x01", chuxin::JsonIn::Script);
    CHECK(out == "\"a\\\"b\\\\c\\n\\u003c/script>\\u2028\\u0001\"");
}

TEST_CASE("an empty site still has its files (a query finds nothing, no error)") {
    const auto files = build_index({});
    CHECK(file(files, "search/meta.js"));
    CHECK(file(files, "search/t/0.js"));
    CHECK(file(files, "search/g/0.js"));
    CHECK(file(files, "search/fold.js"));
}
