# From the Python 3.11 documentation, whatsnew/3.8.rst lines 603-610; see README.md.
import asyncio

async def main():
    await asyncio.sleep(0)
    return 42

asyncio.run(main())
