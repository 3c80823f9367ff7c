#include "corolab/sleep.hpp"

#include <cassert>

namespace corolab {

namespace {
// futures._set_result_unless_cancelled, as a timer callback.
void set_result_unless_cancelled(void* fut, void*, bool run) {
  auto* f = static_cast<detail::FutureState<void>*>(fut);
  if (run && !f->cancelled()) f->complete();
  f->release();
}
}  // namespace

void SleepAwaiter::await_suspend(coroutine_handle<> h) {
  TaskBase* t = current_task();
  assert(t && "sleep() can only be awaited inside a task");
  if (delay_ <= 0) {  // tasks.__sleep0: a bare yield
    t->yield_at(h);
    return;
  }
  Loop& loop = t->loop();
  auto* f = new detail::FutureState<void>(loop);
  fut_ = Ref<FutureBase>(f);
  f->add_ref();  // held by the timer
  double when = loop.time() + delay_;
  timer_ = loop.add_timer(when, Callback{&set_result_unless_cancelled, f, nullptr});
  t->suspend_on(*f, h, On::sleep, 0, when);
}

void SleepAwaiter::await_resume() {
  if (fut_) fut_->loop().cancel_timer(timer_);  // sleep's `finally: h.cancel()`
  detail::throw_if_resumed_with_error();
  if (fut_) fut_->check_result();
}

}  // namespace corolab
