// Event, Lock, Semaphore, BoundedSemaphore and Condition: locks.py, 3.11.7.
#include "corolab/condition.hpp"
#include "corolab/event.hpp"
#include "corolab/lock.hpp"
#include "corolab/semaphore.hpp"

namespace corolab {

// ---- Event ----

void Event::set() {
  if (value_) return;
  value_ = true;
  for (auto& fut : waiters_.items()) {
    if (!fut.done()) fut.set_result();
  }
}

Task<bool> Event::wait() {
  if (value_) co_return true;
  auto waited = co_await waiters_.wait(On::event);
  if (waited.error) std::rethrow_exception(waited.error);
  co_return true;
}

// ---- Lock ----

Task<bool> Lock::acquire() {
  if (!locked_ && std::all_of(waiters_.items().begin(), waiters_.items().end(),
                              [](const detail::Signal& w) { return w.cancelled(); })) {
    locked_ = true;
    co_return true;
  }
  auto waited = co_await waiters_.wait(On::lock);
  if (waited.error) {
    if (is_cancelled_error(waited.error) && !locked_) wake_up_first();
    std::rethrow_exception(waited.error);
  }
  locked_ = true;
  co_return true;
}

void Lock::release() {
  if (!locked_) throw RuntimeError("Lock is not acquired.");
  locked_ = false;
  wake_up_first();
}

void Lock::wake_up_first() {
  if (waiters_.empty()) return;
  detail::Signal& fut = waiters_.items().front();
  if (!fut.done()) fut.set_result();
}

// ---- Semaphore ----

Semaphore::Semaphore(int value) : value_(value) {
  if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
}

bool Semaphore::locked() const {
  if (value_ == 0) return true;
  auto& items = const_cast<detail::WaiterList&>(waiters_).items();
  return std::any_of(items.begin(), items.end(), [](const detail::Signal& w) { return !w.cancelled(); });
}

Task<bool> Semaphore::acquire() {
  if (!locked()) {
    --value_;
    co_return true;
  }
  auto waited = co_await waiters_.wait(On::semaphore);
  if (waited.error) {
    if (is_cancelled_error(waited.error) && !waited.fut.cancelled()) {
      ++value_;
      wake_up_next();
    }
    std::rethrow_exception(waited.error);
  }
  if (value_ > 0) wake_up_next();
  co_return true;
}

void Semaphore::release() {
  ++value_;
  wake_up_next();
}

void Semaphore::wake_up_next() {
  for (auto& fut : waiters_.items()) {
    if (!fut.done()) {
      --value_;
      fut.set_result();
      return;
    }
  }
}

void BoundedSemaphore::release() {
  if (value_ >= bound_) throw ValueError("BoundedSemaphore released too many times");
  Semaphore::release();
}

// ---- Condition ----

Task<bool> Condition::wait() {
  if (!locked()) throw RuntimeError("cannot wait on un-acquired lock");
  release();
  std::exception_ptr err = (co_await waiters_.wait(On::condition)).error;
  // finally: re-acquire, even through cancellations.
  bool cancelled = false;
  for (;;) {
    bool acquired = false;
    try {
      co_await acquire();
      acquired = true;
    } catch (const CancelledError&) {
      cancelled = true;
    }
    if (acquired) break;
  }
  if (cancelled) throw CancelledError();
  if (err) std::rethrow_exception(err);
  co_return true;
}

void Condition::notify(size_t n) {
  if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
  size_t idx = 0;
  for (auto& fut : waiters_.items()) {
    if (idx >= n) break;
    if (!fut.done()) {
      ++idx;
      fut.set_result();
    }
  }
}

}  // namespace corolab
