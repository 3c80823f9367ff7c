// asyncio.Event (locks.py): wait() returns at once when set; otherwise the
// task waits until set() (resuming on the iteration after).
#pragma once
#include "corolab/waiter_list.hpp"

namespace corolab {

class Event {
 public:
  bool is_set() const { return value_; }
  size_t waiters() const { return waiters_.size(); }  // for the repr
  // Wakes every waiter, in the order they started waiting.
  void set();
  void clear() { value_ = false; }
  Task<bool> wait();

 private:
  detail::WaiterList waiters_;
  bool value_ = false;
};

}  // namespace corolab
