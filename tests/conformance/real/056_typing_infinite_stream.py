# From the Python 3.11 documentation, library/typing.rst lines 2287-2290 (with a driver); see README.md.
import asyncio  # corpus: added import
from typing import AsyncGenerator  # corpus: added import


async def increment(n):  # corpus: stands for the page's undefined increment()
    await asyncio.sleep(1)  # corpus: stand-in
    return n + 1  # corpus: stand-in


async def infinite_stream(start: int) -> AsyncGenerator[int, None]:
    while True:
        yield start
        start = await increment(start)


async def main():  # corpus: driver
    stream = infinite_stream(10)  # corpus: driver
    print(await anext(stream), await anext(stream))  # corpus: driver
    async for value in stream:  # corpus: driver
        print(value)  # corpus: driver
        if value >= 14:  # corpus: driver
            break  # corpus: driver
    await stream.aclose()  # corpus: driver
    print(await anext(stream, 'closed'))  # corpus: driver


asyncio.run(main())  # corpus: added entry point
