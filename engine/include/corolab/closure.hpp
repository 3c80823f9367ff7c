// Closures for engine callbacks without std::function: a reference-counted
// state object (detail::Shared) and member functions bound to it as done
// callbacks or timer callbacks. Each registration holds one reference, so
// the state lives as long as any callback may still run (as a Python
// closure would).
#pragma once
#include "corolab/future.hpp"

namespace corolab::detail {

class Shared {
 public:
  virtual ~Shared() = default;
  void add_ref() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0) delete this;
  }

 private:
  uint32_t refs_ = 0;
};

template <class C, void (C::*M)(FutureBase&)>
void done_thunk(void* ctx, void* fut, bool run) {
  auto* c = static_cast<C*>(ctx);
  Ref<FutureBase> f = Ref<FutureBase>::adopt(static_cast<FutureBase*>(fut));
  if (run) (c->*M)(*f);
  c->release();
}

// fut.add_done_callback(c->M)
template <class C, void (C::*M)(FutureBase&)>
void add_done(FutureBase& fut, C* c) {
  c->add_ref();
  fut.add_done_callback(DoneCallback{&done_thunk<C, M>, c});
}

// fut.remove_done_callback(c->M); returns how many were removed.
template <class C, void (C::*M)(FutureBase&)>
size_t remove_done(FutureBase& fut, C* c) {
  return fut.remove_done_callback(&done_thunk<C, M>, c);
}

template <class C, void (C::*M)()>
void timer_thunk(void* ctx, void*, bool run) {
  auto* c = static_cast<C*>(ctx);
  if (run) (c->*M)();
  c->release();
}

// loop.call_at(when, c->M), engine-internal (no allocation).
template <class C, void (C::*M)()>
TimerId call_at(Loop& loop, double when, C* c) {
  c->add_ref();
  return loop.add_timer(when, &timer_thunk<C, M>, c);
}

// loop.call_soon(c->M)
template <class C, void (C::*M)()>
void call_soon(Loop& loop, C* c) {
  c->add_ref();
  loop.call_soon(Callback{&timer_thunk<C, M>, c, nullptr});
}

// A future that completes with None: futures used as plain signals
// (waiters in wait(), wait_for(), locks, queues).
using Signal = Future<void>;

// _release_waiter(waiter): completes it unless already done.
inline void release_waiter(FutureBase& waiter) {
  if (!waiter.done()) Signal(Ref<FutureBase>(&waiter)).set_result();
}

}  // namespace corolab::detail
