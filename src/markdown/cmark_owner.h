#pragma once
// Move-only owners for the cmark-gfm objects this stage creates (style.md §9):
// a parser, a document tree and an iterator each have exactly one owner that
// frees them, whatever path the code takes out. (Their memory comes from a
// CmarkArena, arena.h, which must outlive them.)
#include <cmark-gfm.h>

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

}  // namespace chuxin::markdown
