// ReadyQueue: the loop's FIFO of callbacks to run (CPython's loop._ready).
// A ring buffer that doubles when full and halves when a quarter full
// (above 1,024 entries), so a burst of work does not pin its memory:
// push and pop amortized O(1), no allocation in a steady state.
#pragma once
#include <cstddef>
#include <vector>

#include "corolab/callback.hpp"

namespace corolab {

class ReadyQueue {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void push(const Callback& c) {
    if (size_ == buf_.size()) grow();
    buf_[(head_ + size_) & (buf_.size() - 1)] = c;
    ++size_;
  }
  Callback pop() {
    Callback c = buf_[head_];
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
    if (size_ * 4 < buf_.size() && buf_.size() > kKeep) resize(buf_.size() / 2);
    return c;
  }

 private:
  static constexpr size_t kKeep = 1024;
  void grow() { resize(buf_.empty() ? 64 : buf_.size() * 2); }
  void resize(size_t capacity) {
    std::vector<Callback> other(capacity);
    for (size_t i = 0; i < size_; ++i) other[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    buf_.swap(other);
    head_ = 0;
  }
  std::vector<Callback> buf_;  // capacity is a power of two
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace corolab
