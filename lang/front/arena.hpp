// Bump allocator owning the AST of one parse: nodes live until the arena dies.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace corolab::lang {

// Allocates objects in large blocks (one malloc per 64 KiB, not per node).
// Objects that need a destructor (they hold std::string or std::vector) are
// destroyed, in reverse creation order, when the arena is destroyed.
// Not copyable or movable: node pointers point into it.
class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() {
        for (auto it = dtors_.rbegin(); it != dtors_.rend(); ++it) it->destroy(it->object);
    }

    template <class T, class... Args>
    T* make(Args&&... args) {
        void* p = allocate(sizeof(T), alignof(T));
        T* obj = new (p) T(std::forward<Args>(args)...);
        if constexpr (!std::is_trivially_destructible_v<T>)
            dtors_.push_back({obj, [](void* o) { static_cast<T*>(o)->~T(); }});
        return obj;
    }

    std::size_t bytes_used() const { return used_; }

private:
    void* allocate(std::size_t size, std::size_t align) {
        std::size_t start = (offset_ + align - 1) & ~(align - 1);
        if (blocks_.empty() || start + size > block_size_) {
            block_size_ = size > kBlock ? size : kBlock;
            blocks_.push_back(std::make_unique<std::max_align_t[]>(
                (block_size_ + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t)));
            start = 0;
        }
        offset_ = start + size;
        used_ += size;
        return reinterpret_cast<char*>(blocks_.back().get()) + start;
    }

    struct Dtor {
        void* object;
        void (*destroy)(void*);
    };
    static constexpr std::size_t kBlock = 64 * 1024;
    std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
    std::vector<Dtor> dtors_;
    std::size_t block_size_ = 0;
    std::size_t offset_ = 0;
    std::size_t used_ = 0;
};

}  // namespace corolab::lang
