#include "schedule/report_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/utf8.h"

namespace chuxin::schedule {
namespace {

// Owns one lxw_workbook: close() writes the file and releases it; a workbook
// never closed (an error on the way) is freed without writing anything.
class Workbook {
public:
    Workbook(const std::string& path, std::string tmpdir) : tmpdir_(std::move(tmpdir)) {
        lxw_workbook_options options{};
        options.tmpdir = tmpdir_.empty() ? nullptr : tmpdir_.data();
        wb_ = workbook_new_opt(path.c_str(), &options);
    }
    ~Workbook() {
        if (wb_) lxw_workbook_free(wb_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return wb_; }
    lxw_error close() {
        lxw_error e = workbook_close(wb_);
        wb_ = nullptr;
        return e;
    }

private:
    std::string tmpdir_;  // libxlsxwriter keeps the pointer
    lxw_workbook* wb_ = nullptr;
};

constexpr lxw_color_t kHeaderFill = 0xE7E6E6;   // light grey
constexpr lxw_color_t kOverdueFill = 0xF8D7DA;  // light red, as the pages' overdue badge
constexpr int kMinWidth = 6;
constexpr int kMaxWidth = 60;  // wider text wraps
constexpr int kPadding = 2;

// The formats of one workbook, indexed by [overdue].
struct Formats {
    lxw_format* header;
    lxw_format* text[2];
    lxw_format* date[2];
    lxw_format* number[2];
};

lxw_format* body_format(lxw_workbook* wb, bool overdue) {
    lxw_format* f = workbook_add_format(wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (overdue) format_set_bg_color(f, kOverdueFill);
    return f;
}

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, kHeaderFill);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    for (int overdue = 0; overdue < 2; ++overdue) {
        f.text[overdue] = body_format(wb, overdue);
        format_set_text_wrap(f.text[overdue]);
        f.date[overdue] = body_format(wb, overdue);
        format_set_num_format(f.date[overdue], "yyyy-mm-dd");
        f.number[overdue] = body_format(wb, overdue);
    }
    return f;
}

// East Asian Wide and Fullwidth ranges (UAX #11), the ones text in a ledger meets.
bool wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
           (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
           (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int cell_width(const ReportCell& c) {
    switch (c.kind) {
        case ReportCell::Kind::Date: return 10;  // yyyy-mm-dd
        default: return display_width(c.plain());
    }
}

// Natural width of each column: its widest cell or header, plus padding.
std::vector<int> column_widths(const ReportSheet& sheet) {
    std::vector<int> widths;
    for (const auto& h : sheet.headers) widths.push_back(display_width(h));
    for (const auto& row : sheet.rows)
        for (size_t i = 0; i < row.cells.size(); ++i) widths[i] = std::max(widths[i], cell_width(row.cells[i]));
    for (int& w : widths) w = std::clamp(w + kPadding, kMinWidth, kMaxWidth);
    return widths;
}

lxw_error write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const ReportCell& c, const Formats& f, int overdue) {
    switch (c.kind) {
        case ReportCell::Kind::Empty:
            // A blank with a format keeps an overdue row's fill unbroken.
            return overdue ? worksheet_write_blank(ws, r, col, f.text[overdue]) : LXW_NO_ERROR;
        case ReportCell::Kind::Date: {
            lxw_datetime dt{c.date.year, c.date.month, c.date.day, 0, 0, 0.0};
            return worksheet_write_datetime(ws, r, col, &dt, f.date[overdue]);
        }
        case ReportCell::Kind::Number:
            return worksheet_write_number(ws, r, col, static_cast<double>(c.number), f.number[overdue]);
        default: return worksheet_write_string(ws, r, col, c.plain().c_str(), f.text[overdue]);
    }
}

lxw_error write_sheet(lxw_workbook* wb, const ReportSheet& sheet, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
    auto widths = column_widths(sheet);
    for (size_t i = 0; i < widths.size(); ++i) {
        auto col = static_cast<lxw_col_t>(i);
        if (lxw_error e = worksheet_set_column(ws, col, col, widths[i], nullptr)) return e;
        if (lxw_error e = worksheet_write_string(ws, 0, col, sheet.headers[i].c_str(), f.header)) return e;
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
        const ReportRow& row = sheet.rows[r];
        for (size_t i = 0; i < row.cells.size(); ++i)
            if (lxw_error e = write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(i), row.cells[i], f,
                                         row.overdue ? 1 : 0))
                return e;
    }
    worksheet_freeze_panes(ws, 1, 0);
    auto last_col = static_cast<lxw_col_t>(sheet.headers.size() - 1);
    return worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), last_col);
}

std::string subject_of(const model::Site& site) {
    return site.config.lang == Lang::En ? "Compliance ledger as of " + site.as_of.iso()
                                         : "落实情况与整改台账（数据截至" + site.as_of.chinese() + "）";
}

std::string fill_workbook(Workbook& book, const model::Site& site, ReportColumns columns, const XlsxOptions& options) {
    std::string title = site.config.title, subject = subject_of(site);
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = subject.data();
    props.created = options.created ? options.created : static_cast<std::time_t>(site.as_of.days()) * 86400;
    if (lxw_error e = workbook_set_properties(book.get(), &props)) return lxw_strerror(e);
    Formats f = make_formats(book.get());
    for (ReportWhat what : {ReportWhat::Occurrences, ReportWhat::Items})
        if (lxw_error e = write_sheet(book.get(), report_sheet(site, what, columns), f)) return lxw_strerror(e);
    return "";
}

}  // namespace

int display_width(std::string_view text) {
    int best = 0, line = 0;
    for (size_t i = 0; i < text.size();) {
        char32_t cp = utf8::next(text, i);
        if (cp == '\n') {
            line = 0;
            continue;
        }
        line += wide(cp) ? 2 : 1;
        best = std::max(best, line);
    }
    return best;
}

std::string write_report_xlsx(const model::Site& site, ReportColumns columns, const std::string& path,
                              const XlsxOptions& options) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Checked here so the user reads one message, not also libxlsxwriter's own.
    if (!fs::is_directory(folder)) return "the folder " + folder.string() + " does not exist";
    std::string part = path + ".part";
    std::string error;
    {
        Workbook book(part, folder.string());
        if (!book.get()) return "libxlsxwriter could not start a workbook";
        error = fill_workbook(book, site, columns, options);
        if (error.empty())
            if (lxw_error e = book.close()) error = lxw_strerror(e);
    }
    std::error_code ec;
    if (error.empty()) {
        fs::rename(part, target, ec);
        if (ec) error = ec.message();
    }
    if (!error.empty()) fs::remove(part, ec);
    return error;
}

}  // namespace chuxin::schedule
