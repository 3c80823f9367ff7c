// Future<T>: asyncio.Future. A shared, reference-counted result slot.
//
// Promises (as futures.py): done callbacks are not called inline; when the
// future completes each is scheduled with call_soon, in registration order
// (a callback added to a done future is scheduled at once). result() of a
// cancelled future raises CancelledError; of a failed one rethrows the
// stored exception_ptr. A failed future freed while its exception was never
// read (result()/exception()) is reported through report() as
// "Future exception was never retrieved" (Task for tasks).
// co_await fut inside a task suspends the task until fut is done and
// resumes it one loop iteration later (Task.__wakeup), like CPython.
#pragma once
#include <cassert>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corolab/coro_compat.hpp"
#include "corolab/errors.hpp"
#include "corolab/loop.hpp"
#include "corolab/pool.hpp"
#include "corolab/ref.hpp"
#include "corolab/trace.hpp"

namespace corolab {

// A done callback: fn(ctx, fut, run), the same shape as Callback so that
// completing a future pushes it to the ready queue as is. fut is either
// null (when discarded unscheduled) or a FutureBase* reference the callback
// owns and must release (Ref<FutureBase>::adopt). run=false means discard:
// release ctx (and fut) without running.
struct DoneCallback {
  using Fn = Callback::Fn;
  Fn fn = nullptr;
  void* ctx = nullptr;
};

// The type-independent part of every future and task. Futures and tasks
// are allocated from the engine's pool (pool.hpp).
class FutureBase : public pool::Pooled {
 public:
  enum class State : uint8_t { pending, cancelled, finished };

  explicit FutureBase(Loop& loop) : loop_(&loop) {}
  FutureBase(const FutureBase&) = delete;
  FutureBase& operator=(const FutureBase&) = delete;
  virtual ~FutureBase();

  void add_ref() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0) delete this;
  }

  Loop& loop() const noexcept { return *loop_; }
  State state() const noexcept { return state_; }
  bool done() const noexcept { return state_ != State::pending; }
  bool cancelled() const noexcept { return state_ == State::cancelled; }
  bool failed() const noexcept { return state_ == State::finished && exc_; }
  bool is_task() const noexcept { return is_task_; }
  // How the trace names a wait on this future (future, task, gather...).
  On wait_kind() const noexcept { return wait_kind_; }
  void set_wait_kind(On on) noexcept { wait_kind_ = on; }

  // Future.cancel(msg): false if already done, else cancels and schedules
  // the callbacks. Tasks override it (Task.cancel).
  virtual bool cancel(std::optional<std::string> msg = std::nullopt);
  // Future.set_exception. Throws InvalidStateError if done.
  void set_exception(std::exception_ptr e);
  // Future.exception(): the stored exception (null if none); throws
  // CancelledError if cancelled, InvalidStateError if pending.
  std::exception_ptr exception();
  // What result() would raise, without throwing: null when the future
  // finished with a result; marks the exception retrieved. For a cancelled
  // future this is _make_cancelled_error() (consumes the saved error).
  std::exception_ptr result_error();
  // Throws what result() would raise, if anything (pending -> InvalidStateError).
  void check_result();
  // Future._make_cancelled_error().
  std::exception_ptr make_cancelled_error();
  const std::string* cancel_message() const noexcept {
    return extra_ && extra_->cancel_msg ? &*extra_->cancel_msg : nullptr;
  }
  // Marks the exception retrieved (Future._log_traceback = False).
  void mark_retrieved() noexcept { log_traceback_ = false; }

  void add_done_callback(DoneCallback cb);
  // Runs fn(future) on the loop once done (one allocation).
  void add_done_callback(std::function<void(FutureBase&)> fn);
  // Same; `label` names it in callback_labels() ("" = leave it out).
  void add_done_callback(std::function<void(FutureBase&)> fn, std::function<std::string()> label);
  // The registered callbacks as asyncio's _format_callbacks names them, in
  // registration order: a task's wakeup is "Task.task_wakeup()", labelled
  // functions give their label; the engine's own callbacks are left out.
  std::vector<std::string> callback_labels() const;
  // Removes every registration of (fn, ctx); returns how many (each is
  // discarded, i.e. its ctx released).
  size_t remove_done_callback(DoneCallback::Fn fn, void* ctx);

  // asyncio's repr, e.g. "<Future finished exception=ValueError('x')>".
  virtual std::string repr() const;

  // The type-erased result slot (see Future<T>::result).
  virtual void* result_storage() noexcept = 0;

  // Engine-internal scratch bit (detail::has_duplicates): false except
  // during one such call.
  bool scratch_mark() const noexcept { return scratch_mark_; }
  void set_scratch_mark(bool on) noexcept { scratch_mark_ = on; }

 protected:
  // Completes with the result already stored in result_storage().
  void finish_with_result();
  void schedule_callbacks();
  // Drops every registered callback without scheduling it.
  void discard_callbacks();
  bool cancel_future(std::optional<std::string> msg);  // Future.cancel itself
  void set_exception_unchecked(std::exception_ptr e);

  // What most futures never need, allocated on first use (keeps a
  // sleeping task small).
  struct Extra {
    std::exception_ptr cancelled_exc;        // Future._cancelled_exc
    std::optional<std::string> cancel_msg;   // nullopt = None
    std::vector<DoneCallback> more_cbs;      // callbacks after the first
    std::exception_ptr resume_exc;           // tasks: what the next step throws in
    uint32_t task_name = 0;                  // tasks: interned name, 0 = "Task-<id>"
  };
  Extra& extra() {
    if (!extra_) extra_ = std::make_unique<Extra>();
    return *extra_;
  }
  bool has_more_cbs() const noexcept { return extra_ && !extra_->more_cbs.empty(); }
  void set_cancel_message(std::optional<std::string> msg) {
    if (msg || extra_) extra().cancel_msg = std::move(msg);
  }
  std::optional<std::string> cancel_message_copy() const {
    return extra_ ? extra_->cancel_msg : std::nullopt;
  }

  Loop* loop_;
  std::exception_ptr exc_;
  std::unique_ptr<Extra> extra_;
  DoneCallback first_cb_;  // the common single callback, inline
  uint32_t refs_ = 0;
  State state_ = State::pending;
  bool log_traceback_ : 1 = false;
  bool is_task_ : 1 = false;
  bool scratch_mark_ : 1 = false;
  On wait_kind_ = On::future;
};

