// asyncio.Semaphore and BoundedSemaphore (locks.py, 3.11.7).
// acquire() takes a unit without yielding when one is free and no
// uncancelled task waits; otherwise waits in FIFO order. release() adds a
// unit and wakes the first waiter. BoundedSemaphore::release() throws
// ValueError beyond the initial value.
#pragma once
#include "corolab/waiter_list.hpp"

namespace corolab {

class Semaphore {
 public:
  explicit Semaphore(int value = 1);
  virtual ~Semaphore() = default;
  bool locked() const;
  int value() const { return value_; }
  size_t waiters() const { return waiters_.size(); }  // for the repr
  Task<bool> acquire();
  virtual void release();

 protected:
  void wake_up_next();
  detail::WaiterList waiters_;
  int value_;
};

class BoundedSemaphore final : public Semaphore {
 public:
  explicit BoundedSemaphore(int value = 1) : Semaphore(value), bound_(value) {}
  void release() override;

 private:
  int bound_;
};

}  // namespace corolab
