# From the Python 3.11 documentation, library/typing.rst lines 224 + 233-235 (with a driver); see README.md.
import asyncio  # corpus: added import
from collections.abc import Callable
from collections.abc import Awaitable  # corpus: added import (the page uses the name without importing it)

async def on_update(value: str) -> None:
    # Body
    await asyncio.sleep(1)  # corpus: stands for the page's '# Body'
    print('updated:', value)  # corpus: stands for the page's '# Body'
callback: Callable[[str], Awaitable[None]] = on_update


async def main():  # corpus: driver
    await callback('first')  # corpus: driver
    await asyncio.gather(*(callback(v) for v in ['a', 'b']))  # corpus: driver


asyncio.run(main())  # corpus: added entry point
