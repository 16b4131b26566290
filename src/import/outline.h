#pragma once
// The numbering of Chinese official documents (党政机关公文格式 GB/T 9704-2012
// §7.3.3: 结构层次序数 "一、" "（一）" "1." "（1）"), recognised from the text
// whatever the paragraph's style, and Word's heading styles.
#include <string>
#include <string_view>

namespace chuxin::import {

struct OutlineNumber {
    int level = 0;      // 1: 一、 2: （一） 3: 1. 4: （1）; 0 = not numbered
    size_t length = 0;  // bytes of the number, its punctuation and the spaces after it
};

// The 公文 number at the start of `text`, if any. 1. also as 1． and １.;
// （一） and （1） also with half-width parentheses; "1.5倍" is no number.
OutlineNumber outline_number(std::string_view text);

// The heading level a style name implies: "Heading 2", "heading 2", "标题 2",
// "标题2" → 2; "Title" and others → 0.
int heading_level_of_style(std::string_view style_name);

// Where a level-3 or -4 "heading" runs on into its paragraph (公文 style:
// "1. 加强理论学习。全体党员要……"): the byte offset just past the lead-in's
// closing punctuation (。！？：；), when text follows it; 0 when the whole
// paragraph is the heading.
size_t run_on_split(std::string_view text, size_t after_number);

// Is this short enough, and without sentence punctuation inside, to stand
// as a heading? (At most 40 characters, not ending in 。；：, not two sentences.)
bool heading_like(std::string_view text);

}  // namespace chuxin::import
