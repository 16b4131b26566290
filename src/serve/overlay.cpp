#include "serve/overlay.h"

#include <algorithm>

#include "core/html_escape.h"

namespace chuxin::serve {

namespace {

struct OverlayWords {
    const char* title;    // the heading, with the count
    const char* kept;     // what the reader sees beneath
    const char* hint;     // the label before a hint
    const char* warning;  // a warning's label
    const char* error;
};

OverlayWords words(Lang lang) {
    if (lang == Lang::En)
        return {" errors: the site was not rebuilt", "The page below is the last good build. Fix the files and save: this page reloads.",
                "hint", "warning", "error"};
    return {" 个错误：网站未重新生成", "下面是上一次成功生成的页面。改正文件并保存后，本页会自动刷新。", "提示", "警告", "错误"};
}

std::string escaped(std::string_view s) {
    std::string out;
    append_html_escaped(out, s);
    return out;
}

std::string position(const SourcePos& pos) {
    std::string s = pos.file.empty() ? std::string("site") : pos.file;
    if (pos.line > 0) s += ":" + std::to_string(pos.line);
    if (pos.line > 0 && pos.col > 0) s += ":" + std::to_string(pos.col);
    return s;
}

// The source line, escaped, with the code point at `col` (1-based) marked.
std::string marked_at_column(const std::string& line, int col) {
    size_t start = line.size(), end = line.size();
    int at = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // a continuation byte
        if (++at == col) start = i;
        else if (at == col + 1) {
            end = i;
            break;
        }
    }
    if (col <= 0 || start >= line.size()) return escaped(line);
    return escaped(line.substr(0, start)) + "<mark>" + escaped(line.substr(start, end - start)) + "</mark>" +
           escaped(line.substr(end));
}

void append_item(std::string& out, const Diagnostic& d, const SourceLines& sources, const OverlayWords& w) {
    const bool error = d.severity == Severity::Error;
    out += "<li class=\"chuxin-";
    out += error ? "error" : "warning";
    out += "\"><div><code>" + escaped(position(d.pos)) + "</code> <b>";
    out += error ? w.error : w.warning;
    out += "</b> " + escaped(d.message) + "</div>";
    if (d.pos.line > 0) {
        const std::string line = sources.line(d.pos.file, d.pos.line);
        if (!line.empty())
            out += "<pre style=\"white-space:pre-wrap\">" + std::to_string(d.pos.line) + " | " +
                   marked_at_column(line, d.pos.col) + "</pre>";
    }
    if (!d.hint.empty()) out += "<div>" + std::string(w.hint) + ": " + escaped(d.hint) + "</div>";
    out += "</li>";
}

// Inline styles only: the page's own stylesheet must not change the
// overlay, nor the overlay the page.
constexpr const char* kStyle =
    "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;"
    "font:15px/1.5 system-ui,sans-serif;padding:24px";

}  // namespace

std::string render_overlay(const std::vector<Diagnostic>& diagnostics, const SourceLines& sources, Lang lang) {
    const size_t errors = static_cast<size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
    if (errors == 0) return {};
    const OverlayWords w = words(lang);
    std::string out = "<div id=\"chuxin-overlay\" role=\"alertdialog\" aria-labelledby=\"chuxin-overlay-title\" lang=\"";
    out += lang_tag(lang);
    out += "\" style=\"" + std::string(kStyle) + "\"><h2 id=\"chuxin-overlay-title\" style=\"margin:0 0 8px;color:#ff8a80\">";
    out += std::to_string(errors) + w.title + "</h2><p>" + w.kept +
           "</p><ol style=\"padding-left:1.5em\">";
    for (Severity pass : {Severity::Error, Severity::Warning})
        for (const auto& d : diagnostics)
            if (d.severity == pass) append_item(out, d, sources, w);
    out += "</ol></div>";
    return out;
}

std::string reload_script(uint64_t generation) {
    // EventSource reconnects by itself and sends the last id it saw
    // (Last-Event-ID), so a rebuild during a reconnect is not missed.
    return "<script>/* chuxin serve: live reload, not in the built files */(function(){var s=new EventSource('" +
           std::string(kEventsPath) + "?since=" + std::to_string(generation) +
           "');s.addEventListener('reload',function(){s.close();location.reload();});})();</script>";
}

std::string inject_before_body_end(std::string html, const std::string& addition) {
    const size_t at = html.rfind("</body>");
    if (at == std::string::npos)
        html += addition;
    else
        html.insert(at, addition);
    return html;
}

}  // namespace chuxin::serve
