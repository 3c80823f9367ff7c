#include "corolab/task_group.hpp"

#include "corolab/closure.hpp"
#include "corolab/report.hpp"

namespace corolab {

TaskGroup::~TaskGroup() {
  // Only reached with tasks left if exit() was skipped (a programming
  // error or Loop::stop()): make their callbacks forget this group.
  for (auto& t : tasks_) t->remove_done_callback(&TaskGroup::on_task_done_cb, this);
}

void TaskGroup::enter() {
  if (entered_) throw RuntimeError("TaskGroup has already been entered");
  loop_ = Loop::current();
  TaskBase* parent = current_task();
  if (!parent) throw RuntimeError("TaskGroup cannot determine the parent task");
  parent_ = Ref<TaskBase>(parent);
  entered_ = true;
}

void TaskGroup::check_can_create() const {
  if (!entered_) throw RuntimeError("TaskGroup has not been entered");
  if (exiting_ && tasks_.empty()) throw RuntimeError("TaskGroup is finished");
  if (aborting_) throw RuntimeError("TaskGroup is shutting down");
}

void TaskGroup::adopt(const Ref<TaskBase>& task) {
  // The group outlives its tasks' callbacks (exit() waits for them), so
  // the callback holds a plain pointer.
  task->add_done_callback(DoneCallback{&TaskGroup::on_task_done_cb, this});
  tasks_.push_back(task);
  index_[task.get()] = std::prev(tasks_.end());
}

void TaskGroup::on_task_done_cb(void* self, void* fut, bool run) {
  Ref<FutureBase> f = Ref<FutureBase>::adopt(static_cast<FutureBase*>(fut));
  if (run) static_cast<TaskGroup*>(self)->on_task_done(*f);
}

void TaskGroup::abort() {
  aborting_ = true;
  for (auto& t : tasks_) {
    if (!t->done()) t->cancel();
  }
}

void TaskGroup::on_task_done(FutureBase& task) {
  Ref<FutureBase> keep(&task);
  if (auto it = index_.find(&task); it != index_.end()) {
    tasks_.erase(it->second);
    index_.erase(it);
  }
  if (on_completed_fut_ && tasks_.empty()) {
    if (!on_completed_fut_->done()) detail::Signal(on_completed_fut_).set_result();
  }
  if (task.cancelled()) return;
  std::exception_ptr exc = task.exception();
  if (!exc) return;
  errors_.push_back(exc);
  if (parent_->done()) {
    report(Report{"Task " + task.repr() + " has errored out but its parent task " + parent_->repr() +
                      " is already completed",
                  "", exc});
    return;
  }
  if (!aborting_ && !parent_cancel_requested_) {
    abort();
    parent_cancel_requested_ = true;
    parent_->cancel();
  }
}

Task<void> TaskGroup::exit(std::exception_ptr exc) {
  exiting_ = true;
  bool et_cancelled = exc && is_cancelled_error(exc);
  std::exception_ptr propagate_cancellation_error = et_cancelled ? exc : nullptr;
  if (parent_cancel_requested_) {
    if (parent_->uncancel() == 0) propagate_cancellation_error = nullptr;
  }
  if (exc && !aborting_) abort();
  while (!tasks_.empty()) {
    if (!on_completed_fut_) on_completed_fut_ = detail::Signal::create(*loop_).ref();
    std::exception_ptr ex;
    try {
      co_await FutureAwaiter<void>(on_completed_fut_.get(), On::task);
    } catch (const CancelledError&) {
      ex = std::current_exception();
    }
    if (ex && !aborting_) {
      propagate_cancellation_error = ex;
      abort();
    }
    on_completed_fut_.reset();
  }
  if (propagate_cancellation_error && errors_.empty()) std::rethrow_exception(propagate_cancellation_error);
  if (exc && !et_cancelled) errors_.push_back(exc);
  if (!errors_.empty()) {
    std::vector<std::exception_ptr> errors = std::move(errors_);
    errors_.clear();
    throw ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors));
  }
  if (exc) std::rethrow_exception(exc);
}

}  // namespace corolab
