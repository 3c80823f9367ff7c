#include "corolab/timeout.hpp"

namespace corolab {

Timeout Timeout::after(std::optional<double> delay) {
  if (!delay) return Timeout(std::nullopt);
  return Timeout(Loop::current()->time() + *delay);
}

void Timeout::reschedule(std::optional<double> when) {
  if (state_ != State::entered) {
    if (state_ == State::created) throw RuntimeError("Timeout has not been entered");
    throw RuntimeError("Cannot change state of finished Timeout");
  }
  when_ = when;
  handle_.cancel();
  handle_ = Handle();
  if (!when) return;
  Loop& loop = *Loop::current();
  // The scope outlives its handle: exit() and the destructor cancel it.
  if (*when <= loop.time()) {
    handle_ = loop.call_soon([this] { on_timeout(); });
  } else {
    handle_ = loop.call_at(*when, [this] { on_timeout(); });
  }
}

void Timeout::enter() {
  if (state_ != State::created) throw RuntimeError("Timeout has already been entered");
  TaskBase* task = current_task();
  if (!task) throw RuntimeError("Timeout should be used inside a task");
  state_ = State::entered;
  task_ = Ref<TaskBase>(task);
  cancelling_ = task->cancelling();
  reschedule(when_);
}

void Timeout::exit(std::exception_ptr e) {
  handle_.cancel();
  handle_ = Handle();
  if (state_ == State::expiring) {
    state_ = State::expired;
    if (task_->uncancel() <= cancelling_ && e && is_cancelled_error(e)) throw TimeoutError();
  } else if (state_ == State::entered) {
    state_ = State::exited;
  }
  if (e) std::rethrow_exception(e);
}

void Timeout::on_timeout() {
  task_->cancel();
  state_ = State::expiring;
  handle_ = Handle();
}

}  // namespace corolab
