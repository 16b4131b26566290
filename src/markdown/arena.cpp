#include "markdown/arena.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chuxin::markdown {
namespace {

constexpr size_t kHeader = 16;         // keeps payloads 16-byte aligned, holds the size
constexpr size_t kFirstBlock = 64 * 1024;

size_t rounded(size_t payload) { return (payload + kHeader + 15) & ~size_t{15}; }

thread_local CmarkArena* current_arena = nullptr;

void* arena_calloc(size_t count, size_t size) {
    size_t total = count * size;
    void* p = current_arena->allocate(total);
    std::memset(p, 0, total);
    return p;
}

void* arena_realloc(void* old, size_t size) { return current_arena->reallocate(old, size); }

void arena_free(void*) {}  // released with the arena

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

size_t stored_size(const void* payload) {
    size_t size;
    std::memcpy(&size, static_cast<const char*>(payload) - kHeader, sizeof size);
    return size;
}

}  // namespace

void CmarkArena::FreeBlock::operator()(char* p) const { std::free(p); }

CmarkArena::CmarkArena() : previous_(current_arena) { current_arena = this; }

CmarkArena::~CmarkArena() { current_arena = previous_; }

cmark_mem* CmarkArena::mem() { return &arena_mem; }

void* CmarkArena::allocate(size_t size) {
    size_t need = rounded(size);
    if (need > left_) {
        size_t block = std::max(need, reserved_ == 0 ? kFirstBlock : reserved_);  // blocks double
        char* memory = static_cast<char*>(std::malloc(block));
        if (!memory) {  // as cmark's own allocator does: nothing may unwind through C
            std::fputs("chuxin: out of memory in the Markdown stage\n", stderr);
            std::abort();
        }
        blocks_.emplace_back(memory);
        next_ = memory;
        left_ = block;
        reserved_ += block;
    }
    char* header = next_;
    next_ += need;
    left_ -= need;
    std::memcpy(header, &size, sizeof size);
    return header + kHeader;
}

void* CmarkArena::reallocate(void* old, size_t size) {
    if (old == nullptr) return allocate(size);
    size_t old_size = stored_size(old);
    if (size <= old_size) return old;
    char* header = static_cast<char*>(old) - kHeader;
    size_t grow = rounded(size) - rounded(old_size);
    if (header + rounded(old_size) == next_ && grow <= left_) {  // the latest block: grow in place
        next_ += grow;
        left_ -= grow;
        std::memcpy(header, &size, sizeof size);
        return old;
    }
    void* fresh = allocate(size);
    std::memcpy(fresh, old, old_size);
    return fresh;
}

}  // namespace chuxin::markdown
