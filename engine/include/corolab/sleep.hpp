// asyncio.sleep(delay): suspends the current task.
// delay <= 0: a bare yield (one call_soon; the task runs again on the next
// iteration). Otherwise: a future completed by a timer at time() + delay
// (call_later), so the task resumes on the iteration after the timer
// fires, exactly as tasks.sleep does. Cancelling the task cancels the
// future and the timer. No allocation: the task itself stands for sleep's
// future and ends the sleep (TaskBase::sleep_until, end_sleep).
#pragma once
#include <type_traits>

#include "corolab/scheduled_task.hpp"

namespace corolab {

class SleepAwaiter {
 public:
  explicit SleepAwaiter(double delay) : delay_(delay) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(coroutine_handle<> h);
  void await_resume();

 private:
  double delay_;  // the only state: a sleeping coroutine's frame stays small
};

// co_await sleep(1.5); (a template so that sleep(1) beats POSIX ::sleep)
template <class D, class = std::enable_if_t<std::is_arithmetic_v<D>>>
SleepAwaiter sleep(D delay) {
  return SleepAwaiter(static_cast<double>(delay));
}

}  // namespace corolab
