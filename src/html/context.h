#pragma once
// The Mustache lookup context of one render: the view model's stack, then
// the shared frame of its folder depth and section (nav, root links), then
// site-wide globals (site title, UI strings …) shared read-only by every
// page so they are built once, not copied into each view.
#include <string>
#include <vector>

#include "html/template_impl.h"

namespace chuxin::html {

class ViewContext : public kainjow::mustache::basic_context<std::string> {
public:
    ViewContext(const Data* view, const Data* frame, const Data* globals, const Data* partials)
        : frame_(frame), globals_(globals), partials_(partials) {
        stack_.push_back(view);
    }
    void push(const Data* data) override { stack_.push_back(data); }
    void pop() override { stack_.pop_back(); }

    const Data* get(const std::string& name) const override {
        return get(name, name.find('.') != std::string::npos);
    }
    // `dotted`: whether name holds a '.' (known in advance for a compiled template).
    const Data* get(const std::string& name, bool dotted) const {
        if (name.size() == 1 && name[0] == '.') return stack_.back();
        // UI strings live only in the globals: skip the walk (a third of all lookups).
        if (name.size() > 3 && name[0] == 'u' && name[1] == 'i' && name[2] == '_' && globals_)
            if (const Data* v = globals_->get(name)) return v;
        if (!dotted) {
            for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
                if (const Data* v = (*it)->get(name)) return v;
            if (frame_)
                if (const Data* v = frame_->get(name)) return v;
            return globals_ ? globals_->get(name) : nullptr;
        }
        // "a.b.c": the first level that resolves the whole path wins (Mustache spec).
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (const Data* v = walk(*it, name)) return v;
        if (frame_)
            if (const Data* v = walk(frame_, name)) return v;
        return globals_ ? walk(globals_, name) : nullptr;
    }
    const Data* get_partial(const std::string& name) const override {
        return partials_ ? partials_->get(name) : nullptr;
    }

private:
    static const Data* walk(const Data* from, const std::string& path) {
        size_t start = 0;
        const Data* at = from;
        while (at && start <= path.size()) {
            size_t dot = path.find('.', start);
            if (dot == std::string::npos) dot = path.size();
            at = at->get(path.substr(start, dot - start));
            start = dot + 1;
        }
        return at;
    }

    std::vector<const Data*> stack_;
    const Data* frame_;
    const Data* globals_;
    const Data* partials_;
};

// Collects rendered text (kainjow writes through `stream << str`).
struct Appender {
    std::string& text;
    Appender& operator<<(const std::string& s) {
        text += s;
        return *this;
    }
};

}  // namespace chuxin::html
