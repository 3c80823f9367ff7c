// Task<T>: a lazy, move-only coroutine returning T (a Python coroutine
// object, not an asyncio.Task: schedule one with create_task()).
//
// - Lazy: nothing runs until it is co_awaited or scheduled.
// - co_await task runs it inline in the awaiting asyncio task (no loop
//   iteration, as `await coro()` in Python); its exception propagates to
//   the awaiter.
// - Depth-safe: starting a child and returning to the parent go through a
//   trampoline (detail::run_trampoline, driven by the asyncio task's step):
//   each await_suspend records the next frame to resume and returns, so
//   nested awaits never grow the native stack, natively and in Wasm (where
//   clang 14 emits no tail calls and symmetric transfer is unavailable).
// - Frames: one allocation per coroutine call (the compiler's frame), from
//   the engine's pool (pool.hpp) up to pool::kMaxPooled bytes, freed when
//   the Task<T> that owns it is destroyed.
#pragma once
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "corolab/coro_compat.hpp"
#include "corolab/pool.hpp"

namespace corolab {

template <class T>
class Task;

namespace detail {

// The frame the trampoline resumes next (null: return to the loop).
// Single-threaded engine: one slot for the process.
inline coroutine_handle<> trampoline_next;

// Resumes h, then whatever each resumed frame hands over, until a frame
// suspends on the loop (or the outermost one finishes).
inline void run_trampoline(coroutine_handle<> h) {
  coroutine_handle<> saved = std::exchange(trampoline_next, h);
  while (trampoline_next) {
    coroutine_handle<> c = std::exchange(trampoline_next, nullptr);
    c.resume();
  }
  trampoline_next = saved;
}

}  // namespace detail

// `co_return Fail{e};` ends a Task<T> with the error e, as if e had been
// thrown out of its body, but without a C++ throw. Needed under clang 14's
// Wasm exception handling, which loses an exception thrown out of a
// coroutine body after a catch handler has run in the same frame.
struct Fail {
  std::exception_ptr error;
};

namespace detail {

struct PromiseBase : pool::Pooled {  // frames come from the pool
  coroutine_handle<> continuation;  // the awaiting frame, null for a root
  std::exception_ptr error;

  suspend_always initial_suspend() noexcept { return {}; }
  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    void await_suspend(coroutine_handle<P> h) noexcept {
      trampoline_next = h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <class T>
struct TaskPromise : PromiseBase {
  std::optional<T> value;
  Task<T> get_return_object() noexcept;
  template <class U>
  void return_value(U&& v) {
    value.emplace(std::forward<U>(v));
  }
  void return_value(Fail f) noexcept { error = std::move(f.error); }
  T take() {
    if (error) std::rethrow_exception(error);
    return std::move(*value);
  }
};

template <>
struct TaskPromise<void> : PromiseBase {
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() {
    if (error) std::rethrow_exception(error);
  }
};

}  // namespace detail

template <class T = void>
class [[nodiscard]] Task {
 public:
  using promise_type = detail::TaskPromise<T>;
  using value_type = T;
  using handle_type = coroutine_handle<promise_type>;

  Task() = default;
  explicit Task(handle_type h) noexcept : h_(h) {}
  Task(Task&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  Task& operator=(Task&& o) noexcept {
    if (this != &o) {
      reset();
      h_ = std::exchange(o.h_, nullptr);
    }
    return *this;
  }
  ~Task() { reset(); }

  explicit operator bool() const noexcept { return bool(h_); }
  bool done() const noexcept { return h_ && h_.done(); }
  handle_type handle() const noexcept { return h_; }
  void reset() noexcept {
    if (h_) std::exchange(h_, nullptr).destroy();
  }

  struct Awaiter {
    handle_type h;
    bool await_ready() const noexcept { return false; }
    void await_suspend(coroutine_handle<> cont) noexcept {
      h.promise().continuation = cont;
      detail::trampoline_next = h;
    }
    T await_resume() { return h.promise().take(); }
  };
  // Runs the coroutine inline in the awaiting task.
  Awaiter operator co_await() && noexcept { return Awaiter{h_}; }

  // The outcome of a task without a throw: co_await settle(std::move(t)).
  struct Settled {
    std::optional<T> value;  // set when it returned
    std::exception_ptr error;  // set when it failed
  };
  struct SettleAwaiter : Awaiter {
    Settled await_resume() noexcept {
      auto& p = this->h.promise();
      if (p.error) return Settled{std::nullopt, p.error};
      return Settled{std::move(p.value), nullptr};
    }
  };
  SettleAwaiter settle() && noexcept { return SettleAwaiter{{h_}}; }

 private:
  handle_type h_;
};

namespace detail {
template <class T>
Task<T> TaskPromise<T>::get_return_object() noexcept {
  return Task<T>(coroutine_handle<TaskPromise<T>>::from_promise(*this));
}
inline Task<void> TaskPromise<void>::get_return_object() noexcept {
  return Task<void>(coroutine_handle<TaskPromise<void>>::from_promise(*this));
}
}  // namespace detail

}  // namespace corolab
