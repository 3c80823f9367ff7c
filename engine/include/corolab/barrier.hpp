// asyncio.Barrier (locks.py, 3.11): step for step CPython's, on a Condition.
// wait() blocks until `parties` tasks wait, then all go on (each gets its
// arrival index 0..parties-1); while the barrier drains or resets newcomers
// wait. reset() breaks the current waiters (BrokenBarrierError) and refills;
// abort() breaks it for good.
#pragma once
#include "corolab/condition.hpp"

namespace corolab {

class Barrier {
 public:
  enum class State { filling, draining, resetting, broken };
  explicit Barrier(int parties);  // ValueError if parties < 1
  Task<int> wait();
  Task<void> reset();
  Task<void> abort();
  int parties() const { return parties_; }
  int n_waiting() const { return state_ == State::filling ? count_ : 0; }
  bool broken() const { return state_ == State::broken; }
  State state() const { return state_; }

 private:
  // Task<bool> (always true) so that callers can settle() them.
  Task<bool> block();
  Task<bool> wait_released();
  void exit();
  Condition cond_;
  int parties_;
  State state_ = State::filling;
  int count_ = 0;
};

}  // namespace corolab
