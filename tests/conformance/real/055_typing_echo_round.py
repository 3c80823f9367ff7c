# From the Python 3.11 documentation, library/typing.rst lines 2274-2278 (with a driver); see README.md.
import asyncio  # corpus: added import
from typing import AsyncGenerator  # corpus: added import


async def round(x):  # corpus: stands for the page's awaitable round(), undefined there
    await asyncio.sleep(0.1)  # corpus: stand-in
    return int(x + 0.5)  # corpus: stand-in


async def echo_round() -> AsyncGenerator[int, float]:
    sent = yield 0
    while sent >= 0.0:
        rounded = await round(sent)
        sent = yield rounded


async def main():  # corpus: driver
    gen = echo_round()  # corpus: driver
    print(await gen.asend(None))  # corpus: driver
    for value in [2.7, 0.2, 9.5]:  # corpus: driver
        print(await gen.asend(value))  # corpus: driver
    try:  # corpus: driver
        await gen.asend(-1.0)  # corpus: driver
    except StopAsyncIteration:  # corpus: driver
        print('finished')  # corpus: driver


asyncio.run(main())  # corpus: added entry point
