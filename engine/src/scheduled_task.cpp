#include "corolab/scheduled_task.hpp"

#include <cassert>

#include "corolab/report.hpp"

namespace corolab {

namespace {
uint32_t g_task_counter = 0;   // asyncio.tasks._task_name_counter
uint32_t g_named_counter = 0;  // ids for named tasks
constexpr uint32_t kNamedIdBase = 1000000;
}  // namespace

uint32_t detail::next_task_number() noexcept { return ++g_task_counter; }

void reset_task_counter() noexcept {
  g_task_counter = 0;
  g_named_counter = 0;
}

TaskBase* current_task() noexcept {
  Loop* loop = Loop::current();
  return loop ? loop->current_task() : nullptr;
}

uint32_t current_task_id() noexcept {
  TaskBase* t = current_task();
  return t ? t->id() : 0;
}

void detail::suspend_current_task(FutureBase& fut, coroutine_handle<> h, On on, uint32_t detail, double until) {
  TaskBase* t = current_task();
  assert(t && "engine awaitables can only be awaited inside a task");
  t->suspend_on(fut, h, on, detail, until);
}

void detail::throw_if_resumed_with_error() {
  TaskBase* t = current_task();
  if (t && t->has_resume_error()) std::rethrow_exception(t->take_resume_error());
}

TaskBase::TaskBase(Loop& loop, std::optional<std::string> name) : FutureBase(loop) {
  is_task_ = true;
  wait_kind_ = On::task;
  if (name) {
    id_ = kNamedIdBase + ++g_named_counter;
    extra().task_name = interned().intern(*name);
  } else {
    id_ = detail::next_task_number();
  }
}

TaskBase::~TaskBase() {
  if (log_traceback_) {
    log_traceback_ = false;
    report(Report{"Task exception was never retrieved", "future: " + repr(), exc_});
  }
  unlink();
  if (sleep_ == SleepState::none) drop_waiter();
}

std::string TaskBase::name() const {
  if (extra_ && extra_->task_name) return interned().name(extra_->task_name);
  return "Task-" + std::to_string(id_);
}

void TaskBase::set_name(std::string name) { extra().task_name = interned().intern(name); }

void TaskBase::drop_waiter() noexcept {
  if (FutureBase* f = std::exchange(fut_waiter_, nullptr)) f->release();
}

void TaskBase::schedule_first_step() {
  add_ref();  // held by the queued step
  // task_create first: the ready record that follows names a known task.
  if (loop_->trace()) loop_->record(TraceEv::task_create, id_, current_task_id(), 0, interned().intern(name()));
  loop_->call_soon(Callback{&TaskBase::step_cb, this, nullptr});
  link();
}

void TaskBase::set_trace_label(std::string_view label, bool internal) {
  Trace* trace = loop_->trace();
  if (!trace) return;
  // The task_create record is among the last few (create, ready push).
  auto& records = trace->records_mut();
  for (size_t i = records.size(), n = 0; i > 0 && n < 4; --i, ++n) {
    TraceRecord& r = records[i - 1];
    if (r.ev == TraceEv::task_create && r.task == id_) {
      r.x = interned().intern(label);
      r.sub = internal ? task_internal : 0;
      return;
    }
  }
}

void Loop::record_ready(const Callback& cb) {
  uint32_t task = 0;
  Cause cause = Cause::callback;
  On on = On::other;
  if (cb.fn == &TaskBase::step_cb) {
    auto* t = static_cast<TaskBase*>(cb.a);
    task = t->id_;
    cause = t->started_ ? Cause::yield : Cause::start;
  } else if (cb.fn == &TaskBase::wakeup_cb) {
    auto* t = static_cast<TaskBase*>(cb.a);
    task = t->id_;
    cause = Cause::done;
    on = t->waiting_tag_;
  } else if (cb.fn == &TaskBase::sleep_wakeup_cb) {
    auto* t = static_cast<TaskBase*>(cb.a);
    task = t->id_;
    cause = t->sleep_ == TaskBase::SleepState::cancelled ? Cause::cancel : Cause::timer;
  }
  record(TraceEv::ready, task, static_cast<uint32_t>(on), 0, 0, static_cast<uint8_t>(cause));
}

void TaskBase::link() {
  next_ = loop_->tasks_head_;
  if (next_) next_->prev_ = this;
  prev_ = nullptr;
  loop_->tasks_head_ = this;
  ++loop_->live_tasks_;
  linked_ = true;
}

void TaskBase::unlink() {
  if (!linked_) return;
  if (prev_) prev_->next_ = next_;
  else loop_->tasks_head_ = next_;
  if (next_) next_->prev_ = prev_;
  prev_ = next_ = nullptr;
  --loop_->live_tasks_;
  linked_ = false;
}

void TaskBase::step_cb(void* task, void*, bool run) {
  auto* t = static_cast<TaskBase*>(task);
  if (run) t->step_impl(nullptr);
  t->release();
}

void TaskBase::wakeup_cb(void* task, void* fut, bool run) {
  auto* t = static_cast<TaskBase*>(task);
  auto* f = static_cast<FutureBase*>(fut);
  if (run) t->wakeup(*f);
  if (f) f->release();
  t->release();
}

// Task.__wakeup: read the future's outcome, resume with it.
void TaskBase::wakeup(FutureBase& fut) {
  if (fut.state() == State::finished && !fut.failed()) {
    step_impl(nullptr);
  } else {
    step(fut.result_error());
  }
}

// Task.__step.
void TaskBase::step(std::exception_ptr exc) { step_impl(&exc); }

// Task.__step. exc == nullptr (the common case) touches no exception_ptr:
// each one costs out-of-line calls in Wasm's libc++.
void TaskBase::step_impl(std::exception_ptr* exc) {
  if (done()) return;
  if (must_cancel_) {
    must_cancel_ = false;
    std::exception_ptr e = (exc && is_cancelled_error(*exc)) ? std::move(*exc) : make_cancelled_error();
    step_impl(&e);
    return;
  }
  bool slept = sleep_ != SleepState::none;
  if (!slept) drop_waiter();
  Ref<TaskBase> keep(this);
  Loop& loop = *loop_;
  TaskBase* outer = loop.current_task_;
  loop.current_task_ = this;
  if (loop.trace()) loop.record(started_ ? TraceEv::task_resume : TraceEv::task_start, id_);
  if (slept) end_sleep();
  if (!started_) {
    started_ = true;
    if (exc && *exc) {
      // coro.throw() into a coroutine that never ran: it ends at once.
      std::exception_ptr err = std::move(*exc);
      destroy_frame();
      finish(std::move(err));
      loop.current_task_ = outer;
      return;
    }
    detail::run_trampoline(root());
  } else {
    if (exc && *exc) extra().resume_exc = std::move(*exc);
    detail::run_trampoline(resume_point_);
  }
  if (root().done()) {
    std::exception_ptr err = take_outcome();
    destroy_frame();
    finish(std::move(err));
  }
  loop.current_task_ = outer;
}

void TaskBase::finish(std::exception_ptr err) {
  unlink();
  if (extra_) extra_->resume_exc = nullptr;
  TaskOutcome outcome = TaskOutcome::result;
  if (err) {
    if (is_cancelled_error(err)) {
      extra().cancelled_exc = err;  // Task._cancelled_exc: what awaiters will see
      cancel_future(std::nullopt);
      outcome = TaskOutcome::cancelled;
    } else {
      set_exception_unchecked(err);
      outcome = TaskOutcome::error;
    }
  } else if (must_cancel_) {
    // Cancelled right before the coroutine returned.
    must_cancel_ = false;
    cancel_future(cancel_message_copy());
    outcome = TaskOutcome::cancelled;
  } else {
    finish_with_result();
  }
  if (loop_->trace()) {
    uint32_t detail = outcome == TaskOutcome::error ? interned().intern(describe(exc_)) : 0;
    loop_->record(TraceEv::task_done, id_, 0, 0, detail, static_cast<uint8_t>(outcome));
  }
}

void TaskBase::suspend_on(FutureBase& fut, coroutine_handle<> h, On on, uint32_t detail, double until) {
  resume_point_ = h;
  waiting_tag_ = on;  // before the callback: a done future schedules it at once
  if (loop_->trace()) {
    if (on == On::task && !detail && fut.is_task()) detail = interned().intern(static_cast<TaskBase&>(fut).name());
    loop_->record(TraceEv::task_suspend, id_, loop_->trace()->take_await_line(), until, detail, static_cast<uint8_t>(on));
  }
  add_ref();  // held by the done callback
  fut.add_done_callback(DoneCallback{&TaskBase::wakeup_cb, this});
  fut.add_ref();
  fut_waiter_ = &fut;
  if (must_cancel_) {
    if (fut_waiter_->cancel(cancel_message_copy())) must_cancel_ = false;
  }
}

void TaskBase::yield_at(coroutine_handle<> h) {
  resume_point_ = h;
  waiting_tag_ = On::yield;
  add_ref();
  if (loop_->trace()) loop_->record(TraceEv::task_suspend, id_, loop_->trace()->take_await_line(), 0, 0, static_cast<uint8_t>(On::yield));
  loop_->call_soon(Callback{&TaskBase::step_cb, this, nullptr});
}

void TaskBase::sleep_until(double when, coroutine_handle<> h) {
  resume_point_ = h;
  waiting_tag_ = On::sleep;
  sleep_ = SleepState::pending;
  add_ref();  // held by the timer
  sleep_timer_ = loop_->add_timer(when, &TaskBase::sleep_timer_cb, this);
  if (loop_->trace()) loop_->record(TraceEv::task_suspend, id_, loop_->trace()->take_await_line(), when, 0, static_cast<uint8_t>(On::sleep));
  if (must_cancel_) {
    if (cancel_sleep(cancel_message_copy())) must_cancel_ = false;
  }
}

// futures._set_result_unless_cancelled(sleep's future): the future is
// done; its done callback (__wakeup) runs on the next iteration.
void TaskBase::sleep_timer_cb(void* task, void*, bool run) {
  auto* t = static_cast<TaskBase*>(task);
  if (run && t->sleep_ == SleepState::pending) {
    t->sleep_ = SleepState::done;
    t->loop_->call_soon(Callback{&TaskBase::sleep_wakeup_cb, t, nullptr});  // passes on our reference
    return;
  }
  t->release();
}

// sleep's future.cancel(msg): cancelled; __wakeup scheduled at once.
bool TaskBase::cancel_sleep(std::optional<std::string> msg) {
  sleep_ = SleepState::cancelled;
  set_cancel_message(std::move(msg));  // read back by the wakeup
  add_ref();
  loop_->call_soon(Callback{&TaskBase::sleep_wakeup_cb, this, nullptr});
  return true;
}

// Task.__wakeup(sleep's future).
void TaskBase::sleep_wakeup_cb(void* task, void*, bool run) {
  auto* t = static_cast<TaskBase*>(task);
  if (run) {
    if (t->sleep_ == SleepState::cancelled) {
      t->step(std::make_exception_ptr(CancelledError(t->cancel_message_copy())));
    } else {
      t->step_impl(nullptr);
    }
  }
  t->release();
}

// sleep's `finally: h.cancel()`, at the start of the step that ends the
// sleep (before any of the coroutine's code, so in the same trace order):
// only a cancelled sleep's timer is still scheduled; a fired one is gone
// and its slot is not touched again.
void TaskBase::end_sleep() {
  if (sleep_ == SleepState::cancelled) loop_->cancel_timer(sleep_timer_);
  sleep_ = SleepState::none;
  fut_waiter_ = nullptr;
}

bool TaskBase::cancel(std::optional<std::string> msg) {
  log_traceback_ = false;
  if (done()) return false;
  ++num_cancels_requested_;
  if (sleep_ == SleepState::none) {
    if (fut_waiter_ && fut_waiter_->cancel(msg)) return true;
  } else if (sleep_ == SleepState::pending) {
    if (cancel_sleep(msg)) return true;
  }
  must_cancel_ = true;
  set_cancel_message(std::move(msg));
  return true;
}

void TaskBase::abandon() {
  Ref<TaskBase> keep(this);
  unlink();
  if (sleep_ != SleepState::none) {
    loop_->cancel_timer(sleep_timer_);
    sleep_ = SleepState::none;
    fut_waiter_ = nullptr;
  } else if (fut_waiter_) {
    fut_waiter_->remove_done_callback(&TaskBase::wakeup_cb, this);
    drop_waiter();
  }
  if (extra_) extra_->resume_exc = nullptr;
  state_ = State::cancelled;
  log_traceback_ = false;
  // Drop our own waiters' registrations without scheduling them.
  discard_callbacks();
  destroy_frame();
}

std::string TaskBase::repr() const {
  std::string out = "<Task ";
  out += state_ == State::pending ? "pending" : state_ == State::cancelled ? "cancelled" : "finished";
  out += " name='" + name() + "' coro=<";
  out += coro_repr_ ? interned().name(coro_repr_) : std::string("coroutine");
  out += '>';
  if (state_ == State::finished && exc_) out += " exception=" + describe(exc_);
  // base_tasks._task_repr_info: what a pending task waits on; a sleep's
  // future only has this task's wakeup callback.
  if (state_ == State::pending && sleep_ == SleepState::pending) {
    out += " wait_for=<Future pending cb=[Task.task_wakeup()]>";
  } else if (state_ == State::pending && waiting_on()) {
    std::string w = fut_waiter_->repr();
    if (!fut_waiter_->done() && !w.empty()) w.insert(w.size() - 1, " cb=[Task.task_wakeup()]");
    out += " wait_for=" + w;
  }
  out += '>';
  return out;
}

}  // namespace corolab
