// asyncio.as_completed (tasks.py, 3.11): size() awaitables, each giving
// the result of the next input to finish (completion order), through an
// asyncio.Queue as CPython does. With a timeout, the ones still pending
// raise TimeoutError when it passes.
//   auto ac = as_completed(tasks);
//   for (size_t i = 0; i < ac.size(); ++i) int r = co_await ac.next();
#pragma once
#include <optional>
#include <unordered_map>
#include <vector>

#include "corolab/closure.hpp"
#include "corolab/queue.hpp"
#include "corolab/wait.hpp"

namespace corolab {

namespace detail {
class AsCompletedState final : public Shared {
 public:
  AsCompletedState(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout);
  ~AsCompletedState() override;
  size_t size() const { return n_; }
  // _wait_for_one() up to `f.result()`: the next finished future.
  Task<Ref<FutureBase>> next_done();

 private:
  void on_completion(FutureBase& f);
  void on_timeout();
  Queue<Ref<FutureBase>> done_;  // a null entry means "timed out"
  std::vector<Ref<FutureBase>> order_;
  std::unordered_map<FutureBase*, bool> todo_;
  TimerId timeout_handle_;
  size_t n_ = 0;
};
}  // namespace detail

template <class T>
class AsCompleted {
 public:
  explicit AsCompleted(Ref<detail::AsCompletedState> st) : st_(std::move(st)) {}
  size_t size() const { return st_->size(); }
  Task<T> next() {
    Ref<detail::AsCompletedState> st = st_;
    Ref<FutureBase> f = co_await st->next_done();
    co_return Future<T>(f).result();
  }

 private:
  Ref<detail::AsCompletedState> st_;
};

template <class T, template <class> class Kind>
AsCompleted<T> as_completed(std::vector<Kind<T>> fs, std::optional<double> timeout = std::nullopt) {
  std::vector<Ref<FutureBase>> refs;
  for (auto& f : fs) refs.push_back(detail::to_future(f).ref());
  return AsCompleted<T>(Ref<detail::AsCompletedState>(new detail::AsCompletedState(detail::distinct(std::move(refs)), timeout)));
}

}  // namespace corolab
