#include "lang/vm/stack_guard.hpp"

#include <cstdint>
#include <string>

#include "lang/vm/vm.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/stack.h>
#else
#include <pthread.h>
#endif

namespace corolab::lang {

namespace {

#ifdef __EMSCRIPTEN__
// The shadow stack (-sTOTAL_STACK) holds only address-taken locals; the
// engine's own stack holds the rest and is not visible from Wasm, so each
// guarded level is charged an estimate of it. Measured in Node 20 (984 KB
// of stack): a nested-list repr level takes about 195 bytes, a Python frame
// re-entered from C++ (class instantiation) about 590, a user __repr__
// calling repr() about 1,000 for both. Browsers give a worker at least as
// much; half stays free for the frames below the first level (a test
// harness, the host) and the unguarded calls below the last.
constexpr std::uintptr_t kMargin = 128 * 1024;
constexpr std::size_t kLevelCost = 200, kVmEntryCost = 1000;
constexpr std::size_t kEngineStack = 512 * 1024;
#else
// Room for the deepest unguarded call chain below a guard.
constexpr std::uintptr_t kMargin = 512 * 1024;
#endif

thread_local std::uintptr_t stack_floor = 0;  // lowest usable address (0: not known yet)
#ifdef __EMSCRIPTEN__
thread_local std::size_t engine_used = 0;     // estimated engine stack of the active guards
#endif
thread_local int fallback_depth = 0;          // recursion count outside a Python thread

std::uintptr_t current_sp() {
#ifdef __EMSCRIPTEN__
    return emscripten_stack_get_current();
#else
    return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
#endif
}

std::uintptr_t compute_floor() {
#ifdef __EMSCRIPTEN__
    return emscripten_stack_get_end() + kMargin;
#else
    pthread_attr_t attr;
    void* addr = nullptr;
    std::size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 1;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return reinterpret_cast<std::uintptr_t>(addr) + kMargin;
#endif
}

}  // namespace

bool stack_exhausted() {
    if (!stack_floor) stack_floor = compute_floor();
#ifdef __EMSCRIPTEN__
    if (engine_used > kEngineStack) return true;
#endif
    return current_sp() < stack_floor;
}

StackGuard::StackGuard(const char* what, bool vm_entry) {
    bool counts_depth = !vm_entry;
    Runtime* r = Runtime::current;
    Thread* th = r && r->vm ? r->vm->current_thread() : nullptr;
    int limit = r && r->vm ? r->vm->recursion_limit : 1000;
    int& depth = th ? th->depth : fallback_depth;
    if ((counts_depth && depth >= limit) || stack_exhausted()) {
        raise(T.RecursionError, std::string("maximum recursion depth exceeded") + what);
        return;
    }
    if (counts_depth) {
        ++depth;
        depth_ = &depth;
    }
#ifdef __EMSCRIPTEN__
    cost_ = vm_entry ? kVmEntryCost : kLevelCost;
    engine_used += cost_;
#endif
    ok_ = true;
}

StackGuard::~StackGuard() {
    if (!ok_) return;
    if (depth_) --*depth_;
#ifdef __EMSCRIPTEN__
    engine_used -= cost_;
#endif
}

}  // namespace corolab::lang
