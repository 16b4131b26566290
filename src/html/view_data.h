#pragma once
// The values of a view model (view.h): what render_tree walks. Before, the
// views were kainjow's own `data`, where every field costs a hash-map node,
// a heap std::string object and its buffer, and a page's view (about a
// hundred fields, lists of objects) took more time to build and free than
// its templates took to render. Here a value holds its string, its items
// and its fields inline: a field costs nothing beyond its key and text
// buffers when they outgrow the short-string buffer.
//
// An object's fields are appended while a view is built, each with a hash
// of its name (names are short: compared by hash first). A small object is
// searched from its last field back (the last of equal names wins, as
// `insert_or_assign` did); seal() gives a large one (the page's view, the
// globals) an open-addressing table of field positions. Templates hash the
// names they look up once, when compiled (render_tree.cpp). Only what render_tree
// and the views use is here; tests/html renders each template both with
// kainjow's render() over kainjow data and with render_tree over this.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chuxin::html {

// FNV-1a (32 bits) of a field name.
inline uint32_t name_hash(std::string_view name) {
    uint32_t h = 2166136261u;
    for (unsigned char c : name) h = (h ^ c) * 16777619u;
    return h;
}

class Data {
public:
    enum class type : unsigned char { object, list, string, bool_true, bool_false };
    struct Field;

    Data() = default;  // an empty object
    explicit Data(type t) : type_(t) {}
    explicit Data(bool b) : type_(b ? type::bool_true : type::bool_false) {}
    explicit Data(std::string text) : type_(type::string), text_(std::move(text)) {}
    explicit Data(const char* text) : type_(type::string), text_(text) {}
    Data(Data&&) noexcept = default;
    Data& operator=(Data&&) noexcept = default;
    Data(const Data&) = default;
    Data& operator=(const Data&) = default;

    bool is_object() const { return type_ == type::object; }
    bool is_string() const { return type_ == type::string; }
    bool is_list() const { return type_ == type::list; }
    bool is_false() const { return type_ == type::bool_false; }
    bool is_empty_list() const { return type_ == type::list && items_.empty(); }
    bool is_non_empty_list() const { return type_ == type::list && !items_.empty(); }

    const std::string& string_value() const { return text_; }
    std::string& string_value() { return text_; }
    const std::vector<Data>& list_value() const { return items_; }
    std::vector<Data>& list_value() { return items_; }
    void push_back(Data item) { items_.push_back(std::move(item)); }

    // Objects. add() appends (no check for an earlier field of that name);
    // seal() then sorts. get() finds a field (nullptr if absent or not an
    // object); set() and operator[] replace or insert, sealed or not.
    inline void add(std::string key, Data value);
    inline void seal();
    inline const Data* get(std::string_view key) const { return get(key, name_hash(key)); }
    inline const Data* get(std::string_view key, uint32_t hash) const;
    inline Data& set(std::string key, Data value);
    inline Data& operator[](const std::string& key);
    inline size_t field_count() const;
    void reserve_fields(size_t n) { fields_.reserve(n); }

private:
    inline Data* find(std::string_view key, uint32_t hash);
    static constexpr size_t kScanned = 12;  // objects with up to this many fields have no table
    type type_ = type::object;
    std::string text_;
    std::vector<Data> items_;
    std::vector<Field> fields_;
    std::vector<uint32_t> table_;  // sealed large objects: field position + 1 per slot, 0 = empty
};

struct Data::Field {
    std::string key;
    uint32_t hash;
    Data value;
};

inline void Data::add(std::string key, Data value) {
    const uint32_t hash = name_hash(key);
    fields_.push_back({std::move(key), hash, std::move(value)});
    table_.clear();
}

inline void Data::seal() {
    table_.clear();
    if (fields_.size() <= kScanned) return;
    size_t size = 32;
    while (size < fields_.size() * 2) size *= 2;
    table_.assign(size, 0);
    const size_t mask = size - 1;
    for (size_t i = 0; i < fields_.size(); ++i) {
        for (size_t slot = fields_[i].hash & mask;; slot = (slot + 1) & mask) {
            uint32_t& at = table_[slot];
            if (at == 0 || (fields_[at - 1].hash == fields_[i].hash && fields_[at - 1].key == fields_[i].key)) {
                at = static_cast<uint32_t>(i + 1);  // a later field of the same name replaces the earlier
                break;
            }
        }
    }
}

inline Data* Data::find(std::string_view key, uint32_t hash) {
    if (type_ != type::object) return nullptr;
    if (!table_.empty()) {
        const size_t mask = table_.size() - 1;
        for (size_t slot = hash & mask; table_[slot] != 0; slot = (slot + 1) & mask) {
            Field& f = fields_[table_[slot] - 1];
            if (f.hash == hash && f.key == key) return &f.value;
        }
        return nullptr;
    }
    for (auto it = fields_.rbegin(); it != fields_.rend(); ++it)
        if (it->hash == hash && it->key == key) return &it->value;
    return nullptr;
}

inline const Data* Data::get(std::string_view key, uint32_t hash) const {
    return const_cast<Data*>(this)->find(key, hash);
}

inline Data& Data::set(std::string key, Data value) {
    if (Data* existing = find(key, name_hash(key))) return *existing = std::move(value);
    const bool had_table = !table_.empty();
    add(std::move(key), std::move(value));
    if (had_table) seal();
    return fields_.back().value;
}

inline Data& Data::operator[](const std::string& key) {
    if (Data* existing = find(key, name_hash(key))) return *existing;
    return set(key, Data());
}

inline size_t Data::field_count() const { return fields_.size(); }

}  // namespace chuxin::html
