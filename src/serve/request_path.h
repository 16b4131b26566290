#pragma once
// Which file an HTTP request may read (issue 11 §8): only a file inside the
// output folder, never chuxin's bookkeeping. Two steps, so the first can be
// tested without a disk:
//   1. the request target's path, percent-decoded once, as a relative path
//      ("/学习/a.html" → "学习/a.html"; "/" → ""), or nothing when it has a
//      "..", "." or empty part after decoding (%2e%2e too), a backslash
//      (raw or %5c), a NUL or other control character, or is not '/'-rooted;
//   2. that path on disk, with "index.html" for a folder, accepted only when
//      its real path (symbolic links followed) is still inside the output
//      folder's real path.
#include <optional>
#include <string>
#include <string_view>

namespace chuxin::serve {

// Step 1. `target` is the request line's target; a query ("?…") or
// fragment is cut off first.
std::optional<std::string> request_rel_path(std::string_view target);

struct ResolvedFile {
    enum class What { File, NeedsSlash, NotFound };
    What what = What::NotFound;
    std::string abs_path;  // File: the file to send
};

// Step 2. `rel` comes from request_rel_path. A folder without its trailing
// slash answers NeedsSlash (the caller redirects, so relative links in its
// index.html resolve).
ResolvedFile resolve_in_output(const std::string& output_root, const std::string& rel);

}  // namespace chuxin::serve
