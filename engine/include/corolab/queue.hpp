// asyncio.Queue<T> (queues.py, 3.11): FIFO items; maxsize <= 0 means
// unbounded. put() waits while full, get() while empty; each wakes the
// first waiter of the other side, one iteration later (waiter futures).
// put_nowait/get_nowait throw QueueFull/QueueEmpty. task_done()/join()
// count unfinished items (join returns when every put item is done).
// Complexity: put/get O(1) (a cancelled waiter is removed in O(waiters)).
#pragma once
#include <deque>

#include "corolab/event.hpp"
#include "corolab/waiter_list.hpp"

namespace corolab {

template <class T>
class Queue {
 public:
  explicit Queue(long maxsize = 0) : maxsize_(maxsize) { finished_.set(); }

  size_t qsize() const { return items_.size(); }
  long maxsize() const { return maxsize_; }
  bool empty() const { return items_.empty(); }
  bool full() const { return maxsize_ > 0 && static_cast<long>(items_.size()) >= maxsize_; }

  Task<void> put(T item) {
    while (full()) {
      detail::Signal putter = putters_.add(On::queue);
      std::exception_ptr err;
      try {
        co_await putter;
      } catch (...) {
        err = std::current_exception();
      }
      if (err) {
        putter.cancel();
        putters_.remove(putter);
        if (!full() && !putter.cancelled()) wakeup_next(putters_);
        std::rethrow_exception(err);
      }
    }
    put_nowait(std::move(item));
  }

  void put_nowait(T item) {
    if (full()) throw QueueFull();
    items_.push_back(std::move(item));
    ++unfinished_;
    finished_.clear();
    wakeup_next(getters_);
  }

  Task<T> get() {
    while (empty()) {
      detail::Signal getter = getters_.add(On::queue);
      std::exception_ptr err;
      try {
        co_await getter;
      } catch (...) {
        err = std::current_exception();
      }
      if (err) {
        getter.cancel();
        getters_.remove(getter);
        if (!empty() && !getter.cancelled()) wakeup_next(getters_);
        std::rethrow_exception(err);
      }
    }
    co_return get_nowait();
  }

  T get_nowait() {
    if (empty()) throw QueueEmpty();
    T item = std::move(items_.front());
    items_.pop_front();
    wakeup_next(putters_);
    return item;
  }

  void task_done() {
    if (unfinished_ <= 0) throw ValueError("task_done() called too many times");
    if (--unfinished_ == 0) finished_.set();
  }

  Task<void> join() {
    if (unfinished_ > 0) co_await finished_.wait();
  }

 private:
  static void wakeup_next(detail::WaiterList& waiters) {
    while (!waiters.empty()) {
      detail::Signal w = waiters.pop_front();
      if (!w.done()) {
        w.set_result();
        break;
      }
    }
  }

  long maxsize_;
  std::deque<T> items_;
  detail::WaiterList getters_;
  detail::WaiterList putters_;
  long unfinished_ = 0;
  Event finished_;
};

}  // namespace corolab
