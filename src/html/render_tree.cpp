#include "html/render_tree.h"

#include "core/html_escape.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chuxin::html {

using Component = kainjow::mustache::component<std::string>;
using TagType = kainjow::mustache::tag_type;

struct CompiledTemplate::Node {
    enum class Kind : unsigned char { Text, LineEnd, Escaped, Raw, Section, Inverted, Partial };
    Kind kind = Kind::Text;
    bool dotted = false;      // a name with '.' (looked up level by level)
    uint32_t hash = 0;        // name_hash of the tag's name
    std::string text;         // the text, the line end, or the tag's name
    std::vector<Node> children;  // of a section
};

namespace {

using Node = CompiledTemplate::Node;

void compile(const Component& parent, std::vector<Node>& out) {
    for (const auto& c : parent.children) {
        Node n;
        n.text = c.tag.type == TagType::text ? c.text : c.tag.name;
        n.dotted = n.text.find('.') != std::string::npos;
        n.hash = name_hash(n.text);
        switch (c.tag.type) {
            case TagType::text:
                if (!c.is_newline()) {
                    // Text only appends: joining neighbours changes nothing.
                    if (!out.empty() && out.back().kind == Node::Kind::Text) {
                        out.back().text += c.text;
                        continue;
                    }
                    n.kind = Node::Kind::Text;
                } else {
                    n.kind = Node::Kind::LineEnd;
                }
                break;
            case TagType::variable: n.kind = Node::Kind::Escaped; break;
            case TagType::unescaped_variable: n.kind = Node::Kind::Raw; break;
            case TagType::section_begin: n.kind = Node::Kind::Section; break;
            case TagType::section_begin_inverted: n.kind = Node::Kind::Inverted; break;
            case TagType::partial: n.kind = Node::Kind::Partial; break;
            default: continue;  // comments, delimiter changes: write nothing, hold nothing
        }
        if (n.kind == Node::Kind::Section || n.kind == Node::Kind::Inverted) compile(c, n.children);
        out.push_back(std::move(n));
    }
}

constexpr int kMaxPartialDepth = 64;

}  // namespace

CompiledTemplate::CompiledTemplate(const Mustache& parsed) { compile(root_of(parsed), nodes_); }
CompiledTemplate::~CompiledTemplate() = default;

class TreeRenderer {
public:
    TreeRenderer(ViewContext& ctx, const PartialFinder& partials, std::string& out)
        : ctx_(ctx), partials_(partials), out_(out), line_start_(out.size()) {}

    bool render(const CompiledTemplate& tpl) {
        children(tpl.nodes_);
        end_line(nullptr);  // the last line, which has no line end
        return ok_;
    }

private:
    void children(const std::vector<Node>& nodes) {
        for (const auto& n : nodes) {
            if (!ok_) return;
            visit(n);
        }
    }

    void visit(const Node& n) {
        switch (n.kind) {
            case Node::Kind::Text: out_ += n.text; return;
            case Node::Kind::LineEnd: end_line(&n.text); return;
            case Node::Kind::Escaped:
            case Node::Kind::Raw: {
                const Data* v = ctx_.get(n.text, n.dotted, n.hash);
                if (v && v->is_string()) {
                    if (n.kind == Node::Kind::Escaped) append_html_escaped(out_, v->string_value());
                    else out_ += v->string_value();
                }
                return;
            }
            case Node::Kind::Section: {
                const Data* v = ctx_.get(n.text, n.dotted, n.hash);
                if (v && !v->is_false() && !v->is_empty_list()) section(n, v);
                return;
            }
            case Node::Kind::Inverted: {
                const Data* v = ctx_.get(n.text, n.dotted, n.hash);
                if (!v || v->is_false() || v->is_empty_list()) section(n, v);
                return;
            }
            case Node::Kind::Partial: partial(n.text); return;
        }
    }

    void section(const Node& n, const Data* v) {
        if (v && v->is_non_empty_list()) {
            for (const auto& item : v->list_value()) {
                section_tag_ = true;
                ctx_.push(&item);
                children(n.children);
                ctx_.pop();
                section_tag_ = true;
            }
            return;
        }
        section_tag_ = true;
        if (v) ctx_.push(v);
        children(n.children);
        if (v) ctx_.pop();
        section_tag_ = true;
    }

    void partial(const std::string& name) {
        const CompiledTemplate* tpl = partials_ ? partials_(name) : nullptr;
        if (!tpl) return;
        if (++depth_ > kMaxPartialDepth) {
            ok_ = false;
            return;
        }
        children(tpl->nodes_);  // shares the current line: no end_line here
        --depth_;
    }

    // A line ends: a standalone section line (only blanks besides its tags)
    // disappears with its line end, any other line stays.
    void end_line(const std::string* line_end) {
        bool blank = section_tag_;
        for (size_t i = line_start_; blank && i < out_.size(); ++i)
            blank = out_[i] == ' ' || out_[i] == '\t';
        if (blank) out_.resize(line_start_);
        else if (line_end) out_ += *line_end;
        line_start_ = out_.size();
        section_tag_ = false;
    }

    ViewContext& ctx_;
    const PartialFinder& partials_;
    std::string& out_;
    size_t line_start_;
    bool section_tag_ = false;
    bool ok_ = true;
    int depth_ = 0;
};

bool render_tree(const CompiledTemplate& tpl, ViewContext& ctx, const PartialFinder& partials, std::string& out) {
    return TreeRenderer(ctx, partials, out).render(tpl);
}

}  // namespace chuxin::html
