#pragma once
// Makes the reference placeholders of refs.h unforgeable: before cmark sees
// a body, every C0 control character but tab, LF and CR, and DEL, becomes a
// space, and every numeric character reference that would decode to one
// (`&#26;`, `&#x1A;` …; CommonMark decodes those in text, titles and URLs)
// is rewritten to one that decodes to a space or a tab. Bytes that are not
// well-formed UTF-8 become '?' (cheaper here than cmark's own validation, in
// the same pass). All rewrites keep the byte length, so cmark's byte
// positions still match the user's file.
#include <string>
#include <string_view>

namespace chuxin::markdown {

// Returns `text` itself when nothing needs changing (the common case), else a
// view of `storage` holding the rewritten copy.
std::string_view sanitize_controls(std::string_view text, std::string& storage);

}  // namespace chuxin::markdown
