#include "lang/objects/heap.hpp"

namespace corolab::lang {

Heap* Heap::current = nullptr;
bool (*Heap::finalize)(Object* o) = nullptr;

void release_object(Object* o) {
    if (Heap::current) Heap::current->release(o);
}

void Heap::link(Object* o) {
    o->heap_next = head_;
    o->heap_prev = nullptr;
    if (head_) head_->heap_prev = o;
    head_ = o;
    ++count_;
}

void Heap::free_now(Object* o) {
    if (o->heap_prev) o->heap_prev->heap_next = o->heap_next;
    else if (head_ == o) head_ = o->heap_next;
    if (o->heap_next) o->heap_next->heap_prev = o->heap_prev;
    --count_;
    delete o;  // its destructor releases its references (queued, not recursive)
}

void Heap::release(Object* o) {
    if (tearing_down_) return;
    pending_.push_back(o);
    if (draining_) return;
    draining_ = true;
    while (!pending_.empty()) {
        Object* p = pending_.back();
        pending_.pop_back();
        if (p->finalizer) {
            p->finalizer = false;
            if (finalize && finalize(p)) continue;
        }
        free_now(p);
    }
    draining_ = false;
}

void Heap::destroy_all() {
    if (!head_) return;
    tearing_down_ = true;
    for (Object* o = head_; o; o = o->heap_next) o->clear_refs();
    while (head_) {
        Object* o = head_;
        head_ = o->heap_next;
        delete o;
    }
    count_ = 0;
    pending_.clear();
    tearing_down_ = false;
}

}  // namespace corolab::lang
