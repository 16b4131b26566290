#pragma once
// What `serve` adds to an HTML page as it sends it — never to the file on
// disk, which stays byte-identical to `chuxin build` (issue 11 §2):
//   * the live-reload script: it listens on /__chuxin/events and reloads the
//     page when the site was rebuilt (or failed to be);
//   * while the last build failed, the overlay: every error of that build
//     (file:line:col, the source line, the hint) over the last good page,
//     its frame in the site's language.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/language.h"

namespace chuxin::serve {

inline constexpr const char* kEventsPath = "/__chuxin/events";

// The overlay's HTML for a failed build's diagnostics (errors first, then
// warnings; all of them), every piece of content escaped. "" when no error.
std::string render_overlay(const std::vector<Diagnostic>& diagnostics, const SourceLines& sources, Lang lang);

// The script that reloads the page after build number `generation`.
std::string reload_script(uint64_t generation);

// `html` with `addition` before its last </body> (at the end without one).
std::string inject_before_body_end(std::string html, const std::string& addition);

}  // namespace chuxin::serve
