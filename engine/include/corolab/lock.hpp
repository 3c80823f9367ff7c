// asyncio.Lock (locks.py, 3.11.7): FIFO. acquire() of a free lock with no
// (uncancelled) waiters takes it without yielding; otherwise the task
// queues and is woken by release() in arrival order. release() of an
// unlocked lock throws RuntimeError.
#pragma once
#include "corolab/waiter_list.hpp"

namespace corolab {

class Lock {
 public:
  bool locked() const { return locked_; }
  size_t waiters() const { return waiters_.size(); }  // for the repr
  Task<bool> acquire();
  void release();

 private:
  void wake_up_first();
  detail::WaiterList waiters_;
  bool locked_ = false;
};

// async with lock: body()  (acquire, run, release even on error)
template <class F>
auto with_lock(Lock& lock, F body) -> decltype(body()) {
  co_await lock.acquire();
  std::exception_ptr err;
  if constexpr (std::is_void_v<typename decltype(body())::value_type>) {
    try {
      co_await body();
    } catch (...) {
      err = std::current_exception();
    }
    lock.release();
    if (err) std::rethrow_exception(err);
  } else {
    std::optional<typename decltype(body())::value_type> r;
    try {
      r.emplace(co_await body());
    } catch (...) {
      err = std::current_exception();
    }
    lock.release();
    if (err) std::rethrow_exception(err);
    co_return std::move(*r);
  }
}

}  // namespace corolab
