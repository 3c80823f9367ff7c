// StackGuard: one level of C++ recursion that a scenario can drive (repr,
// str, ==, <, hash and `in` of nested containers; Python code re-entered
// from C++ by builtins, __init__, __repr__, ...). Every such recursion
// point holds a guard for its level, so no input can overflow the C++ stack.
//
// A guard promises two things:
// - it counts against the run's recursion budget, in the same count as
//   Python frames (as CPython 3.11's Py_EnterRecursiveCall does: a user
//   __repr__ calling repr() costs two levels per step);
// - it checks the C++ stack really left on this thread (natively the
//   thread's stack bounds; in Wasm the shadow stack, plus a cap on C++
//   levels that keeps the engine's own call stack within what browsers and
//   Node give a worker).
// Running out of either raises RecursionError("maximum recursion depth
// exceeded" + what) and leaves the guard !ok(); the caller returns its
// "raised" value (Null, false, -1).
//
//   StackGuard g(" while getting the repr of an object");
//   if (!g.ok()) return false;
#pragma once

namespace corolab::lang {

class StackGuard {
public:
    // counts_depth = false: the level only checks the C++ stack (the VM's
    // re-entry points count their Python frame themselves).
    explicit StackGuard(const char* what, bool counts_depth = true);
    ~StackGuard();
    bool ok() const { return ok_; }
    StackGuard(const StackGuard&) = delete;
    StackGuard& operator=(const StackGuard&) = delete;

private:
    int* depth_ = nullptr;  // the counter this level was added to
    bool ok_ = false;
};

// True when the current thread's C++ stack is nearly used up, or (Wasm)
// too many guarded C++ levels are active. For recursion outside a run
// (compiler passes), which reports its own error.
bool stack_exhausted();

// Guarded C++ levels active on this thread (Wasm's level cap counts these).
int stack_guard_levels();

}  // namespace corolab::lang
