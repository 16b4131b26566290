#pragma once
// The Mustache lookup context of one render: the view model's stack, then
// the shared frame of its folder depth and section (nav, root links), then
// site-wide globals (site title, UI strings …) shared read-only by every
// page so they are built once, not copied into each view.
#include <functional>
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
        // A name is hashed at most once, not once per level it is looked up in.
        Key key{name};
        if (name.size() > 3 && name[0] == 'u' && name[1] == 'i' && name[2] == '_' && globals_)
            if (const Data* v = field(globals_, key)) return v;
        if (!dotted) {
            for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
                if (const Data* v = field(*it, key)) return v;
            if (frame_)
                if (const Data* v = field(frame_, key)) return v;
            return globals_ ? field(globals_, key) : nullptr;
        }
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
    // A name to look up, and its hash once one level has needed it.
    struct Key {
        const std::string& name;
        size_t hash = 0;
        bool hashed = false;
    };
    // Data::get(name), hashing the name only for the first large map. As in
    // libstdc++'s find(), a map of up to 20 fields is scanned without a hash;
    // a larger one is searched in the name's bucket (libstdc++: hash % count).
    // tests/html compares every template against kainjow's own render().
    static const Data* field(const Data* from, Key& key) {
        if (!from->is_object()) return nullptr;
        const auto& fields = fields_of(*from);
        if (fields.size() <= 20) {
            for (const auto& [name, value] : fields)
                if (name == key.name) return &value;
            return nullptr;
        }
        if (!key.hashed) {
            key.hash = std::hash<std::string>{}(key.name);
            key.hashed = true;
        }
        const size_t bucket = key.hash % fields.bucket_count();
        for (auto it = fields.begin(bucket); it != fields.end(bucket); ++it)
            if (it->first == key.name) return &it->second;
        return nullptr;
    }
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
