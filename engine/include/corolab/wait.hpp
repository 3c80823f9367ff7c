// asyncio.wait, wait_for and shield (tasks.py, 3.11), transcribed.
//
// wait(fs, timeout, return_when): suspends until the condition holds (or
// the timeout passes: no exception, the rest is pending), then returns
// the futures split into done and pending, each in argument order
// (CPython returns sets). Nothing is cancelled.
// wait_for(aw, timeout): the result of aw, or TimeoutError after
// cancelling aw and waiting for it to finish (3.11: a waiter future, a
// call_later timer, and _cancel_and_wait). timeout nullopt: plain await;
// a coroutine is then awaited inline (no task), as in CPython.
// shield(fut): a future that follows fut but whose cancellation does not
// cancel fut.
#pragma once
#include <optional>
#include <vector>

#include "corolab/closure.hpp"
#include "corolab/scheduled_task.hpp"

namespace corolab {

enum class ReturnWhen : uint8_t { first_completed, first_exception, all_completed };

template <class T>
struct WaitResult {
  std::vector<Future<T>> done;
  std::vector<Future<T>> pending;
};

namespace detail {
// _wait(): returns once the condition holds or the timeout passed.
Task<void> wait_core(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout, ReturnWhen when);
// wait_for() up to its final `return fut.result()`. Returns true when a
// CancelledError from that result must become TimeoutError.
Task<bool> wait_for_core(Ref<FutureBase> fut, std::optional<double> timeout);
// _cancel_and_wait(fut)
Task<void> cancel_and_wait(Ref<FutureBase> fut);
// Removes duplicates, keeping the first occurrence (wait's set(fs)).
std::vector<Ref<FutureBase>> distinct(std::vector<Ref<FutureBase>> fs);

template <class T>
decltype(auto) finish_wait_for(const Future<T>& fut, bool cancel_is_timeout) {
  if (cancel_is_timeout) {
    std::exception_ptr e = fut.base()->result_error();
    if (e && is_cancelled_error(e)) throw TimeoutError();
    if (e) std::rethrow_exception(e);
  }
  return fut.result();
}

template <class T>
Future<T> to_future(const Future<T>& f) { return f; }
template <class T>
Future<T> to_future(const TaskHandle<T>& t) { return t.future(); }
}  // namespace detail

template <class T, template <class> class Kind>
Task<WaitResult<T>> wait(std::vector<Kind<T>> fs, std::optional<double> timeout = std::nullopt,
                         ReturnWhen when = ReturnWhen::all_completed) {
  if (fs.empty()) throw ValueError("Set of Tasks/Futures is empty.");
  std::vector<Ref<FutureBase>> refs;
  for (auto& f : fs) refs.push_back(detail::to_future(f).ref());
  refs = detail::distinct(std::move(refs));
  co_await detail::wait_core(refs, timeout, when);
  WaitResult<T> out;
  for (auto& r : refs) (r->done() ? out.done : out.pending).push_back(Future<T>(r));
  co_return out;
}

template <class T>
Task<T> wait_for(Future<T> fut, std::optional<double> timeout) {
  if (!timeout) co_return co_await fut;
  bool cancel_is_timeout = co_await detail::wait_for_core(fut.ref(), timeout);
  co_return detail::finish_wait_for(fut, cancel_is_timeout);
}
template <class T>
Task<T> wait_for(TaskHandle<T> task, std::optional<double> timeout) {
  return wait_for(task.future(), timeout);
}
template <class T>
Task<T> wait_for(Task<T> coro, std::optional<double> timeout) {
  if (!timeout) co_return co_await std::move(coro);
  Future<T> fut = create_task(std::move(coro)).future();  // ensure_future
  bool cancel_is_timeout = co_await detail::wait_for_core(fut.ref(), timeout);
  co_return detail::finish_wait_for(fut, cancel_is_timeout);
}

namespace detail {
template <class T>
class Shield final : public Shared {
 public:
  Shield(Future<T> inner, Future<T> outer) : inner_(std::move(inner)), outer_(outer.base()) {}
  static void inner_done_cb(void* self, void* fut, bool run) {
    auto* s = static_cast<Shield*>(self);
    Ref<FutureBase> f = Ref<FutureBase>::adopt(static_cast<FutureBase*>(fut));
    if (run) s->inner_done();
    s->release();
  }
  static void outer_done_cb(void* self, void* fut, bool run) {
    auto* s = static_cast<Shield*>(self);
    Ref<FutureBase> f = Ref<FutureBase>::adopt(static_cast<FutureBase*>(fut));
    if (run) {
      if (!s->inner_.done()) s->inner_.base()->remove_done_callback(&inner_done_cb, s);
      // The inner's callback may still be pending (inner done, its callbacks
      // queued): it must not reach the outer, which may be freed by then.
      s->outer_cancelled_ = s->outer_ && s->outer_->cancelled();
    }
    s->outer_ = nullptr;  // done or going away: never touched again
    s->release();
  }

 private:
  void inner_done() {
    FutureBase* inner = inner_.base();
    if (!outer_) {
      if (outer_cancelled_ && !inner->cancelled()) inner->mark_retrieved();
      return;
    }
    if (outer_->cancelled()) {
      if (!inner->cancelled()) inner->mark_retrieved();
      return;
    }
    Future<T> outer{Ref<FutureBase>(outer_)};
    if (inner->cancelled()) {
      outer.cancel();
    } else if (std::exception_ptr e = inner->exception()) {
      outer.set_exception(e);
    } else if constexpr (std::is_void_v<T>) {
      outer.set_result();
    } else {
      outer.set_result(inner_.result());
    }
  }
  Future<T> inner_;
  FutureBase* outer_;  // not owned: cleared when the outer is done or freed
  bool outer_cancelled_ = false;
};
}  // namespace detail

template <class T>
Future<T> shield(Future<T> inner) {
  if (inner.done()) return inner;
  Future<T> outer = Future<T>::create(inner.base()->loop());
  auto* s = new detail::Shield<T>(inner, outer);
  s->add_ref();
  inner.base()->add_done_callback(DoneCallback{&detail::Shield<T>::inner_done_cb, s});
  s->add_ref();
  outer.base()->add_done_callback(DoneCallback{&detail::Shield<T>::outer_done_cb, s});
  return outer;
}
template <class T>
Future<T> shield(TaskHandle<T> t) { return shield(t.future()); }
template <class T>
Future<T> shield(Task<T> coro) { return shield(create_task(std::move(coro)).future()); }

}  // namespace corolab
