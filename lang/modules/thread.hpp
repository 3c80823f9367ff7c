// Simulated threads in virtual time (modules/thread.cpp): the `_thread`
// module that threading.py, queue.py and concurrent.futures (lang/modules/)
// are written on, and what time, asyncio and the Session need from it.
//
// A thread runs Python code on a VM Thread of its own and suspends where
// it blocks (time.sleep, a contended lock); the main thread never
// suspends: when it blocks, the threads' events due meanwhile run first
// (SCENARIO-LANGUAGE.md, "Threads and executors").
#pragma once

#include <optional>

#include "corolab/corolab.hpp"
#include "lang/objects/runtime.hpp"

namespace corolab::lang {

// time.sleep(seconds) on a simulated thread: its result (Null: suspended
// or raised), or nullopt on the main thread.
std::optional<Value> worker_sleep(double seconds);
// The name of the simulated thread running now; nullopt on the main thread
// (where the event loops run: asyncio.get_running_loop() on another thread
// raises, as in CPython).
std::optional<std::string> simulated_thread_name();
// The main thread blocks until global time `until` (time.sleep with or
// without a running loop): the threads' events due by then run first, at
// their times. Null when the run ends meanwhile (a budget).
Value main_blocks_until(double until);

// A loop starts running: the threads' pending events get a timer on it.
void threads_loop_started();
// The module's code ended: threading._shutdown() joins the threads, as
// CPython's interpreter does at exit. Null when that raised.
Value threads_at_exit();
// Frees every thread's frames and values (Session teardown, VM alive).
void threads_teardown();

Value make_module_thread();

}  // namespace corolab::lang
