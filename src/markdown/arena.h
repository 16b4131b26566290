#pragma once
// A bump allocator for one cmark-gfm tree. cmark allocates and frees a few
// thousand small blocks per page (nodes, buffers growing by realloc); with
// malloc that was a fifth of the stage's time. Here every allocation made
// while the tree is built comes from a few large blocks that are released
// together when the arena goes (markdown::Document owns one per tree), and
// cmark's free() of them is a no-op.
//
// cmark_mem has no context pointer, so its functions reach the arena through
// a thread-local pointer that an ArenaScope sets for its lifetime. The tree
// outlives that scope: readers on other threads walk it later, and what cmark
// allocates for them then (an iterator) comes from malloc and is freed
// normally — every block carries a tag saying where it came from.
#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace chuxin::markdown {

class CmarkArena {
public:
    CmarkArena() = default;
    CmarkArena(const CmarkArena&) = delete;
    CmarkArena& operator=(const CmarkArena&) = delete;

    static cmark_mem* mem();  // the allocator to give cmark_parser_new_with_mem

    void* allocate(size_t size);                       // 16-byte aligned, size and tag stored in front
    void* reallocate(void* old, size_t size);
    size_t bytes_reserved() const { return reserved_; }

private:
    struct FreeBlock {
        void operator()(char* p) const;
    };
    std::vector<std::unique_ptr<char, FreeBlock>> blocks_;
    char* next_ = nullptr;
    size_t left_ = 0;
    size_t reserved_ = 0;
};

// Makes `arena` the one this thread's cmark allocations come from, until the
// scope ends (scopes nest).
class ArenaScope {
public:
    explicit ArenaScope(CmarkArena& arena);
    ~ArenaScope();
    ArenaScope(const ArenaScope&) = delete;
    ArenaScope& operator=(const ArenaScope&) = delete;

private:
    CmarkArena* previous_;
};

}  // namespace chuxin::markdown
