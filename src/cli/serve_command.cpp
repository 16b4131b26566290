// `chuxin serve`: the command line's side — options into a Rebuilder and
// ServeOptions; the server itself is the serve stage (src/serve).
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "serve/serve.h"
#include "serve/unchanged_inputs.h"

namespace chuxin::cli {

int cmd_serve(const CommonOptions& c, const ServeArgs& args) {
    auto opts = options_from(c);
    if (!opts) return kUsage;
    opts->pdf = args.no_pdf ? site::PdfMode::Skip : site::PdfMode::Build;
    // The first build may be long: the progress line, as for `build`.
    ProgressLine line([](const std::string& text) { std::cerr << text << std::flush; });
    if (shows_progress(progress_when(c), ::isatty(2) == 1))
        opts->progress = [&line](const site::BuildProgress& p) {
            line.update(p);
            if (p.phase == "commit") line.finish();
        };
    auto rebuilder = serve::make_skip_unchanged(serve::make_incremental_rebuilder(*opts), opts->site_root);

    serve::ServeOptions so;
    so.site_root = c.source;
    so.bind = args.bind;
    so.port = args.port;
    so.open_browser = args.open;
    so.verbosity = c.quiet ? serve::Verbosity::Quiet : serve::Verbosity::Normal;
    so.errors_shown = c.errors_shown;
    const int code = serve::run_serve(so, *rebuilder);
    return code == 0 ? kOk : kUsage;
}

}  // namespace chuxin::cli
