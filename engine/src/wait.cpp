#include "corolab/wait.hpp"

#include <algorithm>
#include <unordered_set>

namespace corolab::detail {

namespace {

// _wait's closure: the waiter, the timeout handle and _on_completion.
struct WaitState final : Shared {
  Loop* loop = nullptr;
  Signal waiter;
  TimerId timeout_handle;
  size_t counter = 0;
  ReturnWhen when = ReturnWhen::all_completed;

  void on_completion(FutureBase& f) {
    --counter;
    if (counter == 0 || when == ReturnWhen::first_completed ||
        (when == ReturnWhen::first_exception && !f.cancelled() && f.exception())) {
      loop->cancel_timer(timeout_handle);
      release_waiter(*waiter.base());
    }
  }
  void on_timeout() { release_waiter(*waiter.base()); }
};

// functools.partial(_release_waiter, waiter), as done callback and timer.
struct ReleaseWaiter final : Shared {
  Signal waiter;
  void on_done(FutureBase&) { release_waiter(*waiter.base()); }
  void on_timer() { release_waiter(*waiter.base()); }
};

}  // namespace

// O(n): marks each future once, then clears the marks.
bool has_duplicates(const std::vector<Ref<FutureBase>>& fs) {
  bool dup = false;
  for (auto& f : fs) {
    if (f->scratch_mark()) dup = true;
    f->set_scratch_mark(true);
  }
  for (auto& f : fs) f->set_scratch_mark(false);
  return dup;
}

std::vector<Ref<FutureBase>> distinct(std::vector<Ref<FutureBase>> fs) {
  if (!has_duplicates(fs)) return fs;
  std::vector<Ref<FutureBase>> out;
  std::unordered_set<FutureBase*> seen;
  seen.reserve(fs.size());
  for (auto& f : fs) {
    if (seen.insert(f.get()).second) out.push_back(std::move(f));
  }
  return out;
}

Task<void> wait_core(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout, ReturnWhen when) {
  Loop& loop = *Loop::current();
  Ref<WaitState> st(new WaitState);
  st->loop = &loop;
  st->waiter = Signal::create(loop);
  if (timeout) st->timeout_handle = call_at<WaitState, &WaitState::on_timeout>(loop, loop.time() + *timeout, st.get());
  st->counter = fs.size();
  st->when = when;
  for (auto& f : fs) add_done<WaitState, &WaitState::on_completion>(*f, st.get());
  std::exception_ptr err;
  try {
    co_await st->waiter.tagged(On::wait);
  } catch (...) {
    err = std::current_exception();
  }
  loop.cancel_timer(st->timeout_handle);
  for (auto& f : fs) remove_done<WaitState, &WaitState::on_completion>(*f, st.get());
  if (err) std::rethrow_exception(err);
}

Task<void> cancel_and_wait(Ref<FutureBase> fut) {
  Loop& loop = *Loop::current();
  Ref<ReleaseWaiter> cb(new ReleaseWaiter);
  cb->waiter = Signal::create(loop);
  add_done<ReleaseWaiter, &ReleaseWaiter::on_done>(*fut, cb.get());
  std::exception_ptr err;
  try {
    fut->cancel();
    co_await cb->waiter.tagged(On::wait);
  } catch (...) {
    err = std::current_exception();
  }
  remove_done<ReleaseWaiter, &ReleaseWaiter::on_done>(*fut, cb.get());
  if (err) std::rethrow_exception(err);
}

Task<bool> wait_for_core(Ref<FutureBase> fut, std::optional<double> timeout) {
  Loop& loop = *Loop::current();
  if (*timeout <= 0) {
    if (fut->done()) co_return false;
    co_await cancel_and_wait(fut);
    co_return true;
  }
  Ref<ReleaseWaiter> cb(new ReleaseWaiter);
  cb->waiter = Signal::create(loop);
  TimerId timeout_handle = call_at<ReleaseWaiter, &ReleaseWaiter::on_timer>(loop, loop.time() + *timeout, cb.get());
  add_done<ReleaseWaiter, &ReleaseWaiter::on_done>(*fut, cb.get());

  // try: ... finally: timeout_handle.cancel()
  std::exception_ptr err;
  bool cancel_is_timeout = false;
  bool reraise_cancel = false;
  try {
    try {
      co_await cb->waiter.tagged(On::wait);
    } catch (const CancelledError&) {
      if (fut->done()) {
        loop.cancel_timer(timeout_handle);
        co_return false;
      }
      reraise_cancel = true;
      err = std::current_exception();
    }
    if (reraise_cancel) {
      remove_done<ReleaseWaiter, &ReleaseWaiter::on_done>(*fut, cb.get());
      co_await cancel_and_wait(fut);
      std::rethrow_exception(err);
    }
    if (!fut->done()) {
      remove_done<ReleaseWaiter, &ReleaseWaiter::on_done>(*fut, cb.get());
      co_await cancel_and_wait(fut);
      cancel_is_timeout = true;
    }
  } catch (...) {
    err = std::current_exception();
  }
  loop.cancel_timer(timeout_handle);
  if (err) std::rethrow_exception(err);
  co_return cancel_is_timeout;
}

}  // namespace corolab::detail
