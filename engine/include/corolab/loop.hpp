// Loop: asyncio's event loop (BaseEventLoop), single-threaded.
//
// - A FIFO ready queue and a timer heap (see ready_queue.hpp, timer_heap.hpp).
// - run_once() is exactly CPython's BaseEventLoop._run_once: drop cancelled
//   timers at the head (or compact), wait for the earliest timer when
//   nothing is ready (virtual clock: jump to it; real clock: sleep), move
//   every timer due before now + 1e-9 to the ready queue, then run exactly
//   the callbacks that were ready when the run started.
// - Clocks: virtual (time moves only by timer jumps and block()) or real
//   (host steady clock times a speed factor).
// - Driving: run_until_done() runs iterations until a future completes
//   (run_until_complete in run.hpp wraps it). A host that owns the waiting
//   (browser, CLI in real mode) calls advance() repeatedly instead.
// - stop() destroys every pending callback, timer and task without running
//   them; the loop can then be reused or destroyed.
// The running loop is Loop::current() while any of these run.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "corolab/callback.hpp"
#include "corolab/ready_queue.hpp"
#include "corolab/ref.hpp"
#include "corolab/timer_heap.hpp"
#include "corolab/trace.hpp"

namespace corolab {

class Loop;
class FutureBase;
class TaskBase;

enum class ClockMode : uint8_t { virtual_time, real_time };

namespace detail {
// A user callback (call_soon / call_later / call_at) and its handle.
struct HandleState {
  uint32_t refs = 0;
  bool cancelled = false;
  double when = 0;
  Loop* loop = nullptr;
  TimerId timer;
  std::function<void()> fn;

  void add_ref() noexcept { ++refs; }
  void release() noexcept {
    if (--refs == 0) delete this;
  }
  // Callback::Fn: runs fn unless cancelled; a throw is reported as
  // asyncio reports it ("Exception in callback") and the loop goes on.
  static void invoke(void* self, void*, bool run);
};
}  // namespace detail

// asyncio.Handle / TimerHandle for call_soon / call_later / call_at.
// Copyable; cancel() is O(1) and idempotent; a cancelled callback never runs.
class Handle {
 public:
  Handle() = default;
  explicit Handle(Ref<detail::HandleState> s) : s_(std::move(s)) {}
  void cancel();
  bool cancelled() const;
  // The deadline (timers only; 0 for call_soon handles).
  double when() const;
  explicit operator bool() const { return bool(s_); }

 private:
  Ref<detail::HandleState> s_;
};

class Loop {
 public:
  explicit Loop(ClockMode mode = ClockMode::virtual_time, double speed = 1.0);
  ~Loop();  // stop()s first
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // The loop whose callbacks are running (or last ran), like
  // asyncio.get_running_loop(); nullptr before any loop ran.
  static Loop* current() noexcept;
  void make_current() noexcept;

  // ---- time ----
  // Loop time in seconds (loop.time()): virtual, or (host time since
  // start) * speed in real mode.
  double time() const;
  ClockMode clock_mode() const { return mode_; }
  // Real clock only: change the speed factor; time() stays continuous.
  void set_speed(double speed);
  double speed() const { return speed_; }
  // time.sleep(d): blocks the whole loop. Virtual: the clock jumps by d.
  // Real: the host really waits d / speed seconds. Traced as "block".
  void block(double seconds);

  // ---- scheduling (user callbacks; one allocation each) ----
  Handle call_soon(std::function<void()> fn);
  Handle call_later(double delay, std::function<void()> fn);
  Handle call_at(double when, std::function<void()> fn);

  // ---- scheduling (engine-internal; no allocation) ----
  void call_soon(const Callback& cb) {
    ready_.push(cb);
    if (trace_) record_ready(cb);
  }
  // Runs fn(a, nullptr, true) at `when` (fn(a, nullptr, false) if it is
  // dropped unrun). Traced as timer_set / timer_fire / timer_cancel.
  TimerId add_timer(double when, Callback::Fn fn, void* a);
  void cancel_timer(TimerId id);

  // ---- driving ----
  // One iteration of BaseEventLoop._run_once. In virtual mode a wait jumps
  // the clock; throws DeadlockError if nothing is ready and no timer left.
  void run_once();
  // run_forever() until `fut` is done: the loop stops on the iteration
  // after the one that completed it (asyncio's run_until_complete uses a
  // done callback calling loop.stop()). Throws DeadlockError (virtual
  // clock) when nothing can run and fut is pending.
  void run_until_done(FutureBase& fut);
  // asyncio's loop.stop(): the current run_forever ends after this
  // iteration.
  void stop_soon() { stopping_ = true; }
  // Host-driven mode: runs what is due (at most ~`slice` seconds of work,
  // so the host stays responsive) and returns how long the host should
  // wait before calling again, in host seconds: 0 = ready work remains,
  // > 0 = until the earliest timer (real clock), < 0 = idle (nothing
  // scheduled). Virtual clock: jumps time as run_once does.
  double advance(double slice = 0.01);
  // True when nothing is ready and no live timer remains.
  bool idle();
  // Loop time of the earliest live timer, or nullopt.
  std::optional<double> next_deadline();

  // Destroys every pending callback, timer and unfinished task without
  // running any of them (their frames are freed, nothing is reported).
  void stop();

  // ---- introspection ----
  uint64_t iterations() const { return iteration_; }
  size_t ready_count() const { return ready_.size(); }
  size_t timer_count() const { return timers_.live(); }
  // Unfinished tasks (asyncio.all_tasks()).
  size_t live_tasks() const { return live_tasks_; }
  std::vector<Ref<TaskBase>> all_tasks() const;
  TaskBase* current_task() const noexcept { return current_task_; }

  // ---- trace ----
  void set_trace(Trace* t) noexcept { trace_ = t; }
  // The attached trace; null once it is truncated (see record()).
  Trace* trace() const noexcept { return trace_; }
  // A trace that reached its size limit takes nothing more: it is detached,
  // so every hook costs one null check again (names, ready records).
  void record(TraceEv ev, uint32_t task, uint32_t a = 0, double x = 0, uint32_t detail = 0, uint8_t sub = 0) {
    if (!trace_) return;
    trace_->add(TraceRecord{time(), x, task, a, detail, ev, sub});
    if (trace_->truncated()) trace_ = nullptr;
  }
  // A ready-queue push: which task it steps and why (scheduled_task.cpp).
  void record_ready(const Callback& cb);
  // Output lines (the interpreter records them here).
  void record_output(std::string_view text, Stream stream = Stream::out);

 private:
  friend class TaskBase;
  static void run_timer(void* loop, void* slot, bool run);
  void wait_for_timer(double timeout);
  double host_now() const;

  ClockMode mode_;
  double speed_;
  double now_ = 0;          // virtual time
  double real_base_ = 0;    // real mode: loop time at host_base_
  double host_base_ = 0;    // real mode: host seconds at rebase
  bool stopping_ = false;
  uint64_t iteration_ = 0;
  ReadyQueue ready_;
  TimerHeap timers_;
  Trace* trace_ = nullptr;
  TaskBase* current_task_ = nullptr;
  TaskBase* tasks_head_ = nullptr;  // intrusive list of unfinished tasks
  size_t live_tasks_ = 0;
};

}  // namespace corolab
