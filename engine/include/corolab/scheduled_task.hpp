// asyncio.Task: a Task<T> coroutine scheduled on a loop (create_task()).
//
// Transcribes tasks.py's Task: __init__ schedules the first step with
// call_soon (so a new task starts on the next loop iteration); each step
// resumes the coroutine until it awaits a pending future (the task then
// waits for the future's done callback, __wakeup, which itself runs one
// iteration after the future completes), yields (sleep(0): one call_soon),
// or finishes. cancel(msg) cancels the awaited future, or makes the next
// step throw CancelledError at the suspension point; cancelling()/
// uncancel() count requests as 3.11 does.
// Names: "Task-N" from a process-wide counter (reset_task_counter() for
// tests), unless named. Ids (trace, current_task_id): N for "Task-N";
// named tasks take ids from 1,000,000 up.
// Lifetime: reference counted; the loop holds the task while it is
// scheduled or awaited; the coroutine frame is freed when the task finishes.
// Memory: the task and its frames come from the engine's pool (pool.hpp);
// a TaskState<void> is 112 bytes natively, what most futures never need
// (a name, cancel messages, a second done callback) is allocated on first
// use (FutureBase::Extra).
#pragma once
#include <string>
#include <vector>

#include "corolab/future.hpp"
#include "corolab/task.hpp"

namespace corolab {

// The type-independent part of every asyncio task.
class TaskBase : public FutureBase {
 public:
  TaskBase(Loop& loop, std::optional<std::string> name);
  ~TaskBase() override;

  uint32_t id() const noexcept { return id_; }
  std::string name() const;
  void set_name(std::string name);
  // Task.cancel(msg): see the header comment.
  bool cancel(std::optional<std::string> msg = std::nullopt) override;
  int cancelling() const noexcept { return num_cancels_requested_; }
  int uncancel() noexcept {
    if (num_cancels_requested_ > 0) --num_cancels_requested_;
    return num_cancels_requested_;
  }
  // What the interpreter shows as the coroutine in reprs, e.g.
  // "main() done, defined at x.py:3" (default "coroutine").
  void set_coro_repr(std::string_view text) { coro_repr_ = interned().intern(text); }
  // The trace's label for this task's coroutine, e.g. "job('a')"; internal
  // marks asyncio's own tasks (asyncio.run's shutdown steps). Call right
  // after creating the task: it completes the task_create record.
  void set_trace_label(std::string_view label, bool internal = false);
  // "<Task finished name='Task-2' coro=<...> exception=ValueError('x')>".
  std::string repr() const override;
  // The future this task waits on (Task._fut_waiter), or null.
  FutureBase* waiting_on() const noexcept { return sleep_ == SleepState::none ? fut_waiter_ : nullptr; }
  On waiting_tag() const noexcept { return waiting_tag_; }

  // ---- used by awaiters (detail) ----
  // Task.__step's "blocking" branch: wait for fut, resume at h.
  void suspend_on(FutureBase& fut, coroutine_handle<> h, On on, uint32_t detail, double until);
  // Task.__step's bare-yield branch: resume at h on the next iteration.
  void yield_at(coroutine_handle<> h);
  // asyncio.sleep(d > 0) without allocating its future: the task plays
  // the part of sleep's future (pending / done by the timer / cancelled by
  // cancel()), with the same callbacks on the same iterations.
  void sleep_until(double when, coroutine_handle<> h);
  bool has_resume_error() const noexcept { return extra_ && extra_->resume_exc; }
  std::exception_ptr take_resume_error() noexcept {
    return extra_ ? std::exchange(extra_->resume_exc, nullptr) : nullptr;
  }

 protected:
  // Called by the derived class once the coroutine frame exists.
  void schedule_first_step();
  // Moves the finished root coroutine's value into the future; returns
  // its exception instead when it raised.
  virtual std::exception_ptr take_outcome() = 0;
  virtual coroutine_handle<> root() noexcept = 0;
  virtual void destroy_frame() noexcept = 0;

 private:
  friend class Loop;
  friend class FutureBase;  // names wakeup_cb in callback_labels()
  static void step_cb(void* task, void* exc, bool run);
  static void wakeup_cb(void* task, void* fut, bool run);
  static void sleep_timer_cb(void* task, void*, bool run);
  static void sleep_wakeup_cb(void* task, void*, bool run);
  void step(std::exception_ptr exc);
  void step_impl(std::exception_ptr* exc);
  void wakeup(FutureBase& fut);
  void finish(std::exception_ptr err);
  void drop_waiter() noexcept;
  void end_sleep();
  void link();
  void unlink();
  void abandon();  // Loop::stop(): detach and free the frame, never run

