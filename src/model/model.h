#pragma once
// The typed, format-neutral model of a site: the hub of the pipeline.
//   load      fills Site/Page from site.yaml + content/ (front matter, typed kinds)
//   markdown  fills Page::headings, body_refs, summary (its trees: markdown::Documents)
//   graph     resolves every Ref and fills Site::backlinks (model/graph.h)
//   schedule  fills Schedule::occurrences and item/occurrence statuses
//   html/pdf  read it; they never change it.
// Cross-references are ids and indexes, never pointers (style.md §2), so the
// model can be copied, compared and rebuilt piece by piece.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/chapter_start.h"
#include "core/date.h"
#include "core/language.h"
#include "core/source_pos.h"

namespace chuxin::model {

enum class Kind { Page, StudyList, Case, Minutes, Schedule, Checklist, Handbook };
const char* kind_name(Kind k);  // "page", "studylist", …

// A reference as written, and (after graph resolution) what it points to.
struct Ref {
    std::string text;      // as written: "cases/laozhishu#anchor" (no "ref:")
    SourcePos pos;         // the link's '[' in a body, the value in front matter
    // Filled by model::resolve_references():
    int page = -1;         // index into Site::pages; -1 = unresolved
    std::string anchor;    // "" or the part after '#'
    bool resolved() const { return page >= 0; }
};

struct Org {
    std::string id;
    std::string name;
};

struct SiteConfig {
    std::string title;
    std::string base_url = "/";
    Lang lang = Lang::Zh;  // site.yaml `language`; lang_tag(lang) is "zh-CN" or "en"
    std::string theme = "default";
    std::string publisher;
    std::vector<Org> orgs;
    std::string output = "public";
    bool drafts = false;
    bool raw_html = false;
    bool search = true;    // site.yaml `search`: the client-side search (docs/search.md)
    std::map<std::string, std::string> extra;  // scalar values of `extra:`
    // site.yaml `fonts:`: a family per face role (song, hei, kai, fangsong,
    // latin, latin_sans, mono) for the handbook PDFs; "" keeps the default.
    std::map<std::string, std::string> fonts;
    SourcePos fonts_pos;
};

// studylist `period`: YYYY | YYYY-Qn | YYYY-Hn | YYYY-MM | {from, to}
struct Period {
    std::string label;  // as written, e.g. "2026-Q1"
    Date from;
    Date to;
};

struct StudyItem {
    std::string id;
    std::string title;
    std::string kind;  // 原著 | 讲话 | 文件 | 文章 | 视频 | other text
    bool required = true;
    std::optional<double> hours;
    std::optional<Date> due;
    std::string source;
    std::string url;
    std::optional<Ref> ref;
    SourcePos pos;  // the item's first key
};

struct StudyList {
    std::optional<Period> period;
    std::string audience;
    std::optional<double> hours_required;
    std::vector<StudyItem> items;
    double total_hours() const;
};

enum class CaseCategory { Advanced, Warning, Work, Other };  // 先进典型 | 警示案例 | 工作案例
struct CaseInfo {
    CaseCategory category = CaseCategory::Other;
    std::string category_label;  // the text as written (Chinese)
    std::string subject;
    std::vector<std::string> lessons;
};

struct Absence {
    std::string name;
    std::string reason;
};

struct Minutes {
    std::string meeting;  // 支部党员大会 | 支部委员会 | 党小组会 | 党课 | 主题党日 | … | other
    Date date;
    std::string time;
    std::string location;
    std::string host;
    std::string recorder;
    std::optional<int> expected;
    std::optional<int> present;
    std::vector<Absence> absent;
    std::vector<Ref> fulfills;  // each names a schedule event: schedules/2026#theme-day
    std::vector<Ref> studied;   // study items or lists
};

// Status of a schedule occurrence against the as-of date (content-format §3).
enum class OccurrenceStatus { Done, Due, Overdue };

struct Occurrence {
    int event = 0;             // index into Schedule::events
    Date start;                // == end for a fixed occurrence
    Date end;
    bool window = false;       // a span with a minimum count, not a fixed day
    int required = 1;
    std::vector<int> fulfilled_by;  // indexes into Site::pages (minutes), by date
    OccurrenceStatus status = OccurrenceStatus::Due;
};

struct ScheduleEvent {
    std::string id;
    std::string title;
    std::string repeat;         // as written; empty if `dates` is used
    SourcePos repeat_pos;
    std::vector<Date> dates;
    std::string meeting;
    std::string owner;
    std::vector<Ref> study;
    SourcePos pos;
};

struct Schedule {
    int year = 0;
    std::vector<ScheduleEvent> events;
    std::vector<Occurrence> occurrences;  // filled by the schedule stage
};

enum class ItemStatus { Open, Doing, Done };  // 未整改 | 整改中 | 已销号

struct ChecklistItem {
    std::string id;
    std::string issue;
    std::string measures;
    std::string owner;
    std::optional<Date> due;
    ItemStatus status = ItemStatus::Open;
    std::optional<Date> done_on;
    std::optional<Ref> raised_in;
    std::optional<Ref> closed_in;
    SourcePos pos;
    bool overdue = false;  // filled by the schedule stage against the as-of date
};

struct Checklist {
    std::vector<ChecklistItem> items;
};

enum class Paper { A4, A5, B5, K16, K32 };
enum class BookStyle { Handbook, Gbt9704 };
// Where a chapter opens (`chapter_start:`): the next page, or the next right-hand page.
using ChapterOpening = chuxin::ChapterStart;

struct HandbookPart {
    std::string title;               // "" = chapters without a part title page
    std::vector<std::string> items;  // ids or globs ("cases/*", "**")
    SourcePos pos;
    std::vector<int> pages;          // resolved, ordered (weight, date, id)
    std::vector<SourcePos> item_pos; // added by load: position of each `items` entry (same order)
};

// The fields of a 公文 (style gbt9704; GB/T 9704-2012 §7, docs/handbook.md).
// Empty text / no date / 0: the element is not printed.
struct Gongwen {
    std::string issuer;                // 发文机关 (标志: issuer + "文件"; 落款)
    std::string doc_number;            // 发文字号 "示办发〔2026〕12号"
    std::string recipients;            // 主送机关
    std::vector<std::string> cc;       // 抄送机关
    std::vector<std::string> signer;   // 签发人 (上行文)
    std::string secret_level;          // 密级 "机密★1年"
    long copy_number = 0;              // 份号, printed as 6 digits
    std::optional<Date> signed_date;   // 成文日期
    std::string printed_by;            // 印发机关
    std::optional<Date> printed_date;  // 印发日期
    std::string note;                  // 附注 "（此件公开发布）"
};

struct Handbook {
    std::string subtitle;
    std::string edition;
    Paper paper = Paper::A5;
    BookStyle style = BookStyle::Handbook;
    int toc_depth = 2;  // heading levels inside chapters shown in the TOC
    ChapterOpening chapter_start = ChapterOpening::NewPage;  // added
    int bleed_mm = 0;   // added: print bleed around each page (`bleed:`), 0 = none
    std::vector<HandbookPart> include;  // gbt9704: the 附件
    Gongwen gongwen;                     // read only for style gbt9704
};

struct Heading {
    int level = 1;
    std::string text;    // plain text
    std::string anchor;  // GitHub rule, unique within the page
    SourcePos pos;
};

using KindData = std::variant<std::monostate, StudyList, CaseInfo, Minutes, Schedule, Checklist, Handbook>;

struct Page {
    std::string path;     // relative to the site root: "content/cases/老支书.md"
    std::string rel;      // relative to content/: "cases/老支书.md"
    std::string id;       // cross-reference key; default rel without ".md"
    Kind kind = Kind::Page;
    std::string section;  // folder under content/ ("cases", "cases/2026"); "" at the root
    std::string slug;     // one path segment
    std::string url;      // site-relative, pretty: "/cases/老支书/" (not percent-encoded)
    std::string title;
    std::optional<Date> date;
    bool draft = false;
    bool search = true;   // `search: false` keeps the page out of the search index
    std::vector<std::string> tags;
    std::string org;      // an Org id or ""
    std::string summary;  // front matter, else first paragraph (≤ 120 chars)
    int weight = 0;
    std::map<std::string, std::string> extra;
    SourcePos front_matter;  // the first '---' line: where missing fields point
    int body_line = 1;       // line number of the body's first line in the file
    // FNV-1a of the front matter's YAML: a rebuild tells a body-only edit by
    // it (the fields above are a function of these bytes and `rel`).
    uint64_t front_matter_hash = 0;
    std::string body;        // Markdown source (after front matter)
    KindData data;

