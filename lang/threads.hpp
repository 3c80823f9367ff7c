// Worker threads in virtual time (mod_threads.cpp): what asyncio, time and
// the module table need from them.
#pragma once

#include <optional>

#include "corolab/corolab.hpp"
#include "lang/runtime.hpp"

namespace corolab::lang {

struct WorkerPool;

// time.sleep on a worker: moves only that worker's clock (true), or false
// when no job is running (the caller blocks the loop).
bool worker_sleep(double seconds);
// The running job's clock (time.time(), time.monotonic()), if one runs.
std::optional<double> worker_time();
// The main thread, with no loop running, blocks until global time `until`
// (time.sleep): worker lines due by then are written first, at their times.
void main_blocks_until(double until);

Value a_to_thread(Value* args, int nargs, const CallArgs& kw);
// loop.run_in_executor(executor, func, *args): args[0] is the executor.
Value l_run_in_executor(Loop& loop, Value* args, int nargs);
WorkerPool* executor_pool(const Value& executor);

Value make_module_threading();
Value make_module_concurrent_futures();

}  // namespace corolab::lang
