# From the Python 3.11 documentation, library/contextlib.rst lines 461-491; see README.md.
from asyncio import run
from contextlib import AsyncContextDecorator

class mycontext(AsyncContextDecorator):
    async def __aenter__(self):
        print('Starting')
        return self

    async def __aexit__(self, *exc):
        print('Finishing')
        return False


@mycontext()
async def function():
    print('The bit in the middle')

run(function())

async def function():
   async with mycontext():
        print('The bit in the middle')

run(function())
