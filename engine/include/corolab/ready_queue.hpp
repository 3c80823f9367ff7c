// ReadyQueue: the loop's FIFO of callbacks to run (CPython's loop._ready).
// A ring buffer that doubles when full: push and pop O(1), no allocation
// once grown.
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
    return c;
  }

 private:
  void grow() {
    std::vector<Callback> bigger(buf_.empty() ? 64 : buf_.size() * 2);
    for (size_t i = 0; i < size_; ++i) bigger[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    buf_.swap(bigger);
    head_ = 0;
  }
  std::vector<Callback> buf_;  // capacity is a power of two
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace corolab
