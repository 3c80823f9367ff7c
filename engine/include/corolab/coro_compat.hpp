// Picks the coroutine header the toolchain has: g++ 12 ships <coroutine>;
// Emscripten 3.1.6's libc++ only <experimental/coroutine>. The rest of the
// engine uses corolab::coroutine_handle and friends and never names std::.
#pragma once

#if __has_include(<coroutine>) && !defined(__EMSCRIPTEN__)
#include <coroutine>
namespace corolab {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace corolab
#else
#include <experimental/coroutine>
namespace corolab {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace corolab
#endif
