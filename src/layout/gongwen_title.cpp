// The title of a 公文 (GB/T 9704 §7.3.1): "分一行或多行居中排布；回行时，要做到
// 词意完整，排列对称，长短适宜，间距恰当" — broken by sense, never a line of one
// character, the 关于…的 phrase kept whole where it fits, lines balanced
// (梯形 or 菱形, not 沙漏). Chosen by a small search over break points.
#include <algorithm>
#include <limits>

#include "core/utf8.h"
#include "layout/chars.h"
#include "layout/gongwen_parts.h"

namespace chuxin::layout::gongwen {

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

bool latin(char32_t c) { return c < 0x2000 && c != 0xB7; }

struct TitleText {
    std::u32string t;
    std::vector<double> x;  // x[i]: width of t[0, i) at the title size
    size_t about = std::u32string::npos;   // 关于
    size_t of_end = std::u32string::npos;  // one past the 的 that closes it
};

// Cost of a break before t[i] (between t[i-1] and t[i]): what kind of
// boundary it is, plus where it falls against the 关于…的 phrase.
double boundary_cost(char32_t a, char32_t b) {
    if (std::u32string_view(U"、，：；").find(a) != std::u32string_view::npos) return -10;
    if (b == U'—') return -10;                                              // before a —— subtitle
    if (!latin(a) && latin(b)) return 2;                                    // Han | 2026 (not 2026 | 年)
    if (b == U'“' || b == U'《' || a == U'”' || a == U'》') return 2;         // around a quoted name
    if (a == U'的' || b == U'和' || b == U'与' || b == U'及' || b == U'暨') return 2;
    return 10;  // between two characters of a word, as far as we know
}

double break_cost(const TitleText& tt, size_t i) {
    const std::u32string& t = tt.t;
    const char32_t a = t[i - 1], b = t[i];
    if (latin(a) && latin(b)) return kNever;
    if (no_line_start(b) || no_line_end(a) || unbreakable_pair(a, b)) return kNever;
    const bool phrase = tt.about != std::u32string::npos;
    if (phrase && i == tt.about) return -30;                                // before 关于
    if (phrase && i == tt.of_end) return -5;                                // before 通知, 决定 …
    const double inside = phrase && i > tt.about && i < tt.of_end ? 40 : 0;  // inside 关于…的
    return boundary_cost(a, b) + inside;
}

double lines_cost(const std::vector<double>& widths) {
    double cost = 0;
    const double widest = *std::max_element(widths.begin(), widths.end());
    for (double w : widths) cost += (widest - w) * (widest - w) / 2000.0;  // balance: sense first (1 char² ≈ 0.24)
    for (size_t i = 1; i + 1 < widths.size(); ++i)  // 沙漏: a middle line shorter than both neighbours
        if (widths[i] < widths[i - 1] && widths[i] < widths[i + 1]) cost += 50;
    return cost;
}

}  // namespace

std::vector<std::string> title_lines(const std::string& title, const Geometry& g, const FontMetrics& fonts) {
    TitleText tt;
    tt.t = utf8::decode(title);
    const size_t n = tt.t.size();
    if (n == 0) return {};
    tt.x.push_back(0);
    for (char32_t c : tt.t) tt.x.push_back(tt.x.back() + g.title_size.v * fonts.advance(fonts.face_for(c, g.title), c));
    const size_t about = tt.t.find(U"关于");
    if (about != std::u32string::npos) {
        const size_t of = tt.t.rfind(U'的');
        if (of != std::u32string::npos && of > about) tt.about = about, tt.of_end = of + 1;
    }
    const double width = g.width.v;
    if (tt.x[n] <= width) return {title};
    // Best split into k lines for k = 2, 3, 4, …: the first k that works wins.
    for (size_t k = 2; k <= n / 2; ++k) {
        // best[j][i]: cost of t[0, i) in j lines; from[j][i] the previous break.
        std::vector<std::vector<double>> best(k + 1, std::vector<double>(n + 1, kNever));
        std::vector<std::vector<size_t>> from(k + 1, std::vector<size_t>(n + 1, 0));
        best[0][0] = 0;
        for (size_t j = 1; j <= k; ++j)
            for (size_t i = 2; i <= n; ++i)
                for (size_t p = (j == 1 ? 0 : 2); p + 2 <= i; ++p) {
                    if (best[j - 1][p] == kNever || tt.x[i] - tt.x[p] > width) continue;
                    const double c = best[j - 1][p] + (i < n ? break_cost(tt, i) : 0);
                    if (c < best[j][i]) best[j][i] = c, from[j][i] = p;
                }
        if (best[k][n] == kNever) continue;
        // The search ranks breaks by their sense alone; the lines' balance
        // (which needs the whole split) is weighed in by moving each break
        // a few characters either way while the total cost falls.
        std::vector<size_t> cuts{n};
        for (size_t j = k, i = n; j > 0; --j) cuts.push_back(i = from[j][i]);
        std::reverse(cuts.begin(), cuts.end());
        auto total = [&](const std::vector<size_t>& c) {
            double cost = 0;
            std::vector<double> widths;
            for (size_t m = 1; m < c.size(); ++m) {
                if (c[m] < c[m - 1] + 2) return kNever;  // never a line of one character
                const double w = tt.x[c[m]] - tt.x[c[m - 1]];
                if (w > width) return kNever;
                widths.push_back(w);
                if (c[m] < n) cost += break_cost(tt, c[m]);
            }
            return cost + lines_cost(widths);
        };
        for (bool improved = true; improved;) {
            improved = false;
            for (size_t m = 1; m + 1 < cuts.size(); ++m)
                for (int d = -4; d <= 4; ++d) {
                    std::vector<size_t> trial = cuts;
                    const long v = static_cast<long>(trial[m]) + d;
                    if (d == 0 || v <= 0 || v >= static_cast<long>(n)) continue;
                    trial[m] = static_cast<size_t>(v);
                    if (total(trial) + 1e-9 < total(cuts)) cuts = trial, improved = true;
                }
        }
        std::vector<std::string> out;
        for (size_t m = 1; m < cuts.size(); ++m) out.push_back(utf8::encode(tt.t.substr(cuts[m - 1], cuts[m] - cuts[m - 1])));
        return out;
    }
    return {title};
}

}  // namespace chuxin::layout::gongwen
