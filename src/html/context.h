#pragma once
// The Mustache lookup context of one render: the view model's stack, then
// the shared frame of its folder depth and section (nav, root links), then
// site-wide globals (site title, UI strings …) shared read-only by every
// page so they are built once, not copied into each view. The same lookup
// rules as kainjow's context (tests/html renders both ways).
#include <string>
#include <string_view>
#include <vector>

#include "html/view_data.h"

namespace chuxin::html {

class ViewContext {
public:
    ViewContext(const Data* view, const Data* frame, const Data* globals) : frame_(frame), globals_(globals) {
        stack_.push_back(view);
    }
    void push(const Data* data) { stack_.push_back(data); }
    void pop() { stack_.pop_back(); }

    const Data* get(const std::string& name) const {
        return get(name, name.find('.') != std::string::npos, name_hash(name));
    }
    // `dotted`: whether name holds a '.'; `hash`: name_hash(name) (both known
    // in advance for a compiled template).
    const Data* get(const std::string& name, bool dotted, uint32_t hash) const {
        if (name.size() == 1 && name[0] == '.') return stack_.back();
        // UI strings live only in the globals: skip the walk (a third of all lookups).
        if (name.size() > 3 && name[0] == 'u' && name[1] == 'i' && name[2] == '_' && globals_)
            if (const Data* v = globals_->get(name, hash)) return v;
        if (!dotted) {
            for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
                if (const Data* v = (*it)->get(name, hash)) return v;
            if (frame_)
                if (const Data* v = frame_->get(name, hash)) return v;
            return globals_ ? globals_->get(name, hash) : nullptr;
        }
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (const Data* v = walk(*it, name)) return v;
        if (frame_)
            if (const Data* v = walk(frame_, name)) return v;
        return globals_ ? walk(globals_, name) : nullptr;
    }

private:
    static const Data* walk(const Data* from, std::string_view path) {
        size_t start = 0;
        const Data* at = from;
        while (at && start <= path.size()) {
            size_t dot = path.find('.', start);
            if (dot == std::string_view::npos) dot = path.size();
            at = at->get(path.substr(start, dot - start));
            start = dot + 1;
        }
        return at;
    }

    std::vector<const Data*> stack_;
    const Data* frame_;
    const Data* globals_;
};

}  // namespace chuxin::html
