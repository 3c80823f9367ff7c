#!/usr/bin/env python3
"""The reference oracle: run a scenario under CPython 3.11 asyncio on a virtual clock.

    python3 tests/oracle/vclock.py FILE.py [--seed N] [--horizon SECONDS] [--max-output CHARS]

stdout: the tsv contract of SCENARIO-LANGUAGE.md, one "<t %.3f>\\t<text>" line per
output line (stamped when its newline is written; an unfinished line at exit gets
the exit time). An uncaught exception ends with "<t>\\t!<Type>: <str(exc)>" (just
"!<Type>" when str(exc) is empty, as CPython's traceback prints it) and status 1.
stderr: whatever CPython writes there (asyncio's log messages, tracebacks).

Virtual time: one process-wide clock `now` shared by every loop. A loop iteration
that would wait `timeout` seconds (BaseEventLoop._run_once computes it, capped at
86400) does `now += timeout` instead; time.sleep(d) does `now += d`. Timers with equal deadlines fire in creation order.

Budgets emulated exactly (each ends the run at once, no finally blocks run, status 1):
  horizon:   the clock may not pass it (default 3600 s):
             "!BudgetExceeded: virtual time limit of 3600 s reached", stamped with
             the time before the move that would pass it.
  output:    the scenario may write at most N characters to stdout (default
             1000000, newlines count): the characters up to the limit are printed,
             then "!BudgetExceeded: output limit of N characters reached".
A deadlock (nothing ready, no timer, the loop still running) ends the run with
"!DeadlockError: no task can make progress; waiting: Task-1, Task-2" (the unfinished
tasks of the loop in creation order; "none" when there is none), status 1.
Steps and memory budgets cannot be emulated: corolab-specific tests cover them.
"""
import argparse
import asyncio
import datetime as _dt_module
import gc
import heapq
import itertools
import os
import random
import selectors
import subprocess
import sys
import time
import traceback
import types
import weakref
from asyncio import events, selector_events

WALL_CLOCK_AT_ZERO = 946684800.0  # 2000-01-01 00:00:00 UTC
DEFAULT_SEED = 20000101
DEFAULT_HORIZON = 3600.0
DEFAULT_MAX_OUTPUT = 1_000_000


class Clock:
    """The process-wide virtual clock (seconds since the scenario started)."""
    now = 0.0
    horizon = DEFAULT_HORIZON

    @classmethod
    def advance(cls, seconds):
        if cls.now + seconds > cls.horizon:
            stop_run(f"BudgetExceeded: virtual time limit of {cls.horizon:g} s reached")
        cls.now += seconds


# --- output -----------------------------------------------------------------

class TsvStdout:
    """Replaces sys.stdout: stamps each line with the virtual time of its newline."""

    def __init__(self, out, max_chars):
        self._out = out
        self._partial = []
        self._written = 0
        self._max = max_chars
        self.encoding = "utf-8"
        self.errors = "strict"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self._max - self._written
        over = len(text) > room
        if over:
            text = text[:room]
        self._written += len(text)
        lines = text.split("\n")
        for done in lines[:-1]:
            self._partial.append(done)
            self._emit("".join(self._partial))
            self._partial = []
        if lines[-1]:
            self._partial.append(lines[-1])
        if over:
            stop_run(f"BudgetExceeded: output limit of {self._max} characters reached")
        return len(text)

    def _emit(self, line):
        self._out.write("%.3f\t%s\n" % (Clock.now, line))

    def finish(self):
        """Prints an unfinished last line with the current (exit) time."""
        if self._partial:
            self._emit("".join(self._partial))
            self._partial = []
        self._out.flush()

    def final(self, line):
        """The run's last line ("!..."): never counted against the output budget."""
        self.finish()
        self._emit(line)
        self._out.flush()

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True


STDOUT = None  # the TsvStdout in use


def stop_run(message):
    """Ends the run at once (budgets, deadlock): no finally blocks, no shutdown."""
    STDOUT.final("!" + message)
    sys.stderr.flush()
    os._exit(1)


# --- the event loop ---------------------------------------------------------

class OrderedTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (deadline, creation order).

    CPython's TimerHandle compares deadlines only, and heapq is not stable, so
    equal deadlines would fire in heap order; the contract wants creation order."""
    __slots__ = ("_seq",)
    _counter = itertools.count()

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(OrderedTimerHandle._counter)

    def _key(self):
        return (self._when, self._seq)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __eq__(self, other):
        if isinstance(other, OrderedTimerHandle):
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())


class VirtualSelector(selectors.SelectSelector):
    """select(timeout) moves the virtual clock by `timeout` instead of waiting."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is None:
            report_deadlock(self.loop)
        if timeout > 0:
            Clock.advance(timeout)
        return []


class VirtualEventLoop(selector_events.BaseSelectorEventLoop):
    """CPython's selector loop with virtual time and creation-ordered timers."""

    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._clock_resolution = 1e-9  # CPython's monotonic resolution on Linux
        self._task_order = weakref.WeakKeyDictionary()

    def time(self):
        return Clock.now

    def call_at(self, when, callback, *args, context=None):
        # Same as BaseEventLoop.call_at, with OrderedTimerHandle.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = OrderedTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        self._task_order[task] = next(_task_counter)  # for the deadlock report
        return task


_task_counter = itertools.count()


def report_deadlock(loop):
    order = loop._task_order if loop is not None else {}
    waiting = [t for t in asyncio.all_tasks(loop) if not t.done()] if loop else []
    waiting.sort(key=lambda t: order.get(t, -1))
    names = ", ".join(t.get_name() for t in waiting) or "none"
    stop_run(f"DeadlockError: no task can make progress; waiting: {names}")


class VirtualEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


