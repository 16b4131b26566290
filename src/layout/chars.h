#pragma once
// Character classes for Chinese composition (W3C clreq, anchors.md §4.1).
namespace chuxin::layout {

// clreq §3.1.7 "basic" level plus the marks the spec lists: may not begin a line.
bool no_line_start(char32_t cp);
// May not end a line: opening brackets and quotes.
bool no_line_end(char32_t cp);
// Full-width marks whose ink sits in the left half: the right half is blank
// and may be trimmed (clreq §3.1.6 punctuation width adjustment).
bool blank_right(char32_t cp);
// Opening marks: ink in the right half, blank left half.
bool blank_left(char32_t cp);
// Marks that come in pairs and must never be split: —— and …… (clreq §3.1.8).
bool unbreakable_pair(char32_t a, char32_t b);
// Han ideographs, kana, full-width forms: the "Chinese" side of a CJK–Latin gap.
bool is_cjk_ideo(char32_t cp);
// Latin letters and digits (the Western side of a CJK–Latin gap).
bool is_western_alnum(char32_t cp);
bool is_space(char32_t cp);

}  // namespace chuxin::layout
