"""Runs a bench scenario on CPython (or Pyodide) with asyncio on a virtual clock,
as corolab runs it: a loop iteration that would wait `timeout` seconds moves the
clock instead. No sockets or selectors, so it also runs in Pyodide.

    python3 bench/vloop.py FILE.py
"""
import asyncio
import runpy
import sys
from asyncio import base_events, events


class _VirtualSelector:
    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout=None):
        if timeout:
            self.loop.vtime += timeout
        return []


class VirtualLoop(base_events.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self.vtime = 0.0
        self._selector = _VirtualSelector(self)

    def time(self):
        return self.vtime

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


class VirtualPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualLoop


def install():
    asyncio.set_event_loop_policy(VirtualPolicy())
    # Pyodide keeps its browser loop marked as running, and asyncio.run()
    # refuses to start under a running loop; CPython has none here.
    events._set_running_loop(None)


if __name__ == "__main__":
    install()
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
