#include "corolab/timer_heap.hpp"

#include <algorithm>

namespace corolab {

// CPython's thresholds (base_events._MIN_SCHEDULED_TIMER_HANDLES and
// _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
constexpr size_t kMinScheduled = 100;
constexpr double kMinCancelledFraction = 0.5;

TimerId TimerHeap::push(double when, Callback cb) {
  uint32_t i;
  if (free_head_ != UINT32_MAX) {
    i = free_head_;
    free_head_ = slots_[i].next_free;
  } else {
    i = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[i];
  s.cb = cb;
  s.seq = next_seq_++;
  s.cancelled = false;
  s.scheduled = true;
  heap_.push_back(Entry{when, s.seq, i});
  sift_toward_root(heap_.size() - 1);
  return TimerId{i, s.gen};
}

bool TimerHeap::cancel(TimerId id) {
  if (!valid(id)) return false;
  Slot& s = slots_[id.slot];
  if (s.cancelled) return false;
  s.cancelled = true;
  if (s.scheduled) ++cancelled_;
  return true;
}

uint32_t TimerHeap::pop() {
  Entry last = heap_.back();
  heap_.pop_back();
  uint32_t top = last.slot;
  if (!heap_.empty()) {
    top = heap_.front().slot;
    heap_.front() = last;
    sift_toward_leaves(0);
  }
  slots_[top].scheduled = false;
  return top;
}

void TimerHeap::free_slot(uint32_t i) {
  Slot& s = slots_[i];
  s.cb = Callback{};
  ++s.gen;
  s.next_free = free_head_;
  free_head_ = i;
}

void TimerHeap::drop_cancelled() {
  size_t n = heap_.size();
  if (n > kMinScheduled && static_cast<double>(cancelled_) / static_cast<double>(n) > kMinCancelledFraction) {
    size_t kept = 0;
    for (size_t i = 0; i < n; ++i) {
      Entry e = heap_[i];
      Slot& s = slots_[e.slot];
      if (s.cancelled) {
        s.scheduled = false;
        s.cb.discard();
        free_slot(e.slot);
      } else {
        heap_[kept++] = e;
      }
    }
    heap_.resize(kept);
    heapify();
    cancelled_ = 0;
    return;
  }
  while (!heap_.empty() && slots_[heap_.front().slot].cancelled) {
    --cancelled_;
    uint32_t i = pop();
    slots_[i].cb.discard();
    free_slot(i);
  }
}

void TimerHeap::clear() {
  // Entries moved to the ready queue are discarded by the ready queue.
  for (const Entry& e : heap_) {
    slots_[e.slot].scheduled = false;
    slots_[e.slot].cb.discard();
    free_slot(e.slot);
  }
  heap_.clear();
  cancelled_ = 0;
}

constexpr size_t kArity = 4;

void TimerHeap::sift_toward_root(size_t pos) {
  Entry item = heap_[pos];
  while (pos > 0) {
    size_t parent = (pos - 1) / kArity;
    if (!(item < heap_[parent])) break;
    heap_[pos] = heap_[parent];
    pos = parent;
  }
  heap_[pos] = item;
}

void TimerHeap::sift_toward_leaves(size_t pos) {
  size_t n = heap_.size();
  Entry item = heap_[pos];
  for (;;) {
    size_t first = pos * kArity + 1;
    if (first >= n) break;
    size_t best = first;
    size_t last = std::min(first + kArity, n);
    for (size_t c = first + 1; c < last; ++c) {
      if (heap_[c] < heap_[best]) best = c;
    }
    if (!(heap_[best] < item)) break;
    heap_[pos] = heap_[best];
    pos = best;
  }
  heap_[pos] = item;
}

void TimerHeap::heapify() {
  if (heap_.size() < 2) return;
  for (size_t i = (heap_.size() - 2) / kArity + 1; i-- > 0;) sift_toward_leaves(i);
}

}  // namespace corolab
