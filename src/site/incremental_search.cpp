#include "site/incremental_search.h"

#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "search/search.h"
#include "search/updater.h"

namespace chuxin::site {

namespace {

bool same_entry(const search::Entry& a, const search::Entry& b) {
    return a.href == b.href && a.title == b.title && a.kind == b.kind && a.org == b.org && a.date == b.date &&
           a.tags == b.tags && a.headings == b.headings && a.fields == b.fields && a.summary == b.summary &&
           a.body == b.body;
}

// The searchable pages' paths, in the index's order (site order).
std::vector<std::string> indexed_paths(const model::Site& site) {
    std::vector<std::string> out;
    for (const model::Page& page : site.pages)
        if (search::is_searchable(site, page)) out.push_back(page.path);
    return out;
}

// The files several updates changed, each once with its last bytes: the
// staged output takes one write per file and build.
struct Changes {
    std::map<std::string, const search::IndexChange*> last;
    std::vector<std::vector<search::IndexChange>> kept;  // owns what `last` points at

    void add(std::vector<search::IndexChange> changes) {
        kept.push_back(std::move(changes));
        for (const search::IndexChange& change : kept.back()) last[change.path] = &change;
    }
    void put(OutputSink& out, std::set<std::string>& gone) const {
        for (const auto& [path, change] : last) {
            if (change->removed) gone.insert(path);
            else out.write(path, change->bytes);
        }
    }
};

}  // namespace

IncrementalSearch::IncrementalSearch() = default;
IncrementalSearch::IncrementalSearch(IncrementalSearch&&) noexcept = default;
IncrementalSearch& IncrementalSearch::operator=(IncrementalSearch&&) noexcept = default;
IncrementalSearch::~IncrementalSearch() {
    if (making_.valid()) making_.wait();
}

void IncrementalSearch::start(const model::Site& site, const search::BodyTexts& texts) {
    updater_.reset();
    if (making_.valid()) making_.wait();
    making_ = {};
    pending_.clear();
    indexed_.clear();
    written_whole_ = false;
    if (!site.config.search) return;
    indexed_ = indexed_paths(site);
    // A test hook: the updater late, as on a big site (tests/site).
    const char* delay = std::getenv("CHUXIN_TEST_SEARCH_UPDATER_DELAY_MS");
    const int delay_ms = delay ? std::atoi(delay) : 0;
    // The entries are copied here: the kept site changes with the next rebuild.
    making_ = std::async(std::launch::async, [entries = search::collect_entries(site, texts), delay_ms]() mutable {
        if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        return std::make_shared<search::IndexUpdater>(std::move(entries));
    });
}

std::shared_ptr<search::IndexUpdater> IncrementalSearch::ready() {
    if (!updater_ && making_.valid() && making_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        updater_ = making_.get();
    return updater_;
}

bool IncrementalSearch::write(const model::Site& site, const search::BodyTexts& texts,
                              const std::set<std::string>& changed, OutputSink& out, std::set<std::string>& gone) {
    if (!site.config.search) return false;
    pending_.insert(changed.begin(), changed.end());
    std::shared_ptr<search::IndexUpdater> updater = ready();
    if (!updater) {
        search::write_search_index(site, texts, out);
        written_whole_ = true;
        return false;
    }
    const std::set<std::string> paths = std::move(pending_);
    pending_.clear();
    const std::vector<std::string> old_order = std::move(indexed_);
    const std::vector<std::string> new_order = indexed_paths(site);
    indexed_ = new_order;
    const std::set<std::string> old_set(old_order.begin(), old_order.end());
    const std::set<std::string> new_set(new_order.begin(), new_order.end());
    const search::EntrySource source = search::entry_source(site, texts);
    // Pages gone from the index, last first so that the places before stay;
    // then pages new to it, first first, at their places now; the order of
    // the others is the same (site order is by path). Then the entries of
    // pages that may have changed.
    Changes changes;
    for (size_t k = old_order.size(); k-- > 0;)
        if (!new_set.count(old_order[k])) changes.add(updater->erase(k));
    for (size_t k = 0; k < new_order.size(); ++k)
        if (!old_set.count(new_order[k])) changes.add(updater->insert(k, source.at(k)));
    for (size_t k = 0; k < new_order.size(); ++k) {
        if (!paths.count(new_order[k]) || !old_set.count(new_order[k])) continue;
        search::Entry entry = source.at(k);
        if (!same_entry(entry, updater->entries()[k])) changes.add(updater->replace(k, std::move(entry)));
    }
    if (written_whole_) {
        // The output holds an index the updater did not make: all of its
        // files now, and the rest of the output's index goes.
        for (const search::IndexFile& file : updater->files()) out.write(file.path, file.bytes);
        written_whole_ = false;
        return false;
    }
    changes.put(out, gone);
    return true;
}

}  // namespace chuxin::site