    // Filled by the markdown stage (whose own result, the body's parsed tree,
    // is markdown::Documents, beside the model):
    std::vector<Heading> headings;
    std::vector<Ref> body_refs;  // every ref: link in the body, in order

    template <class T> const T* as() const { return std::get_if<T>(&data); }
    template <class T> T* as() { return std::get_if<T>(&data); }
};

// A folder under content/: its list page. `_index.md` gives title and intro.
struct Section {
    std::string path;         // "cases" ("" = home)
    std::string title;
    std::vector<int> pages;   // ordered by weight, date (newest first), title
    // Filled by load (content-format §8 "Sections"): the `_index.md`, if any.
    std::string source;           // "content/cases/_index.md", or "" when the folder has none
    std::string intro_markdown;   // its body, parsed by the markdown stage (markdown::Documents::intros)
    int intro_body_line = 1;      // file line of the body's first line
    std::string summary;          // `summary:` of the _index.md, or ""
    int weight = 0;               // `weight:` of the _index.md: orders sections in navigation
    std::vector<std::string> children;  // direct sub-folders' section paths, sorted
    // Filled by markdown (parse_site): the intro's ref: links. The placeholders in
    // its HTML index this vector (markdown/refs.h); model::resolve_references
    // resolves them (errors only: a section is not a page, so no backlinks).
    std::vector<Ref> intro_refs;
};

// Who points at a target. Key of Site::backlinks: "id" or "id#anchor".
struct Backlink {
    int from = -1;           // page index
    std::string field;       // "body" | "fulfills" | "studied" | "study" | "raised_in" | "closed_in" | "ref"
    std::string from_anchor; // item/event id in the citing page, or ""
};

struct Site {
    std::string root;  // the site folder
    SiteConfig config;
    std::vector<Page> pages;           // sorted by `rel`: deterministic order
    std::map<std::string, int> by_id;  // id → page index
    std::map<std::string, Section> sections;
    std::map<std::string, std::vector<Backlink>> backlinks;
    std::vector<std::string> static_files;  // relative to static/
    std::vector<std::string> content_assets; // non-.md files under content/, relative to content/
    Date as_of;                        // the date statuses are computed against

    const Page* find(const std::string& id) const;
    const Org* org(const std::string& id) const;
};

}  // namespace chuxin::model
