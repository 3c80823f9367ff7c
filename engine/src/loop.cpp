#include "corolab/loop.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "corolab/errors.hpp"
#include "corolab/report.hpp"
#include "corolab/scheduled_task.hpp"

namespace corolab {

// CPython: base_events.MAXIMUM_SELECT_TIMEOUT and the monotonic clock's
// resolution on Linux (time.get_clock_info('monotonic').resolution).
constexpr double kMaxSelectTimeout = 24 * 3600;
constexpr double kClockResolution = 1e-9;

void detail::HandleState::invoke(void* self, void*, bool run) {
  auto* h = static_cast<HandleState*>(self);
  if (run && !h->cancelled) {
    try {
      h->fn();
    } catch (...) {
      report(Report{"Exception in callback", "handle: <Handle>", std::current_exception()});
    }
  }
  h->release();
}


// ---- Handle ----

void Handle::cancel() {
  if (!s_ || s_->cancelled) return;
  s_->cancelled = true;
  s_->fn = nullptr;  // drop captured state early, as Handle.cancel does
  if (s_->timer && s_->loop) s_->loop->cancel_timer(s_->timer);
}
bool Handle::cancelled() const { return s_ && s_->cancelled; }
double Handle::when() const { return s_ ? s_->when : 0; }

// ---- Loop ----

namespace {
Loop* g_current = nullptr;
}

Loop* Loop::current() noexcept { return g_current; }
void Loop::make_current() noexcept { g_current = this; }

Loop::Loop(ClockMode mode, double speed) : mode_(mode), speed_(speed > 0 ? speed : 1.0) {
  host_base_ = host_now();
}

Loop::~Loop() {
  stop();
  if (g_current == this) g_current = nullptr;
}

double Loop::host_now() const {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double Loop::time() const {
  if (mode_ == ClockMode::virtual_time) return now_;
  return real_base_ + (host_now() - host_base_) * speed_;
}

void Loop::set_speed(double speed) {
  if (speed <= 0) return;
  real_base_ = time();
  host_base_ = host_now();
  speed_ = speed;
}

namespace {
void host_sleep(double seconds) {
  if (seconds <= 0) return;
#ifdef __EMSCRIPTEN__
  // No blocking sleep on the browser's main thread: spin on the clock.
  using namespace std::chrono;
  auto end = steady_clock::now() + duration<double>(seconds);
  while (steady_clock::now() < end) {
  }
#else
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
#endif
}
}  // namespace

void Loop::block(double seconds) {
  if (trace_) record(TraceEv::block, current_task_id(), 0, time() + seconds);
  if (mode_ == ClockMode::virtual_time) {
    now_ += seconds;
  } else {
    host_sleep(seconds / speed_);
  }
}

Handle Loop::call_soon(std::function<void()> fn) {
  auto* h = new detail::HandleState;
  h->loop = this;
  h->fn = std::move(fn);
  h->add_ref();  // the ready queue's reference
  call_soon(Callback{&detail::HandleState::invoke, h, nullptr});
  return Handle(Ref<detail::HandleState>(h));
}

Handle Loop::call_later(double delay, std::function<void()> fn) { return call_at(time() + delay, std::move(fn)); }

Handle Loop::call_at(double when, std::function<void()> fn) {
  auto* h = new detail::HandleState;
  h->loop = this;
  h->when = when;
  h->fn = std::move(fn);
  h->add_ref();  // the timer's reference
  h->timer = add_timer(when, &detail::HandleState::invoke, h);
  return Handle(Ref<detail::HandleState>(h));
}

TimerId Loop::add_timer(double when, Callback::Fn fn, void* a) {
  TimerId id = timers_.push(when, fn, a);
  if (trace_) record(TraceEv::timer_set, current_task_id(), static_cast<uint32_t>(timers_.slot(id.slot).seq), when);
  return id;
}

void Loop::cancel_timer(TimerId id) {
  if (!timers_.valid(id)) return;
  uint32_t seq = timers_.slot(id.slot).seq;
  if (timers_.cancel(id) && trace_) record(TraceEv::timer_cancel, 0, static_cast<uint32_t>(seq));
}

void Loop::run_timer(void* loop, void* slot, bool run) {
  auto* self = static_cast<Loop*>(loop);
  auto i = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(slot));
  TimerHeap::Slot& s = self->timers_.slot(i);
  // Copy out and free first: the callback may add timers (slot array growth).
  Callback cb = s.callback();
  bool cancelled = s.cancelled;
  uint32_t seq = s.seq;
  self->timers_.free_slot(i);
  if (run && !cancelled) {
    if (self->trace_) self->record(TraceEv::timer_fire, 0, static_cast<uint32_t>(seq));
    cb.run();
  } else {
    cb.discard();
  }
}

void Loop::wait_for_timer(double timeout) {
  if (mode_ == ClockMode::virtual_time) {
    now_ += timeout;  // exactly CPython's arithmetic: now + min(max(0, when - now), cap)
  } else {
    host_sleep(timeout / speed_);
  }
}

bool Loop::idle() { return ready_.empty() && timers_.live() == 0; }

std::optional<double> Loop::next_deadline() {
  timers_.drop_cancelled();
  if (timers_.empty()) return std::nullopt;
  return timers_.top_when();
}

void Loop::run_once() {
  make_current();
  timers_.drop_cancelled();
  double timeout = 0;
  if (ready_.empty() && !stopping_) {
    if (timers_.empty()) {
      // The oracle's wording: unfinished tasks in creation order.
      std::vector<std::string> names;
      for (TaskBase* t = tasks_head_; t; t = t->next_) names.push_back(t->name());
      std::string stuck;
      for (auto it = names.rbegin(); it != names.rend(); ++it) stuck += (stuck.empty() ? "" : ", ") + *it;
      throw DeadlockError("no task can make progress; waiting: " + (stuck.empty() ? std::string("none") : stuck));
    }
    timeout = std::min(std::max(0.0, timers_.top_when() - time()), kMaxSelectTimeout);
  }
  if (timeout > 0) wait_for_timer(timeout);

  double end_time = time() + kClockResolution;
  while (!timers_.empty()) {
    if (timers_.top_when() >= end_time) break;
    uint32_t i = timers_.pop();
    ready_.push(Callback{&Loop::run_timer, this, reinterpret_cast<void*>(static_cast<uintptr_t>(i))});
  }

  ++iteration_;
  if (trace_ && trace_->record_iterations) record(TraceEv::iteration, 0, static_cast<uint32_t>(iteration_));
  // Only what was ready when the run started: callbacks scheduled now run
  // on the next iteration.
  for (size_t n = ready_.size(); n > 0; --n) ready_.pop().run();
}

namespace {
// loop.run_until_complete's done callback: stop the loop.
void stop_on_done(void* loop, void* fut, bool run) {
  auto* f = static_cast<FutureBase*>(fut);
  if (run) {
    if (!f->cancelled()) f->mark_retrieved();  // it calls fut.exception()
    static_cast<Loop*>(loop)->stop_soon();
  }
  if (f) f->release();
}
}  // namespace

void Loop::run_until_done(FutureBase& fut) {
  Ref<FutureBase> keep(&fut);
  fut.add_done_callback(DoneCallback{&stop_on_done, this});
  struct Cleanup {
    Loop* loop;
    FutureBase* fut;
    ~Cleanup() {
      loop->stopping_ = false;
      fut->remove_done_callback(&stop_on_done, loop);
    }
  } cleanup{this, &fut};
  for (;;) {
    run_once();
    if (stopping_) break;
  }
  if (!fut.done()) throw RuntimeError("Event loop stopped before Future completed.");
}

double Loop::advance(double slice) {
  make_current();
  double start = host_now();
  for (;;) {
    timers_.drop_cancelled();
    bool due = !timers_.empty() &&
               (mode_ == ClockMode::virtual_time || timers_.top_when() < time() + kClockResolution);
    if (ready_.empty() && !due) break;
    run_once();
    if (host_now() - start >= slice) break;
  }
  stopping_ = false;
  if (!ready_.empty()) return 0;
  timers_.drop_cancelled();
  if (timers_.empty()) return -1;
  if (mode_ == ClockMode::virtual_time) return 0;
  return std::max(0.0, (timers_.top_when() - time()) / speed_);
}

void Loop::stop() {
  make_current();
  // Drop queued work first (it references tasks and futures), then the
  // tasks; their frames' destructors may queue more work: repeat.
  do {
    while (!ready_.empty()) ready_.pop().discard();
    timers_.clear();
    while (tasks_head_) {
      Ref<TaskBase> t(tasks_head_);
      t->abandon();
    }
  } while (!ready_.empty() || !timers_.empty());
  stopping_ = false;
  current_task_ = nullptr;
}

std::vector<Ref<TaskBase>> Loop::all_tasks() const {
  std::vector<Ref<TaskBase>> out;
  for (TaskBase* t = tasks_head_; t; t = t->next_) out.emplace_back(t);
  return out;
}

void Loop::record_output(std::string_view text, Stream stream) {
  if (trace_) record(TraceEv::output, current_task_id(), 0, 0, interned().intern(text), static_cast<uint8_t>(stream));
}

}  // namespace corolab
