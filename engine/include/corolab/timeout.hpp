// asyncio.timeout / timeout_at (timeouts.py, 3.11): a scope that cancels
// the current task at a deadline and turns that cancellation into
// TimeoutError when the scope exits. Nested scopes and outside
// cancellations are told apart with the task's cancelling() count.
//
// Use: Timeout t = Timeout::after(1.5); t.enter(); ... t.exit(error);
// (exit(e) ends the scope: it throws e, or TimeoutError in its place, or
// returns when there is nothing to raise) or with_timeout(1.5, body).
#pragma once
#include <optional>

#include "corolab/scheduled_task.hpp"

namespace corolab {

class Timeout {
 public:
  enum class State : uint8_t { created, entered, expiring, expired, exited };

  // timeout_at(when); nullopt = no deadline (reschedule later).
  explicit Timeout(std::optional<double> when) : when_(when) {}
  // timeout(delay): the deadline is loop.time() + delay.
  static Timeout after(std::optional<double> delay);
  Timeout(const Timeout&) = delete;
  Timeout(Timeout&&) = default;
  ~Timeout() { handle_.cancel(); }

  std::optional<double> when() const { return when_; }
  void reschedule(std::optional<double> when);
  bool expired() const { return state_ == State::expiring || state_ == State::expired; }

  void enter();                      // __aenter__
  void exit(std::exception_ptr e);   // __aexit__ + re-raise

 private:
  void on_timeout();
  State state_ = State::created;
  std::optional<double> when_;
  Handle handle_;
  Ref<TaskBase> task_;
  int cancelling_ = 0;
};

// async with asyncio.timeout(delay): return await body()
template <class F>
auto with_timeout(std::optional<double> delay, F body) -> decltype(body()) {
  using R = typename decltype(body())::value_type;
  Timeout t = Timeout::after(delay);
  t.enter();
  std::exception_ptr err;
  if constexpr (std::is_void_v<R>) {
    try {
      co_await body();
    } catch (...) {
      err = std::current_exception();
    }
    t.exit(err);
  } else {
    std::optional<R> r;
    try {
      r.emplace(co_await body());
    } catch (...) {
      err = std::current_exception();
    }
    t.exit(err);
    co_return std::move(*r);
  }
}

}  // namespace corolab
