// The load stage's part of each kind (load/kinds.h) against the one table
// of kinds (model/kinds.h): a kind without a reader fails here.
#include <catch2/catch.hpp>

#include <set>

#include "load/kinds.h"
#include "load_test_util.h"
#include "model/kinds.h"

using namespace chuxin;
using namespace chuxin::load;

TEST_CASE("kind table: every kind has one reader, in the table's order") {
    const auto& readers = kind_readers();
    REQUIRE(readers.size() == model::kKinds.size());
    for (size_t i = 0; i < readers.size(); ++i) {
        INFO(model::kKinds[i].name << ": add its KindReader to load/kinds.cpp");
        CHECK(readers[i].kind == model::kKinds[i].kind);
        CHECK(readers[i].read != nullptr);
        CHECK(readers[i].entry_list.empty() == readers[i].entry_keys.empty());
        // The entries' list is one of the kind's fields.
        if (!readers[i].entry_list.empty())
            CHECK(std::count(readers[i].keys.begin(), readers[i].keys.end(), readers[i].entry_list) == 1);
        std::set<std::string> keys(common_keys().begin(), common_keys().end());
        for (const auto& k : readers[i].keys) CHECK(keys.insert(k).second);  // no field twice
    }
    CHECK(kind_choices().size() == model::kKinds.size());
}

TEST_CASE("kind table: the folder of each kind gives that kind and its reader fills its data") {
    for (const auto& info : model::kKinds) {
        if (info.folder.empty()) continue;
        INFO(info.name);
        test::Loaded l;
        test::load_into(l, std::string(info.folder) + "/x.md", "---\ntitle: 标题\n---\n");
        CHECK(l.file.page.kind == info.kind);
        if (info.kind != model::Kind::Page) CHECK_FALSE(std::holds_alternative<std::monostate>(l.file.page.data));
    }
}

TEST_CASE("a checklist item's status takes each status's code and Chinese word") {
    for (auto status : model::kItemStatuses) {
        for (std::string_view word : {model::words_of(status).code, model::words_of(status).zh}) {
            INFO(word);
            test::Loaded l;
            test::load_into(l, "checklists/a.md",
                            "---\ntitle: 清单\nitems:\n  - {id: c1, issue: 问题, status: " + std::string(word) +
                                ", done_on: 2026-06-20}\n---\n");
            CHECK(l.diags.sorted().empty());
            const auto* list = l.file.page.as<model::Checklist>();
            REQUIRE(list);
            REQUIRE(list->items.size() == 1);
            CHECK(list->items[0].status == status);
        }
    }
}
