# From the Python 3.11 documentation, reference/datamodel.rst lines 3090-3095 (with a driver); see README.md.
import asyncio  # corpus: added import


async def log(message):  # corpus: stands for the page's undefined log()
    await asyncio.sleep(1)  # corpus: stand-in
    print(message)  # corpus: stand-in


class AsyncContextManager:
    async def __aenter__(self):
        await log('entering context')

    async def __aexit__(self, exc_type, exc, tb):
        await log('exiting context')


async def main():  # corpus: driver
    async with AsyncContextManager():  # corpus: driver
        print('inside')  # corpus: driver


asyncio.run(main())  # corpus: added entry point
