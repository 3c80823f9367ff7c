// corolab: asyncio's event loop and primitives in C++20.
//
// How to use:
//   #include "corolab/corolab.hpp"
//   using namespace corolab;
//
//   Task<int> work(int x) { co_await sleep(1.0); co_return x * 2; }
//   Task<int> main_task() {
//     auto a = create_task(work(1));          // Task-2, starts next iteration
//     auto b = create_task(work(2));
//     auto both = co_await gather(std::vector<Future<int>>{a, b});  // {2, 4}
//     co_return both[0] + both[1];
//   }
//   Loop loop;                                 // virtual clock
//   int r = run_until_complete(loop, main_task());   // r == 6, loop.time() == 1
//
// - Task<T> is a lazy coroutine (a Python coroutine object); co_await runs
//   it inline. create_task() makes it an asyncio task (TaskHandle<T>).
// - Future<T>, TaskHandle<T>, gather/wait/wait_for/timeout/as_completed/
//   shield, TaskGroup, Event, Lock, Semaphore, BoundedSemaphore, Condition,
//   Queue<T> follow CPython 3.11's asyncio: same callback order, same
//   one-iteration delays, same cancellation rules.
// - Errors are std::exception_ptr inside futures; awaiting rethrows them;
//   cancellation throws CancelledError at the await.
// - Drive: run_until_complete(loop, ...) (virtual clock), or loop.advance()
//   from a host event loop (real clock; returns seconds to wait).
// - Trace: loop.set_trace(&trace) records events (trace.hpp).
// - Reports of unretrieved exceptions: set_report_hook() (report.hpp).
#pragma once

#include "corolab/as_completed.hpp"
#include "corolab/barrier.hpp"
#include "corolab/condition.hpp"
#include "corolab/errors.hpp"
#include "corolab/event.hpp"
#include "corolab/future.hpp"
#include "corolab/gather.hpp"
#include "corolab/lock.hpp"
#include "corolab/loop.hpp"
#include "corolab/queue.hpp"
#include "corolab/report.hpp"
#include "corolab/run.hpp"
#include "corolab/scheduled_task.hpp"
#include "corolab/semaphore.hpp"
#include "corolab/sleep.hpp"
#include "corolab/task.hpp"
#include "corolab/task_group.hpp"
#include "corolab/timeout.hpp"
#include "corolab/trace.hpp"
#include "corolab/wait.hpp"
