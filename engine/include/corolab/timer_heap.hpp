// TimerHeap: the loop's scheduled callbacks (CPython's loop._scheduled).
//
// Ordering: a binary min-heap on (deadline, creation sequence): timers with
// equal deadlines fire in creation order (the scenario contract; the
// oracle, tests/oracle/vclock.py, orders CPython's timers the same way).
// Layout: a 4-ary heap of 16-byte entries whose sibling groups each fill
// one 64-byte cache line (the array is cache-line aligned and the root is
// stored at index 3): half the levels of a binary heap, one line per level.
// Any heap pops the same order, the key being total. The sequence is
// 32-bit: ties between timers created 2^32 timers apart could swap,
// nothing else.
// Cost: push and pop O(log n); cancel O(1) (the entry is flagged and dropped
// when it reaches the head, or by compaction when cancelled entries are
// more than half of more than 100, as BaseEventLoop._run_once does).
// Timers live in a slot array with a free list: no allocation per timer
// once the arrays have grown. Both arrays grow by 1.5x (not 2x): a
// scheduler holding many timers keeps less slack. Memory per timer: a
// 24-byte slot and a 16-byte heap entry (16 + 12 in Wasm).
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include "corolab/callback.hpp"

namespace corolab {

// Names one timer; stale ids (timer already run or dropped) are ignored.
struct TimerId {
  uint32_t slot = UINT32_MAX;
  uint32_t gen = 0;
  explicit operator bool() const { return slot != UINT32_MAX; }
};

namespace detail {
// std::allocator with 64-byte (cache line) alignment.
template <class T>
struct LineAligned {
  using value_type = T;
  static constexpr std::align_val_t kAlign{64};
  LineAligned() = default;
  template <class U>
  LineAligned(const LineAligned<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlign)); }
  void deallocate(T* p, size_t n) noexcept { ::operator delete(p, n * sizeof(T), kAlign); }
  template <class U>
  bool operator==(const LineAligned<U>&) const noexcept { return true; }
};
}  // namespace detail

class TimerHeap {
 public:
  // A timer's callback is fn(a, nullptr, run) (Callback with b null).
  struct Slot {
    Callback::Fn fn = nullptr;
    void* a = nullptr;
    uint32_t seq = 0;            // creation number (the trace's timer id); the free list's link once freed
    uint32_t gen : 30 = 0;       // bumped when the slot is freed (ids compare it modulo 2^30)
    uint32_t cancelled : 1 = 0;
    uint32_t scheduled : 1 = 0;  // in the heap (not yet moved to the ready queue)
    Callback callback() const { return Callback{fn, a, nullptr}; }
  };

  TimerId push(double when, Callback::Fn fn, void* a);
  // Marks the timer cancelled; O(1). Returns false for a stale id or a
  // timer already cancelled.
  bool cancel(TimerId id);
  bool empty() const { return heap_.size() <= kRoot; }
  size_t size() const { return heap_.size() - kRoot; }
  size_t cancelled_count() const { return cancelled_; }
  // Live (not cancelled) timers still in the heap.
  size_t live() const { return size() - cancelled_; }
  double top_when() const { return heap_[kRoot].when; }
  uint32_t top_slot() const { return heap_[kRoot].slot; }
  // Pops the head; the slot stays allocated (the caller runs or frees it).
  uint32_t pop();
  // _run_once's cleanup: compacts when cancelled entries dominate, else
  // drops cancelled entries at the head. Dropped callbacks are discarded.
  void drop_cancelled();
  Slot& slot(uint32_t i) { return slots_[i]; }
  bool valid(TimerId id) const { return id.slot < slots_.size() && slots_[id.slot].gen == id.gen; }  // id.gen < 2^30
  void free_slot(uint32_t i);
  // Discards every timer (stop()).
  void clear();
  uint32_t created() const { return next_seq_; }

 private:
  struct Entry {
    double when;
    uint32_t seq;
    uint32_t slot;
    // Non-short-circuit: compiles to flag arithmetic, no branch.
    bool operator<(const Entry& o) const { return (when < o.when) | ((when == o.when) & (seq < o.seq)); }
  };
  // Heap positions are array indices; the root is at kRoot and the
  // children of p are at 4 * p - 8 ... 4 * p - 5 (a 64-byte-aligned group).
  static constexpr size_t kRoot = 3;
  static size_t first_child(size_t p) { return 4 * p - 8; }
  static size_t parent(size_t c) { return (c + 8) / 4; }
  template <class V>
  static void grow_for_one_more(V& v) {
    if (v.size() == v.capacity()) v.reserve(v.size() + v.size() / 2 + 16);
  }
  // The smallest of a full sibling group, without branches (each
  // comparison's outcome is random: a branch would mispredict half the time).
  size_t min_of_four(size_t first) const {
    const Entry* g = &heap_[first];
    size_t a = first + size_t(g[1] < g[0]);
    size_t b = first + 2 + size_t(g[3] < g[2]);
    return heap_[b] < heap_[a] ? b : a;
  }
  size_t min_child(size_t first, size_t n) const;
  void sift_toward_root(size_t pos);
  void sift_toward_leaves(size_t pos);
  void heapify();

  std::vector<Entry, detail::LineAligned<Entry>> heap_ = std::vector<Entry, detail::LineAligned<Entry>>(kRoot);
  std::vector<Slot, detail::LineAligned<Slot>> slots_;
  uint32_t free_head_ = UINT32_MAX;
  size_t cancelled_ = 0;
  uint32_t next_seq_ = 1;
};

}  // namespace corolab
