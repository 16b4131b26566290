#pragma once
// A bump allocator for one cmark-gfm parse + render. cmark allocates and
// frees a few thousand small blocks per page (nodes, buffers growing by
// realloc); with malloc that was a fifth of the stage's time. Here every
// allocation of one page comes from a few large blocks that are released
// together when the arena goes out of scope, and cmark's free() is a no-op.
//
// cmark_mem has no context pointer, so its functions reach the arena through
// a thread-local pointer that the arena sets for its lifetime (one arena per
// thread at a time; arenas do not nest). All cmark objects made with mem()
// must be gone (or never touched again) before the arena is destroyed.
#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace chuxin::markdown {

class CmarkArena {
public:
    CmarkArena();
    ~CmarkArena();
    CmarkArena(const CmarkArena&) = delete;
    CmarkArena& operator=(const CmarkArena&) = delete;

    cmark_mem* mem();  // the allocator to give cmark_parser_new_with_mem

    void* allocate(size_t size);                       // 16-byte aligned, size stored in front
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
    CmarkArena* previous_;
};

}  // namespace chuxin::markdown
