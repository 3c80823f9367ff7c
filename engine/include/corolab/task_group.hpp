// asyncio.TaskGroup (taskgroups.py, 3.11): tasks started in the group are
// awaited when the scope exits. The first task failure cancels the other
// tasks and the parent task; exit() then raises an ExceptionGroup of every
// error ("unhandled errors in a TaskGroup"). Cancellation of the parent
// from outside is propagated unchanged.
//
// Use: TaskGroup tg; tg.enter(); tg.create_task(...); co_await tg.exit(err);
// (exit(e) ends the scope: throws what the `async with` raises, e itself
// unless replaced) or co_await task_group([&](TaskGroup& tg) -> Task<void> {...}).
// The group must outlive its tasks' completion: exit() guarantees it.
// Tasks are cancelled on abort in creation order (CPython: set order).
#pragma once
#include <list>
#include <unordered_map>
#include <vector>

#include "corolab/scheduled_task.hpp"

namespace corolab {

class TaskGroup {
 public:
  TaskGroup() = default;
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;
  ~TaskGroup();

  void enter();                               // __aenter__
  Task<void> exit(std::exception_ptr e);      // __aexit__ + re-raise

  template <class T>
  TaskHandle<T> create_task(Task<T> coro, std::optional<std::string> name = std::nullopt) {
    check_can_create();
    TaskHandle<T> t = corolab::create_task(*loop_, std::move(coro), std::move(name));
    adopt(t.ref());
    return t;
  }
  size_t size() const { return tasks_.size(); }

 private:
  void check_can_create() const;
  void adopt(const Ref<TaskBase>& task);
  void abort();
  void on_task_done(FutureBase& task);
  static void on_task_done_cb(void* self, void* fut, bool run);

  Loop* loop_ = nullptr;
  Ref<TaskBase> parent_;
  std::list<Ref<TaskBase>> tasks_;  // creation order
  std::unordered_map<FutureBase*, std::list<Ref<TaskBase>>::iterator> index_;
  std::vector<std::exception_ptr> errors_;
  Ref<FutureBase> on_completed_fut_;
  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  bool parent_cancel_requested_ = false;
};

// async with asyncio.TaskGroup() as tg: await body(tg)
template <class F>
Task<void> task_group(F body) {
  TaskGroup tg;
  tg.enter();
  std::exception_ptr err;
  try {
    co_await body(tg);
  } catch (...) {
    err = std::current_exception();
  }
  co_await tg.exit(err);
}

}  // namespace corolab
