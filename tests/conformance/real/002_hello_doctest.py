# From the Python 3.11 documentation, library/asyncio-task.rst lines 30-37 (doctest); see README.md.
import asyncio

async def main():
    print('hello')
    await asyncio.sleep(1)
    print('world')

asyncio.run(main())
