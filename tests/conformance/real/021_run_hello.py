# From the Python 3.11 documentation, library/asyncio-runner.rst lines 46-50; see README.md.
import asyncio  # corpus: added import

async def main():
    await asyncio.sleep(1)
    print('hello')

asyncio.run(main())
