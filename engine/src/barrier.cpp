// asyncio.Barrier: locks.py, 3.11.7. Exceptions come back as outcomes
// (settle) rather than caught around a co_await (see drive() in lang).
#include "corolab/barrier.hpp"

namespace corolab {

Barrier::Barrier(int parties) : parties_(parties) {
  if (parties < 1) throw ValueError("parties must be > 0");
}

Task<int> Barrier::wait() {
  co_await cond_.acquire();  // async with self._cond
  auto blocked = co_await block().settle();
  if (blocked.error) {
    cond_.release();
    std::rethrow_exception(blocked.error);
  }
  int index = count_++;
  std::exception_ptr err;
  if (index + 1 == parties_) {
    state_ = State::draining;  // _release
    cond_.notify_all();
  } else {
    err = (co_await wait_released().settle()).error;
  }
  // finally
  --count_;
  exit();
  cond_.release();
  if (err) std::rethrow_exception(err);
  co_return index;
}

Task<bool> Barrier::block() {
  co_await cond_.wait_for([this] { return state_ != State::draining && state_ != State::resetting; });
  if (state_ == State::broken) throw BrokenBarrierError("Barrier aborted");
  co_return true;
}

Task<bool> Barrier::wait_released() {
  co_await cond_.wait_for([this] { return state_ != State::filling; });
  if (state_ == State::broken || state_ == State::resetting) throw BrokenBarrierError("Abort or reset of barrier");
  co_return true;
}

void Barrier::exit() {
  if (count_ == 0) {
    if (state_ == State::resetting || state_ == State::draining) state_ = State::filling;
    cond_.notify_all();
  }
}

Task<void> Barrier::reset() {
  co_await cond_.acquire();
  if (count_ > 0) {
    if (state_ != State::resetting) state_ = State::resetting;
  } else {
    state_ = State::filling;
  }
  cond_.notify_all();
  cond_.release();
}

Task<void> Barrier::abort() {
  co_await cond_.acquire();
  state_ = State::broken;
  cond_.notify_all();
  cond_.release();
}

}  // namespace corolab
