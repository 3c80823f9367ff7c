// The host-facing drive API for a virtual-clock (or blocking real-clock)
// run. Real-clock hosts that own the waiting use Loop::advance() instead.
#pragma once
#include "corolab/scheduled_task.hpp"

namespace corolab {

// loop.run_until_complete(fut): runs the loop until fut is done, then
// returns its result (or throws its exception). The loop stops one
// iteration after fut completes, like CPython; whatever is still ready
// stays queued for the next run. Throws DeadlockError if nothing can run.
template <class T>
decltype(auto) run_until_complete(Loop& loop, const Future<T>& fut) {
  loop.run_until_done(*fut.base());
  return fut.result();
}
template <class T>
T run_until_complete(Loop& loop, const TaskHandle<T>& task) {
  loop.run_until_done(task.base());
  if constexpr (std::is_void_v<T>) {
    task.future().result();
  } else {
    return task.future().result();
  }
}
// Wraps coro in a task first (ensure_future), as CPython does.
template <class T>
T run_until_complete(Loop& loop, Task<T> coro) {
  return run_until_complete(loop, create_task(loop, std::move(coro)));
}

}  // namespace corolab
