# From the Python 3.11 documentation, library/contextlib.rst lines 134-147; see README.md.
import asyncio  # corpus: added import
import time
from contextlib import asynccontextmanager

@asynccontextmanager
async def timeit():
    now = time.monotonic()
    try:
        yield
    finally:
        print(f'it took {time.monotonic() - now}s to run')

@timeit()
async def main():
    # ... async code ...
    await asyncio.sleep(1)  # corpus: stands for the docs' '# ... async code ...'


asyncio.run(main())  # corpus: added entry point
