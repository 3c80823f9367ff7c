#include "corolab/as_completed.hpp"

namespace corolab::detail {

AsCompletedState::AsCompletedState(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout)
    : order_(std::move(fs)), n_(order_.size()) {
  for (auto& f : order_) todo_.emplace(f.get(), true);
  for (auto& f : order_) add_done<AsCompletedState, &AsCompletedState::on_completion>(*f, this);
  if (!todo_.empty() && timeout) {
    Loop& loop = *Loop::current();
    timeout_handle_ = call_at<AsCompletedState, &AsCompletedState::on_timeout>(loop, loop.time() + *timeout, this);
  }
}

AsCompletedState::~AsCompletedState() = default;

void AsCompletedState::on_completion(FutureBase& f) {
  if (todo_.empty()) return;
  todo_.erase(&f);
  done_.put_nowait(Ref<FutureBase>(&f));
  if (todo_.empty() && timeout_handle_) Loop::current()->cancel_timer(timeout_handle_);
}

void AsCompletedState::on_timeout() {
  for (auto& f : order_) {
    if (todo_.count(f.get())) {
      remove_done<AsCompletedState, &AsCompletedState::on_completion>(*f, this);
      done_.put_nowait(Ref<FutureBase>());
    }
  }
  todo_.clear();
}

Task<Ref<FutureBase>> AsCompletedState::next_done() {
  Ref<FutureBase> f = co_await done_.get();
  if (!f) throw TimeoutError();
  co_return f;
}

}  // namespace corolab::detail
