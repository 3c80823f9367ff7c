# From the Python 3.11 documentation, library/asyncio.rst (sidebar); see README.md.
import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(1)
    print('... World!')

asyncio.run(main())
