# Enums mixed with str / int (class Status(str, Enum)), as API-style tutorials write them.
import asyncio
from enum import Enum, StrEnum, auto


class Status(str, Enum):
    OK = "ok"
    RETRY = "retry"
    ERROR = "error"


class Level(int, Enum):
    DEBUG = 10
    INFO = 20
    ERROR = 40


class Mode(StrEnum):
    FAST = auto()
    SAFE = auto()


async def call(n):
    await asyncio.sleep(n * 0.1)
    return Status("ok" if n % 3 else "retry")


async def main():
    results = await asyncio.gather(*(call(n) for n in range(1, 7)))
    print(results)
    print([r.value for r in results], results[0] == "ok", Status.RETRY.upper(), f"{Status.OK}|{Mode.FAST}|")
    tally = {}
    for r in results:
        tally[r] = tally.get(r, 0) + 1
    print(tally, tally.get("ok"), "retry" in tally)
    print(Level.INFO > Level.DEBUG, Level.ERROR + 2, sorted([Level.ERROR, Level.DEBUG]), Level(20))
    print(list(Mode), Mode("safe"), Mode.SAFE == "safe", str(Mode.SAFE))


asyncio.run(main())
