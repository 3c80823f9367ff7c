// asyncio.gather: one future for many (tasks.gather / _GatheringFuture).
//
// - Coroutines (Task<T>) are wrapped in tasks first, in argument order.
// - The result lists the children's results in argument order whatever
//   the completion order; it is set from the last child's done callback
//   (so the awaiting task resumes one iteration after that).
// - Without return_exceptions the first child error (or cancellation, as
//   CancelledError) becomes the outer future's exception at once; the
//   other children go on running.
// - With return_exceptions every child's Outcome is listed.
// - Cancelling the outer future cancels every unfinished child; the outer
//   then fails with CancelledError once all are done.
// - A child passed twice is awaited once and listed twice.
#pragma once
#include <unordered_set>
#include <variant>
#include <vector>

#include "corolab/closure.hpp"
#include "corolab/scheduled_task.hpp"

namespace corolab {

// gather's element type: T, or std::monostate for void children (None).
template <class T>
using GatherItem = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// A child's outcome under return_exceptions: a value or an exception.
template <class T>
struct Outcome {
  std::optional<GatherItem<T>> value;
  std::exception_ptr error;
  bool ok() const { return !error; }
};

namespace detail {

// Whether a future appears twice (O(n): a mark bit on each future).
bool has_duplicates(const std::vector<Ref<FutureBase>>& fs);

// Reads a finished child's value as the gather element.
template <class T>
GatherItem<T> child_value(FutureBase& f) {
  if constexpr (std::is_void_v<T>) {
    return std::monostate{};
  } else {
    return *static_cast<ValueSlot<T>*>(f.result_storage())->value;
  }
}

template <class T, bool ReturnExceptions>
class GatheringFuture final : public FutureBase {
 public:
  using Item = std::conditional_t<ReturnExceptions, Outcome<T>, GatherItem<T>>;
  using Result = std::vector<Item>;

  GatheringFuture(Loop& loop, std::vector<Ref<FutureBase>> children) : FutureBase(loop), children_(std::move(children)) {
    wait_kind_ = On::gather;
  }
  void* result_storage() noexcept override { return &slot_; }

  // _GatheringFuture.cancel: cancels the children, not itself.
  bool cancel(std::optional<std::string> msg = std::nullopt) override {
    if (done()) return false;
    bool ret = false;
    for (auto& child : children_) {
      if (child->cancel(msg)) ret = true;
    }
    if (ret) cancel_requested_ = true;
    return ret;
  }

  // Registers _done_callback on each distinct child (gather's arg_to_fut).
  void start() {
    if (!has_duplicates(children_)) {  // the usual case: no set needed
      for (auto& child : children_) add_done(*child);
      nfuts_ = children_.size();
      return;
    }
    std::unordered_set<FutureBase*> seen;
    for (auto& child : children_) {
      if (!seen.insert(child.get()).second) continue;
      ++nfuts_;
      add_done(*child);
    }
  }

 private:
  void add_done(FutureBase& child) {
    detail::add_done<GatheringFuture, &GatheringFuture::done_callback>(child, this);
  }

  // gather's _done_callback, line by line.
  void done_callback(FutureBase& fut) {
    ++nfinished_;
    if (done()) {
      if (!fut.cancelled()) fut.mark_retrieved();
      return;
    }
    if constexpr (!ReturnExceptions) {
      if (fut.cancelled()) {
        set_exception_unchecked(fut.make_cancelled_error());
        return;
      }
      if (fut.failed()) {
        set_exception_unchecked(fut.exception());
        return;
      }
    }
    if (nfinished_ == nfuts_) {
      Result results;
      results.reserve(children_.size());
      for (auto& child : children_) {
        if constexpr (ReturnExceptions) {
          Outcome<T> o;
          if (child->cancelled()) {
            const std::string* m = child->cancel_message();
            o.error = std::make_exception_ptr(CancelledError(m ? *m : std::string()));
          } else if (child->failed()) {
            o.error = child->exception();
          } else {
            o.value.emplace(child_value<T>(*child));
          }
          results.push_back(std::move(o));
        } else {
          results.push_back(child_value<T>(*child));
        }
      }
      if (cancel_requested_) {
        set_exception_unchecked(fut.make_cancelled_error());
      } else {
        slot_.value.emplace(std::move(results));
        finish_with_result();
      }
    }
  }

  std::vector<Ref<FutureBase>> children_;
  size_t nfuts_ = 0;
  size_t nfinished_ = 0;
  bool cancel_requested_ = false;
  ValueSlot<Result> slot_;
};

template <class T, bool ReturnExceptions>
auto gather_futures(Loop& loop, std::vector<Ref<FutureBase>> children) {
  using G = GatheringFuture<T, ReturnExceptions>;
  using Result = typename G::Result;
  if (children.empty()) {
    auto f = Future<Result>::create(loop);
    f.set_result(Result{});
    return f;
  }
  auto* g = new G(loop, std::move(children));
  Future<Result> outer{Ref<FutureBase>(g)};
  g->start();
  return outer;
}

template <class T>
Ref<FutureBase> as_child(Loop&, const Future<T>& f) { return f.ref(); }
template <class T>
Ref<FutureBase> as_child(Loop&, const TaskHandle<T>& t) { return Ref<FutureBase>(t.ref()); }
template <class T>
Ref<FutureBase> as_child(Loop& loop, Task<T>&& coro) { return Ref<FutureBase>(create_task(loop, std::move(coro)).ref()); }

}  // namespace detail

// gather(children): Future<std::vector<GatherItem<T>>>. Children are
// Future<T>, TaskHandle<T> or Task<T> (all of one kind per call).
template <class T, template <class> class Kind>
Future<std::vector<GatherItem<T>>> gather(std::vector<Kind<T>> children) {
  Loop& loop = *Loop::current();
  std::vector<Ref<FutureBase>> refs;
  refs.reserve(children.size());
  for (auto& c : children) refs.push_back(detail::as_child(loop, std::move(c)));
  return detail::gather_futures<T, false>(loop, std::move(refs));
}

// gather(children, return_exceptions=True): Future<std::vector<Outcome<T>>>.
template <class T, template <class> class Kind>
Future<std::vector<Outcome<T>>> gather_outcomes(std::vector<Kind<T>> children) {
  Loop& loop = *Loop::current();
  std::vector<Ref<FutureBase>> refs;
  refs.reserve(children.size());
  for (auto& c : children) refs.push_back(detail::as_child(loop, std::move(c)));
  return detail::gather_futures<T, true>(loop, std::move(refs));
}

// gather(a, b, c): the same for arguments of one result type.
template <class First, class... Rest>
auto gather(First&& first, Rest&&... rest) {
  using T = typename std::decay_t<First>::value_type;
  Loop& loop = *Loop::current();
  std::vector<Ref<FutureBase>> refs;
  refs.push_back(detail::as_child(loop, std::forward<First>(first)));
  (refs.push_back(detail::as_child(loop, std::forward<Rest>(rest))), ...);
  return detail::gather_futures<T, false>(loop, std::move(refs));
}

}  // namespace corolab
