// The host-facing drive API for a virtual-clock (or blocking real-clock)
// run. Real-clock hosts that own the waiting use Loop::advance() instead.
#pragma once
#include "corolab/gather.hpp"
#include "corolab/scheduled_task.hpp"

namespace corolab {

// loop.run_until_complete(fut): runs the loop until fut is done, then
// returns its result (or throws its exception). The loop stops one
// iteration after fut completes, like CPython; whatever is still ready
// stays queued for the next run. Throws DeadlockError if nothing can run.
template <class T>
T run_until_complete(Loop& loop, const Future<T>& fut) {
  loop.run_until_done(*fut.base());
  if constexpr (std::is_void_v<T>) {
    fut.result();
  } else {
    return fut.result();  // a copy: fut may be a temporary
  }
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

namespace detail {
// asyncio.Runner.close(): cancels every unfinished task and waits for
// them (a gather with return_exceptions), reports their unexpected errors,
// then runs loop.shutdown_asyncgens() and loop.shutdown_default_executor()
// as tasks (each uses up a task name, as in CPython).
void shutdown_like_asyncio_run(Loop& loop);
}  // namespace detail

// asyncio.run(main) on `loop`: main runs as a task until it completes;
// then, whatever it did, the loop is shut down as asyncio.run does
// (detail::shutdown_like_asyncio_run). Returns main's result or throws
// its exception.
template <class T>
T asyncio_run(Loop& loop, Task<T> main) {
  TaskHandle<T> task = create_task(loop, std::move(main));
  std::exception_ptr err;
  std::optional<GatherItem<T>> result;
  try {
    if constexpr (std::is_void_v<T>) {
      run_until_complete(loop, task);
    } else {
      result.emplace(run_until_complete(loop, task));
    }
  } catch (...) {
    err = std::current_exception();
  }
  detail::shutdown_like_asyncio_run(loop);
  if (err) std::rethrow_exception(err);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace corolab
