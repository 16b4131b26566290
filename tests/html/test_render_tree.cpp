// render_tree (our walk over kainjow's parsed templates) must write exactly
// what kainjow's own render() writes: user templates were written against
// kainjow (docs/themes.md). Each case renders both ways and compares.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string_view>

#include "core/html_escape.h"
#include "html/context.h"
#include "html/render_tree.h"

using namespace chuxin::html;
using namespace std::string_view_literals;

namespace {

using KData = kainjow::mustache::data;

// The same lookup rules as ViewContext (the view's stack, then the frame,
// then the globals; dotted names level by level), over kainjow's data, for
// kainjow's own render().
class KainjowContext : public kainjow::mustache::basic_context<std::string> {
public:
    KainjowContext(const KData* view, const KData* frame, const KData* globals, const KData* partials)
        : frame_(frame), globals_(globals), partials_(partials) {
        stack_.push_back(view);
    }
    void push(const KData* data) override { stack_.push_back(data); }
    void pop() override { stack_.pop_back(); }
    const KData* get(const std::string& name) const override {
        if (name == ".") return stack_.back();
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (const KData* v = walk(*it, name)) return v;
        if (const KData* v = walk(frame_, name)) return v;
        return walk(globals_, name);
    }
    const KData* get_partial(const std::string& name) const override { return partials_->get(name); }

private:
    static const KData* walk(const KData* at, const std::string& path) {
        for (size_t start = 0; at && start <= path.size();) {
            size_t dot = std::min(path.find('.', start), path.size());
            at = at->get(path.substr(start, dot - start));
            start = dot + 1;
        }
        return at;
    }
    std::vector<const KData*> stack_;
    const KData *frame_, *globals_, *partials_;
};

// The sample values are built twice, as kainjow data (D = KData) and as
// our view data (D = Data), by the same code.
template <class D>
D text(const std::string& s) { return D(s); }

template <class D>
D item(const std::string& name, bool flag) {
    D d(D::type::object);
    d["name"] = text<D>(name);
    d["flag"] = D(flag);
    return d;
}

// A view with every kind of value a template can meet.
template <class D>
D sample_view() {
    D v(D::type::object);
    v["title"] = text<D>("A <b>&</b> \"q\" 'a'");
    v["body"] = text<D>("<p>line one</p>\n<p>line two</p>\n");
    v["yes"] = D(true);
    v["no"] = D(false);
    v["empty"] = D(D::type::list);
    D list(D::type::list);
    list.push_back(item<D>("one", true));
    list.push_back(item<D>("two", false));
    list.push_back(item<D>("", true));
    v["items"] = std::move(list);
    D nested(D::type::object);
    nested["inner"] = text<D>("deep");
    v["obj"] = std::move(nested);
    D words(D::type::list);
    words.push_back(text<D>("x"));
    words.push_back(text<D>("y<"));
    v["words"] = std::move(words);
    v["title"] = text<D>("A <b>&</b> \"q\" 'a'");  // set twice: the last one counts
    // Enough fields for a sealed view to get its lookup table (view_data.h).
    for (int i = 0; i < 40; ++i) v["filler" + std::to_string(i)] = text<D>("f" + std::to_string(i));
    return v;
}

template <class D>
D sample_frame() {
    D frame(D::type::object);
    frame["nav"] = text<D>("frame-nav");
    frame["title"] = text<D>("frame title (shadowed by the view)");
    return frame;
}

template <class D>
D sample_globals() {
    D globals(D::type::object);
    globals["ui_home"] = text<D>("首页");
    globals["site"] = text<D>("站点 & co");
    return globals;
}

std::string kainjow_render(const std::string& tpl_text, const KData& view, const KData& frame, const KData& globals,
                           const KData& partials) {
    Mustache tpl(tpl_text);
    REQUIRE(tpl.is_valid());
    tpl.set_custom_escape([](const std::string& s) {
        std::string out;
        chuxin::append_html_escaped(out, s);
        return out;
    });
    KainjowContext ctx(&view, &frame, &globals, &partials);
    std::ostringstream out;
    tpl.render(ctx, out);
    return out.str();
}

std::string tree_render(const std::string& tpl_text, const Data& view, const Data& frame, const Data& globals,
                        const std::map<std::string, std::string>& partial_texts) {
    Mustache tpl(tpl_text);
    REQUIRE(tpl.is_valid());
    std::map<std::string, std::unique_ptr<CompiledTemplate>> compiled;
    for (const auto& [name, body] : partial_texts) compiled[name] = std::make_unique<CompiledTemplate>(Mustache(body));
    const PartialFinder finder = [&compiled](const std::string& name) -> const CompiledTemplate* {
        auto it = compiled.find(name);
        return it == compiled.end() ? nullptr : it->second.get();
    };
    ViewContext ctx(&view, &frame, &globals);
    std::string out = "kept:";  // render_tree appends: what was there stays
    REQUIRE(render_tree(CompiledTemplate(tpl), ctx, finder, out));
    REQUIRE(out.rfind("kept:", 0) == 0);
    return out.substr(5);
}

}  // namespace

