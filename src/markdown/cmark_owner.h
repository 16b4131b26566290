#pragma once
// Move-only owners for the cmark-gfm objects this stage creates (style.md §9):
// a parser, a document tree and an iterator each have exactly one owner that
// frees them, whatever path the code takes out. (Their memory comes from a
// CmarkArena, arena.h, which must outlive them.)
#include <cmark-gfm.h>

#include <mutex>
#include <utility>

namespace chuxin::markdown {

template <class T, void (*Free)(T*)>
class CmarkOwner {
public:
    CmarkOwner() = default;
    explicit CmarkOwner(T* p) : ptr_(p) {}
    CmarkOwner(const CmarkOwner&) = delete;
    CmarkOwner& operator=(const CmarkOwner&) = delete;
    CmarkOwner(CmarkOwner&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)) {}
    CmarkOwner& operator=(CmarkOwner&& other) noexcept {
        if (this != &other) {
            reset();
            ptr_ = std::exchange(other.ptr_, nullptr);
        }
        return *this;
    }
    ~CmarkOwner() { reset(); }

    T* get() const { return ptr_; }
    explicit operator bool() const { return ptr_ != nullptr; }
    void reset() {
        if (ptr_) Free(ptr_);
        ptr_ = nullptr;
    }

private:
    T* ptr_ = nullptr;
};

using ParserOwner = CmarkOwner<cmark_parser, cmark_parser_free>;
using NodeOwner = CmarkOwner<cmark_node, cmark_node_free>;  // a document or a detached subtree
using IterOwner = CmarkOwner<cmark_iter, cmark_iter_free>;

// cmark-gfm 0.29 (Debian) is not thread-safe while it parses inlines:
// cmark_parser_finish() switches the inline extensions' special characters
// (~ for strikethrough, : and w for autolinks) on in a process-wide table and
// off again when it is done, so a parse finishing on one thread turns
// strikethrough off for a parse in progress on another (seen: `~~x~~` left
// as text in one build of two). Block parsing (cmark_parser_feed) stays
// parallel; the inline pass of every parser in the process takes this lock.
inline std::mutex& inline_pass_lock() {
    static std::mutex lock;  // guards cmark-gfm's own global, not ours
    return lock;
}

// cmark_parser_finish() under inline_pass_lock().
inline cmark_node* finish_parse(cmark_parser* parser) {
    std::lock_guard guard(inline_pass_lock());
    return cmark_parser_finish(parser);
}

}  // namespace chuxin::markdown
