#include "corolab/timer_heap.hpp"

#include <algorithm>

namespace corolab {

// CPython's thresholds (base_events._MIN_SCHEDULED_TIMER_HANDLES and
// _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
constexpr size_t kMinScheduled = 100;
constexpr double kMinCancelledFraction = 0.5;
constexpr size_t kArity = 4;

TimerId TimerHeap::push(double when, Callback::Fn fn, void* a) {
  uint32_t i;
  if (free_head_ != UINT32_MAX) {
    i = free_head_;
    free_head_ = slots_[i].seq;  // a free slot's seq links the free list
  } else {
    i = static_cast<uint32_t>(slots_.size());
    grow_for_one_more(slots_);
    slots_.emplace_back();
  }
  Slot& s = slots_[i];
  s.fn = fn;
  s.a = a;
  s.seq = next_seq_++;
  s.cancelled = false;
  s.scheduled = true;
  grow_for_one_more(heap_);
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
  if (!empty()) {
    top = heap_[kRoot].slot;
    // Floyd's pop: move the hole down to a leaf along the smallest
    // children, then let `last` (usually a late deadline) rise from there:
    // fewer comparisons than sifting it down from the root.
    size_t n = heap_.size();
    size_t hole = kRoot;
    for (;;) {
      size_t first = first_child(hole);
      if (first >= n) break;
      size_t best = first + 4 <= n ? min_of_four(first) : min_child(first, n);
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = last;
    sift_toward_root(hole);
  }
  slots_[top].scheduled = false;
  return top;
}

size_t TimerHeap::min_child(size_t first, size_t n) const {
  size_t best = first;
  size_t end = std::min(first + kArity, n);
  for (size_t c = first + 1; c < end; ++c) {
    if (heap_[c] < heap_[best]) best = c;
  }
  return best;
}

void TimerHeap::free_slot(uint32_t i) {
  Slot& s = slots_[i];
  s.fn = nullptr;
  s.a = nullptr;
  ++s.gen;
  s.seq = free_head_;
  free_head_ = i;
}

void TimerHeap::drop_cancelled() {
  size_t n = size();
  if (n > kMinScheduled && static_cast<double>(cancelled_) / static_cast<double>(n) > kMinCancelledFraction) {
    size_t kept = kRoot;
    for (size_t i = kRoot; i < heap_.size(); ++i) {
      Entry e = heap_[i];
      Slot& s = slots_[e.slot];
      if (s.cancelled) {
        s.scheduled = false;
        s.callback().discard();
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
  while (!empty() && slots_[top_slot()].cancelled) {
    --cancelled_;
    uint32_t i = pop();
    slots_[i].callback().discard();
    free_slot(i);
  }
}

void TimerHeap::clear() {
  // Entries moved to the ready queue are discarded by the ready queue.
  for (size_t i = kRoot; i < heap_.size(); ++i) {
    uint32_t slot = heap_[i].slot;
    slots_[slot].scheduled = false;
    slots_[slot].callback().discard();
    free_slot(slot);
  }
  heap_.resize(kRoot);
  cancelled_ = 0;
}

void TimerHeap::sift_toward_root(size_t pos) {
  Entry item = heap_[pos];
  while (pos > kRoot) {
    size_t up = parent(pos);
    if (!(item < heap_[up])) break;
    heap_[pos] = heap_[up];
    pos = up;
  }
  heap_[pos] = item;
}

void TimerHeap::sift_toward_leaves(size_t pos) {
  size_t n = heap_.size();
  Entry item = heap_[pos];
  for (;;) {
    size_t first = first_child(pos);
    if (first >= n) break;
    size_t best = first + 4 <= n ? min_of_four(first) : min_child(first, n);
    if (!(heap_[best] < item)) break;
    heap_[pos] = heap_[best];
    pos = best;
  }
  heap_[pos] = item;
}

void TimerHeap::heapify() {
  if (size() < 2) return;
  for (size_t i = parent(heap_.size() - 1) + 1; i-- > kRoot;) sift_toward_leaves(i);
}

}  // namespace corolab
