# singledispatch under `from __future__ import annotations`: the annotations
# are text, resolved as names (builtins, module globals, dotted names).
from __future__ import annotations

import asyncio
from functools import singledispatch


class Job:
    pass


@singledispatch
def label(x):
    return "something"


@label.register
def _(x: int):
    return "a number"


@label.register
def _(x: Job):
    return "a job"


@label.register
def _(x: asyncio.Event):
    return "an event"


def plain(a: int, b: Job = None) -> list[Job]:
    return []


async def main():
    await asyncio.sleep(1)
    print(label(3), label(Job()), label(asyncio.Event()), label("x"))
    print(plain.__annotations__)


asyncio.run(main())