namespace detail {
template <class T>
struct ValueSlot {
  std::optional<T> value;
};
template <>
struct ValueSlot<void> {};

template <class T>
class FutureState final : public FutureBase {
 public:
  using FutureBase::FutureBase;
  void* result_storage() noexcept override { return &slot; }
  void complete() { finish_with_result(); }
  ValueSlot<T> slot;
};

// The suspension of the current task on `fut` (Task.__step's "blocking"
// branch). Defined in scheduled_task.cpp.
void suspend_current_task(FutureBase& fut, coroutine_handle<> h, On on, uint32_t detail, double until);
// Rethrows the exception the current task was resumed with, if any
// (coro.throw()). Every engine awaiter calls it first in await_resume.
void throw_if_resumed_with_error();
}  // namespace detail

// Awaiting any future: the task suspends until it is done, then resumes
// with its result or its exception. `on`/`detail` tag the suspension for
// the trace.
template <class T>
class FutureAwaiter {
 public:
  // Traced as waiting on what the future is (f->wait_kind()).
  explicit FutureAwaiter(FutureBase* f) : f_(f), on_(f->wait_kind()), detail_(0) {}
  FutureAwaiter(FutureBase* f, On on, uint32_t detail = 0) : f_(f), on_(on), detail_(detail) {}
  bool await_ready() const noexcept { return f_->done(); }
  void await_suspend(coroutine_handle<> h) { detail::suspend_current_task(*f_, h, on_, detail_, 0); }
  T await_resume() {
    detail::throw_if_resumed_with_error();
    f_->check_result();
    if constexpr (!std::is_void_v<T>) {
      auto* slot = static_cast<detail::ValueSlot<T>*>(f_->result_storage());
      return *slot->value;  // copy: a future's result can be read many times
    }
  }

 private:
  FutureBase* f_;
  On on_;
  uint32_t detail_;
};

template <class T>
class Future {
 public:
  using value_type = T;
  Future() = default;
  // Wraps an existing future state (its result slot must be ValueSlot<T>).
  explicit Future(Ref<FutureBase> s) : s_(std::move(s)) {}
  // loop.create_future()
  static Future create(Loop& loop) { return Future(Ref<FutureBase>(new detail::FutureState<T>(loop))); }

  bool done() const { return s_->done(); }
  bool cancelled() const { return s_->cancelled(); }
  bool cancel(std::optional<std::string> msg = std::nullopt) { return s_->cancel(std::move(msg)); }
  template <class U = T, class = std::enable_if_t<!std::is_void_v<U>>>
  void set_result(U value) {
    check_settable();
    slot()->value.emplace(std::move(value));
    static_cast<detail::FutureState<T>*>(s_.get())->complete();
  }
  template <class U = T, class = std::enable_if_t<std::is_void_v<U>>>
  void set_result() {
    check_settable();
    static_cast<detail::FutureState<T>*>(s_.get())->complete();
  }
  void set_exception(std::exception_ptr e) { s_->set_exception(std::move(e)); }
  // Future.result(): the value, or throws (see FutureBase::check_result).
  decltype(auto) result() const {
    s_->check_result();
    if constexpr (!std::is_void_v<T>) return static_cast<const T&>(*slot()->value);
  }
  std::exception_ptr exception() const { return s_->exception(); }
  void add_done_callback(std::function<void(FutureBase&)> fn) const { s_->add_done_callback(std::move(fn)); }

  FutureBase* base() const { return s_.get(); }
  const Ref<FutureBase>& ref() const { return s_; }
  explicit operator bool() const { return bool(s_); }
  friend bool operator==(const Future& a, const Future& b) { return a.s_ == b.s_; }

  FutureAwaiter<T> operator co_await() const { return FutureAwaiter<T>(s_.get()); }
  // co_await fut.tagged(On::lock): same, traced as waiting on a lock etc.
  FutureAwaiter<T> tagged(On on, uint32_t detail = 0) const { return FutureAwaiter<T>(s_.get(), on, detail); }

 private:
  void check_settable() const {
    if (s_->is_task()) throw RuntimeError("Task does not support set_result() operation");
    if (s_->done()) throw InvalidStateError("invalid state");
  }
  detail::ValueSlot<T>* slot() const { return static_cast<detail::ValueSlot<T>*>(s_->result_storage()); }
  Ref<FutureBase> s_;
};

}  // namespace corolab
