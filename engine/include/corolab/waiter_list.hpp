// WaiterList: the deque of waiter futures that locks.py and queues.py keep
// (collections.deque of futures). FIFO; remove() searches from the front,
// where a resuming waiter almost always is.
#pragma once
#include <algorithm>
#include <deque>

#include "corolab/closure.hpp"
#include "corolab/task.hpp"

namespace corolab::detail {

class WaiterList {
 public:
  // A new pending waiter at the back, traced as waiting on `on`.
  Signal add(On on) {
    Signal f = Signal::create(*Loop::current());
    f.base()->set_wait_kind(on);
    q_.push_back(f);
    return f;
  }
  // How a wait() ended: the waiter, and the exception (null: woken).
  struct Waited {
    Signal fut;
    std::exception_ptr error;
  };
  // locks.py's `fut = create_future(); append; try: await fut finally:
  // remove(fut)`, reporting the exception instead of raising it.
  Task<Waited> wait(On on) {
    Signal fut = add(on);
    std::exception_ptr err;
    try {
      co_await fut;
    } catch (...) {
      err = std::current_exception();
    }
    remove(fut);
    co_return Waited{std::move(fut), std::move(err)};
  }
  // deque.remove(fut); false if absent (Queue ignores the ValueError).
  bool remove(const Signal& f) {
    auto it = std::find(q_.begin(), q_.end(), f);
    if (it == q_.end()) return false;
    q_.erase(it);
    return true;
  }
  bool empty() const { return q_.empty(); }
  size_t size() const { return q_.size(); }
  std::deque<Signal>& items() { return q_; }
  Signal pop_front() {
    Signal f = std::move(q_.front());
    q_.pop_front();
    return f;
  }

 private:
  std::deque<Signal> q_;
};

}  // namespace corolab::detail
