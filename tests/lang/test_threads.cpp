// Simulated threads (lang/modules/thread.cpp) through Session: how runs end
// when threads are left blocked, deadlock or run out of a budget, and that
// their frames and waiting locks are freed with the run (the sanitizer
// build checks the freeing). The scenarios' CPython behaviour is in the
// threads/ conformance corpus; these cases are ones CPython hangs on or
// corolab refuses.
#include <catch2/catch.hpp>

#include <string>

#include "corolab/lang/session.hpp"

using corolab::lang::Options;
using corolab::lang::Session;

namespace {

struct Outcome {
    std::string out, err;
    Session::Result result;
};

Outcome run(const std::string& src, Options opts = {}) {
    Session s(src, opts);
    while (s.advance() >= 0) {
    }
    Outcome o;
    for (auto& l : s.take_output()) (l.err ? o.err : o.out) += l.text + "\n";
    o.result = s.result();
    return o;
}

}  // namespace

TEST_CASE("a daemon thread left waiting on a lock is dropped at exit; its frames are freed") {
    Outcome o = run(R"PY(
import threading
lock = threading.Lock()
lock.acquire()
def waits():
    print("waiting")
    with lock:
        print("never")
t = threading.Thread(target=waits, daemon=True)
t.start()
print("main ends", t.is_alive())
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out == "waiting\nmain ends True\n");
}

TEST_CASE("threads that wait on each other end the run with DeadlockError naming them") {
    Outcome o = run(R"PY(
import threading, time
a, b = threading.Lock(), threading.Lock()
def one():
    with a:
        time.sleep(1)
        with b:
            pass
def two():
    with b:
        time.sleep(1)
        with a:
            pass
ts = [threading.Thread(target=one, name="one"), threading.Thread(target=two, name="two")]
for t in ts:
    t.start()
for t in ts:
    t.join()
)PY");
    CHECK(o.result.type == "DeadlockError");
    CHECK(o.result.message == "the main thread waits for threads that can never wake; threads: one (lock), two (lock)");
    CHECK(o.result.t == Approx(1.0));
}

TEST_CASE("a thread not joined by the code is joined at exit, as CPython's interpreter does") {
    Outcome o = run(R"PY(
import threading, time
def late():
    time.sleep(2)
    print("late", time.monotonic())
threading.Thread(target=late).start()
print("module ends", time.monotonic())
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out == "module ends 0.0\nlate 2.0\n");
    CHECK(o.result.t == Approx(2.0));
}

TEST_CASE("the step budget stops a run whose threads hold locks others wait on") {
    Options opts;
    opts.budgets.steps = 2'000'000;
    Outcome o = run(R"PY(
import threading
lock = threading.Lock()
def spin():
    with lock:
        while True:
            pass
def waits():
    with lock:
        pass
threading.Thread(target=waits).start()
threading.Thread(target=spin).start()
threading.Thread(target=waits).start()
)PY",
                    opts);
    CHECK(o.result.type == "BudgetExceeded");
    CHECK(o.result.budget == "steps");
}

TEST_CASE("a thread has no event loop; running one there is refused clearly") {
    Outcome o = run(R"PY(
import asyncio, threading
async def main():
    def probe():
        for f in (asyncio.get_running_loop, asyncio.get_event_loop):
            try:
                f()
            except RuntimeError as e:
                print(e)
    await asyncio.to_thread(probe)
asyncio.run(main())
def runs_a_loop():
    try:
        asyncio.run(asyncio.sleep(0))
    except RuntimeError as e:
        print(e)
t = threading.Thread(target=runs_a_loop)
t.start()
t.join()
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out ==
          "no running event loop\n"
          "There is no current event loop in thread 'asyncio_0'.\n"
          "not supported in corolab: running an event loop on a thread other than the main one\n");
}

TEST_CASE("blocking inside code a builtin calls on a thread says so") {
    Outcome o = run(R"PY(
import threading, time
def sorts():
    try:
        sorted([2, 1], key=lambda x: time.sleep(0.1) or x)
    except RuntimeError as e:
        print(e)
t = threading.Thread(target=sorts)
t.start()
t.join()
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out ==
          "not supported in corolab: blocking (sleep) on a thread inside code that a builtin calls (a key=, map(), "
          "__repr__...)\n");
}

TEST_CASE("executors, queues, wrap_future, run_coroutine_threadsafe and timers together; a daemon left waiting") {
    // CPython 3.11 in scaled real time (tests/oracle/realtime.py) printed
    // these lines, in this order, at 0.1 0.2 0.2 0.5 0.5 0.8 0.9 0.9.
    Outcome o = run(R"PY(
import asyncio, queue, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed
q = queue.Queue()
def consumer():
    while True:
        print("consumed", q.get())
threading.Thread(target=consumer, daemon=True).start()
def job(n):
    time.sleep(n / 10)
    q.put(n)
    return n
async def fetch(n):
    await asyncio.sleep(n / 10)
    return n * 2
def bridge(loop):
    return asyncio.run_coroutine_threadsafe(fetch(3), loop).result()
async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(job, n) for n in (2, 1)]
        print([f.result() for f in as_completed(fs)])
        print(await asyncio.wrap_future(ex.submit(job, 3)))
        print(await loop.run_in_executor(ex, bridge, loop))
    t = threading.Timer(0.1, print, args=("timer",))
    t.start()
    threading.Timer(5, print, args=("cancelled",)).cancel()
    await asyncio.to_thread(t.join)
asyncio.run(main())
print("end", round(time.monotonic(), 1))
)PY");
    CHECK(o.result.exit_code == 0);
    CHECK(o.out == "consumed 1\nconsumed 2\n[1, 2]\nconsumed 3\n3\n6\ntimer\nend 0.9\n");
    CHECK(o.result.t == Approx(0.9));
}
