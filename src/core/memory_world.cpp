#include "core/memory_world.h"

#include <algorithm>
#include <tuple>

namespace chuxin {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

bool lists(const FontFile& face, const std::string& family) {
    return std::any_of(face.families.begin(), face.families.end(),
                       [&](const std::string& name) { return same_name(name, family); });
}

}  // namespace

void MemoryWorld::add_file(const std::string& path, std::string bytes) {
    files_[path] = Bytes::copy_of(std::move(bytes));
}

void MemoryWorld::add_font(const FontFile& face, std::string bytes) {
    font_files_[face.file] = Bytes::copy_of(std::move(bytes));
    add_font(face);
}

void MemoryWorld::add_font(const FontFile& face) { faces_.push_back(face); }

void MemoryWorld::record(std::string request) const {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
}

std::optional<Bytes> MemoryWorld::read_file(const std::string& path) const {
    auto it = files_.find(path);
    record("file " + path + (it == files_.end() ? " (missing)" : ""));
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

std::vector<FontFile> MemoryWorld::font_matches(const std::string& family) const {
    std::vector<FontFile> out;
    for (const FontFile& f : faces_)
        if (lists(f, family)) out.push_back(f);
    for (const FontFile& f : faces_)
        if (!lists(f, family)) out.push_back(f);
    return out;
}

std::vector<FontFile> MemoryWorld::regular_fonts() const {
    std::vector<FontFile> out = faces_;
    std::sort(out.begin(), out.end(), [](const FontFile& a, const FontFile& b) {
        return std::tie(a.family, a.file, a.index) < std::tie(b.family, b.file, b.index);
    });
    return out;
}

std::optional<Bytes> MemoryWorld::font_data(const FontFile& face) const {
    auto it = font_files_.find(face.file);
    record("font " + face.file + (it == font_files_.end() ? " (missing)" : ""));
    if (it == font_files_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> MemoryWorld::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

}  // namespace chuxin
