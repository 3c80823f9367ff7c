#!/usr/bin/env python3
"""CPython's view of each loop iteration, for checking the page's stepping.

    python3 tests/oracle/steps.py FILE.py

Runs FILE.py under the oracle (vclock.py) and prints, on stderr, one line per
BaseEventLoop._run_once iteration, taken at the moment its first callback is
popped (the due timers already moved into _ready):

    <n> t=<time> ready=[<entry>, ...] timers=[<deadline>:<entry>, ...]

An entry names the task a callback steps ("Task-2 __step", "Task-2 __wakeup"),
or the callback's function ("_set_result_unless_cancelled" for sleep's timer).
The scenario's own output (stdout) is as vclock.py prints it.
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vclock  # noqa: E402


def describe(handle):
    cb = handle._callback
    owner = getattr(cb, "__self__", None)
    name = getattr(cb, "__name__", repr(cb))
    if type(cb).__name__ == "TaskStepMethWrapper":
        name = "step"  # the C Task's __step
    if owner is not None and hasattr(owner, "get_name"):
        return f"{owner.get_name()} {name.lstrip('_').replace('task_', '')}"
    if name == "_set_result_unless_cancelled" and handle._args:
        # sleep's timer: the future's only callback is its task's __wakeup.
        fut = handle._args[0]
        waiters = [getattr(c[0], "__self__", None) for c in fut._callbacks or []]
        names = [w.get_name() for w in waiters if w is not None and hasattr(w, "get_name")]
        return f"sleep timer ({', '.join(names) or '?'})"
    return name


class ReadyQueue(collections.deque):
    """The loop's _ready: reports the queue when an iteration pops its first callback."""

    loop = None
    iteration = 0
    fresh = False

    def popleft(self):
        if ReadyQueue.fresh:
            ReadyQueue.fresh = False
            ReadyQueue.iteration += 1
            loop = ReadyQueue.loop
            ready = ", ".join(describe(h) for h in self if not h._cancelled)
            timers = ", ".join(f"{h._when:g}:{describe(h)}" for h in sorted(loop._scheduled) if not h._cancelled)
            print(f"{ReadyQueue.iteration} t={vclock.Clock.now:g} ready=[{ready}] timers=[{timers}]", file=sys.stderr)
        return super().popleft()


_init = vclock.VirtualEventLoop.__init__
_select = vclock.VirtualSelector.select


def init(self):
    _init(self)
    self._ready = ReadyQueue(self._ready)
    ReadyQueue.loop = self


def select(self, timeout=None):
    ReadyQueue.fresh = True
    return _select(self, timeout)


vclock.VirtualEventLoop.__init__ = init
vclock.VirtualSelector.select = select

if __name__ == "__main__":
    sys.exit(vclock.run(sys.argv[1], vclock.DEFAULT_SEED, vclock.DEFAULT_HORIZON, vclock.DEFAULT_MAX_OUTPUT))
