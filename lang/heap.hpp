// Heap: the registry of every object of one run, with memory accounting.
//
// Objects are linked into an intrusive list on creation (O(1)) and unlinked
// when freed. Freeing is iterative (a pending list), so dropping a long chain
// of objects never recurses in C++. destroy_all() frees everything left when
// the run ends, cycles included. bytes() is what the memory budget checks.
#pragma once

#include <cstddef>
#include <vector>

#include "lang/value.hpp"

namespace corolab::lang {

class Heap {
public:
    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap() { destroy_all(); }

    // Registers a new object (count 0) and accounts `bytes` for it.
    template <class T, class... A>
    T* make(A&&... args) {
        T* o = new T(std::forward<A>(args)...);
        link(o, sizeof(T));
        return o;
    }
    void link(Object* o, std::size_t bytes);
    // Adjusts the accounting of `o` (containers growing or shrinking).
    void account(Object* o, std::ptrdiff_t delta) {
        o->heap_bytes = static_cast<std::uint32_t>(o->heap_bytes + delta);
        bytes_ += delta;
    }
    void release(Object* o);
    void destroy_all();

    std::size_t bytes() const { return bytes_; }
    std::size_t objects() const { return count_; }

    static Heap* current;  // the heap of the run being executed

private:
    void free_now(Object* o);
    Object* head_ = nullptr;
    std::size_t bytes_ = 0;
    std::size_t count_ = 0;
    std::vector<Object*> pending_;
    bool draining_ = false;
    bool tearing_down_ = false;
};

}  // namespace corolab::lang
