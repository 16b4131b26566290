#pragma once
// The pages' text in the index is deflate-compressed with a dictionary
// shared by every text file (docs/search.md "Text files"). The browser has
// no way to give DecompressionStream a dictionary, but a raw deflate stream
// may begin with a stored block: search.js puts the dictionary in front as
// one (5 header bytes and the dictionary's bytes), then the file's bytes,
// so their back references reach into it; it drops the dictionary's bytes
// from what comes out. zlib (zlib1g-dev) compresses; its output is the same
// for the same input, so the files are deterministic.
#include <memory>
#include <string>
#include <string_view>

namespace chuxin::search {

// The largest dictionary a deflate window can reach back over.
constexpr size_t kMaxDictionary = 32 * 1024 - 512;

// Raw deflate of `text` with `dictionary` preset (level 6), then the
// big-endian Adler-32 of dictionary + text.
std::string deflate_with_dictionary(std::string_view text, std::string_view dictionary);

// The same for many texts on one thread: one zlib stream, reset between
// texts, and the dictionary's Adler-32 taken once (a new stream per text
// and the dictionary summed each time were a sixth of the compressing).
class DictionaryDeflater {
public:
    explicit DictionaryDeflater(std::string dictionary);
    ~DictionaryDeflater();
    DictionaryDeflater(const DictionaryDeflater&) = delete;
    DictionaryDeflater& operator=(const DictionaryDeflater&) = delete;

    std::string deflate(std::string_view text);

private:
    struct Stream;
    std::unique_ptr<Stream> stream_;  // the zlib stream; ~DictionaryDeflater ends it
    std::string dictionary_;
    unsigned long dictionary_sum_;
};

// The standard base64 alphabet with '=' padding (atob reads it back).
std::string base64(std::string_view bytes);

}  // namespace chuxin::search
