# From the Python 3.11 documentation, reference/datamodel.rst lines 3043-3054 (with a driver); see README.md.
import asyncio  # corpus: added import

LINES = [b'first\n', b'second\n', b'third\n', b'']  # corpus: data for the stand-in readline


class Reader:
    async def readline(self):
        await asyncio.sleep(0.5)  # corpus: stands for the page's '...'
        return LINES.pop(0)  # corpus: stands for the page's '...'

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


async def main():  # corpus: driver
    async for line in Reader():  # corpus: driver
        print(line)  # corpus: driver


asyncio.run(main())  # corpus: added entry point
