// Heap: the registry of every object of one run, with memory accounting.
//
// Objects are linked into an intrusive list on creation (O(1)) and unlinked
// when freed. Freeing is iterative (a pending list), so dropping a long chain
// of objects never recurses in C++. destroy_all() frees everything left when
// the run ends, cycles included. Memory is metered where it is allocated
// (lang/vm/budget.hpp), not here.
#pragma once

#include <cstddef>
#include <vector>

#include "lang/objects/value.hpp"

namespace corolab::lang {

class Heap {
public:
    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap() { destroy_all(); }

    // Registers a new object (count 0).
    template <class T, class... A>
    T* make(A&&... args) {
        T* o = new T(std::forward<A>(args)...);
        link(o);
        return o;
    }
    void link(Object* o);
    void release(Object* o);
    void destroy_all();

    std::size_t objects() const { return count_; }

    static Heap* current;  // the heap of the run being executed
    // Called once for an object flagged `finalizer` whose count reached zero,
    // before it is freed (CPython's tp_finalize). Returning true means it took
    // a reference (resurrected it) and the object lives on.
    static bool (*finalize)(Object* o);

private:
    void free_now(Object* o);
    Object* head_ = nullptr;
    std::size_t count_ = 0;
    std::vector<Object*> pending_;
    bool draining_ = false;
    bool tearing_down_ = false;
};

}  // namespace corolab::lang
