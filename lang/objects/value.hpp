// Value: the interpreter's 16-byte tagged value, and Object, the base of every
// heap object. Small ints, floats, bools and None live inline; everything else
// is an Object with an intrusive reference count.
//
// Lifetime: a Value holding an object owns one reference. Objects are freed
// when their count reaches zero (deterministically, without C++ recursion:
// see Heap) and every object of a run is registered with that run's Heap,
// which frees whatever is left (cycles included) when the run ends.
// Immortal objects (builtin types, their methods) are never freed.
#pragma once

#include <cstdint>
#include <cstring>
#include <utility>

#include "lang/vm/budget.hpp"

namespace corolab::lang {

struct ClassObj;
class Heap;

enum class Tag : std::uint8_t { Null, None, Bool, Int, Float, Obj };

struct Object {
    std::uint32_t refcnt = 0;
    bool immortal = false;
    bool marked = false;  // scratch flag for teardown / repr recursion guards
    bool finalizer = false;  // Heap::finalize runs once before it is freed (PEP 442)
    ClassObj* cls = nullptr;
    Object* heap_prev = nullptr;  // run heap registration (null if immortal)
    Object* heap_next = nullptr;

    // Every object's memory comes from the small-object pool (budget.hpp):
    // metered like any allocation, without malloc's cost per object. The
    // sized delete gets the dynamic type's size (the destructor is virtual).
    static void* operator new(std::size_t n) { return pool_allocate(n); }
    static void operator delete(void* p, std::size_t n) noexcept { pool_free(p, n); }

    Object() = default;
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object() = default;
    // Drops every reference this object holds (teardown of cycles at run end).
    virtual void clear_refs() {}
};

void release_object(Object* o);  // refcount reached zero (heap.cpp)

inline void incref(Object* o) { ++o->refcnt; }
inline void decref(Object* o) {
    if (--o->refcnt == 0 && !o->immortal) release_object(o);
}

// Tag Null means "no value": returned by operations that raised (the pending
// exception is in the Interp) and used for unset locals.
class Value {
public:
    Tag tag = Tag::Null;
    union {
        std::int64_t i;
        double f;
        bool b;
        Object* o;
    };

    Value() : i(0) {}
    // Forced inline: the dispatch loop copies, moves and drops Values on
    // every instruction, and compilers otherwise keep these out of line in
    // a function that large (g++ called ~Value() on every POP()).
    [[gnu::always_inline]] ~Value() { if (tag == Tag::Obj) decref(o); }
    [[gnu::always_inline]] Value(const Value& v) : tag(v.tag), i(v.i) { if (tag == Tag::Obj) incref(o); }
    Value(Value&& v) noexcept : tag(v.tag), i(v.i) { v.tag = Tag::Null; }
    [[gnu::always_inline]] Value& operator=(const Value& v) {
        if (v.tag == Tag::Obj) incref(v.o);
        Tag ot = tag; Object* oo = o;
        tag = v.tag; i = v.i;
        if (ot == Tag::Obj) decref(oo);
        return *this;
    }
    [[gnu::always_inline]] Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            Tag ot = tag; Object* oo = o;
            tag = v.tag; i = v.i; v.tag = Tag::Null;
            if (ot == Tag::Obj) decref(oo);
        }
        return *this;
    }
    // Takes a new reference to `obj` (obj may be freshly allocated, count 0).
    // i is zeroed first: on 32-bit targets (Wasm) a pointer fills only half
    // of the union, and identity and hashing read all 64 bits.
    explicit Value(Object* obj) : tag(Tag::Obj), i(0) {
        o = obj;
        incref(obj);
    }

    static Value null() { return Value(); }
    static Value none() { Value v; v.tag = Tag::None; return v; }
    static Value boolean(bool x) { Value v; v.tag = Tag::Bool; v.b = x; v.i = x ? 1 : 0; return v; }
    static Value integer(std::int64_t x) { Value v; v.tag = Tag::Int; v.i = x; return v; }
    static Value number(double x) { Value v; v.tag = Tag::Float; v.f = x; return v; }

    bool is_null() const { return tag == Tag::Null; }
    bool is_none() const { return tag == Tag::None; }
    bool is_bool() const { return tag == Tag::Bool; }
    bool is_int() const { return tag == Tag::Int; }
    bool is_float() const { return tag == Tag::Float; }
    bool is_obj() const { return tag == Tag::Obj; }
    explicit operator bool() const { return tag != Tag::Null; }

    template <class T> T* as() const { return static_cast<T*>(o); }
    // Object pointer if this holds an object of exactly C++ type T's class kind.
    Object* obj() const { return tag == Tag::Obj ? o : nullptr; }

    void swap(Value& v) noexcept { std::swap(tag, v.tag); std::swap(i, v.i); }
};

static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

}  // namespace corolab::lang
