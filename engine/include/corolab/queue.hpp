// asyncio.Queue<T> (queues.py, 3.11): FIFO items (LifoQueue: last in,
// first out; PriorityQueue: smallest first, kept as heapq keeps its list,
// so equal items come out in heapq's order); maxsize <= 0 means
// unbounded. put() waits while full, get() while empty; each wakes the
// first waiter of the other side, one iteration later (waiter futures).
// put_nowait/get_nowait throw QueueFull/QueueEmpty. task_done()/join()
// count unfinished items (join returns when every put item is done).
// Complexity: put/get O(1), O(log n) for a PriorityQueue (a cancelled
// waiter is removed in O(waiters)).
#pragma once
#include <deque>
#include <functional>

#include "corolab/event.hpp"
#include "corolab/waiter_list.hpp"

namespace corolab {

enum class QueueOrder { fifo, lifo, priority };

template <class T>
class Queue {
 public:
  // `less` orders a priority queue (required for one). It may throw: the
  // heap is then left as heapq leaves its list (the item stays appended).
  using Less = std::function<bool(const T&, const T&)>;
  explicit Queue(long maxsize = 0, QueueOrder order = QueueOrder::fifo, Less less = nullptr)
      : maxsize_(maxsize), order_(order), less_(std::move(less)) {
    finished_.set();
  }

  size_t qsize() const { return items_.size(); }
  long maxsize() const { return maxsize_; }
  bool empty() const { return items_.empty(); }
  bool full() const { return maxsize_ > 0 && static_cast<long>(items_.size()) >= maxsize_; }
  // What Queue._format shows: the items in storage order (a priority
  // queue's heap as heapq keeps it), waiting getters and putters,
  // unfinished tasks.
  const std::deque<T>& items() const { return items_; }
  size_t getters() const { return getters_.size(); }
  size_t putters() const { return putters_.size(); }
  long unfinished() const { return unfinished_; }

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
    if (order_ == QueueOrder::priority) sift_down(0, items_.size() - 1);
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
    T item;
    if (order_ == QueueOrder::fifo) {
      item = std::move(items_.front());
      items_.pop_front();
    } else if (order_ == QueueOrder::lifo) {
      item = std::move(items_.back());
      items_.pop_back();
    } else {
      item = heap_pop();
    }
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
  // heapq._siftdown / _siftup / heappop, step for step.
  void sift_down(size_t start, size_t pos) {
    T newitem = items_[pos];  // a copy: a throwing less_ loses nothing
    while (pos > start) {
      size_t parent = (pos - 1) >> 1;
      if (less_(newitem, items_[parent])) {
        items_[pos] = std::move(items_[parent]);
        pos = parent;
        continue;
      }
      break;
    }
    items_[pos] = std::move(newitem);
  }
  void sift_up(size_t pos) {
    size_t end = items_.size(), start = pos, child = 2 * pos + 1;
    T newitem = items_[pos];  // a copy: a throwing less_ loses nothing
    while (child < end) {
      size_t right = child + 1;
      if (right < end && !less_(items_[child], items_[right])) child = right;
      items_[pos] = std::move(items_[child]);
      pos = child;
      child = 2 * pos + 1;
    }
    items_[pos] = std::move(newitem);
    sift_down(start, pos);
  }
  T heap_pop() {
    T last = std::move(items_.back());
    items_.pop_back();
    if (items_.empty()) return last;
    T item = std::move(items_.front());
    items_.front() = std::move(last);
    sift_up(0);
    return item;
  }

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
  QueueOrder order_;
  Less less_;
  std::deque<T> items_;
  detail::WaiterList getters_;
  detail::WaiterList putters_;
  long unfinished_ = 0;
  Event finished_;
};

}  // namespace corolab
