// The html stage's part of each kind against the one table of kinds
// (model/kinds.h): a kind without a page view, a page template in the
// default theme or a UI label in each language fails here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "html/builtin_theme.h"
#include "html/html.h"
#include "html/kind_views.h"
#include "html/ui.h"
#include "model/kinds.h"

using namespace chuxin;
using namespace chuxin::html;

TEST_CASE("kind table: every kind has a page view, in the table's order") {
    const auto& views = kind_views();
    REQUIRE(views.size() == model::kKinds.size());
    for (size_t i = 0; i < views.size(); ++i) {
        INFO(model::kKinds[i].name << ": add its KindView to html/kind_views.cpp");
        CHECK(views[i].kind == model::kKinds[i].kind);
        CHECK(views[i].fields != nullptr);
        CHECK(view_of(model::kKinds[i].kind) == &views[i]);
    }
    // A branch's page groups every kind, each once.
    auto order = kinds_in_org_order();
    CHECK(order.size() == model::kKinds.size());
    for (size_t i = 0; i < order.size(); ++i) CHECK(view_of(order[i])->org_group == static_cast<int>(i));
    CHECK(order.front() == model::Kind::Schedule);
    CHECK(order.back() == model::Kind::Page);
}

TEST_CASE("kind table: every kind has a template in the default theme and is a template name") {
    const auto& names = template_names();
    for (const auto& info : model::kKinds) {
        const std::string file = "templates/" + std::string(info.name) + ".mustache";
        INFO("add themes/default/" << file);
        auto theme = builtin_theme("default");
        CHECK(std::any_of(theme.begin(), theme.end(), [&](const EmbeddedFile& f) { return file == f.path; }));
        CHECK(std::count(names.begin(), names.end(), std::string(info.name)) == 1);
    }
}

TEST_CASE("kind table: every kind has its UI label kind_<name> in each language") {
    for (const auto& info : model::kKinds) {
        const std::string key = "kind_" + std::string(info.name);
        INFO("add " << key << " to html/ui.cpp");
        auto entry = std::find_if(Ui::table().begin(), Ui::table().end(),
                                  [&](const Ui::Entry& e) { return key == e.key; });
        REQUIRE(entry != Ui::table().end());
        CHECK(std::string(entry->zh).size() > 0);
        CHECK(std::string(entry->en).size() > 0);
    }
}

TEST_CASE("kind table: every kind with a folder is in the navigation, labelled in each language") {
    std::vector<std::string> folders;
    for (const auto& s : nav_sections()) folders.push_back(s.folder);
    for (const auto& info : model::kKinds) {
        if (info.folder.empty()) continue;
        INFO(info.name << ": give it a nav_place in html/kind_views.cpp and nav_" << info.folder << " in html/ui.cpp");
        CHECK(std::count(folders.begin(), folders.end(), std::string(info.folder)) == 1);
        const std::string key = "nav_" + std::string(info.folder);
        CHECK(std::any_of(Ui::table().begin(), Ui::table().end(),
                          [&](const Ui::Entry& e) { return key == e.key && *e.zh && *e.en; }));
    }
    CHECK(folders == std::vector<std::string>{"schedules", "studylists", "cases", "minutes", "checklists", "handbooks"});
}

TEST_CASE("the UI's status words are the table's") {
    Ui zh(Lang::Zh), en(Lang::En);
    CHECK(zh("item_doing") == model::words_of(model::ItemStatus::Doing).zh);
    CHECK(en("item_done") == model::words_of(model::ItemStatus::Done).en);
    CHECK(zh("status_due") == model::words_of(model::OccurrenceStatus::Due).zh);
    CHECK(en("overdue") == model::overdue_words().en);
}
