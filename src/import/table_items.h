#pragma once
// A checklist's or study list's entries typed as a Word table (整改台账:
// 问题 | 整改措施 | 责任人 | 整改时限 | 状态; 学习书目: 篇目 | 类别 | 必读/选读 |
// 学时 | 完成时限) → the `items:` of its front matter (content-format §3).
#include <optional>
#include <set>
#include <string>

#include "import/convert.h"

namespace chuxin::import {

struct TableItems {
    std::string yaml;         // "items:\n  - id: c1\n    issue: …\n"
    size_t block = 0;         // the table's index among the document's blocks
    bool keep_table = false;  // a column maps to no field: the table stays in the text too
    int count = 0;
};

// The first table (not in `skip`) whose header row names the main column of
// `kind` (问题 for a checklist; 篇目, 书目, 学习内容, 题目, 名称 for a study list).
std::optional<TableItems> items_from_tables(const DocxDocument& doc, ImportKind kind, const std::set<size_t>& skip);

// "已销号", "已完成" → done; "整改中", "推进中" → doing; else open.
std::string status_code(const std::string& text);

}  // namespace chuxin::import
