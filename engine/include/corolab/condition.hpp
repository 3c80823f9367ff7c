// asyncio.Condition (locks.py): wait() releases the lock, waits for
// notify(), then re-acquires the lock (even when cancelled, re-raising
// CancelledError after). notify(n) wakes the first n waiters.
#pragma once
#include <memory>

#include "corolab/lock.hpp"

namespace corolab {

class Condition {
 public:
  Condition() : own_(std::make_unique<Lock>()), lock_(own_.get()) {}
  explicit Condition(Lock& lock) : lock_(&lock) {}
  bool locked() const { return lock_->locked(); }
  size_t waiters() const { return waiters_.size(); }  // for the repr
  Task<bool> acquire() { return lock_->acquire(); }
  void release() { lock_->release(); }
  Lock& lock() { return *lock_; }

  Task<bool> wait();
  // Waits until pred() is true (checked first, then after each wakeup).
  template <class Pred>
  Task<bool> wait_for(Pred pred) {
    bool result = pred();
    while (!result) {
      co_await wait();
      result = pred();
    }
    co_return result;
  }
  void notify(size_t n = 1);
  void notify_all() { notify(waiters_.size()); }

 private:
  std::unique_ptr<Lock> own_;
  Lock* lock_;
  detail::WaiterList waiters_;
};

}  // namespace corolab
