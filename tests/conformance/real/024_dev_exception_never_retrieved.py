# From the Python 3.11 documentation, library/asyncio-dev.rst lines 211-219; see README.md.
import asyncio

async def bug():
    raise Exception("not consumed")

async def main():
    asyncio.create_task(bug())

asyncio.run(main())
