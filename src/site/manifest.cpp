#include "site/manifest.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "site/output_paths.h"

namespace chuxin::site {

namespace {

constexpr std::string_view kHeader = "chuxin-manifest 2";

// Reads one number of `base` up to the next space; false unless it is all digits.
bool take_number(std::string_view& rest, uint64_t& value, int base, size_t exact_digits = 0) {
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos || space == 0) return false;
    if (exact_digits && space != exact_digits) return false;
    const std::string_view digits = rest.substr(0, space);
    for (char c : digits)
        if (base == 16 ? !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) : !(c >= '0' && c <= '9'))
            return false;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (ec != std::errc() || end != digits.data() + digits.size()) return false;
    rest.remove_prefix(space + 1);
    return true;
}

// One entry line; the path is the rest of the line (it may hold spaces).
bool parse_entry(std::string_view line, int version, std::string& path, ManifestEntry& entry) {
    if (!take_number(line, entry.hash, 16, 16)) return false;
    if (version == 2) {
        if (!take_number(line, entry.size, 10)) return false;
        if (line.rfind("wrote ", 0) == 0) entry.kept = false;
        else if (line.rfind("kept ", 0) == 0) entry.kept = true;
        else return false;
        line.remove_prefix(entry.kept ? 5 : 6);
    }
    path = std::string(line);
    return true;
}

}  // namespace

std::string format_manifest(const Manifest& manifest) {
    std::string out(kHeader);
    out += '\n';
    char fields[48];
    for (const auto& [path, e] : manifest) {
        std::snprintf(fields, sizeof fields, "%016llx %llu %s ", static_cast<unsigned long long>(e.hash),
                      static_cast<unsigned long long>(e.size), e.kept ? "kept" : "wrote");
        out += fields;
        out += path;
        out += '\n';
    }
    return out;
}

std::optional<Manifest> parse_manifest(std::string_view text, const std::string& file, const std::string& hint,
                                       Diagnostics& diags) {
    Manifest out;
    bool damaged = false;
    int version = 1;
    int line_no = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (line_no == 1 && line == kHeader) {
            version = 2;
            continue;
        }
        std::string path;
        ManifestEntry entry;
        const char* problem = nullptr;
        if (!parse_entry(line, version, path, entry))
            problem = version == 2 ? "damaged manifest entry: not '<hash> <size> wrote|kept <path>'"
                                   : "damaged manifest entry: not '<hash> <path>'";
        else if (!is_safe_output_path(path))
            problem = "damaged manifest entry: this path is not a plain path inside the output folder";
        else if (!out.emplace(path, entry).second)
            problem = "damaged manifest entry: this path is listed twice";
        if (problem) {
            diags.error({file, line_no, 1}, problem, hint);
            damaged = true;
        }
    }
    if (damaged) return std::nullopt;
    return out;
}

std::map<std::string, uint64_t> manifest_hashes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Diagnostics ignored;
    std::map<std::string, uint64_t> out;
    if (auto m = parse_manifest(text.str(), file, {}, ignored))
        for (const auto& [path, e] : *m) out[path] = e.hash;
    return out;
}

}  // namespace chuxin::site
