#include "html/render_tree.h"

#include <array>
#include <string_view>

namespace chuxin::html {

using Component = kainjow::mustache::component<std::string>;
using TagType = kainjow::mustache::tag_type;

void append_escaped(std::string& out, const std::string& s) {
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
        return t;
    }();
    size_t plain = 0;  // start of the run not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
        if (!special[static_cast<unsigned char>(s[i])]) continue;
        out.append(s, plain, i - plain);
        switch (s[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;
        }
        plain = i + 1;
    }
    out.append(s, plain, s.size() - plain);
}

namespace {

constexpr int kMaxPartialDepth = 64;

class TreeRenderer {
public:
    TreeRenderer(ViewContext& ctx, const PartialFinder& partials, std::string& out)
        : ctx_(ctx), partials_(partials), out_(out), line_start_(out.size()) {}

    bool render(const Mustache& tpl) {
        children(root_of(tpl));
        end_line(nullptr);  // the last line, which has no line end
        return ok_;
    }

private:
    void children(const Component& parent) {
        for (const auto& child : parent.children) {
            if (!ok_) return;
            visit(child);
        }
    }

    void visit(const Component& c) {
        switch (c.tag.type) {
            case TagType::text:
                if (c.is_newline()) end_line(&c.text);
                else out_ += c.text;
                return;
            case TagType::variable:
            case TagType::unescaped_variable: {
                const Data* v = ctx_.get(c.tag.name);
                if (v && v->is_string()) {
                    if (c.tag.type == TagType::variable) append_escaped(out_, v->string_value());
                    else out_ += v->string_value();
                }
                return;
            }
            case TagType::section_begin: {
                const Data* v = ctx_.get(c.tag.name);
                if (v && !v->is_false() && !v->is_empty_list()) section(c, v);
                return;
            }
            case TagType::section_begin_inverted: {
                const Data* v = ctx_.get(c.tag.name);
                if (!v || v->is_false() || v->is_empty_list()) section(c, v);
                return;
            }
            case TagType::partial: partial(c.tag.name); return;
            default: children(c); return;  // comments, delimiter changes: nothing to write
        }
    }

    void section(const Component& c, const Data* v) {
        if (v && v->is_non_empty_list()) {
            for (const auto& item : v->list_value()) {
                section_tag_ = true;
                ctx_.push(&item);
                children(c);
                ctx_.pop();
                section_tag_ = true;
            }
            return;
        }
        section_tag_ = true;
        if (v) ctx_.push(v);
        children(c);
        if (v) ctx_.pop();
        section_tag_ = true;
    }

    void partial(const std::string& name) {
        const Mustache* tpl = partials_ ? partials_(name) : nullptr;
        if (!tpl) return;
        if (++depth_ > kMaxPartialDepth) {
            ok_ = false;
            return;
        }
        children(root_of(*tpl));  // shares the current line: no end_line here
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

}  // namespace

bool render_tree(const Mustache& tpl, ViewContext& ctx, const PartialFinder& partials, std::string& out) {
    return TreeRenderer(ctx, partials, out).render(tpl);
}

}  // namespace chuxin::html
