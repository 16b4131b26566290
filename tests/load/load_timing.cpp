// Not a test: times load_site on a site folder, e.g. one made by
// gen_corpus.py. Usage: load_timing SITE [threads] [runs]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "load/load.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: load_timing SITE [threads] [runs]\n");
        return 2;
    }
    chuxin::load::LoadOptions options;
    options.threads = argc > 2 ? std::atoi(argv[2]) : 2;
    int runs = argc > 3 ? std::atoi(argv[3]) : 5;
    double best = 1e9;
    size_t pages = 0, errors = 0;
    for (int r = 0; r < runs; ++r) {
        chuxin::Diagnostics diags;
        auto start = std::chrono::steady_clock::now();
        chuxin::model::Site site = chuxin::load::load_site(argv[1], options, diags);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        best = ms < best ? ms : best;
        pages = site.pages.size();
        errors = diags.error_count();
    }
    std::printf("%zu pages, %zu errors, best of %d: %.1f ms (%d threads)\n", pages, errors, runs, best,
                options.threads);
    return 0;
}