# --- time, datetime, random -------------------------------------------------

def install_virtual_time():
    real_gmtime = time.gmtime

    def sleep(seconds):
        # the argument checks of the real time.sleep (CPython 3.11 pytime.c:
        # the duration must fit in int64 nanoseconds)
        if isinstance(seconds, float):
            if seconds != seconds:
                raise ValueError("Invalid value NaN (not a number)")
            if not abs(seconds * 1e9) <= 2.0**63:
                raise OverflowError("timestamp out of range for platform time_t")
        elif isinstance(seconds, int) and abs(seconds) > 9223372036:
            raise OverflowError("timestamp too large to convert to C _PyTime_t")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        Clock.advance(float(seconds))

    def wall():
        return WALL_CLOCK_AT_ZERO + Clock.now

    def gmtime(secs=None):
        return real_gmtime(wall() if secs is None else secs)

    def strftime(fmt, t=None):
        return _real_strftime(fmt, gmtime() if t is None else t)

    def ctime(secs=None):
        return time.asctime(gmtime(secs))

    _real_strftime = time.strftime
    time.sleep = sleep
    time.time = wall
    time.time_ns = lambda: int(wall() * 1e9)
    time.monotonic = lambda: Clock.now
    time.monotonic_ns = lambda: int(Clock.now * 1e9)
    time.perf_counter = lambda: Clock.now
    time.perf_counter_ns = lambda: int(Clock.now * 1e9)
    time.gmtime = gmtime
    time.localtime = gmtime  # the wall clock is UTC
    time.strftime = strftime
    time.ctime = ctime

    real_datetime, real_date = _dt_module.datetime, _dt_module.date

    class _Proxy(type):
        """isinstance/issubclass against the proxy see the real class."""
        def __instancecheck__(cls, obj):
            return isinstance(obj, cls._real)

        def __subclasscheck__(cls, sub):
            return issubclass(sub, cls._real)

    # Instances are always the real C classes (repr, type(x).__name__ as usual);
    # only the class methods that read the clock are replaced.
    class datetime(real_datetime, metaclass=_Proxy):
        _real = real_datetime

        def __new__(cls, *args, **kwargs):
            return real_datetime(*args, **kwargs)

        @classmethod
        def now(cls, tz=None):
            return real_datetime.fromtimestamp(wall(), tz)  # local time is UTC

        @classmethod
        def today(cls):
            return cls.now()

        @classmethod
        def utcnow(cls):
            return cls.now()

    class date(real_date, metaclass=_Proxy):
        _real = real_date

        def __new__(cls, *args, **kwargs):
            return real_date(*args, **kwargs)

        @classmethod
        def today(cls):
            return datetime.now().date()

    for proxy, real in ((datetime, real_datetime), (date, real_date)):
        proxy.__module__ = real.__module__
        proxy.__qualname__ = real.__qualname__
    _dt_module.datetime = datetime
    _dt_module.date = date


# --- running a scenario -----------------------------------------------------

def exception_line(exc):
    try:
        text = str(exc)
    except Exception:  # what CPython's traceback prints then
        text = "<exception str() failed>"
    name = type(exc).__name__
    return f"!{name}: {text}" if text else f"!{name}"


def main_module(base):
    """A fresh __main__ for the scenario file `base` (also used by realtime.py)."""
    module = types.ModuleType("__main__")
    module.__file__ = base
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.argv = [base]
    return module


def run(path, seed, horizon, max_output):
    global STDOUT
    os.environ["TZ"] = "UTC"
    time.tzset()
    Clock.horizon = horizon
    real_stdout = sys.stdout
    STDOUT = TsvStdout(real_stdout, max_output)

    base = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except UnicodeDecodeError:
        # CPython refuses a file that is not UTF-8 before running any of it:
        # report the SyntaxError `python3 FILE` prints for it.
        r = subprocess.run([sys.executable, base], cwd=os.path.dirname(os.path.abspath(path)),
                           capture_output=True, text=True, errors="replace")
        STDOUT.final("!" + r.stderr.strip().splitlines()[-1].replace(os.path.abspath(path), base))
        STDOUT.finish()
        return 1

    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    install_virtual_time()
    random.seed(seed)

    module = main_module(base)
    sys.stdout = STDOUT

    # A plain `python3 main.py` runs the module at depth 1; here it runs below
    # this frame's callers: shift the limit so user recursion depth matches.
    sys.setrecursionlimit(1000 + len(traceback.extract_stack()) + 1)  # +1: exec()
    status = 0
    try:
        code = compile(source, base, "exec")
        exec(code, module.__dict__)
    except SyntaxError as exc:
        # The line is in str(exc) ("... (main.py, line 3)"); the runner compares it.
        status = 1
        STDOUT.final(exception_line(exc))
    except SystemExit as exc:
        # exit()/sys.exit(): CPython prints nothing on stdout for it.
        code = exc.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
    except BaseException as exc:  # noqa: B902 - the scenario's uncaught exception
        status = 1
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next  # hide the oracle's own frames
        traceback.print_exception(type(exc), exc, tb, file=sys.stderr)
        STDOUT.final(exception_line(exc))
    # Let finalizers run now (e.g. "Task exception was never retrieved"), still
    # stamping what they print (a coroutine's finally block, say).
    module.__dict__.clear()
    gc.collect()
    STDOUT.finish()
    sys.stdout = real_stdout
    sys.stderr.flush()
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--horizon", type=float, default=DEFAULT_HORIZON)
    parser.add_argument("--max-output", type=int, default=DEFAULT_MAX_OUTPUT)
    args = parser.parse_args()
    sys.exit(run(args.file, args.seed, args.horizon, args.max_output))


if __name__ == "__main__":
    main()
