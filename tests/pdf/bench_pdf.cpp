// bench_pdf [pages] [out.pdf]: lays out a synthetic book by hand and times
// font loading and write_pdf separately.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>

#include "fonts/system_world.h"
#include "pdf/writer.h"
#include "sample_document.h"
#include "tools.h"

using namespace chuxin;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
    int pages = argc > 1 ? std::stoi(argv[1]) : 300;
    auto t0 = Clock::now();
    Diagnostics diags;
    const fonts::SystemWorld world("", 1700000000);  // the date the synthetic book always had
    auto fonts = fonts::FontSet::load(fonts::FontConfig{}, world, diags);
    if (!fonts) return 1;
    double t_fonts = seconds_since(t0);
    auto t1 = Clock::now();
    layout::LaidOutDocument doc = pdf_test::synthetic_book(*fonts, pages);
    double t_layout = seconds_since(t1);
    size_t glyphs = 0;
    for (const auto& p : doc.pages)
        for (const auto& f : p.frames)
            if (auto* r = std::get_if<layout::GlyphRun>(&f.item)) glyphs += r->text.size();
    auto t2 = Clock::now();
    std::clock_t c2 = std::clock();  // CPU time: the wall clock is noisy on a shared machine
    std::string bytes = pdf::write_pdf(doc, *fonts, world, diags);
    double t_write = seconds_since(t2);
    double cpu_write = double(std::clock() - c2) / CLOCKS_PER_SEC;
    if (argc > 2) pdf_test::write_file(argv[2], bytes);
    std::printf("pages %d, glyphs %zu, fonts %.3f s, hand layout %.3f s, write_pdf %.3f s "
                "(%.3f s CPU), %zu bytes, %zu errors, %zu warnings\n",
                pages, glyphs, t_fonts, t_layout, t_write, cpu_write, bytes.size(), diags.error_count(),
                diags.warning_count());
    return diags.has_errors() ? 1 : 0;
}
