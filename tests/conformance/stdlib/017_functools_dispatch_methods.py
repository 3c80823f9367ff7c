# functools: singledispatch (by type, by annotation, unions, MRO, registry,
# dispatch()), singledispatchmethod, partialmethod, cached_property,
# total_ordering, as an event handler might use them.
import asyncio
from dataclasses import dataclass
from functools import (cached_property, partialmethod, singledispatch,
                       singledispatchmethod, total_ordering)


class Event:
    def __init__(self, name):
        self.name = name


class Click(Event):
    pass


class DoubleClick(Click):
    pass


@singledispatch
def describe(obj):
    return f"object {obj!r}"


@describe.register
def _(obj: int):
    return f"int {obj}"


@describe.register
def _(obj: str | frozenset):
    return f"text {obj!r}"


@describe.register(list)
@describe.register(tuple)
def _(obj):
    return "sequence of " + ", ".join(describe(x) for x in obj)


def describe_event(obj):
    return f"event {obj.name}"


describe.register(Event, describe_event)


@describe.register
def _(obj: Click):
    return f"click on {obj.name}"


print(describe(3), describe(True), describe("a"), describe(2.5), describe(None))
print(describe([1, ("x", 2)]))
print(describe(Event("boot")), describe(Click("ok")), describe(DoubleClick("icon")))
print(describe.dispatch(bool).__name__, describe.dispatch(DoubleClick) is describe.registry[Click])
print(sorted(t.__name__ for t in describe.registry.keys()), len(describe.registry), object in describe.registry)
print(describe.__name__, describe.__wrapped__.__name__)
try:
    describe.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    describe()
except TypeError as e:
    print("TypeError:", e)


class Dispatcher:
    def __init__(self):
        self.log = []

    @singledispatchmethod
    def handle(self, event):
        self.log.append(f"ignored {type(event).__name__}")

    @handle.register
    def _(self, event: Click):
        self.log.append(f"clicked {event.name}")

    @handle.register
    def _(self, event: int):
        self.log.append(f"tick {event}")

    @singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return f"{cls.__name__}: other"

    @kind.register
    @classmethod
    def _(cls, arg: float):
        return f"{cls.__name__}: float"


@total_ordering
@dataclass(eq=True)
class Job:
    priority: int
    name: str

    def __lt__(self, other):
        if not isinstance(other, Job):
            return NotImplemented
        return (self.priority, self.name) < (other.priority, other.name)


class Worker:
    runs = 0

    def __init__(self, name):
        self.name = name
        self.state = "idle"

    def set_state(self, state, note=""):
        self.state = state + note

    start = partialmethod(set_state, "busy")
    stop = partialmethod(set_state, "idle", note=" (stopped)")

    @cached_property
    def label(self):
        Worker.runs += 1
        return self.name.upper()


async def main():
    d = Dispatcher()
    for event in [Click("ok"), 5, DoubleClick("x"), Event("e"), "text"]:
        await asyncio.sleep(0.1)
        d.handle(event)
    print(d.log)
    print(Dispatcher.kind(1.5), Dispatcher.kind("x"), d.kind(2.0))

    jobs = [Job(2, "b"), Job(1, "z"), Job(2, "a")]
    print([j.name for j in sorted(jobs)], Job(1, "a") <= Job(1, "a"), Job(3, "a") > Job(2, "z"), Job(1, "b") >= Job(1, "c"))
    print(sorted(n for n in ("__lt__", "__le__", "__gt__", "__ge__") if n in Job.__dict__))

    w = Worker("w1")
    w.start()
    print(w.state, end=" ")
    await asyncio.sleep(1)
    w.stop()
    print(w.state)
    print(w.label, w.label, Worker.runs, w.__dict__["label"], type(Worker.__dict__["label"]).__name__)
    print(type(Worker.start).__name__, Worker.label.attrname)


try:
    class Twice:
        first = second = cached_property(lambda self: 1)
except RuntimeError as e:
    print("RuntimeError:", e, "|", e.__cause__)

asyncio.run(main())
