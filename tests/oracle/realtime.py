#!/usr/bin/env python3
"""The real-time oracle: a scenario with threads, run by CPython 3.11 in real time.

    python3 tests/oracle/realtime.py FILE.py [--scale S] [--seed N]

Worker threads (asyncio.to_thread, loop.run_in_executor, ThreadPoolExecutor,
threading.Thread) cannot run under vclock.py's virtual clock: a thread's
time.sleep really waits. Here every duration is scaled instead: one virtual
second lasts SCALE real seconds (default 2: this machine is shared and busy), so time.sleep(d) waits d*SCALE,
the event loop's clock is (real seconds since it was first read) / SCALE,
and each output line is stamped with that clock rounded down to a multiple of
ROUND virtual seconds (0.1), forgiving up to 0.075 virtual seconds of
lateness (150 ms at the default scale): scheduling noise only ever delays. Scenarios keep every deadline on
a multiple of 0.1 s.

stdout: the tsv contract of SCENARIO-LANGUAGE.md, as vclock.py prints it.
Fixed so that a run is reproducible: os.cpu_count() is CPU_COUNT (so the
default ThreadPoolExecutor has min(32, CPU_COUNT + 4) = 8 workers), random
starts from the same seed, the wall clock starts at 2000-01-01 00:00:00 UTC.

A scenario checked here must not depend on races: two things due at the same
virtual time on different threads (a worker's print and the loop's, a worker
waking as a timer fires) come out in whatever order the OS picks. Print
times rounded down (int(loop.time() * 10 + 0.25) / 10); loop.time() itself
carries the noise.
"""
import argparse
import asyncio
import asyncio.threads  # noqa: F401 - imported up front: imports take real time
import concurrent.futures.thread  # noqa: F401
import gc
import math
import os
import random
import sys
import threading
import time
import traceback

import vclock  # same folder
from vclock import exception_line, main_module

WALL_CLOCK_AT_ZERO = 946684800.0  # 2000-01-01 00:00:00 UTC
DEFAULT_SEED = 20000101
DEFAULT_SCALE = 2.0
ROUND = 0.1
CPU_COUNT = 4

_real_sleep = time.sleep
_real_monotonic = time.monotonic
_start = None  # set by the first clock read: start-up costs are not counted
SCALE = DEFAULT_SCALE


def virtual_now():
    global _start
    if _start is None:
        _start = _real_monotonic()
    return (_real_monotonic() - _start) / SCALE


def stamp():
    # Noise only ever makes things late: round down, forgiving up to 0.75 ROUND.
    return math.floor(virtual_now() / ROUND + 0.25) * ROUND


class TsvStdout(vclock.TsvStdout):
    """Replaces sys.stdout: stamps each line (any thread's) with the rounded virtual time."""

    def __init__(self, out):
        self._out = out
        self._partial = {}  # thread id -> unfinished line
        self._lock = threading.Lock()
        self.encoding = "utf-8"
        self.errors = "strict"

    def write(self, text):
        with self._lock:
            me = threading.get_ident()
            lines = (self._partial.pop(me, "") + text).split("\n")
            for done in lines[:-1]:
                self._out.write("%.3f\t%s\n" % (stamp(), done))
            if lines[-1]:
                self._partial[me] = lines[-1]
        return len(text)

    def finish(self):
        with self._lock:
            for rest in self._partial.values():
                self._out.write("%.3f\t%s\n" % (stamp(), rest))
            self._partial.clear()
            self._out.flush()


class ScaledSelectorLoop(asyncio.SelectorEventLoop):
    """The default loop with its clock in virtual seconds: waits are scaled."""

    def __init__(self):
        super().__init__()
        select = self._selector.select
        self._selector.select = lambda timeout=None: select(None if timeout is None else timeout * SCALE)

    def time(self):
        return virtual_now()


class ScaledPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = ScaledSelectorLoop


def _scaled_timeout(timeout):
    return timeout * SCALE if timeout is not None and timeout > 0 else timeout


class ScaledLock:
    """A lock whose acquire(timeout=) waits the scaled duration."""

    def __init__(self, lock):
        self._lock = lock

    def acquire(self, blocking=True, timeout=-1):
        return self._lock.acquire(blocking, _scaled_timeout(timeout))

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __getattr__(self, name):  # release, locked, RLock's _release_save...
        return getattr(self._lock, name)


def install_scaled_time():
    def sleep(seconds):
        virtual_now()  # a sleep starts the clock too (a thread may sleep before anything reads it)
        _real_sleep(seconds * SCALE)

    time.sleep = sleep
    time.monotonic = virtual_now
    time.perf_counter = virtual_now
    time.time = lambda: WALL_CLOCK_AT_ZERO + virtual_now()
    os.cpu_count = lambda: CPU_COUNT
    # Every timed wait of threading, queue and concurrent.futures is a lock
    # acquire with a timeout (Condition.wait's waiter lock, Thread.join's
    # state lock): scaled like sleeps. Their clocks were bound at import.
    real_lock, real_rlock = threading.Lock, threading.RLock
    threading.Lock = lambda: ScaledLock(real_lock())
    threading.RLock = lambda *a, **k: ScaledLock(real_rlock(*a, **k))
    threading._allocate_lock = threading.Lock
    threading._time = virtual_now
    wait_for_tstate_lock = threading.Thread._wait_for_tstate_lock
    threading.Thread._wait_for_tstate_lock = lambda self, block=True, timeout=-1: wait_for_tstate_lock(
        self, block, _scaled_timeout(timeout))
    import queue
    queue.time = virtual_now


def run(path, seed):
    os.environ["TZ"] = "UTC"
    time.tzset()
    real_stdout = sys.stdout
    out = TsvStdout(real_stdout)
    base = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    asyncio.set_event_loop_policy(ScaledPolicy())
    install_scaled_time()
    random.seed(seed)
    module = main_module(base)
    sys.stdout = out
    status = 0
    try:
        exec(compile(source, base, "exec"), module.__dict__)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # noqa: B902 - the scenario's uncaught exception
        status = 1
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        out.finish()
        real_stdout.write("%.3f\t%s\n" % (stamp(), exception_line(exc)))
    module.__dict__.clear()
    gc.collect()
    out.finish()
    sys.stdout = real_stdout
    sys.stderr.flush()
    return status


def main():
    global SCALE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    SCALE = args.scale
    sys.exit(run(args.file, args.seed))


if __name__ == "__main__":
    main()
