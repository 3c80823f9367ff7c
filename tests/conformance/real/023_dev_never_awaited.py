# From the Python 3.11 documentation, library/asyncio-dev.rst lines 166-174; see README.md.
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()

asyncio.run(main())
