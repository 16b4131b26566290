#include "markdown/arena.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chuxin::markdown {
namespace {

// Each block starts with a 16-byte header: its size, then where it lives.
constexpr size_t kHeader = 16;
constexpr uint64_t kInArena = 0x41524e41;   // released with the arena
constexpr uint64_t kOnHeap = 0x48454150;    // malloc'd: no arena was current
constexpr size_t kFirstBlock = 64 * 1024;

size_t rounded(size_t payload) { return (payload + kHeader + 15) & ~size_t{15}; }

thread_local CmarkArena* current_arena = nullptr;

[[noreturn]] void out_of_memory() {  // as cmark's own allocator does: nothing may unwind through C
    std::fputs("chuxin: out of memory in the Markdown stage\n", stderr);
    std::abort();
}

char* header_of(void* payload) { return static_cast<char*>(payload) - kHeader; }

void write_header(char* header, size_t size, uint64_t tag) {
    std::memcpy(header, &size, sizeof size);
    std::memcpy(header + sizeof size, &tag, sizeof tag);
}

size_t stored_size(void* payload) {
    size_t size;
    std::memcpy(&size, header_of(payload), sizeof size);
    return size;
}

uint64_t stored_tag(void* payload) {
    uint64_t tag;
    std::memcpy(&tag, header_of(payload) + sizeof(size_t), sizeof tag);
    return tag;
}

void* heap_allocate(size_t size) {
    char* header = static_cast<char*>(std::malloc(size + kHeader));
    if (!header) out_of_memory();
    write_header(header, size, kOnHeap);
    return header + kHeader;
}

void* arena_calloc(size_t count, size_t size) {
    size_t total = count * size;
    void* p = current_arena ? current_arena->allocate(total) : heap_allocate(total);
    std::memset(p, 0, total);
    return p;
}

void* arena_realloc(void* old, size_t size) {
    if (old && stored_tag(old) == kOnHeap) {
        char* header = static_cast<char*>(std::realloc(header_of(old), size + kHeader));
        if (!header) out_of_memory();
        write_header(header, size, kOnHeap);
        return header + kHeader;
    }
    if (current_arena) return current_arena->reallocate(old, size);
    void* fresh = heap_allocate(size);  // an arena block grown on a reader's thread
    if (old) std::memcpy(fresh, old, std::min(size, stored_size(old)));
    return fresh;
}

void arena_free(void* p) {
    if (p && stored_tag(p) == kOnHeap) std::free(header_of(p));  // arena blocks go with the arena
}

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

void CmarkArena::FreeBlock::operator()(char* p) const { std::free(p); }

cmark_mem* CmarkArena::mem() { return &arena_mem; }

void* CmarkArena::allocate(size_t size) {
    size_t need = rounded(size);
    if (need > left_) {
        size_t block = std::max(need, reserved_ == 0 ? kFirstBlock : reserved_);  // blocks double
        char* memory = static_cast<char*>(std::malloc(block));
        if (!memory) out_of_memory();
        blocks_.emplace_back(memory);
        next_ = memory;
        left_ = block;
        reserved_ += block;
    }
    char* header = next_;
    next_ += need;
    left_ -= need;
    write_header(header, size, kInArena);
    return header + kHeader;
}

void* CmarkArena::reallocate(void* old, size_t size) {
    if (old == nullptr) return allocate(size);
    size_t old_size = stored_size(old);
    if (size <= old_size) return old;
    char* header = header_of(old);
    size_t grow = rounded(size) - rounded(old_size);
    if (header + rounded(old_size) == next_ && grow <= left_) {  // the latest block: grow in place
        next_ += grow;
        left_ -= grow;
        write_header(header, size, kInArena);
        return old;
    }
    void* fresh = allocate(size);
    std::memcpy(fresh, old, old_size);
    return fresh;
}

ArenaScope::ArenaScope(CmarkArena& arena) : previous_(current_arena) { current_arena = &arena; }

ArenaScope::~ArenaScope() { current_arena = previous_; }

}  // namespace chuxin::markdown