  // The virtual future of a sleep in progress.
  enum class SleepState : uint8_t { none, pending, done, cancelled };
  bool cancel_sleep(std::optional<std::string> msg);

  // Kept small (a sleeping task is mostly this object): rare state lives in
  // FutureBase::Extra (the name, the exception a step throws in).
  // What the task waits on: while sleep_ == none, the future it awaits
  // (Task._fut_waiter; a held reference, or null); otherwise its sleep's
  // timer.
  union {
    FutureBase* fut_waiter_ = nullptr;
    TimerId sleep_timer_;
  };
  coroutine_handle<> resume_point_;
  TaskBase* prev_ = nullptr;  // Loop's list of unfinished tasks
  TaskBase* next_ = nullptr;
  uint32_t id_;
  uint32_t coro_repr_ = 0;  // interned, 0 = "coroutine"
  int num_cancels_requested_ = 0;
  SleepState sleep_ = SleepState::none;
  On waiting_tag_ = On::other;
  bool must_cancel_ : 1 = false;
  bool started_ : 1 = false;
  bool linked_ : 1 = false;
};

namespace detail {
template <class T>
class TaskState final : public TaskBase {
 public:
  TaskState(Loop& loop, Task<T> coro, std::optional<std::string> name)
      : TaskBase(loop, std::move(name)), coro_(std::move(coro)) {
    schedule_first_step();
  }
  void* result_storage() noexcept override { return &slot_; }

 private:
  coroutine_handle<> root() noexcept override { return coro_.handle(); }
  void destroy_frame() noexcept override { coro_.reset(); }
  std::exception_ptr take_outcome() override {
    auto& p = coro_.handle().promise();
    if (p.error) return p.error;
    if constexpr (!std::is_void_v<T>) slot_.value.emplace(std::move(*p.value));
    return nullptr;
  }
  Task<T> coro_;
  [[no_unique_address]] ValueSlot<T> slot_;  // empty for void: no bytes
};

// Process-wide task name counter (asyncio.tasks._task_name_counter).
uint32_t next_task_number() noexcept;
}  // namespace detail

// Restarts Task-N numbering at Task-1 (tests; CPython never resets it).
void reset_task_counter() noexcept;

// A handle to an asyncio task: a Future<T> that is also a task.
template <class T>
class TaskHandle {
 public:
  using value_type = T;
  TaskHandle() = default;
  explicit TaskHandle(Ref<TaskBase> t) : t_(std::move(t)) {}
  TaskBase* operator->() const { return t_.get(); }
  TaskBase& base() const { return *t_; }
  const Ref<TaskBase>& ref() const { return t_; }
  Future<T> future() const { return Future<T>(Ref<FutureBase>(t_.get())); }
  operator Future<T>() const { return future(); }
  decltype(auto) result() const { return future().result(); }
  bool done() const { return t_->done(); }
  bool cancelled() const { return t_->cancelled(); }
  bool cancel(std::optional<std::string> msg = std::nullopt) const { return t_->cancel(std::move(msg)); }
  std::string name() const { return t_->name(); }
  explicit operator bool() const { return bool(t_); }
  FutureAwaiter<T> operator co_await() const { return FutureAwaiter<T>(t_.get()); }

 private:
  Ref<TaskBase> t_;
};

// asyncio.create_task / loop.create_task: schedules coro; it starts on the
// next loop iteration.
template <class T>
TaskHandle<T> create_task(Loop& loop, Task<T> coro, std::optional<std::string> name = std::nullopt) {
  return TaskHandle<T>(Ref<TaskBase>(new detail::TaskState<T>(loop, std::move(coro), std::move(name))));
}
// On the running loop (inside a task).
template <class T>
TaskHandle<T> create_task(Task<T> coro, std::optional<std::string> name = std::nullopt) {
  return create_task(*Loop::current(), std::move(coro), std::move(name));
}

// asyncio.current_task(): the task whose step is running, or null.
TaskBase* current_task() noexcept;
// The running task's id and name (0 / "" outside tasks).
uint32_t current_task_id() noexcept;

}  // namespace corolab
