# From the Python 3.11 documentation, library/asyncio-runner.rst lines 84-89; see README.md.
import asyncio  # corpus: added import

async def main():
    await asyncio.sleep(1)
    print('hello')

with asyncio.Runner() as runner:
    runner.run(main())
