#include "search/search.h"

#include "search/entries.h"
#include "search/index_writer.h"

namespace chuxin::search {

void write_search_index(const model::Site& site, const BodyTexts& texts, OutputSink& out) {
    if (!site.config.search) return;
    write_index(entry_source(site, texts), IndexLimits{},
                [&out](const std::string& path, std::string_view bytes) { out.write(path, bytes); });
}

}  // namespace chuxin::search
