#include "corolab/future.hpp"

#include "corolab/report.hpp"
#include "corolab/scheduled_task.hpp"

namespace corolab {

FutureBase::~FutureBase() {
  if (log_traceback_ && !is_task_) {
    report(Report{"Future exception was never retrieved", "future: " + FutureBase::repr(), exc_});
  }
  discard_callbacks();
}

void FutureBase::discard_callbacks() {
  if (first_cb_.fn) {
    DoneCallback cb = std::exchange(first_cb_, DoneCallback{});
    cb.fn(cb.ctx, nullptr, false);
  }
  if (!has_more_cbs()) return;
  std::vector<DoneCallback> cbs;
  cbs.swap(extra_->more_cbs);
  for (const auto& cb : cbs) cb.fn(cb.ctx, nullptr, false);
}

bool FutureBase::cancel(std::optional<std::string> msg) { return cancel_future(std::move(msg)); }

bool FutureBase::cancel_future(std::optional<std::string> msg) {
  log_traceback_ = false;
  if (state_ != State::pending) return false;
  state_ = State::cancelled;
  set_cancel_message(std::move(msg));
  schedule_callbacks();
  return true;
}

void FutureBase::set_exception(std::exception_ptr e) {
  if (is_task_) throw RuntimeError("Task does not support set_exception operation");
  if (state_ != State::pending) throw InvalidStateError("invalid state");
  set_exception_unchecked(std::move(e));
}

void FutureBase::set_exception_unchecked(std::exception_ptr e) {
  exc_ = std::move(e);
  state_ = State::finished;
  schedule_callbacks();
  log_traceback_ = true;
}

void FutureBase::finish_with_result() {
  state_ = State::finished;
  schedule_callbacks();
}

std::exception_ptr FutureBase::make_cancelled_error() {
  if (extra_ && extra_->cancelled_exc) return std::exchange(extra_->cancelled_exc, nullptr);
  return std::make_exception_ptr(CancelledError(cancel_message_copy()));
}

std::exception_ptr FutureBase::exception() {
  if (state_ == State::cancelled) std::rethrow_exception(make_cancelled_error());
  if (state_ != State::finished) throw InvalidStateError("Exception is not set.");
  log_traceback_ = false;
  return exc_;
}

std::exception_ptr FutureBase::result_error() {
  if (state_ == State::finished) {
    log_traceback_ = false;
    return exc_;
  }
  if (state_ == State::cancelled) return make_cancelled_error();
  return std::make_exception_ptr(InvalidStateError("Result is not set."));
}

void FutureBase::check_result() {
  if (state_ == State::finished && !exc_) return;  // the hot path: no throw
  if (auto e = result_error()) std::rethrow_exception(e);
}

void FutureBase::schedule_callbacks() {
  if (first_cb_.fn) {
    DoneCallback cb = std::exchange(first_cb_, DoneCallback{});
    add_ref();
    loop_->call_soon(Callback{cb.fn, cb.ctx, this});
  }
  if (has_more_cbs()) {
    std::vector<DoneCallback> cbs;
    cbs.swap(extra_->more_cbs);
    for (const auto& cb : cbs) {
      add_ref();
      loop_->call_soon(Callback{cb.fn, cb.ctx, this});
    }
  }
}

void FutureBase::add_done_callback(DoneCallback cb) {
  if (state_ != State::pending) {
    add_ref();
    loop_->call_soon(Callback{cb.fn, cb.ctx, this});
  } else if (!first_cb_.fn && !has_more_cbs()) {
    first_cb_ = cb;
  } else {
    extra().more_cbs.push_back(cb);
  }
}

namespace {
template <class Fn>
void run_function(Fn& fn, void* fut, bool run) {
  Ref<FutureBase> f = Ref<FutureBase>::adopt(static_cast<FutureBase*>(fut));
  if (run) {
    try {
      fn(*f);
    } catch (...) {
      report(Report{"Exception in callback", "handle: <Handle " + f->repr() + ">", std::current_exception()});
    }
  }
}
void invoke_function(void* ctx, void* fut, bool run) {
  auto* fn = static_cast<std::function<void(FutureBase&)>*>(ctx);
  run_function(*fn, fut, run);
  delete fn;
}
struct Labelled {
  std::function<void(FutureBase&)> fn;
  std::function<std::string()> label;
};
void invoke_labelled(void* ctx, void* fut, bool run) {
  auto* l = static_cast<Labelled*>(ctx);
  run_function(l->fn, fut, run);
  delete l;
}
}  // namespace

void FutureBase::add_done_callback(std::function<void(FutureBase&)> fn) {
  add_done_callback(DoneCallback{&invoke_function, new std::function<void(FutureBase&)>(std::move(fn))});
}

void FutureBase::add_done_callback(std::function<void(FutureBase&)> fn, std::function<std::string()> label) {
  add_done_callback(DoneCallback{&invoke_labelled, new Labelled{std::move(fn), std::move(label)}});
}

std::vector<std::string> FutureBase::callback_labels() const {
  std::vector<std::string> out;
  auto add = [&](const DoneCallback& cb) {
    std::string s;
    if (cb.fn == &TaskBase::wakeup_cb) s = "Task.task_wakeup()";
    else if (cb.fn == &invoke_labelled) s = static_cast<Labelled*>(cb.ctx)->label();
    if (!s.empty()) out.push_back(std::move(s));
  };
  if (first_cb_.fn) add(first_cb_);
  if (has_more_cbs())
    for (const auto& cb : extra_->more_cbs) add(cb);
  return out;
}

size_t FutureBase::remove_done_callback(DoneCallback::Fn fn, void* ctx) {
  size_t removed = 0;
  auto matches = [&](const DoneCallback& cb) { return cb.fn == fn && cb.ctx == ctx; };
  auto& more = extra().more_cbs;
  for (auto it = more.begin(); it != more.end();) {
    if (matches(*it)) {
      it->fn(it->ctx, nullptr, false);
      it = more.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  if (first_cb_.fn && matches(first_cb_)) {
    first_cb_.fn(first_cb_.ctx, nullptr, false);
    ++removed;
    first_cb_ = DoneCallback{};
    if (!more.empty()) {  // keep registration order: the next one moves up
      first_cb_ = more.front();
      more.erase(more.begin());
    }
  }
  return removed;
}

std::string FutureBase::repr() const {
  switch (state_) {
    case State::pending: return "<Future pending>";
    case State::cancelled: return "<Future cancelled>";
    case State::finished: break;
  }
  if (exc_) return "<Future finished exception=" + describe(exc_) + ">";
  return "<Future finished>";
}

}  // namespace corolab