TEST_CASE("render_tree writes what kainjow's render writes") {
    const KData kview = sample_view<KData>(), kframe = sample_frame<KData>(), kglobals = sample_globals<KData>();
    // Ours twice: as built (fields in order) and sealed (sorted, as the views hand them over).
    Data view = sample_view<Data>(), frame = sample_frame<Data>(), globals = sample_globals<Data>();
    Data sealed_view = view, sealed_frame = frame, sealed_globals = globals;
    sealed_view.seal();
    sealed_frame.seal();
    sealed_globals.seal();
    const std::map<std::string, std::string> partial_texts = {
        {"row", "<li>{{name}}</li>\n"},
        {"standalone", "  {{#flag}}\n  [{{name}}]\n  {{/flag}}\n"},
        {"nested", "({{> row}})"},
    };
    KData partials(KData::type::object);
    for (const auto& [name, body] : partial_texts) partials[name] = text<KData>(body);

    const char* templates[] = {
        "",
        "plain text, no tags",
        "{{title}}|{{{title}}}|{{&title}}",
        "{{missing}}[{{no}}][{{yes}}][{{items}}][{{obj}}]",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}",
        "{{#empty}}E{{/empty}}{{^empty}}no items{{/empty}}{{^missing}}absent{{/missing}}",
        "<ul>\n{{#items}}\n<li>{{name}}{{#flag}} *{{/flag}}</li>\n{{/items}}\n</ul>\n",
        "  {{#items}}  \n  {{name}}\n  {{/items}}  \n",
        "\t{{#yes}}\t\n\tindented\n\t{{/yes}}\n",
        "a {{#yes}}inline{{/yes}} b\n{{#no}}x{{/no}}\n  \n{{! comment }}\nafter",
        "{{#items}}{{^name}}(unnamed){{/name}}{{#name}}{{.}}{{/name}}{{/items}}",
        "{{#words}}<{{.}}>{{/words}}|{{#title}}{{.}}{{/title}}",
        "{{obj.inner}}|{{#obj}}{{inner}}/{{title}}{{/obj}}|{{obj.missing}}|{{missing.inner}}",
        "{{nav}} {{title}} {{ui_home}} {{site}}",
        "{{filler0}}{{filler39}}{{#filler7}}[{{.}}]{{/filler7}}{{filler40}}",
        "{{#items}}{{> row}}{{/items}}",
        "{{#items}}\n{{> standalone}}\n{{/items}}",
        "{{#items}}{{> nested}}{{/items}}{{> unknown}}",
        "{{=<% %>=}}<% title %> <%#yes%>y<%/yes%>\n<%={{ }}=%>{{title}}",
        "line\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\nend",
        "{{{body}}}{{#yes}}\n{{/yes}}tail",
        "{{#no}}\n{{/no}}",
        "  {{#yes}}  {{/yes}}  \n  {{^yes}}\n  {{/yes}}\n",
        "{{#yes}}{{#items}}{{#flag}}{{name}};{{/flag}}{{/items}}{{/yes}}",
        "a {{! c }} b\n  {{! standalone comment }}  \n{{#yes}} {{! in section }} \n{{/yes}}x",
        "  {{=| |=}}  \n|title| |#no|n|/no|  \n",
    };
    for (const char* t : templates) {
        INFO("template: " << t);
        const std::string expected = kainjow_render(t, kview, kframe, kglobals, partials);
        CHECK(tree_render(t, view, frame, globals, partial_texts) == expected);
        CHECK(tree_render(t, sealed_view, sealed_frame, sealed_globals, partial_texts) == expected);
    }
}

TEST_CASE("a partial that includes itself is an error, not a crash") {
    const Data view = sample_view<Data>();
    const CompiledTemplate tpl(Mustache("{{> self}}"));
    const CompiledTemplate self(Mustache("x{{> self}}"));
    const PartialFinder finder = [&self](const std::string& name) -> const CompiledTemplate* {
        return name == "self" ? &self : nullptr;
    };
    ViewContext ctx(&view, nullptr, nullptr);
    std::string out;
    CHECK_FALSE(render_tree(tpl, ctx, finder, out));
}

TEST_CASE("append_html_escaped escapes exactly & < > \" ' (property, random bytes)") {
    auto reference = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                default: out += c;
            }
        }
        return out;
    };
    std::mt19937 rng(20260701);
    // Bytes drawn mostly from the tricky range: specials, their neighbours,
    // 0x40 (the word test's edge), NUL and high (UTF-8) bytes.
    // The literal's own length (with its NUL) is taken from the literal, not
    // counted by hand: a hand count of 21 once read a byte past its end.
    constexpr std::string_view specials = "&<>\"'?@AZ!#%;=09 \t\n\0"sv;
    static_assert(specials.size() == 20 && specials.back() == '\0');
    const std::string alphabet = std::string(specials) + "\x80\xe4\xb8\xad\xff\x3f\x40";
    for (int round = 0; round < 5000; ++round) {
        std::string s;
        const size_t len = rng() % 40;
        for (size_t i = 0; i < len; ++i)
            s += (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
        std::string out = "prefix";
        chuxin::append_html_escaped(out, s);
        INFO("round " << round);
        REQUIRE(out == "prefix" + reference(s));
    }
}
