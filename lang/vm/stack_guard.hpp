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
    // vm_entry: C++ re-entering the dispatch loop (Vm::run_frame,
    // gen_next), which counts its Python frame itself; the guard only
    // checks the stack, for a level that costs more of it.
    explicit StackGuard(const char* what, bool vm_entry = false);
    ~StackGuard();
    bool ok() const { return ok_; }
    StackGuard(const StackGuard&) = delete;
    StackGuard& operator=(const StackGuard&) = delete;

private:
    int* depth_ = nullptr;  // the counter this level was added to
    unsigned cost_ = 0;     // engine stack bytes this level is charged (Wasm)
    bool ok_ = false;
};

// True when the current thread's C++ stack is nearly used up, or (Wasm)
// the active guarded levels may have used up the engine's stack.
bool stack_exhausted();

}  // namespace corolab::lang
