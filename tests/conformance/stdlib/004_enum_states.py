# Enum states of jobs driven by tasks; IntEnum priorities; auto.
import asyncio
from enum import Enum, IntEnum, auto


class State(Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()

    def describe(self):
        return f"{self.name.lower()} #{self.value}"


states = {}


async def job(name, delay, fail=False):
    states[name] = State.RUNNING
    print(f"{name}: {states[name]}")
    await asyncio.sleep(delay)
    states[name] = State.FAILED if fail else State.DONE
    print(f"{name}: {states[name]!r}")


async def main():
    for name in ("a", "b", "c"):
        states[name] = State.PENDING
    print(states)
    await asyncio.gather(job("a", 1), job("b", 0.5, fail=True), job("c", 2))
    print([s.value for s in states.values()], State("done") is State.DONE, State["FAILED"])
    print(list(State), len(State), State.DONE in State, type(State.DONE), State)
    print(Priority.HIGH, repr(Priority.LOW), Priority.HIGH > Priority.LOW, Priority.NORMAL == 2, Priority(3))
    print(sorted([Priority.HIGH, Priority.LOW, Priority.NORMAL]), Priority.HIGH + 1, f"{Priority.LOW:>3}|{State.DONE}|")
    print([c.describe() for c in Color], Color.GREEN.value, Color(3))
    counts = {state: 0 for state in State}
    for s in states.values():
        counts[s] += 1
    print({s.name: n for s, n in counts.items()})
    try:
        State("unknown")
    except ValueError as e:
        print("ValueError:", e)
    try:
        Priority["URGENT"]
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
