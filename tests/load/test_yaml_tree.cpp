// The YAML tree (libyaml events → YamlNode) checked against a second,
// independent parser: yaml-cpp must see the same structure, values, nulls
// and lines on every document, and the same columns once its byte columns
// are counted in code points.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "core/utf8.h"
#include "load/yaml_source.h"

using namespace chuxin;
using namespace chuxin::load;

namespace {

std::string dump_ours(const YamlNode& n, const YamlSource& src) {
    SourcePos p = src.pos(n);
    std::string at = "@" + std::to_string(p.line) + ":" + std::to_string(p.col);
    if (n.is_null()) return "~";
    if (n.is_scalar()) return "'" + n.scalar() + "'" + at;
    std::string out;
    if (n.is_sequence()) {
        out = "[";
        for (const auto& item : n.items()) out += dump_ours(item, src) + ",";
        return out + "]";
    }
    out = "{";
    for (const auto& [k, v] : n.pairs()) out += dump_ours(k, src) + ":" + dump_ours(v, src) + ",";
    return out + "}";
}

std::string dump_theirs(const YAML::Node& n, const YamlSource& src) {
    auto m = n.Mark();
    std::string line(src.line(m.line));
    std::string at = "@" + std::to_string(m.line + 1) + ":" +
                     std::to_string(utf8::column_of(line, static_cast<size_t>(m.column)));
    if (n.IsNull()) return "~";
    if (n.IsScalar()) return "'" + n.Scalar() + "'" + at;
    std::string out;
    if (n.IsSequence()) {
        out = "[";
        for (const auto& item : n) out += dump_theirs(item, src) + ",";
        return out + "]";
    }
    out = "{";
    for (auto it = n.begin(); it != n.end(); ++it)
        out += dump_theirs(it->first, src) + ":" + dump_theirs(it->second, src) + ",";
    return out + "}";
}

}  // namespace

TEST_CASE("yaml tree: same documents as yaml-cpp") {
    const std::vector<std::string> docs = {
        "title: 老支书的故事\ndate: 2026-03-03\n",
        "tags: [党章, 党史, \"引号\", '单引号']\nempty:\nnull1: ~\nnull2: null\nq: \"null\"\n",
        "items:\n  - id: c1\n    issue: 理论学习不够系统深入\n    status: done\n  - {id: c2, issue: 问题, status: 整改中}\n",
        "absent:\n  - {name: 赵某, reason: 出差}\n  - 钱某\nextra: {a: {b: [1, 2]}, c: 中文}\n",
        "summary: |\n  第一行\n  第二行\nnote: >\n  折叠\n  的文字\n",
        "long: 这是一段\n  跨行的普通文字\nafter: x  # 注释\n",
        "a: &x [一, 二]\nb: *x\nc: &y {k: 值}\nd: *y\n",
        "escaped: \"tab\\there \\u4e2d\"\nsingle: 'it''s'\ncolon: \"14:30-16:30\"\nplain: 14:30-16:30\n",
        "include:\n  - part: 第一部分 学习计划\n    items: [schedules/2026]\n  - \"cases/*\"\n",
        "- a\n- [b, c]\n- {d: e}\n-\n  - nested\n",
        "k:\n- not indented\n- 列表\nm: 1\n",
        "? complex\n: value\n",
        "",
        "just text 只有文字\n",
    };
    for (const auto& doc : docs) {
        INFO(doc);
        Diagnostics diags;
        ParsedYaml ours = parse_yaml("f.md", doc, 1, diags);
        REQUIRE_FALSE(diags.has_errors());
        REQUIRE(ours.root);
        YAML::Node theirs = YAML::Load(doc);
        if (!theirs.IsDefined() || theirs.IsNull()) {
            CHECK_FALSE(ours.root->is_scalar());
            CHECK(ours.root->size() == 0);
            continue;
        }
        CHECK(dump_ours(*ours.root, ours.source) == dump_theirs(theirs, ours.source));
    }
}
