#include "import/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace chuxin::import {

bool safe_entry_name(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
    if (name.size() > 1 && name[1] == ':') return false;  // C:…
    if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) return false;
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        if (name.compare(start, end - start, "..") == 0) return false;
        start = end + 1;
    }
    return true;
}

ZipArchive::ZipArchive(std::string bytes, ZipLimits limits) : bytes_(std::move(bytes)), limits_(limits) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &err);
    if (src) {
        // ZIP_CHECKCONS: the central directory must agree with the local
        // headers, so a crafted archive cannot show one size and hold another.
        archive_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
        if (!archive_) zip_source_free(src);
    }
    if (!archive_) {
        error_ = zip_error_code_zip(&err) == ZIP_ER_NOZIP ? "it is not a zip archive" : zip_error_strerror(&err);
        zip_error_fini(&err);
        return;
    }
    zip_error_fini(&err);
    zip_int64_t count = zip_get_num_entries(archive_, 0);
    uint64_t declared = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* n = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        std::string name = n ? n : "";
        if (!safe_entry_name(name)) {
            error_ = "it holds an entry named '" + name + "', which would point outside the document";
            zip_discard(archive_);
            archive_ = nullptr;
            names_.clear();
            return;
        }
        // Every entry is judged before any is inflated: a bomb the document
        // never links to is refused as well.
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), 0, &st) == 0) {
            std::string why = over_limits(name, st.size, st.comp_size, declared);
            if (!why.empty()) {
                error_ = why;
                zip_discard(archive_);
                archive_ = nullptr;
                names_.clear();
                return;
            }
            declared += st.size;
        }
        names_.push_back(std::move(name));
    }
}

std::string ZipArchive::over_limits(const std::string& name, uint64_t size, uint64_t packed, uint64_t before) const {
    if (size > limits_.entry_bytes || before + size > limits_.total_bytes)
        return name + " would inflate to " + std::to_string(size) + " bytes, over the limit of " +
               std::to_string(size > limits_.entry_bytes ? limits_.entry_bytes : limits_.total_bytes) +
               (size > limits_.entry_bytes ? " for one part" : " for the whole document");
    if (size > (1u << 20) && size > packed * limits_.ratio)
        return name + " inflates " + std::to_string(packed ? size / packed : size) +
               " times (a zip bomb?); the limit is " + std::to_string(limits_.ratio);
    return "";
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::optional<std::string> ZipArchive::read(const std::string& name, std::string& why) {
    if (!archive_) {
        why = error_;
        return std::nullopt;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive_, name.c_str(), 0, &st) != 0) {
        why = "it has no entry " + name;
        return std::nullopt;
    }
    const zip_uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const zip_uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    std::string limit = over_limits(name, size, packed, total_read_);
    if (!limit.empty()) {
        why = limit;
        return std::nullopt;
    }
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (!file) {
        why = name + ": " + zip_strerror(archive_);
        return std::nullopt;
    }
    std::string out(size, '\0');
    zip_int64_t got = size ? zip_fread(file, out.data(), size) : 0;
    // One byte more than declared means the header lied: refuse.
    char extra;
    zip_int64_t more = zip_fread(file, &extra, 1);
    zip_fclose(file);
    if (got < 0 || static_cast<zip_uint64_t>(got) != size || more > 0) {
        why = name + " is damaged (its size does not match the archive's directory)";
        return std::nullopt;
    }
    total_read_ += size;
    return out;
}

}  // namespace chuxin::import
