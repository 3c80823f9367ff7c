# From the Python 3.11 documentation, library/typing.rst lines 2295-2298 (with a driver); see README.md.
import asyncio  # corpus: added import
from typing import AsyncIterator  # corpus: added import


async def increment(n):  # corpus: stands for the page's undefined increment()
    await asyncio.sleep(0.25)  # corpus: stand-in
    return n * 2  # corpus: stand-in


async def infinite_stream(start: int) -> AsyncIterator[int]:
    while True:
        yield start
        start = await increment(start)


async def consume(name, stream, count):  # corpus: driver
    it = aiter(stream)  # corpus: driver
    for _ in range(count):  # corpus: driver
        print(name, await anext(it))  # corpus: driver


async def main():  # corpus: driver
    await asyncio.gather(consume('a', infinite_stream(1), 4), consume('b', infinite_stream(3), 3))  # corpus: driver


asyncio.run(main())  # corpus: added entry point
