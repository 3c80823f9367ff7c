#include "corolab/sleep.hpp"

#include <cassert>

namespace corolab {

void SleepAwaiter::await_suspend(coroutine_handle<> h) {
  TaskBase* t = current_task();
  assert(t && "sleep() can only be awaited inside a task");
  if (delay_ <= 0) {  // tasks.__sleep0: a bare yield
    t->yield_at(h);
    return;
  }
  t->sleep_until(t->loop().time() + delay_, h);
}

// The task's step already cancelled a cancelled sleep's timer (end_sleep).
void SleepAwaiter::await_resume() {
  detail::throw_if_resumed_with_error();
}

}  // namespace corolab
