#pragma once
// `chuxin serve` (issue 11, docs/serve.md): build, serve the output folder,
// watch the site's files, rebuild and reload the open pages on each change,
// until SIGINT or SIGTERM.
#include <functional>
#include <memory>
#include <string>

#include "serve/rebuilder.h"

namespace chuxin::serve {

enum class Verbosity { Quiet, Normal };  // Quiet (-q): errors only

struct ServeOptions {
    std::string site_root = ".";
    std::string bind = "127.0.0.1";
    int port = 1313;        // 0: any free port
    bool open_browser = false;
    Verbosity verbosity = Verbosity::Normal;
    size_t errors_shown = 20;  // as `build --errors`
};

// Runs until a stop signal. Returns 0 after a clean stop, 2 when the
// address cannot be bound or the files cannot be watched. `rebuilder` makes
// every build, the first included.
int run_serve(const ServeOptions& options, Rebuilder& rebuilder);

// The line printed after a rebuild, e.g.
//   "14:03:07 content/a.md changed: 3 files rewritten, 1 removed, 812 ms"
//   "14:03:09 content/a.md, site.yaml and 3 more changed: 2 errors, the last good site is kept (640 ms)"
std::string rebuild_line(const ChangeSet& changes, const RebuildOutcome& outcome, const std::string& clock);

}  // namespace chuxin::serve
