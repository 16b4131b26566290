#include "html/render_tree.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chuxin::html {

using Component = kainjow::mustache::component<std::string>;
using TagType = kainjow::mustache::tag_type;

namespace {

// Words of 8 bytes without a character to escape are copied unexamined.
// Both tests below are the classic exact bit tricks ("has a byte less than",
// "has a zero byte"): they may only say yes too often about *which* byte,
// never miss one, so no special character is ever skipped.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Every character {{ }} escapes is below 0x40; Chinese text (bytes >= 0x80)
// and letters are not: one cheap test clears most words.
bool has_byte_below_0x40(uint64_t word) { return ((word - kOnes * 0x40) & ~word & kHighs) != 0; }

bool has_byte(uint64_t word, unsigned char c) {
    const uint64_t x = word ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHighs) != 0;
}

// Digits, '.', '/', ' ' … are below 0x40 too (dates, hrefs): test exactly.
bool has_special(uint64_t word) {
    return has_byte_below_0x40(word) && (has_byte(word, '&') || has_byte(word, '<') || has_byte(word, '>') ||
                                         has_byte(word, '"') || has_byte(word, '\''));
}

}  // namespace

void append_escaped(std::string& out, const std::string& s) {
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
        return t;
    }();
    const char* p = s.data();
    const size_t n = s.size();
    size_t plain = 0;  // start of the run not yet copied
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (!has_special(word)) {
                i += 8;
                continue;
            }
        }
        for (const size_t end = std::min(n, i + 8); i < end; ++i) {
            if (!special[static_cast<unsigned char>(p[i])]) continue;
            out.append(p + plain, i - plain);
            switch (p[i]) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                default: out += "&#39;"; break;
            }
            plain = i + 1;
        }
    }
    out.append(p + plain, n - plain);
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
