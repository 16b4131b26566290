#include "html/feeds.h"

#include <libxml/xmlwriter.h>

#include <stdexcept>

#include "html/links.h"
#include "html/ui.h"

namespace chuxin::html {

namespace {

// XML 1.0 §2.2 forbids most C0 controls even as character references: drop them.
std::string xml_text(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    return out;
}

// One xmlTextWriter writing into one xmlBuffer; move-only RAII owner (style.md §9).
class XmlWriter {
public:
    XmlWriter() : buffer_(xmlBufferCreate()) {
        if (buffer_) writer_ = xmlNewTextWriterMemory(buffer_, 0);
        if (!writer_) throw std::runtime_error("libxml2: cannot create a text writer");
        xmlTextWriterSetIndent(writer_, 1);
        xmlTextWriterSetIndentString(writer_, BAD_CAST "  ");
        xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr);
    }
    ~XmlWriter() {
        if (writer_) xmlFreeTextWriter(writer_);
        if (buffer_) xmlBufferFree(buffer_);
    }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    void start(const char* name) { xmlTextWriterStartElement(writer_, BAD_CAST name); }
    void end() { xmlTextWriterEndElement(writer_); }
    void attribute(const char* name, const std::string& value) {
        xmlTextWriterWriteAttribute(writer_, BAD_CAST name, BAD_CAST xml_text(value).c_str());
    }
    void element(const char* name, const std::string& text) {
        xmlTextWriterWriteElement(writer_, BAD_CAST name, BAD_CAST xml_text(text).c_str());
    }
    std::string finish() {
        xmlTextWriterEndDocument(writer_);
        xmlTextWriterFlush(writer_);
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                           static_cast<size_t>(xmlBufferLength(buffer_)));
    }

private:
    xmlBufferPtr buffer_ = nullptr;
    xmlTextWriterPtr writer_ = nullptr;
};

// RFC 3339 timestamp of a calendar day (Atom §3.3); midnight UTC by convention.
std::string timestamp(const Date& d) { return iso_date(d) + "T00:00:00Z"; }

// Element text as xmlTextWriterWriteElement writes it (xmlEncodeSpecialChars:
// & < > " and CR as references, everything else as is).
void append_xml_text(std::string& out, const std::string& text) {
    for (char c : xml_text(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\r': out += "&#13;"; break;
            default: out += c;
        }
    }
}

}  // namespace

// Written directly, in the bytes libxml2's indenting writer produced (the
// writer cost ~12,000 instructions per URL, a 10,000-page sitemap 150 M);
// tests/html compares both on tricky input. An empty list keeps libxml2's
// writer (it closes the root as `<urlset …/>`).
std::string sitemap_xml(const std::string& base_url, const std::vector<SitemapEntry>& entries) {
    if (entries.empty()) return sitemap_xml_libxml2(base_url, entries);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    out.reserve(entries.size() * 80);
    for (const auto& e : entries) {
        out += "  <url>\n    <loc>";
        append_xml_text(out, absolute_url(base_url, e.url));
        out += "</loc>\n";
        if (e.lastmod) {
            out += "    <lastmod>";
            append_xml_text(out, iso_date(*e.lastmod));
            out += "</lastmod>\n";
        }
        out += "  </url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string sitemap_xml_libxml2(const std::string& base_url, const std::vector<SitemapEntry>& entries) {
    XmlWriter w;
    w.start("urlset");
    w.attribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
    for (const auto& e : entries) {
        w.start("url");
        w.element("loc", absolute_url(base_url, e.url));
        if (e.lastmod) w.element("lastmod", iso_date(*e.lastmod));
        w.end();
    }
    w.end();
    return w.finish();
}

std::string atom_feed(const SiteIndex& index, size_t limit) {
    const auto& site = index.site;
    const auto& cfg = site.config;
    XmlWriter w;
    w.start("feed");
    w.attribute("xmlns", "http://www.w3.org/2005/Atom");
    w.attribute("xml:lang", std::string(lang_tag(cfg.lang)));
    w.element("title", cfg.title);
    w.element("id", absolute_url(cfg.base_url, "/"));
    w.start("link");
    w.attribute("rel", "self");
    w.attribute("href", absolute_url(cfg.base_url, "/feed.xml"));
    w.end();
    w.start("link");
    w.attribute("href", absolute_url(cfg.base_url, "/"));
    w.end();
    // No clock (brief: deterministic): the feed is as new as its newest page.
    const auto& dated = index.dated_newest_first;
    w.element("updated", dated.empty() ? std::string("1970-01-01T00:00:00Z")
                                       : timestamp(*site.pages[dated.front()].date));
    w.start("author");
    w.element("name", cfg.publisher.empty() ? cfg.title : cfg.publisher);
    w.end();
    w.element("generator", "chuxin");
    size_t n = 0;
    for (int p : dated) {
        if (n++ >= limit) break;
        const auto& page = site.pages[p];
        const std::string url = absolute_url(cfg.base_url, page.url);
        w.start("entry");
        w.element("title", page.title);
        w.element("id", url);
        w.start("link");
        w.attribute("href", url);
        w.end();
        w.element("updated", timestamp(*page.date));
        if (!page.summary.empty()) w.element("summary", page.summary);
        w.end();
    }
    w.end();
    return w.finish();
}

}  // namespace chuxin::html
