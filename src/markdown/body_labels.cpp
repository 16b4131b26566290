#include "markdown/body_labels.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstring>
#include <vector>

#include "markdown/escape.h"

namespace chuxin::markdown {
namespace {

constexpr BodyLabels kZh{"已完成", "未完成", "返回正文"};
constexpr BodyLabels kEn{"Done", "Not done", "Back to content"};

bool is_task_item(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, "tasklist") == 0;
}

bool may_hold_lists(cmark_node_type type) {
    return type == CMARK_NODE_DOCUMENT || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM ||
           type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_FOOTNOTE_DEFINITION;
}

// The tasklist extension would write a nameless <input>; the item becomes a
// plain one that starts with our own. Inside the first paragraph (tight
// lists print no <p>), the bytes are cmark's plus the name.
void relabel(cmark_node* item, const BodyLabels& labels, cmark_mem* mem,
             std::unordered_map<const cmark_node*, bool>& tasks) {
    const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    tasks[item] = checked;
    std::string input = checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\""
                                : "<input type=\"checkbox\" disabled=\"\" aria-label=\"";
    append_escaped(input, checked ? labels.task_done : labels.task_open);
    input += "\" /> ";
    cmark_node_set_syntax_extension(item, nullptr);

    cmark_node* first = cmark_node_first_child(item);
    const bool in_paragraph = first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
    cmark_node* box = cmark_node_new_with_mem(in_paragraph ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK, mem);
    cmark_node_set_on_enter(box, input.c_str());
    cmark_node_set_on_exit(box, "");
    cmark_node_prepend_child(in_paragraph ? first : item, box);
}

}  // namespace

const BodyLabels& body_labels(Lang lang) {
    return lang == Lang::En ? kEn : kZh;
}

void label_task_items(cmark_node* document, const BodyLabels& labels, cmark_mem* mem,
                      std::unordered_map<const cmark_node*, bool>& tasks) {
    // Only containers can hold lists: paragraphs, tables and their inlines
    // are never entered. A stack, not recursion: quotes nest without limit.
    std::vector<cmark_node*> pending{document};
    while (!pending.empty()) {
        cmark_node* node = pending.back();
        pending.pop_back();
        for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
            if (!may_hold_lists(cmark_node_get_type(child))) continue;
            if (is_task_item(child)) relabel(child, labels, mem, tasks);
            pending.push_back(child);
        }
    }
}

bool has_footnotes(cmark_node* document) {
    cmark_node* last = cmark_node_last_child(document);
    return last && cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION;
}

std::string label_backrefs(std::string_view html, const BodyLabels& labels) {
    // A back-link is the <a …> start tag with class="footnote-backref".
    // Author text cannot spell that attribute: its quotes are escaped (and
    // with raw_html on, an author's own back-link is named the same way).
    static constexpr std::string_view kClass = "class=\"footnote-backref\"";
    static constexpr std::string_view kLabel = "aria-label=\"";
    std::string out;
    out.reserve(html.size() + 64);
    size_t copied = 0;
    for (size_t at = html.find(kClass); at != std::string_view::npos; at = html.find(kClass, copied)) {
        const size_t tag_start = html.rfind('<', at);
        const size_t tag_end = html.find('>', at);
        if (tag_start == std::string_view::npos || tag_start < copied || tag_end == std::string_view::npos) break;
        const std::string_view tag = html.substr(tag_start, tag_end - tag_start);  // "<a … " without '>'
        const size_t label = tag.find(kLabel);
        const size_t value_end = label == std::string_view::npos ? label : tag.find('"', label + kLabel.size());
        out.append(html.substr(copied, tag_start - copied));
        if (value_end == std::string_view::npos) {  // no label: one is added
            out.append(tag);
            out += " aria-label=\"";
            append_escaped(out, labels.footnote_back);
            out += '"';
        } else {
            out.append(tag.substr(0, label + kLabel.size()));
            append_escaped(out, labels.footnote_back);
            out.append(tag.substr(value_end));
        }
        copied = tag_end;
    }
    out.append(html.substr(copied));
    return out;
}

}  // namespace chuxin::markdown
