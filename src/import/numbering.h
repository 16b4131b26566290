#pragma once
// Word's automatic numbering (ECMA-376 Part 1 §17.9): numbering.xml defines
// abstract lists (w:abstractNum: per level a start, a format and a text like
// "%1、") and list instances (w:num) that point at one. A paragraph with
// w:numPr shows the next number of its instance's level; deeper levels
// restart. Import renders these numbers as text, so "一、" typed by Word's
// list feature is recognised the same as "一、" typed by hand.
#include <map>
#include <string>
#include <vector>

#include "import/xml_part.h"

namespace chuxin::import {

struct NumberLevel {
    int start = 1;
    std::string format = "decimal";  // w:numFmt: decimal, chineseCounting, bullet, none …
    std::string text = "%1.";        // w:lvlText
};

class Numbering {
public:
    Numbering() = default;
    explicit Numbering(const xmlNode* numbering_root);
    // The number the reader sees for the next paragraph of list `num_id` at
    // level `ilvl` ("一、", "（二）", "3."); "" for none; "•" for a bullet.
    std::string next(const std::string& num_id, int ilvl);

private:
    struct Instance {
        std::string abstract_id;
        std::map<int, int> start_overrides;
    };
    std::map<std::string, std::vector<NumberLevel>> abstracts_;
    std::map<std::string, Instance> instances_;
    // Counters per abstract list: instances of one abstract list continue
    // each other's numbers, as in Word, unless they override the start.
    std::map<std::string, std::vector<int>> counters_;
    std::map<std::string, bool> instance_started_;
};

// One number in a w:numFmt: 3 → "3" (decimal), "三" (chineseCounting),
// "３" (decimalFullWidth), "c" (lowerLetter), "iii" (lowerRoman) …
std::string format_number(int n, const std::string& format);
// 1–99 in Chinese counting: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一.
std::string chinese_number(int n);

}  // namespace chuxin::import
