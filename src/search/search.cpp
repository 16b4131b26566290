#include "search/search.h"

#include "search/entries.h"
#include "search/index.h"

namespace chuxin::search {

void write_search_index(const model::Site& site, const BodyTexts& texts, OutputSink& out) {
    if (!site.config.search) return;
    for (const IndexFile& file : build_index(collect_entries(site, texts))) out.write(file.path, file.bytes);
}

}  // namespace chuxin::search
