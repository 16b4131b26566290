#pragma once
// The one door of a handbook build to the outside world (docs/architecture.md
// "The World"): the site's files (images), the installed fonts and the clock.
// The handbook, layout, fonts and pdf stages ask a World and nothing else, so
// a book can be laid out and written from memory (tests, a long-running
// server) exactly as from disk. fonts::SystemWorld is the disk, fontconfig and
// SOURCE_DATE_EPOCH; MemoryWorld (core/memory_world.h) holds everything in
// memory and records what was asked.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chuxin {

// Immutable bytes kept alive by a shared owner: a std::string in memory, or
// a mapped font file (fonts are tens of megabytes; copying them per face
// would cost more than the whole layout).
class Bytes {
public:
    Bytes() = default;
    Bytes(std::shared_ptr<const void> owner, std::string_view data)
        : owner_(std::move(owner)), data_(data) {}
    static Bytes copy_of(std::string text) {
        auto owned = std::make_shared<const std::string>(std::move(text));
        std::string_view view(*owned);
        return Bytes(std::move(owned), view);
    }
    std::string_view view() const { return data_; }
    const char* data() const { return data_.data(); }
    size_t size() const { return data_.size(); }
    const std::shared_ptr<const void>& owner() const { return owner_; }

private:
    std::shared_ptr<const void> owner_;
    std::string_view data_;
};

// One installed face: a font file (`file` names it for World::font_data) and
// the face's index within it (TTC), with the names it answers to.
struct FontFile {
    std::string family;                 // the first family name listed for the face
    std::vector<std::string> families;  // every name (e.g. also "文泉驿微米黑")
    std::string file;
    unsigned index = 0;  // face within a TTC
    std::string format;  // "TrueType", "CFF", …
    bool operator==(const FontFile& o) const { return file == o.file && index == o.index; }
};

class World {
public:
    virtual ~World() = default;
    // A file of the site by its path relative to the site folder
    // ("content/cases/a.png", "static/logo.png"); nullopt when there is none.
    virtual std::optional<Bytes> read_file(const std::string& path) const = 0;
    // The faces to try for `family`, best first; substitutes follow when the
    // family is missing, so only the first answer tells whether it is there.
    virtual std::vector<FontFile> font_matches(const std::string& family) const = 0;
    // Every installed upright, regular-weight, normal-width face, sorted by
    // family, file and index: the end of every fallback chain.
    virtual std::vector<FontFile> regular_fonts() const = 0;
    // The bytes of the file holding `face`; nullopt when it cannot be read.
    virtual std::optional<Bytes> font_data(const FontFile& face) const = 0;
    // The build's clock, in seconds since the epoch: the PDF's creation date.
    // nullopt: the build has no date (the PDF then carries none), which is
    // what a reproducible build wants unless SOURCE_DATE_EPOCH says otherwise.
    virtual std::optional<long long> now() const = 0;
};

}  // namespace chuxin
